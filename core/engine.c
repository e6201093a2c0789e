/*
 * engine.c - engine set-up, the CPU list, exclusive sections, statistics.
 *
 * Exclusive sections.  Each CPU publishes cpu->running while it is inside
 * cpu_exec touching translation blocks (looking them up, translating,
 * executing them).  start_exclusive raises exclusive_active, asks every
 * running CPU to leave generated code (EXIT_REQ_EXCLUSIVE), and waits until
 * no CPU other than the caller's own is running.  A CPU entering cpu_exec,
 * or pausing at the top of its loop, stores running = 1 and then reads
 * exclusive_active; start_exclusive stores exclusive_active and then reads
 * each running.  Both use sequentially consistent atomics, so at least one
 * side sees the other: either the CPU backs off and waits, or the exclusive
 * side sees it running and waits for it.  A CPU that itself calls
 * start_exclusive (tb_flush from translation) counts as stopped for the
 * duration and re-enters through cpu_exec_start afterwards, so two CPUs
 * flushing at once cannot wait for each other.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/backend.h"
#include "core/core-internal.h"
#include "core/log.h"
#include "core/profile.h"

Engine engine;
__thread CPU *current_cpu;
__thread bool cpu_in_code;

#define DEFAULT_CODE_SIZE (64u << 20)
#define DEFAULT_MAX_INSNS 512
/* Bytes kept at the start of the buffer for the backend's prologue and
 * epilogue, never flushed.  A quarter of a small buffer at most. */
#define PROLOGUE_AREA 4096u

static pthread_mutex_t cpu_list_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t exclusive_cond = PTHREAD_COND_INITIALIZER;   /* a CPU stopped */
static pthread_cond_t exclusive_resume = PTHREAD_COND_INITIALIZER; /* section ended */
static int exclusive_active;
static CPU *cpu_list;
static int cpu_next_index;
/* The caller's CPU was running when it started an exclusive section. */
static __thread bool exclusive_self_was_running;

/* ---- CPU list and exclusive sections ---------------------------------- */

void cpu_list_foreach(void (*fn)(CPU *cpu, void *opaque), void *opaque)
{
    pthread_mutex_lock(&cpu_list_lock);
    for (CPU *c = cpu_list; c; c = c->next) {
        fn(c, opaque);
    }
    pthread_mutex_unlock(&cpu_list_lock);
}

void cpu_request_exit(CPU *cpu, int32_t bits)
{
    __atomic_fetch_or((int32_t *)&cpu->env->exit_request, bits, __ATOMIC_SEQ_CST);
}

void cpu_exit(CPU *cpu)
{
    cpu_request_exit(cpu, EXIT_REQ_USER);
}

void cpu_exec_start(CPU *cpu)
{
    for (;;) {
        __atomic_store_n(&cpu->running, 1, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&exclusive_active, __ATOMIC_SEQ_CST)) {
            return;
        }
        pthread_mutex_lock(&cpu_list_lock);
        if (__atomic_load_n(&exclusive_active, __ATOMIC_SEQ_CST)) {
            __atomic_store_n(&cpu->running, 0, __ATOMIC_SEQ_CST);
            pthread_cond_broadcast(&exclusive_cond);
            while (__atomic_load_n(&exclusive_active, __ATOMIC_SEQ_CST)) {
                pthread_cond_wait(&exclusive_resume, &cpu_list_lock);
            }
        }
        pthread_mutex_unlock(&cpu_list_lock);
    }
}

void cpu_exec_end(CPU *cpu)
{
    __atomic_store_n(&cpu->running, 0, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&exclusive_active, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&cpu_list_lock);
        pthread_cond_broadcast(&exclusive_cond);
        pthread_mutex_unlock(&cpu_list_lock);
    }
}

static bool other_cpus_running(CPU *self)
{
    for (CPU *c = cpu_list; c; c = c->next) {
        if (c != self && __atomic_load_n(&c->running, __ATOMIC_SEQ_CST)) {
            return true;
        }
    }
    return false;
}

void start_exclusive(void)
{
    CPU *self = current_cpu;

    pthread_mutex_lock(&cpu_list_lock);
    if (self && __atomic_load_n(&self->running, __ATOMIC_SEQ_CST)) {
        __atomic_store_n(&self->running, 0, __ATOMIC_SEQ_CST);
        exclusive_self_was_running = true;
        pthread_cond_broadcast(&exclusive_cond);
    }
    while (__atomic_load_n(&exclusive_active, __ATOMIC_SEQ_CST)) {
        pthread_cond_wait(&exclusive_resume, &cpu_list_lock);
    }
    __atomic_store_n(&exclusive_active, 1, __ATOMIC_SEQ_CST);
    for (CPU *c = cpu_list; c; c = c->next) {
        if (c != self && __atomic_load_n(&c->running, __ATOMIC_SEQ_CST)) {
            cpu_request_exit(c, EXIT_REQ_EXCLUSIVE);
        }
    }
    while (other_cpus_running(self)) {
        pthread_cond_wait(&exclusive_cond, &cpu_list_lock);
    }
    pthread_mutex_unlock(&cpu_list_lock);
}

