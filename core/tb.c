/*
 * tb.c - the translation cache: TB allocation, lookup, translation, chaining,
 * invalidation and flushing.
 *
 * Invariants:
 *  - A TB's metadata is malloc'd (never in the executable buffer) and freed
 *    only by a full flush, which runs in an exclusive section where no CPU
 *    can hold a pointer to it.  So lock-free readers may follow any pointer
 *    they loaded from the hash table or a jump cache.
 *  - Hash chains change only under tb_lock.  A TB is inserted at the head
 *    with a release store after it is completely filled in; unlinking an
 *    invalidated TB stores its successor into its predecessor's link, so a
 *    reader standing on the unlinked TB still reaches the rest of the chain.
 *  - Invalidation first stores TB_FLAGS_INVALID into tb->flags, so the inline
 *    jump-cache probe in generated code and every core lookup miss it even if
 *    a stale pointer to it survives in some jump cache.
 *  - The JIT allocates code sequentially, so engine.tbs (appended in
 *    allocation order) is sorted by code address between flushes:
 *    tb_find_by_host_pc is a binary search.
 *  - A TB sits on the lists of the guest pages (4 KiB) of its first and last
 *    byte; the list link used on page P is page_next[0] if P is the page of
 *    tb->pc, else page_next[1].  A TB covering more than two pages (which a
 *    frontend should avoid) is also kept in engine.wide_tbs, which every
 *    invalidation scans.  These lists and the jmp lists change only under
 *    tb_lock.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend/backend.h"
#include "core/core-internal.h"
#include "core/log.h"
#include "core/profile.h"

struct PageDesc {
    uint64_t index;                 /* guest address >> TB_PAGE_BITS */
    TranslationBlock *first;
    PageDesc *next;
};

/* Blocks start on this boundary in the code buffer. */
#define CODE_ALIGN 16

static uint64_t now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static unsigned tb_hash(uint64_t pc, uint32_t flags)
{
    uint64_t h = (pc ^ ((uint64_t)flags << 32) ^ flags) * 0x9e3779b97f4a7c15ull;

    return (unsigned)(h >> (64 - TB_HASH_BITS));
}

static unsigned page_hash(uint64_t index)
{
    return (unsigned)((index * 0x9e3779b97f4a7c15ull) >> 52) & (TB_PAGE_HASH_SIZE - 1);
}

/* Last guest byte a TB covers (an empty block still owns its first byte). */
static uint64_t tb_last_byte(const TranslationBlock *tb)
{
    return tb->pc + (tb->guest_size ? tb->guest_size - 1 : 0);
}

/* ---- set-up and teardown ----------------------------------------------- */

int tb_engine_init(void)
{
    pthread_mutex_init(&engine.tb_lock, NULL);
    engine.hash = calloc(TB_HASH_SIZE, sizeof(*engine.hash));
    engine.pages = calloc(TB_PAGE_HASH_SIZE, sizeof(*engine.pages));
    engine.scratch_ir = ir_block_new(&engine.globals, 0, 0);
    engine.tbs = NULL;
    engine.nb_tbs = engine.tbs_cap = 0;
    engine.nb_pages = 0;
    engine.flush_gen = 0;
    if (!engine.hash || !engine.pages || !engine.scratch_ir) {
        free(engine.hash);
        free(engine.pages);
        return -1;
    }
    return 0;
}

static void tb_free(TranslationBlock *tb)
{
    if (tb->ir) {
        ir_block_free(tb->ir);
    }
    free(tb->insn_end);
    free(tb->insn_data);
    free(tb);
}

static void clear_jmp_cache(CPU *cpu, void *opaque)
{
    for (unsigned i = 0; i < TB_JMP_CACHE_SIZE; i++) {
        __atomic_store_n(&cpu->jmp_cache[i], NULL, __ATOMIC_RELAXED);
    }
}

/* Drop every TB and page descriptor.  Caller holds tb_lock and, if any CPU
 * may be running, the exclusive section. */
