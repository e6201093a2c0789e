/*
 * translate.c - the AArch64 guest: its GuestArch, the translation loop,
 * register and flag access shared by the instruction groups, and the
 * run-time helpers that translated code calls.
 *
 * Invariants (see also translate.h):
 *  - each guest instruction starts with `insn_start pc, 0`; restore_state
 *    takes the pc from it, so a fault in a guest memory op or a helper that
 *    passes its return address leaves env->pc at the faulting instruction;
 *  - a block ends after a branch, an exception, a system-register write that
 *    changes what translation depends on, at max_insns, or before the next
 *    instruction would start on another 4 KiB page;
 *  - the flags are lazy (translate-flags.c): a condition is computed from
 *    what the last flag-setting insn recorded.
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/tb.h"
#include "frontend/aarch64/translate.h"
#include "frontend/aarch64/translate-fp.h"
#include "frontend/aarch64/translate-simd.h"

/* ---- registers ----------------------------------------------------------- */

IRTempIdx new_tmp(DisasContext *s, IRType t)
{
    return ir_new_temp(s->b, t);
}

IRTempIdx tconst(DisasContext *s, IRType t, uint64_t v)
{
    return ir_const(s->b, t, ir_trunc(t, v));
}

IRTempIdx cpu_reg(DisasContext *s, int r)
{
    return r == 31 ? ir_const(s->b, IR_TYPE_I64, 0) : (IRTempIdx)(A64_G_X0 + r);
}

IRTempIdx cpu_reg_sp(DisasContext *s, int r)
{
    return r == 31 ? (IRTempIdx)A64_G_SP : (IRTempIdx)(A64_G_X0 + r);
}

static IRTempIdx read_as(DisasContext *s, IRTempIdx g, bool sf)
{
    IRTempIdx t;

    if (sf)
        return g;
    if (ir_temp_is_const(s->b, g))
        return tconst(s, IR_TYPE_I32, ir_temp(s->b, g)->val);
    t = new_tmp(s, IR_TYPE_I32);
    ir_gen_op1(s->b, IR_OP_extrl_i64_i32, IR_TYPE_I32, t, g);
    return t;
}

IRTempIdx read_reg(DisasContext *s, int r, bool sf)
{
    return read_as(s, cpu_reg(s, r), sf);
}

IRTempIdx read_reg_sp(DisasContext *s, int r, bool sf)
{
    return read_as(s, cpu_reg_sp(s, r), sf);
}

static void write_to(DisasContext *s, IRTempIdx g, bool sf, IRTempIdx v)
{
    if (sf)
        ir_gen_mov(s->b, IR_TYPE_I64, g, v);
    else
        ir_gen_op1(s->b, IR_OP_extu_i32_i64, IR_TYPE_I64, g, v);
}

void write_reg(DisasContext *s, int r, bool sf, IRTempIdx v)
{
    if (r != 31)
        write_to(s, A64_G_X0 + r, sf, v);
}

void write_reg_sp(DisasContext *s, int r, bool sf, IRTempIdx v)
{
    write_to(s, cpu_reg_sp(s, r), sf, v);
}

/* ---- block exits ---------------------------------------------------------- */

/* A direct jump: chained through the next free goto_tb slot, or through
 * the jump cache once a superblock has used them all. */
void gen_goto_tb(DisasContext *s, uint64_t dest)
{
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_PC, dest);
    if (s->next_slot < IR_TB_SLOTS)
        ir_gen_goto_tb(s->b, s->next_slot++);
    else
        ir_gen_lookup_and_goto(s->b);
    s->is_jmp = A64_DISAS_NORETURN;
}

/*
 * A conditional branch inside a block is a side exit: translation goes on
 * with the next insn, so that a loop body or an if-chain becomes one block
 * whose globals stay in host registers past the branches (the x86 backend
 * keeps them across side-exit labels).  It may while the next insn fits the
 * block (insn budget, same page) and two slots stay free for the block's
 * own end, which may be another conditional branch.
 */
bool a64_can_side_exit(const DisasContext *s)
{
    return s->nb_insns < s->max_insns && s->next_pc < s->page_end &&
           s->next_slot + 3 <= IR_TB_SLOTS;
}

void gen_exception(DisasContext *s, int excp, uint64_t pc, uint64_t addr)
{
    IRTempIdx args[3] = { IR_TEMP_ENV, tconst(s, IR_TYPE_I64, (uint64_t)excp),
                          tconst(s, IR_TYPE_I64, addr) };

    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_PC, pc);
    ir_emit_call(s->b, &a64_helper_exception, 0, args);
    /* The helper never returns; the exit keeps the block well formed. */
    ir_gen_exit_tb(s->b);
    s->is_jmp = A64_DISAS_NORETURN;
}