void end_exclusive(void)
{
    pthread_mutex_lock(&cpu_list_lock);
    __atomic_store_n(&exclusive_active, 0, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&exclusive_resume);
    pthread_mutex_unlock(&cpu_list_lock);
    if (exclusive_self_was_running) {
        exclusive_self_was_running = false;
        cpu_exec_start(current_cpu);
    }
}

/* ---- CPUs -------------------------------------------------------------- */

CPU *cpu_create(void)
{
    CPU *cpu;
    size_t env_size;

    if (!engine.initialized) {
        return NULL;
    }
    cpu = calloc(1, sizeof(*cpu));
    if (!cpu) {
        return NULL;
    }
    env_size = (engine.arch->env_size + 15) & ~(size_t)15;
    cpu->env = aligned_alloc(16, env_size);
    if (!cpu->env) {
        free(cpu);
        return NULL;
    }
    memset(cpu->env, 0, env_size);
    cpu->env->jmp_cache = cpu->jmp_cache;
    cpu->env->cpu = cpu;
    cpu->arch = engine.arch;
    cpu->interp_insn = -1;

    pthread_mutex_lock(&cpu_list_lock);
    cpu->index = cpu_next_index++;
    cpu->next = cpu_list;
    cpu_list = cpu;
    pthread_mutex_unlock(&cpu_list_lock);
    return cpu;
}

void cpu_destroy(CPU *cpu)
{
    if (!cpu) {
        return;
    }
    pthread_mutex_lock(&cpu_list_lock);
    for (CPU **pp = &cpu_list; *pp; pp = &(*pp)->next) {
        if (*pp == cpu) {
            *pp = cpu->next;
            break;
        }
    }
    pthread_mutex_unlock(&cpu_list_lock);
    free(cpu->env);
    free(cpu);
}

/* ---- alignment faults -------------------------------------------------- */

/*
 * Called by generated code or the interpreter for a misaligned IR_MO_ALIGN
 * access.  The JIT passes the address just after the access, inside the
 * faulting instruction's code, so one byte back is safely within it; the
 * interpreter passes 0 and has stored the current insn index.
 */
static void core_unaligned_access(void *env, uint64_t addr, unsigned memop, uintptr_t retaddr)
{
    CPU *cpu = ((CPUCommon *)env)->cpu;

    cpu->exception_addr = addr;
    if (engine.accel == ACCEL_INTERP) {
        cpu_restore_state(cpu, 0);
    } else if (retaddr) {
        cpu_restore_state(cpu, retaddr - 1);
    }
    cpu_loop_exit(cpu, EXCP_UNALIGNED, 0);
}

/* ---- fork --------------------------------------------------------------- */

/*
 * A host fork (a guest fork-like clone in user mode) must leave the child
 * with an engine of its own: the code buffer is a shared memfd, so without
 * care the child's new blocks and chain patches would land in the parent's
 * code.  The locks are taken across the fork, in their nesting order, so
 * that the child does not inherit one held by a thread it no longer has.
 * The child's copy of the code is taken before the fork, under tb_lock: a
 * copy made by the child would race with the parent, whose threads chain
 * blocks (patching jumps in old code to new code the child does not have)
 * as soon as the fork returns and tb_lock is free.
 */
static int fork_code_fd = -1;

static void engine_fork_prepare(void)
{
    if (engine.initialized) {
        pthread_mutex_lock(&engine.tb_lock);
        if (engine.accel == ACCEL_JIT) {
            fork_code_fd = codebuf_snapshot(&engine.cb, engine.code_ptr);
        }
    }
    pthread_mutex_lock(&cpu_list_lock);
}

static void engine_fork_close_snapshot(void)
{
    if (fork_code_fd >= 0) {
        close(fork_code_fd);
        fork_code_fd = -1;
    }
}

static void engine_fork_parent(void)
{
    pthread_mutex_unlock(&cpu_list_lock);
    if (engine.initialized) {
        engine_fork_close_snapshot();
        pthread_mutex_unlock(&engine.tb_lock);
    }
}