static void tb_drop_all(void)
{
    for (size_t i = 0; i < engine.nb_tbs; i++) {
        profile_retire(engine.tbs[i]);
        tb_free(engine.tbs[i]);
    }
    engine.nb_tbs = 0;
    memset(engine.hash, 0, TB_HASH_SIZE * sizeof(*engine.hash));
    for (unsigned i = 0; i < TB_PAGE_HASH_SIZE; i++) {
        PageDesc *p = engine.pages[i];

        while (p) {
            PageDesc *next = p->next;
            free(p);
            p = next;
        }
        engine.pages[i] = NULL;
    }
    engine.nb_pages = 0;
    engine.nb_wide_tbs = 0;
    cpu_list_foreach(clear_jmp_cache, NULL);
    engine.code_ptr = engine.code_start;
    __atomic_fetch_add(&engine.flush_gen, 1, __ATOMIC_SEQ_CST);
}

void tb_engine_fini(void)
{
    pthread_mutex_lock(&engine.tb_lock);
    tb_drop_all();
    pthread_mutex_unlock(&engine.tb_lock);
    free(engine.tbs);
    free(engine.wide_tbs);
    engine.wide_tbs = NULL;
    engine.wide_tbs_cap = 0;
    free(engine.hash);
    free(engine.pages);
    ir_block_free(engine.scratch_ir);
    engine.tbs = NULL;
    engine.tbs_cap = 0;
    engine.hash = NULL;
    engine.pages = NULL;
    engine.scratch_ir = NULL;
    pthread_mutex_destroy(&engine.tb_lock);
}

/* ---- lookup ------------------------------------------------------------ */

TranslationBlock *tb_lookup(uint64_t pc, uint32_t flags)
{
    TranslationBlock *tb = __atomic_load_n(&engine.hash[tb_hash(pc, flags)], __ATOMIC_ACQUIRE);

    while (tb) {
        if (tb->pc == pc && __atomic_load_n(&tb->flags, __ATOMIC_RELAXED) == flags) {
            return tb;
        }
        tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE);
    }
    return NULL;
}

static TranslationBlock *tb_translate(CPU *cpu, uint64_t pc, uint32_t flags);

TranslationBlock *tb_find(CPU *cpu, uint64_t pc, uint32_t flags)
{
    unsigned h = tb_jmp_cache_hash(pc);
    TranslationBlock *tb = __atomic_load_n(&cpu->jmp_cache[h], __ATOMIC_ACQUIRE);

    if (tb && tb->pc == pc && __atomic_load_n(&tb->flags, __ATOMIC_RELAXED) == flags) {
        return tb;
    }
    tb = tb_lookup(pc, flags);
    if (!tb) {
        tb = tb_translate(cpu, pc, flags);
    }
    /* With -d exec/cpu, keep lookup_and_goto out of generated code too, so
     * that every block passes through the loop and is logged. */
    if (!log_enabled(LOG_EXEC | LOG_CPU)) {
        __atomic_store_n(&cpu->jmp_cache[h], tb, __ATOMIC_RELEASE);
    }
    return tb;
}

TranslationBlock *tb_lookup_or_translate(CPU *cpu, uint64_t pc, uint32_t flags)
{
    return tb_find(cpu, pc, flags);
}