void gen_exception_udef(DisasContext *s)
{
    gen_exception(s, EXCP_A64_UDEF, s->pc, 0);
}

/* ---- DecodeBitMasks -------------------------------------------------------- */

static uint64_t ones(unsigned n)
{
    return n >= 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1;
}

/*
 * DecodeBitMasks (Arm ARM J1.1.3, used by C6.2 "AND (immediate)" and the
 * bitfield moves): the element size is 2^len where len is the highest set
 * bit of N:NOT(imms); an element is S+1 ones rotated right by R (wmask),
 * and tmask is d+1 ones with d = (S - R) mod esize; both are replicated to
 * the register width.  For logical immediates an all-ones element is
 * reserved.
 */
bool a64_decode_bit_masks(bool n, unsigned imms, unsigned immr, bool immediate,
                          unsigned width, uint64_t *wmask, uint64_t *tmask)
{
    unsigned v = ((unsigned)n << 6) | (~imms & 0x3f);
    unsigned len, levels, S, R, d, esize;
    uint64_t welem, telem, emask;

    if (v == 0)
        return false;
    len = 31 - (unsigned)__builtin_clz(v);
    if (len < 1 || (1u << len) > width)
        return false;
    levels = (1u << len) - 1;
    if (immediate && (imms & levels) == levels)
        return false;
    S = imms & levels;
    R = immr & levels;
    d = (S - R) & levels;
    esize = 1u << len;
    emask = ones(esize);
    welem = ones(S + 1);
    telem = ones(d + 1);
    if (R)
        welem = ((welem >> R) | (welem << (esize - R))) & emask;
    for (unsigned i = esize; i < 64; i *= 2) {
        welem |= welem << i;
        telem |= telem << i;
    }
    *wmask = welem & ones(width);
    *tmask = telem & ones(width);
    return true;
}

/* ---- helpers called from translated code ------------------------------------ */

static __attribute__((noinline)) void helper_exception(CPUCommon *env, uint64_t excp,
                                                       uint64_t addr)
{
    env->cpu->exception_addr = addr;
    cpu_loop_exit(env->cpu, (int)excp, 0);
}

/*
 * The exclusive monitor (one per CPU, in env): LDXR records the address and
 * the value it loaded; a store-exclusive succeeds only if it is to the same
 * address and memory still holds that value, and the compare and the store
 * are one host compare-and-swap, so two threads cannot both succeed.  Every
 * store-exclusive clears the monitor.  (A store of the same value by another
 * thread in between goes unnoticed: the ABA case, harmless for the
 * load/modify/store-exclusive loops compilers emit.)  The translated code has
 * already checked the access with an aligned load, so the address is mapped
 * and aligned here.
 */
