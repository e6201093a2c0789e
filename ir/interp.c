/*
 * interp.c - the IR interpreter: the portable fallback host and the reference
 * every JIT backend is checked against.
 *
 * Rules (why this file looks the way it does):
 *
 *  - Exact semantics.  Every op computes exactly what ops.def and ir.h state,
 *    for i32 and i64, on every input.  i32 values are held in an uint64_t
 *    whose upper half is zero; every result written is truncated to its type.
 *    Division: x/0 = 0, MIN/-1 = MIN, x%0 = x, MIN%-1 = 0 (signed and
 *    unsigned alike take the x/0 and x%0 rules).  Shift and rotate counts are
 *    taken modulo the width.  clz/ctz of zero give the second input.
 *    bswap16/bswap32 swap the low 2/4 bytes of the input and zero-extend.
 *
 *  - No undefined behaviour and no host faults, whatever the input: no shift
 *    by the width or more, no signed overflow, no INT_MIN / -1 division, no
 *    misaligned host access (memcpy), no right shift of a negative signed
 *    value.  The values are computed in unsigned arithmetic; signed views are
 *    taken only where a comparison or a division needs them.
 *
 *  - State.  Globals are read from and written to env memory (env +
 *    env_offset, 4 bytes for i32, 8 for i64) at every use, so a helper always
 *    sees and may change the current guest state, and nothing has to be
 *    written back when a helper or a fault leaves the block.  Constants come
 *    from IRTemp.val, env is the env pointer; normal and local temps live in
 *    a register array that is only valid during one execution.
 *
 *  - How control leaves.  A block exit op returns an IRExit.  A helper (via
 *    cpu_loop_exit) or the alignment fault hook leaves with siglongjmp: this
 *    function holds no heap memory, lock or other state that would then be
 *    lost.  The register array is on the stack, or for very large blocks in a
 *    per-thread buffer that is reused and freed when the thread exits.
 *    Before every helper call and guest memory op, the index of the current
 *    insn (the ordinal of the last insn_start executed among the block's
 *    insn_start ops, -1 before the first) is stored in *cur_insn, so the
 *    caller can restore the guest pc precisely.
 *
 *  - Helpers are called through libffi.  The ffi_cif of a helper is prepared
 *    once, under a mutex, and published in IRHelper.interp_cif with a release
 *    store (readers use an acquire load), so threads may share helpers.
 *    i32 arguments and results are passed as uint32_t, i64 as uint64_t.
 *
 *  - Misaligned IR_MO_ALIGN accesses call ir_unaligned_hook(env, addr,
 *    memop, 0), which must not return; a missing or returning hook is a
 *    broken contract and aborts.
 */
#include "config.h"

#include <ffi.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ir/bits.h"
#include "ir/ir.h"

/* ---- per-thread register buffer for large blocks ------------------------ */

/* Blocks with at most this many temps (plus labels) keep their registers on
 * the stack.  Larger ones use one buffer per thread; such a block must not be
 * interpreted re-entrantly from a helper on the same thread (nothing does). */
#define INTERP_STACK_SLOTS 4096

static pthread_key_t regs_key;
static pthread_once_t regs_key_once = PTHREAD_ONCE_INIT;
static __thread uint64_t *tls_regs;
static __thread size_t tls_regs_cap;

static void regs_key_create(void)
{
    if (pthread_key_create(&regs_key, free) != 0)
        abort();
}

static uint64_t *interp_big_regs(size_t n)
{
    if (n > tls_regs_cap) {
        size_t cap = tls_regs_cap ? tls_regs_cap : INTERP_STACK_SLOTS;
        while (cap < n)
            cap *= 2;
        uint64_t *p = realloc(tls_regs, cap * sizeof(uint64_t));
        if (!p)
            abort();
        pthread_once(&regs_key_once, regs_key_create);
        /* The key's destructor frees the buffer when the thread exits. */
        if (pthread_setspecific(regs_key, p) != 0)
            abort();
        tls_regs = p;
        tls_regs_cap = cap;
    }
    return tls_regs;
}