TranslationBlock *tb_find_by_host_pc(uintptr_t host_pc)
{
    TranslationBlock *found = NULL;
    size_t lo = 0, hi;

    if (engine.accel != ACCEL_JIT) {
        return NULL;
    }
    pthread_mutex_lock(&engine.tb_lock);
    hi = engine.nb_tbs;
    /* Find the last TB whose code starts at or below host_pc. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (engine.tbs[mid]->code <= host_pc) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0) {
        TranslationBlock *tb = engine.tbs[lo - 1];

        if (host_pc < tb->code + tb->code_size) {
            found = tb;
        }
    }
    pthread_mutex_unlock(&engine.tb_lock);
    return found;
}

/* ---- insertion (tb_lock held) ------------------------------------------ */

static PageDesc *page_find(uint64_t index, bool create)
{
    unsigned h = page_hash(index);
    PageDesc *p;

    for (p = engine.pages[h]; p; p = p->next) {
        if (p->index == index) {
            return p;
        }
    }
    if (!create) {
        return NULL;
    }
    p = calloc(1, sizeof(*p));
    if (!p) {
        return NULL;
    }
    p->index = index;
    p->next = engine.pages[h];
    engine.pages[h] = p;
    engine.nb_pages++;
    return p;
}

static TranslationBlock **page_link(TranslationBlock *tb, uint64_t index)
{
    return &tb->page_next[(tb->pc >> TB_PAGE_BITS) == index ? 0 : 1];
}

static bool tb_wide_add(TranslationBlock *tb)
{
    if (engine.nb_wide_tbs == engine.wide_tbs_cap) {
        size_t cap = engine.wide_tbs_cap ? engine.wide_tbs_cap * 2 : 16;
        TranslationBlock **v = realloc(engine.wide_tbs, cap * sizeof(*v));

        if (!v) {
            return false;
        }
        engine.wide_tbs = v;
        engine.wide_tbs_cap = cap;
    }
    engine.wide_tbs[engine.nb_wide_tbs++] = tb;
    return true;
}

static bool tb_page_add(TranslationBlock *tb)
{
    uint64_t first = tb->pc >> TB_PAGE_BITS, last = tb_last_byte(tb) >> TB_PAGE_BITS;

    if (last - first > 1 && !tb_wide_add(tb)) {
        return false;
    }

    for (uint64_t index = first;; index = last) {
        PageDesc *p = page_find(index, true);

        if (!p) {
            return false;
        }
        *page_link(tb, index) = p->first;
        p->first = tb;
        if (index == last) {
            return true;
        }
    }
}

static void tb_page_remove(TranslationBlock *tb)
{
    uint64_t first = tb->pc >> TB_PAGE_BITS, last = tb_last_byte(tb) >> TB_PAGE_BITS;

    for (uint64_t index = first;; index = last) {
        PageDesc *p = page_find(index, false);

        if (p) {
            TranslationBlock **pp = &p->first;

            while (*pp && *pp != tb) {
                pp = page_link(*pp, index);
            }
            if (*pp) {
                *pp = *page_link(tb, index);
            }
        }
        if (index == last) {
            return;
        }
    }
}

static bool tb_array_add(TranslationBlock *tb)
{
    if (engine.nb_tbs == engine.tbs_cap) {
        size_t cap = engine.tbs_cap ? engine.tbs_cap * 2 : 1024;
        TranslationBlock **v = realloc(engine.tbs, cap * sizeof(*v));

        if (!v) {
            return false;
        }
        engine.tbs = v;
        engine.tbs_cap = cap;
    }
    engine.tbs[engine.nb_tbs++] = tb;
    return true;
}

static void tb_hash_insert(TranslationBlock *tb)
{
    TranslationBlock **head = &engine.hash[tb_hash(tb->pc, tb->flags)];

    tb->hash_next = *head;
    __atomic_store_n(head, tb, __ATOMIC_RELEASE);
}

static void tb_hash_remove(TranslationBlock *tb, uint32_t flags)
{
    TranslationBlock **pp = &engine.hash[tb_hash(tb->pc, flags)];

    while (*pp && *pp != tb) {
        pp = &(*pp)->hash_next;
    }
    if (*pp) {
        __atomic_store_n(pp, tb->hash_next, __ATOMIC_RELEASE);
    }
}

/* ---- translation ------------------------------------------------------- */

static void log_ir(const char *title, const IRBlock *b)
{
    FILE *f;

    log_lock();
    f = log_file();
    fprintf(f, "%s:\n", title);
    ir_dump(f, b);
    fputc('\n', f);
    log_unlock();
}

/* -d in_asm: the guest code a block was translated from, as QEMU logs it. */
static void log_in_asm(const CPU *cpu, uint64_t pc, long size)
{
    uint8_t code[4096];
    size_t n = size < (long)sizeof(code) ? (size_t)size : sizeof(code);

    /* The translator has just read these bytes; a block ending on an
     * unreadable page was cut short before it, so this succeeds. */
    if (n == 0 || !guest_code_read(pc, code, n))
        return;
    log_lock();
    fprintf(log_file(), "IN: %s\n", cpu->arch->name);
    log_guest_code(cpu->arch->name, code, n, pc);
    fputc('\n', log_file());
    log_unlock();
}

/* Record (pc, extra) of every insn_start, in order, for precise restore. */
static bool tb_record_insns(TranslationBlock *tb, const IRBlock *b)
{
    uint32_t n = 0;

    for (uint32_t i = 0; i < b->nb_ops; i++) {
        n += b->ops[i].opc == IR_OP_insn_start;
    }
    if (n < b->nb_insns) {
        n = b->nb_insns;
    }
    tb->nb_insns = 0;
    tb->insn_data = calloc(n ? 2 * n : 1, sizeof(uint64_t));
    tb->insn_end = calloc(n ? n : 1, sizeof(uint32_t));
    if (!tb->insn_data || !tb->insn_end) {
        return false;
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];

        if (op->opc == IR_OP_insn_start) {
            tb->insn_data[2 * tb->nb_insns] = op->args[0];
            tb->insn_data[2 * tb->nb_insns + 1] = op->args[1];
            tb->nb_insns++;
        }
    }
    return true;
}