static __attribute__((noinline)) uint64_t
helper_stxr(CPUCommon *env, uint64_t addr, uint64_t val, uint64_t size)
{
    AArch64Env *e = (AArch64Env *)env;
    void *p = (void *)(engine_guest_base() + (uintptr_t)addr);
    uint64_t expect = e->excl_val;
    bool ok = false;

    /* The store may fault (a read-only page): make the fault precise. */
    cpu_helper_retaddr = (uintptr_t)__builtin_return_address(0);
    if (e->excl_addr == addr) {
        switch (size) {
        case 0: {
            uint8_t x = (uint8_t)expect;
            ok = __atomic_compare_exchange_n((uint8_t *)p, &x, (uint8_t)val, false,
                                             __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            break;
        }
        case 1: {
            uint16_t x = (uint16_t)expect;
            ok = __atomic_compare_exchange_n((uint16_t *)p, &x, (uint16_t)val, false,
                                             __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            break;
        }
        case 2: {
            uint32_t x = (uint32_t)expect;
            ok = __atomic_compare_exchange_n((uint32_t *)p, &x, (uint32_t)val, false,
                                             __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            break;
        }
        default:
            ok = __atomic_compare_exchange_n((uint64_t *)p, &expect, val, false,
                                             __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
            break;
        }
    }
    cpu_helper_retaddr = 0;
    e->excl_addr = UINT64_MAX;
    return ok ? 0 : 1;
}

/*
 * STXP of two doublewords: the host has no portable 16-byte compare-and-swap
 * without libatomic, so the pair is compared and stored under one process
 * lock.  That is atomic against other store-exclusive pairs and CASP of
 * doublewords (helper-atomic.c), the only ways guest code updates 16-byte
 * data atomically.
 */
pthread_mutex_t a64_pair_lock = PTHREAD_MUTEX_INITIALIZER;

static __attribute__((noinline)) uint64_t
helper_stxp(CPUCommon *env, uint64_t addr, uint64_t lo, uint64_t hi)
{
    AArch64Env *e = (AArch64Env *)env;
    volatile uint64_t *p = (volatile uint64_t *)(engine_guest_base() + (uintptr_t)addr);
    bool ok = false;

    cpu_helper_retaddr = (uintptr_t)__builtin_return_address(0);
    if (e->excl_addr == addr) {
        pthread_mutex_lock(&a64_pair_lock);
        if (p[0] == e->excl_val && p[1] == e->excl_val2) {
            p[0] = lo;
            p[1] = hi;
            ok = true;
        }
        pthread_mutex_unlock(&a64_pair_lock);
    }
    cpu_helper_retaddr = 0;
    e->excl_addr = UINT64_MAX;
    return ok ? 0 : 1;
}

/*
 * CNTVCT_EL0: the host's CLOCK_MONOTONIC in nanoseconds, so the counter runs
 * at the 1 GHz that CNTFRQ_EL0 reports (the frequency Armv8.6 and later
 * require anyway).
 */
static uint64_t helper_cntvct(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* IC IVAU: drop the translations of the 64-byte line (CTR_EL0.IminLine). */
static void helper_ic_ivau(uint64_t addr)
{
    uint64_t start = addr & ~UINT64_C(63);

    tb_invalidate_range(start, start + 64);
}

IRHelper a64_helper_exception = {
    .name = "a64_exception", .fn = (void *)helper_exception, .ret = IR_TYPE_VOID,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = IR_CALL_MAY_RAISE | IR_CALL_READS_GLOBALS,
};
IRHelper a64_helper_stxr = {
    .name = "a64_stxr", .fn = (void *)helper_stxr, .ret = IR_TYPE_I64,
    .nb_args = 4, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
IRHelper a64_helper_stxp = {
    .name = "a64_stxp", .fn = (void *)helper_stxp, .ret = IR_TYPE_I64,
    .nb_args = 4, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
};
IRHelper a64_helper_cntvct = {
    .name = "a64_cntvct", .fn = (void *)helper_cntvct, .ret = IR_TYPE_I64,
    .nb_args = 0,
};
IRHelper a64_helper_ic_ivau = {
    .name = "a64_ic_ivau", .fn = (void *)helper_ic_ivau, .ret = IR_TYPE_VOID,
    .nb_args = 1, .args = { IR_TYPE_I64 },
};

/* ---- the GuestArch hooks ---------------------------------------------------- */

static void a64_init_globals(IRGlobals *g)
{
    static const char *const flags[4] = { "nf", "zf", "cf", "vf" };
    char name[8];

    ir_helper_register(&a64_helper_exception);
    ir_helper_register(&a64_helper_stxr);
    ir_helper_register(&a64_helper_stxp);
    ir_helper_register(&a64_helper_cntvct);
    ir_helper_register(&a64_helper_ic_ivau);
    ir_helper_register(&a64_helper_flags_explicit);
    ir_helper_register(&a64_helper_simd);
    ir_helper_register(&a64_helper_vfp);
    ir_helper_register(&a64_helper_atomic);
    ir_helper_register(&a64_helper_cas);
    ir_helper_register(&a64_helper_casp64);
    ir_helper_register(&a64_helper_crc32);
    ir_helper_register(&a64_helper_crypto);

    ir_globals_add(g, "pc", IR_TYPE_I64, (int32_t)offsetof(CPUCommon, pc));
    for (int i = 0; i < 31; i++) {
        snprintf(name, sizeof(name), "x%d", i);
        ir_globals_add(g, name, IR_TYPE_I64, (int32_t)offsetof(AArch64Env, x[i]));
    }
    ir_globals_add(g, "sp", IR_TYPE_I64, (int32_t)offsetof(AArch64Env, sp));
    for (int i = 0; i < 4; i++)
        ir_globals_add(g, flags[i], IR_TYPE_I64,
                       (int32_t)(offsetof(AArch64Env, nf) + 8 * (size_t)i));
    ir_globals_add(g, "tpidr_el0", IR_TYPE_I64, (int32_t)offsetof(AArch64Env, tpidr_el0));
    ir_globals_add(g, "cc_op", IR_TYPE_I64, (int32_t)offsetof(AArch64Env, cc_op));
    ir_globals_add(g, "cc_a", IR_TYPE_I64, (int32_t)offsetof(AArch64Env, cc_a));
    ir_globals_add(g, "cc_b", IR_TYPE_I64, (int32_t)offsetof(AArch64Env, cc_b));
}

/*
 * Top-level A64 encoding table (C4.1): op0 = bits 28:25.  Loads and stores
 * with V (bit 26) set and the SIMD&FP data processing group go to
 * translate-ldst-simd.c and translate-simd.c.  Groups that this frontend
 * leaves out (SME/SVE, the reserved space) match no pattern and so are UDEF.
 */
static bool a64_disas_insn(DisasContext *s, uint32_t insn)
{
    unsigned op0 = (insn >> 25) & 0xf;

    if ((op0 & 0xe) == 0x8)
        return a64_decode_dp_imm(s, insn);
    if ((op0 & 0xe) == 0xa)
        return a64_decode_branch(s, insn);
    if ((op0 & 0x5) == 0x4)
        return (insn >> 26) & 1 ? a64_decode_ldst_simd(s, insn) : a64_decode_ldst(s, insn);
    if ((op0 & 0x7) == 0x5)
        return a64_decode_dp_reg(s, insn);
    if ((op0 & 0x7) == 0x7)
        return a64_decode_fp(s, insn) || a64_decode_simd(s, insn) ||
               a64_decode_simd_fp(s, insn);
    return false;
}

static long a64_translate(CPU *cpu, IRBlock *b, uint64_t pc, uint32_t flags, int max_insns)
{
    DisasContext s = { .b = b, .cpu = cpu, .pc = pc, .max_insns = max_insns,
                       .cc_static = -1 };
    uint64_t page_end = (pc | 0xfff) + 1;
    int n = 0;

    s.page_end = page_end;

    for (;;) {
        uint32_t insn = 0;

        if ((s.pc & 3) == 0 && !guest_code_read(s.pc, &insn, 4)) {
            if (n == 0)
                return -1;
            ir_gen_movi(b, IR_TYPE_I64, A64_G_PC, s.pc);
            ir_gen_exit_tb(b);
            break;
        }
        ir_gen_insn_start(b, s.pc, 0);
        s.nb_insns = ++n;
        s.next_pc = s.pc + 4;
        s.is_jmp = A64_DISAS_NEXT;
        /* A misaligned pc (after BR to an odd address) cannot fetch. */
        if ((s.pc & 3) != 0 || !a64_disas_insn(&s, insn)) {
            /* Logged when translated: the guest may never execute it. */
            if ((s.pc & 3) == 0 && log_enabled(LOG_UNIMP))
                log_printf("a64: no translation for %08" PRIx32 " at 0x%" PRIx64
                           " (SIGILL if executed)\n", insn, s.pc);
            gen_exception_udef(&s);
        }
        s.pc = s.next_pc;
        if (s.is_jmp == A64_DISAS_EXIT) {
            ir_gen_movi(b, IR_TYPE_I64, A64_G_PC, s.pc);
            ir_gen_exit_tb(b);
            break;
        }
        if (s.is_jmp == A64_DISAS_NORETURN)
            break;
        if (n >= max_insns || s.pc >= page_end) {
            gen_goto_tb(&s, s.pc);
            break;
        }
    }
    return (long)(s.pc - pc);
}

static void a64_restore_state(CPUCommon *env, uint64_t pc, uint64_t extra)
{
    env->pc = pc;
}

static void a64_dump_state(FILE *f, const CPUCommon *common)
{
    const AArch64Env *env = (const AArch64Env *)common;
    uint32_t nzcv = aarch64_get_nzcv(env);

    fprintf(f, " PC=%016" PRIx64 "  SP=%016" PRIx64 "\n", env->common.pc, env->sp);
    for (int i = 0; i < 31; i++)
        fprintf(f, "X%02d=%016" PRIx64 "%s", i, env->x[i], i % 4 == 3 ? "\n" : " ");
    fprintf(f, "\nPSTATE=%08" PRIx32 " %c%c%c%c EL0t\n", nzcv,
            (nzcv >> 31) & 1 ? 'N' : '-', (nzcv >> 30) & 1 ? 'Z' : '-',
            (nzcv >> 29) & 1 ? 'C' : '-', (nzcv >> 28) & 1 ? 'V' : '-');
}

const GuestArch aarch64_arch = {
    .name = "aarch64",
    .env_size = sizeof(AArch64Env),
    .init_globals = a64_init_globals,
    .translate = a64_translate,
    .restore_state = a64_restore_state,
    .dump_state = a64_dump_state,
};