/* ---- helper calls -------------------------------------------------------- */

static pthread_mutex_t cif_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct InterpCif {
    ffi_cif cif;
    ffi_type *arg_types[IR_HELPER_MAX_ARGS];
} InterpCif;

static ffi_type *interp_ffi_type(IRType t)
{
    switch (t) {
    case IR_TYPE_I32: return &ffi_type_uint32;
    case IR_TYPE_I64: return &ffi_type_uint64;
    case IR_TYPE_VOID: return &ffi_type_void;
    default: abort();   /* helpers take and return integers only */
    }
}

static ffi_cif *interp_helper_cif(IRHelper *h)
{
    InterpCif *c = __atomic_load_n((InterpCif **)&h->interp_cif, __ATOMIC_ACQUIRE);

    if (c)
        return &c->cif;
    pthread_mutex_lock(&cif_lock);
    c = h->interp_cif;
    if (!c) {
        c = calloc(1, sizeof(*c));
        if (!c || h->nb_args > IR_HELPER_MAX_ARGS)
            abort();
        for (int i = 0; i < h->nb_args; i++)
            c->arg_types[i] = interp_ffi_type(h->args[i]);
        if (ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, h->nb_args, interp_ffi_type(h->ret),
                         c->arg_types) != FFI_OK)
            abort();
        /* Lives as long as the helper (for the process). */
        __atomic_store_n((InterpCif **)&h->interp_cif, c, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&cif_lock);
    return &c->cif;
}

/* ---- value helpers --------------------------------------------------------- */

static const bool host_big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;


static inline uint64_t rotl_bits(uint64_t v, unsigned c, unsigned w)
{
    return c == 0 ? v : ((v << c) | (v >> (w - c))) & mask_bits(w);
}

static inline uint64_t bswap_n(uint64_t v, unsigned bytes)
{
    switch (bytes) {
    case 1: return v & 0xff;
    case 2: return __builtin_bswap16((uint16_t)v);
    case 4: return __builtin_bswap32((uint32_t)v);
    default: return __builtin_bswap64(v);
    }
}

/* Signed division and remainder with the IR's rules for 0 and MIN / -1. */
static uint64_t div_signed(uint64_t a, uint64_t b, unsigned w)
{
    int64_t sa = (int64_t)sext_bits(a, w), sb = (int64_t)sext_bits(b, w);

    if (sb == 0)
        return 0;
    if (sb == -1)
        return (0 - a) & mask_bits(w);    /* -MIN == MIN, without overflow */
    return (uint64_t)(sa / sb) & mask_bits(w);
}

static uint64_t rem_signed(uint64_t a, uint64_t b, unsigned w)
{
    int64_t sa = (int64_t)sext_bits(a, w), sb = (int64_t)sext_bits(b, w);

    if (sb == 0)
        return a;
    if (sb == -1)
        return 0;
    return (uint64_t)(sa % sb) & mask_bits(w);
}