typedef enum GenResult { GEN_OK, GEN_FULL, GEN_TOO_BIG } GenResult;

/* Generate host code for b into the buffer (tb_lock held). */
static GenResult tb_gen_code(TranslationBlock *tb, IRBlock *b)
{
    BackendBlockInfo info;
    size_t ptr = engine.code_ptr;
    int r;

    memset(&info, 0, sizeof(info));
    info.insn_end_offset = tb->insn_end;
    r = backend_gen_block(b, tb, engine.cb.rw + ptr, engine.cb.rx + ptr,
                          engine.cb.size - ptr, &info);
    if (r == BACKEND_ERR_FULL) {
        return GEN_FULL;
    }
    if (r != BACKEND_OK) {
        return GEN_TOO_BIG;
    }
    tb->code = engine.cb.rx + ptr;
    tb->code_size = (uint32_t)info.code_size;
    for (int n = 0; n < IR_TB_SLOTS; n++) {
        tb->jmp_insn_offset[n] = info.jmp_insn_offset[n];
        tb->jmp_reset_offset[n] = info.jmp_reset_offset[n];
    }
    codebuf_sync(tb->code, info.code_size);
    ptr += (info.code_size + CODE_ALIGN - 1) & ~(size_t)(CODE_ALIGN - 1);
    engine.code_ptr = ptr < engine.cb.size ? ptr : engine.cb.size;
    stat_add(host_bytes, info.code_size);
    if (log_enabled(LOG_STATS)) {
        stat_add(host_insns, log_count_host_insns((const void *)tb->code, tb->code_size));
    }
    if (log_enabled(LOG_OUT_ASM)) {
        log_lock();
        log_printf("OUT: [size=%u]\n", tb->code_size);
        log_host_code((const void *)tb->code, tb->code_size, tb->code);
        log_printf("\n");
        log_unlock();
    }
    return GEN_OK;
}

/* Leave with EXCP_TRANSLATE_FAILED (tb_lock not held). */
static void __attribute__((noreturn)) tb_translate_failed(CPU *cpu, uint64_t pc)
{
    cpu->env->pc = pc;
    cpu_loop_exit(cpu, EXCP_TRANSLATE_FAILED, 0);
}