static void engine_fork_child(void)
{
    pthread_mutex_unlock(&cpu_list_lock);
    if (engine.initialized) {
        if (engine.accel == ACCEL_JIT &&
            (fork_code_fd < 0 || codebuf_adopt(&engine.cb, fork_code_fd) < 0)) {
            fprintf(stderr, "remu: cannot copy the code buffer after fork: %s\n",
                    strerror(errno));
            abort();
        }
        engine_fork_close_snapshot();
        pthread_mutex_unlock(&engine.tb_lock);
    }
}

static void engine_register_atfork(void)
{
    pthread_atfork(engine_fork_prepare, engine_fork_parent, engine_fork_child);
}

/* ---- set-up ------------------------------------------------------------ */

static void engine_fini(void)
{
    if (!engine.initialized) {
        return;
    }
    tb_engine_fini();
    codebuf_destroy(&engine.cb);
    ir_globals_free(&engine.globals);
    engine.initialized = false;
}

int engine_init(const GuestArch *arch, const EngineConfig *cfg)
{
    IRTempIdx pc_idx;
    BackendLayout layout;
    size_t prologue_area;
    long used;

    static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

    pthread_once(&atfork_once, engine_register_atfork);
    engine_fini();
    memset(&engine.stats, 0, sizeof(engine.stats));
    engine.arch = arch;
    engine.cfg = *cfg;
    if (engine.cfg.code_size == 0) {
        engine.cfg.code_size = DEFAULT_CODE_SIZE;
    }
    if (engine.cfg.max_insns <= 0) {
        engine.cfg.max_insns = DEFAULT_MAX_INSNS;
    }
    if (arch->env_size < sizeof(CPUCommon)) {
        fprintf(stderr, "remu: guest '%s': env_size %zu is smaller than CPUCommon\n",
                arch->name, arch->env_size);
        return -1;
    }

    if (cfg->accel == ACCEL_JIT && !backend_available) {
        fprintf(stderr, "remu: the JIT is not available in this build (host backend '%s'); "
                        "use the interpreter (-accel interp)\n", backend_name);
        return -1;
    }
    engine.accel = cfg->accel;

    ir_globals_init(&engine.globals);
    arch->init_globals(&engine.globals);
    pc_idx = ir_globals_find(&engine.globals, "pc");
    if (pc_idx == 0 || engine.globals.v[pc_idx - 1].env_offset != offsetof(CPUCommon, pc)) {
        fprintf(stderr, "remu: guest '%s' must declare the global 'pc' at offset %zu\n",
                arch->name, offsetof(CPUCommon, pc));
        ir_globals_free(&engine.globals);
        return -1;
    }

    /* The interpreter runs IRBlocks and needs no code buffer. */
    memset(&engine.cb, 0, sizeof(engine.cb));
    if (engine.accel == ACCEL_JIT && codebuf_init(&engine.cb, engine.cfg.code_size) < 0) {
        fprintf(stderr, "remu: cannot map the code buffer (%zu bytes): %s\n",
                engine.cfg.code_size, strerror(errno));
        ir_globals_free(&engine.globals);
        return -1;
    }
    engine.code_start = 0;
    if (engine.accel == ACCEL_JIT) {
        prologue_area = PROLOGUE_AREA;
        if (prologue_area > engine.cb.size / 4) {
            prologue_area = engine.cb.size / 4;
        }
        layout = (BackendLayout) {
            .env_pc = offsetof(CPUCommon, pc),
            .env_tb_flags = offsetof(CPUCommon, tb_flags),
            .env_exit_request = offsetof(CPUCommon, exit_request),
            .env_jmp_cache = offsetof(CPUCommon, jmp_cache),
            .tb_pc = offsetof(TranslationBlock, pc),
            .tb_flags = offsetof(TranslationBlock, flags),
            .tb_code = offsetof(TranslationBlock, code),
            .jmp_cache_shift = TB_JMP_CACHE_SHIFT,
            .jmp_cache_mask = TB_JMP_CACHE_SIZE - 1,
            .guest_base = engine.cfg.guest_base,
        };
        used = backend_init(&layout, engine.cb.rw, engine.cb.rx, prologue_area);
        if (used < 0) {
            fprintf(stderr, "remu: the %s backend could not initialise\n", backend_name);
            codebuf_destroy(&engine.cb);
            ir_globals_free(&engine.globals);
            return -1;
        }
        codebuf_sync(engine.cb.rx, (size_t)used);
        engine.code_start = ((size_t)used + 63) & ~(size_t)63;
    }
    engine.code_ptr = engine.code_start;

    if (tb_engine_init() < 0) {
        fprintf(stderr, "remu: out of memory for the translation cache\n");
        codebuf_destroy(&engine.cb);
        ir_globals_free(&engine.globals);
        return -1;
    }
    ir_unaligned_hook = core_unaligned_access;
    engine.initialized = true;
    return 0;
}