/* High half of the w-bit product, signed or unsigned. */
static uint64_t mul_high(uint64_t a, uint64_t b, unsigned w, bool sign)
{
    if (w == 32) {
        uint64_t p = sign ? sext_bits(a, 32) * sext_bits(b, 32) : a * b;
        return (p >> 32) & 0xffffffffu;
    }
    if (sign) {
        __int128 p = (__int128)(int64_t)a * (int64_t)b;
        return (uint64_t)((unsigned __int128)p >> 64);
    }
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

/* ---- the interpreter ------------------------------------------------------- */

typedef struct InterpState {
    const IRTemp *temps;
    uint64_t *regs;
    char *env;
} InterpState;

static inline uint64_t interp_read(const InterpState *s, uint64_t t)
{
    const IRTemp *tp = &s->temps[t];

    switch (tp->kind) {
    case IR_TEMP_GLOBAL:
        if (tp->type == IR_TYPE_I32) {
            uint32_t v;
            memcpy(&v, s->env + tp->env_offset, 4);
            return v;
        } else {
            uint64_t v;
            memcpy(&v, s->env + tp->env_offset, 8);
            return v;
        }
    case IR_TEMP_CONST:
        return tp->val;
    case IR_TEMP_FIXED:
        return (uint64_t)(uintptr_t)s->env;
    default:
        return s->regs[t];
    }
}

/* Write v (truncated to type t) to temp index d. */
static inline void interp_write(InterpState *s, uint64_t d, IRType t, uint64_t v)
{
    const IRTemp *tp = &s->temps[d];

    if (t == IR_TYPE_I32)
        v = (uint32_t)v;
    if (tp->kind == IR_TEMP_GLOBAL) {
        if (tp->type == IR_TYPE_I32) {
            uint32_t x = (uint32_t)v;
            memcpy(s->env + tp->env_offset, &x, 4);
        } else {
            memcpy(s->env + tp->env_offset, &v, 8);
        }
    } else {
        s->regs[d] = v;
    }
}

static uint64_t host_load(uintptr_t addr, unsigned bytes)
{
    switch (bytes) {
    case 1: { uint8_t v; memcpy(&v, (void *)addr, 1); return v; }
    case 2: { uint16_t v; memcpy(&v, (void *)addr, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, (void *)addr, 4); return v; }
    default: { uint64_t v; memcpy(&v, (void *)addr, 8); return v; }
    }
}

static void host_store(uintptr_t addr, unsigned bytes, uint64_t v)
{
    switch (bytes) {
    case 1: { uint8_t x = (uint8_t)v; memcpy((void *)addr, &x, 1); break; }
    case 2: { uint16_t x = (uint16_t)v; memcpy((void *)addr, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy((void *)addr, &x, 4); break; }
    default: memcpy((void *)addr, &v, 8); break;
    }
}

/* Check an IR_MO_ALIGN access; raise the fault (does not return) if needed. */
static void guest_check_align(void *env, uint64_t addr, unsigned memop, unsigned bytes)
{
    if ((memop & IR_MO_ALIGN) && (addr & (bytes - 1))) {
        if (ir_unaligned_hook)
            ir_unaligned_hook(env, addr, memop, 0);
        abort();
    }
}

static uint64_t guest_load(void *env, uintptr_t guest_base, uint64_t addr, unsigned memop)
{
    unsigned bytes = 1u << (memop & IR_MO_SIZE);
    uint64_t v;

    guest_check_align(env, addr, memop, bytes);
    v = host_load(guest_base + (uintptr_t)addr, bytes);
    if (((memop & IR_MO_BE) != 0) != host_big_endian)
        v = bswap_n(v, bytes);
    if (memop & IR_MO_SIGN)
        v = sext_bits(v, 8 * bytes);
    return v;
}

static void guest_store(void *env, uintptr_t guest_base, uint64_t addr, unsigned memop,
                        uint64_t v)
{
    unsigned bytes = 1u << (memop & IR_MO_SIZE);

    guest_check_align(env, addr, memop, bytes);
    if (((memop & IR_MO_BE) != 0) != host_big_endian)
        v = bswap_n(v, bytes);
    host_store(guest_base + (uintptr_t)addr, bytes, v);
}

static void interp_mb(unsigned kind)
{
    /* Only loads ordered before later accesses: acquire; only stores before
     * stores: release; a store before a load needs a full fence. */
    if (kind & IR_MB_ST_LD)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    else if ((kind & (IR_MB_LD_LD | IR_MB_LD_ST)) && (kind & IR_MB_ST_ST))
        __atomic_thread_fence(__ATOMIC_ACQ_REL);
    else if (kind & (IR_MB_LD_LD | IR_MB_LD_ST))
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    else if (kind & IR_MB_ST_ST)
        __atomic_thread_fence(__ATOMIC_RELEASE);
}

static void interp_call(InterpState *s, const IROp *op)
{
    IRHelper *h = (IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
    ffi_cif *cif = interp_helper_cif(h);
    uint32_t a32[IR_HELPER_MAX_ARGS];
    uint64_t a64[IR_HELPER_MAX_ARGS];
    void *avalue[IR_HELPER_MAX_ARGS];
    union { ffi_arg a; uint64_t u64; } ret = { 0 };

    for (int i = 0; i < h->nb_args; i++) {
        uint64_t v = interp_read(s, op->args[op->nb_oargs + i]);
        if (h->args[i] == IR_TYPE_I32) {
            a32[i] = (uint32_t)v;
            avalue[i] = &a32[i];
        } else {
            a64[i] = v;
            avalue[i] = &a64[i];
        }
    }
    ffi_call(cif, FFI_FN(h->fn), &ret, avalue);
    if (op->nb_oargs) {
        /* libffi widens integer results narrower than a register to ffi_arg. */
        uint64_t v = h->ret == IR_TYPE_I32 ? (uint32_t)ret.a : ret.u64;
        interp_write(s, op->args[0], h->ret, v);
    }
}

IRExit ir_interp_exec(const IRBlock *b, void *env, uintptr_t guest_base,
                      volatile int *cur_insn)
{
    size_t nslots = (size_t)b->nb_temps + b->nb_labels;
    uint64_t stack_regs[nslots <= INTERP_STACK_SLOTS ? nslots + 1 : 1];
    InterpState s;
    /* labels[l]: op index of set_label l (low half), insn ordinal + 1 there. */
    uint64_t *labels;
    int insn = -1;

    s.temps = b->temps;
    s.regs = nslots <= INTERP_STACK_SLOTS ? stack_regs : interp_big_regs(nslots);
    s.env = env;
    labels = s.regs + b->nb_temps;
    if (b->nb_labels) {
        int n = -1;
        for (uint32_t i = 0; i < b->nb_ops; i++) {
            const IROp *op = &b->ops[i];
            if (op->opc == IR_OP_insn_start)
                n++;
            else if (op->opc == IR_OP_set_label)
                labels[op->args[0]] = i | (uint64_t)(uint32_t)(n + 1) << 32;
        }
    }

    for (uint32_t pc = 0; pc < b->nb_ops; pc++) {
        const IROp *op = &b->ops[pc];
        const uint64_t *a = op->args;
        IRType t = (IRType)op->type;
        unsigned w = t == IR_TYPE_I32 ? 32 : 64;
        uint64_t x, y, r;

#define IN(i) interp_read(&s, a[op->nb_oargs + (i)])
#define CST(i) a[op->nb_oargs + op->nb_iargs + (i)]
#define OUT(i, v) interp_write(&s, a[i], t, (v))

        switch ((IROpcode)op->opc) {
        case IR_OP_nop:
        case IR_OP_set_label:
            break;
        case IR_OP_insn_start:
            insn++;
            break;
        case IR_OP_br:
            r = labels[CST(0)];
            pc = (uint32_t)r;
            insn = (int)(uint32_t)(r >> 32) - 1;
            break;
        case IR_OP_brcond:
            if (ir_cond_eval(t, (IRCond)CST(0), IN(0), IN(1))) {
                r = labels[CST(1)];
                pc = (uint32_t)r;
                insn = (int)(uint32_t)(r >> 32) - 1;
            }
            break;
        case IR_OP_mb:
            interp_mb((unsigned)CST(0));
            break;

        case IR_OP_mov: OUT(0, IN(0)); break;
        case IR_OP_add: OUT(0, IN(0) + IN(1)); break;
        case IR_OP_sub: OUT(0, IN(0) - IN(1)); break;
        case IR_OP_neg: OUT(0, 0 - IN(0)); break;
        case IR_OP_mul: OUT(0, IN(0) * IN(1)); break;
        case IR_OP_mulsh: OUT(0, mul_high(IN(0), IN(1), w, true)); break;
        case IR_OP_muluh: OUT(0, mul_high(IN(0), IN(1), w, false)); break;
        case IR_OP_muls2:
        case IR_OP_mulu2:
            x = IN(0);
            y = IN(1);
            r = mul_high(x, y, w, op->opc == IR_OP_muls2);
            OUT(0, x * y);
            OUT(1, r);
            break;
        case IR_OP_add2:
        case IR_OP_sub2: {
            uint64_t al = IN(0), ah = IN(1), bl = IN(2), bh = IN(3), lo, hi;
            if (w == 32) {
                uint64_t p = al | ah << 32, q = bl | bh << 32;
                uint64_t v = op->opc == IR_OP_add2 ? p + q : p - q;
                lo = v;
                hi = v >> 32;
            } else {
                unsigned __int128 p = (unsigned __int128)ah << 64 | al;
                unsigned __int128 q = (unsigned __int128)bh << 64 | bl;
                unsigned __int128 v = op->opc == IR_OP_add2 ? p + q : p - q;
                lo = (uint64_t)v;
                hi = (uint64_t)(v >> 64);
            }
            OUT(0, lo);
            OUT(1, hi);
            break;
        }
        case IR_OP_div: OUT(0, div_signed(IN(0), IN(1), w)); break;
        case IR_OP_rem: OUT(0, rem_signed(IN(0), IN(1), w)); break;
        case IR_OP_divu:
            x = IN(0);
            y = IN(1);
            OUT(0, y ? x / y : 0);
            break;
        case IR_OP_remu:
            x = IN(0);
            y = IN(1);
            OUT(0, y ? x % y : x);
            break;

        case IR_OP_and: OUT(0, IN(0) & IN(1)); break;
        case IR_OP_or: OUT(0, IN(0) | IN(1)); break;
        case IR_OP_xor: OUT(0, IN(0) ^ IN(1)); break;
        case IR_OP_not: OUT(0, ~IN(0)); break;
        case IR_OP_andc: OUT(0, IN(0) & ~IN(1)); break;
        case IR_OP_orc: OUT(0, IN(0) | ~IN(1)); break;
        case IR_OP_eqv: OUT(0, ~(IN(0) ^ IN(1))); break;
        case IR_OP_nand: OUT(0, ~(IN(0) & IN(1))); break;
        case IR_OP_nor: OUT(0, ~(IN(0) | IN(1))); break;

        case IR_OP_shl: x = IN(0); OUT(0, x << (IN(1) & (w - 1))); break;
        case IR_OP_shr:
            x = IN(0) & mask_bits(w);
            OUT(0, x >> (IN(1) & (w - 1)));
            break;
        case IR_OP_sar: x = IN(0); OUT(0, sar_bits(x, IN(1) & (w - 1), w)); break;
        case IR_OP_rotl:
            x = IN(0) & mask_bits(w);
            OUT(0, rotl_bits(x, IN(1) & (w - 1), w));
            break;
        case IR_OP_rotr:
            x = IN(0) & mask_bits(w);
            OUT(0, rotl_bits(x, (w - (IN(1) & (w - 1))) & (w - 1), w));
            break;

        case IR_OP_clz:
            x = IN(0) & mask_bits(w);
            OUT(0, x ? (uint64_t)__builtin_clzll(x) - (64 - w) : IN(1));
            break;
        case IR_OP_ctz:
            x = IN(0) & mask_bits(w);
            OUT(0, x ? (uint64_t)__builtin_ctzll(x) : IN(1));
            break;
        case IR_OP_ctpop: OUT(0, (uint64_t)__builtin_popcountll(IN(0) & mask_bits(w))); break;

        case IR_OP_bswap16: OUT(0, bswap_n(IN(0), 2)); break;
        case IR_OP_bswap32: OUT(0, bswap_n(IN(0), 4)); break;
        case IR_OP_bswap64: OUT(0, bswap_n(IN(0), 8)); break;

        case IR_OP_ext8s: OUT(0, sext_bits(IN(0), 8)); break;
        case IR_OP_ext8u: OUT(0, IN(0) & 0xff); break;
        case IR_OP_ext16s: OUT(0, sext_bits(IN(0), 16)); break;
        case IR_OP_ext16u: OUT(0, IN(0) & 0xffff); break;
        case IR_OP_ext32s: OUT(0, sext_bits(IN(0), 32)); break;
        case IR_OP_ext32u: OUT(0, IN(0) & 0xffffffffu); break;
        case IR_OP_extu_i32_i64: OUT(0, IN(0) & 0xffffffffu); break;
        case IR_OP_exts_i32_i64: OUT(0, sext_bits(IN(0), 32)); break;
        case IR_OP_extrl_i64_i32: OUT(0, IN(0) & 0xffffffffu); break;
        case IR_OP_extrh_i64_i32: OUT(0, IN(0) >> 32); break;

        case IR_OP_extract:
            OUT(0, (IN(0) >> CST(0)) & mask_bits((unsigned)CST(1)));
            break;
        case IR_OP_sextract:
            OUT(0, sext_bits(IN(0) >> CST(0), (unsigned)CST(1)));
            break;
        case IR_OP_deposit: {
            uint64_t m = mask_bits((unsigned)CST(1)) << CST(0);
            x = IN(0);
            y = IN(1);
            OUT(0, (x & ~m) | ((y << CST(0)) & m));
            break;
        }
        case IR_OP_extract2: {
            unsigned p = (unsigned)CST(0);
            x = IN(0) & mask_bits(w);
            y = IN(1);
            OUT(0, p ? (x >> p) | (y << (w - p)) : x);
            break;
        }

        case IR_OP_setcond:
            OUT(0, ir_cond_eval(t, (IRCond)CST(0), IN(0), IN(1)) ? 1 : 0);
            break;
        case IR_OP_negsetcond:
            OUT(0, ir_cond_eval(t, (IRCond)CST(0), IN(0), IN(1)) ? ~(uint64_t)0 : 0);
            break;
        case IR_OP_movcond:
            OUT(0, ir_cond_eval(t, (IRCond)CST(0), IN(0), IN(1)) ? IN(2) : IN(3));
            break;

        case IR_OP_ld8u: OUT(0, host_load(IN(0) + CST(0), 1)); break;
        case IR_OP_ld8s: OUT(0, sext_bits(host_load(IN(0) + CST(0), 1), 8)); break;
        case IR_OP_ld16u: OUT(0, host_load(IN(0) + CST(0), 2)); break;
        case IR_OP_ld16s: OUT(0, sext_bits(host_load(IN(0) + CST(0), 2), 16)); break;
        case IR_OP_ld32u: OUT(0, host_load(IN(0) + CST(0), 4)); break;
        case IR_OP_ld32s: OUT(0, sext_bits(host_load(IN(0) + CST(0), 4), 32)); break;
        case IR_OP_ld: OUT(0, host_load(IN(0) + CST(0), w / 8)); break;
        case IR_OP_st8: host_store(IN(1) + CST(0), 1, IN(0)); break;
        case IR_OP_st16: host_store(IN(1) + CST(0), 2, IN(0)); break;
        case IR_OP_st32: host_store(IN(1) + CST(0), 4, IN(0)); break;
        case IR_OP_st: host_store(IN(1) + CST(0), w / 8, IN(0)); break;

        case IR_OP_guest_ld:
            x = IN(0);
            if (cur_insn)
                *cur_insn = insn;
            OUT(0, guest_load(env, guest_base, x, (unsigned)CST(0)));
            break;
        case IR_OP_guest_st:
            y = IN(0);
            x = IN(1);
            if (cur_insn)
                *cur_insn = insn;
            guest_store(env, guest_base, x, (unsigned)CST(0), y);
            break;

        case IR_OP_call:
            if (cur_insn)
                *cur_insn = insn;
            interp_call(&s, op);
            break;

        case IR_OP_goto_tb:
            return (IRExit){ IR_EXIT_GOTO_TB, (unsigned)CST(0) };
        case IR_OP_exit_tb:
            return (IRExit){ IR_EXIT_TB, 0 };
        case IR_OP_lookup_and_goto:
            return (IRExit){ IR_EXIT_LOOKUP, 0 };

        default:
            abort();    /* ir_check rejects unknown opcodes */
        }
#undef IN
#undef CST
#undef OUT
    }
    abort();            /* ir_check: the last op ends the block */
}