static TranslationBlock *tb_translate(CPU *cpu, uint64_t pc, uint32_t flags)
{
    int max_insns = engine.cfg.max_insns;

    for (;;) {
        TranslationBlock *tb;
        IRBlock *b;
        uint64_t t0;
        long size;
        GenResult gen = GEN_OK;
        bool buffer_was_empty;

        pthread_mutex_lock(&engine.tb_lock);
        tb = tb_lookup(pc, flags);
        if (tb) {
            pthread_mutex_unlock(&engine.tb_lock);
            return tb;
        }
        t0 = now_ns();
        if (engine.accel == ACCEL_JIT) {
            b = engine.scratch_ir;
            ir_block_reset(b, pc, flags);
        } else {
            b = ir_block_new(&engine.globals, pc, flags);
        }
        tb = aligned_alloc(16, (sizeof(*tb) + 15) & ~(size_t)15);
        if (!b || !tb) {
            goto fail;
        }
        memset(tb, 0, sizeof(*tb));
        size = cpu->arch->translate(cpu, b, pc, flags, max_insns);
        if (size < 0) {
            goto fail;
        }
        if (log_enabled(LOG_IN_ASM)) {
            log_in_asm(cpu, pc, size);
        }
        if (log_enabled(LOG_OP)) {
            log_ir("OP", b);
        }
        if (engine.cfg.optimize) {
            ir_optimize(b);
        }
        if (log_enabled(LOG_OP_OPT)) {
            log_ir("OP after optimization", b);
        }
        if (log_enabled(LOG_STATS)) {
            profile_instrument(b, tb);
        }

        tb->pc = pc;
        tb->flags = flags;
        tb->guest_size = (uint32_t)size;
        for (int n = 0; n < IR_TB_SLOTS; n++) {
            tb->jmp_insn_offset[n] = tb->jmp_reset_offset[n] = UINT32_MAX;
        }
        if (!tb_record_insns(tb, b)) {
            goto fail;
        }
        if (engine.accel == ACCEL_JIT) {
            buffer_was_empty = engine.code_ptr == engine.code_start;
            gen = tb_gen_code(tb, b);
            if (gen != GEN_OK) {
                uint32_t insns = tb->nb_insns;

                tb_free(tb);
                pthread_mutex_unlock(&engine.tb_lock);
                if (gen == GEN_FULL && !buffer_was_empty) {
                    tb_flush();
                    continue;
                }
                /* Too big for the backend or for an empty buffer: split. */
                if (insns <= 1 || max_insns <= 1) {
                    log_printf("remu: cannot generate code for the block at 0x%" PRIx64
                               " (%s)\n", pc, gen == GEN_FULL ? "code buffer too small"
                                                              : "block too big");
                    tb_translate_failed(cpu, pc);
                }
                max_insns = (int)(insns < (uint32_t)max_insns ? insns : (uint32_t)max_insns) / 2;
                continue;
            }
        } else {
            tb->ir = b;
        }
        if (!tb_array_add(tb) || !tb_page_add(tb)) {
            /* Out of memory while indexing: unreachable blocks would be
             * unsafe to keep (invalidation could miss them). */
            tb_page_remove(tb);
            if (engine.nb_wide_tbs && engine.wide_tbs[engine.nb_wide_tbs - 1] == tb) {
                engine.nb_wide_tbs--;
            }
            if (engine.nb_tbs && engine.tbs[engine.nb_tbs - 1] == tb) {
                engine.nb_tbs--;
            }
            tb->ir = NULL;
            goto fail;
        }
        tb_hash_insert(tb);
        stat_add(blocks_translated, 1);
        stat_add(guest_insns_translated, tb->nb_insns);
        stat_add(translate_ns, now_ns() - t0);
        pthread_mutex_unlock(&engine.tb_lock);
        return tb;

    fail:
        if (tb) {
            tb_free(tb);
        }
        if (b && b != engine.scratch_ir) {
            ir_block_free(b);
        }
        pthread_mutex_unlock(&engine.tb_lock);
        tb_translate_failed(cpu, pc);
    }
}

/* ---- chaining ---------------------------------------------------------- */

static void tb_reset_jump(TranslationBlock *tb, int n)
{
    if (engine.accel == ACCEL_JIT && tb->jmp_insn_offset[n] != UINT32_MAX) {
        uintptr_t jmp = tb->code + tb->jmp_insn_offset[n];

        backend_patch_jump(tb_rw_of(jmp), jmp, tb->code + tb->jmp_reset_offset[n]);
    }
    __atomic_store_n(&tb->jmp_dest[n], NULL, __ATOMIC_RELEASE);
}

void tb_add_jump(TranslationBlock *from, int n, TranslationBlock *to)
{
    pthread_mutex_lock(&engine.tb_lock);
    if (!from->invalid && !to->invalid && from->jmp_dest[n] == NULL) {
        if (engine.accel == ACCEL_JIT) {
            uintptr_t jmp;

            if (from->jmp_insn_offset[n] == UINT32_MAX) {
                pthread_mutex_unlock(&engine.tb_lock);
                return;
            }
            jmp = from->code + from->jmp_insn_offset[n];
            backend_patch_jump(tb_rw_of(jmp), jmp, to->code);
            stat_add(exits_chained, 1);
        }
        __atomic_store_n(&from->jmp_dest[n], to, __ATOMIC_RELEASE);
        from->jmp_list_next[n] = to->jmp_list_head;
        to->jmp_list_head = (uintptr_t)from | (uintptr_t)n;
    }
    pthread_mutex_unlock(&engine.tb_lock);
}

/* ---- invalidation (tb_lock held) --------------------------------------- */