const GuestArch *engine_arch(void)
{
    return engine.arch;
}

const IRGlobals *engine_globals(void)
{
    return &engine.globals;
}

Accel engine_accel(void)
{
    return engine.accel;
}

uintptr_t engine_guest_base(void)
{
    return engine.cfg.guest_base;
}

/* ---- guest instruction fetch -------------------------------------------- */

static GuestCodeRead code_reader;

void engine_set_code_reader(GuestCodeRead fn)
{
    code_reader = fn;
}

bool guest_code_read(uint64_t addr, void *buf, size_t len)
{
    if (code_reader)
        return code_reader(addr, buf, len);
    memcpy(buf, (const void *)(engine.cfg.guest_base + (uintptr_t)addr), len);
    return true;
}

/* ---- statistics -------------------------------------------------------- */

void engine_stats(EngineStats *out)
{
    out->blocks_translated = __atomic_load_n(&engine.stats.blocks_translated, __ATOMIC_RELAXED);
    out->guest_insns_translated =
        __atomic_load_n(&engine.stats.guest_insns_translated, __ATOMIC_RELAXED);
    out->translate_ns = __atomic_load_n(&engine.stats.translate_ns, __ATOMIC_RELAXED);
    out->host_bytes = __atomic_load_n(&engine.stats.host_bytes, __ATOMIC_RELAXED);
    out->host_insns = __atomic_load_n(&engine.stats.host_insns, __ATOMIC_RELAXED);
    out->syscalls = __atomic_load_n(&engine.stats.syscalls, __ATOMIC_RELAXED);
    out->syscall_ns = __atomic_load_n(&engine.stats.syscall_ns, __ATOMIC_RELAXED);
    out->exits_chained = __atomic_load_n(&engine.stats.exits_chained, __ATOMIC_RELAXED);
    out->exits_lookup = __atomic_load_n(&engine.stats.exits_lookup, __ATOMIC_RELAXED);
    out->exits_slow = __atomic_load_n(&engine.stats.exits_slow, __ATOMIC_RELAXED);
    out->flushes = __atomic_load_n(&engine.stats.flushes, __ATOMIC_RELAXED);
    out->invalidations = __atomic_load_n(&engine.stats.invalidations, __ATOMIC_RELAXED);
}

void engine_stats_add_syscall(uint64_t ns)
{
    stat_add(syscalls, 1);
    stat_add(syscall_ns, ns);
}

static double ratio(uint64_t a, uint64_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

/*
 * Exit counters: "chained" counts goto_tb exits resolved by a direct link
 * (with the JIT, each link once when it is made, since later traversals
 * never leave generated code; with the interpreter, every traversal);
 * "lookup" counts lookup_and_goto exits that missed the jump cache; "slow"
 * counts exit_tb, exit requests, and goto_tb exits that could not be linked.
 */
void engine_stats_print(FILE *f)
{
    EngineStats s;

    engine_stats(&s);
    fprintf(f, "Translation statistics (%s):\n",
            engine.accel == ACCEL_JIT ? "jit" : "interpreter");
    fprintf(f, "  blocks translated       %" PRIu64 "\n", s.blocks_translated);
    fprintf(f, "  guest insns translated  %" PRIu64 " (%.1f per block)\n",
            s.guest_insns_translated, ratio(s.guest_insns_translated, s.blocks_translated));
    fprintf(f, "  translation time        %.3f ms (%.0f ns per block)\n",
            (double)s.translate_ns / 1e6, ratio(s.translate_ns, s.blocks_translated));
    if (engine.accel == ACCEL_JIT) {
        fprintf(f, "  host code bytes         %" PRIu64 " (%.1f per guest insn)\n",
                s.host_bytes, ratio(s.host_bytes, s.guest_insns_translated));
        if (s.host_insns) {
            fprintf(f, "  host insns emitted      %" PRIu64 " (%.1f per guest insn)\n",
                    s.host_insns, ratio(s.host_insns, s.guest_insns_translated));
        }
    }
    fprintf(f, "  exits chained           %" PRIu64 "\n", s.exits_chained);
    fprintf(f, "  exits looked up         %" PRIu64 "\n", s.exits_lookup);
    fprintf(f, "  exits slow              %" PRIu64 "\n", s.exits_slow);
    fprintf(f, "  flushes                 %" PRIu64 "\n", s.flushes);
    fprintf(f, "  invalidations           %" PRIu64 "\n", s.invalidations);
    fprintf(f, "  system calls            %" PRIu64 " (%.3f ms)\n", s.syscalls,
            (double)s.syscall_ns / 1e6);
    profile_print(f);
}