static void tb_jmp_cache_remove(CPU *cpu, void *opaque)
{
    TranslationBlock *tb = opaque;
    unsigned h = tb_jmp_cache_hash(tb->pc);

    __atomic_compare_exchange_n(&cpu->jmp_cache[h], &tb, NULL, false,
                                __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

static void tb_invalidate(TranslationBlock *tb)
{
    uint32_t flags = tb->flags;
    uintptr_t link;

    /* First make every lookup miss, then take it out of the structures. */
    __atomic_store_n(&tb->flags, TB_FLAGS_INVALID, __ATOMIC_RELEASE);
    tb->invalid = true;
    tb_hash_remove(tb, flags);
    tb_page_remove(tb);

    /* Incoming jumps go back to their unchained exit paths. */
    for (link = tb->jmp_list_head; link; ) {
        TranslationBlock *src = (TranslationBlock *)(link & ~TB_SLOT_MASK);
        int n = (int)(link & TB_SLOT_MASK);

        link = src->jmp_list_next[n];
        tb_reset_jump(src, n);
    }
    tb->jmp_list_head = 0;

    /* Outgoing jumps: leave the destinations' incoming lists. */
    for (int n = 0; n < IR_TB_SLOTS; n++) {
        TranslationBlock *dest = tb->jmp_dest[n];
        uintptr_t *pp, me = (uintptr_t)tb | (uintptr_t)n;

        if (!dest) {
            continue;
        }
        for (pp = &dest->jmp_list_head; *pp; ) {
            TranslationBlock *src = (TranslationBlock *)(*pp & ~TB_SLOT_MASK);

            if (*pp == me) {
                *pp = tb->jmp_list_next[n];
                break;
            }
            pp = &src->jmp_list_next[*pp & TB_SLOT_MASK];
        }
        tb_reset_jump(tb, n);
    }

    cpu_list_foreach(tb_jmp_cache_remove, tb);
    stat_add(invalidations, 1);
}

static bool tb_overlaps(const TranslationBlock *tb, uint64_t start, uint64_t end)
{
    return tb->pc < end && tb_last_byte(tb) >= start;
}

static void page_invalidate(PageDesc *p, uint64_t start, uint64_t end)
{
    TranslationBlock *tb = p->first;

    while (tb) {
        TranslationBlock *next = *page_link(tb, p->index);

        if (tb_overlaps(tb, start, end)) {
            tb_invalidate(tb);
        }
        tb = next;
    }
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    uint64_t first, last;

    if (end <= start) {
        return;
    }
    first = start >> TB_PAGE_BITS;
    last = (end - 1) >> TB_PAGE_BITS;
    pthread_mutex_lock(&engine.tb_lock);
    if (last - first < engine.nb_pages) {
        for (uint64_t index = first;; index++) {
            PageDesc *p = page_find(index, false);

            if (p) {
                page_invalidate(p, start, end);
            }
            if (index == last) {
                break;
            }
        }
    } else {
        /* A range wider than the set of pages holding code: walk the set. */
        for (unsigned h = 0; h < TB_PAGE_HASH_SIZE; h++) {
            for (PageDesc *p = engine.pages[h]; p; p = p->next) {
                if (p->index >= first && p->index <= last) {
                    page_invalidate(p, start, end);
                }
            }
        }
    }
    /* Wide TBs may overlap through a middle page that has no list entry. */
    for (size_t i = 0, j = 0; i < engine.nb_wide_tbs; i++) {
        TranslationBlock *tb = engine.wide_tbs[i];

        if (!tb->invalid && tb_overlaps(tb, start, end)) {
            tb_invalidate(tb);
        }
        if (!tb->invalid) {
            engine.wide_tbs[j++] = tb;
        }
        if (i + 1 == engine.nb_wide_tbs) {
            engine.nb_wide_tbs = j;
        }
    }
    pthread_mutex_unlock(&engine.tb_lock);
}

/* ---- flush ------------------------------------------------------------- */

void tb_flush(void)
{
    /*
     * From a helper inside generated code the buffer (or the interpreted
     * IRBlock) being executed cannot be freed under our feet: the cpu loop
     * performs the flush when the current block is left.
     */
    if (current_cpu && cpu_in_code) {
        cpu_request_exit(current_cpu, EXIT_REQ_FLUSH);
        return;
    }
    start_exclusive();
    pthread_mutex_lock(&engine.tb_lock);
    tb_drop_all();
    stat_add(flushes, 1);
    pthread_mutex_unlock(&engine.tb_lock);
    end_exclusive();
}
