/*
 * translate-branch.c - A64 branches, exception generation and system
 * instructions (Arm ARM C4.1.87; semantics in C6.2; system registers in
 * D19 "AArch64 System Register Descriptions").
 *
 * Direct branches chain with goto_tb, one slot per destination; a
 * conditional branch is a side exit when the block can go on past it
 * (translate.c, a64_can_side_exit), else it ends the block with a second
 * goto_tb for the fall-through.  Register branches look the target up
 * (lookup_and_goto).  System registers are what Linux lets EL0
 * see: the thread pointers, NZCV, FPCR/FPSR, the cache and counter
 * registers, and the ID registers that Linux emulates for EL0 reads
 * (Documentation/arch/arm64/cpu-feature-registers.rst), which report only
 * what this frontend implements.  Any other register is UDEF.
 */
#include "config.h"

#include <stddef.h>

#include "frontend/aarch64/translate.h"

#include "decode-a64-branch.c.inc"

bool a64_decode_branch(DisasContext *s, uint32_t insn)
{
    return decode_a64_branch(s, insn);
}

static int times_4(DisasContext *s, int x)
{
    return x * 4;
}

/* ---- branches ----------------------------------------------------------------- */

/* Branch to target when (a cond b), else fall through to the next insn:
 * either the block goes on there (a side exit, a64_can_side_exit) or it
 * ends with a second goto_tb. */
static void gen_cond_branch(DisasContext *s, IRType t, IRCond cond, IRTempIdx a, IRTempIdx b,
                            uint64_t target)
{
    uint32_t skip;

    if (cond == IR_COND_ALWAYS) {
        gen_goto_tb(s, target);
        return;
    }
    skip = ir_new_label(s->b);
    ir_gen_brcond(s->b, t, ir_cond_invert(cond), a, b, skip);
    gen_goto_tb(s, target);
    ir_gen_set_label(s->b, skip);
    if (a64_can_side_exit(s)) {
        s->is_jmp = A64_DISAS_NEXT;
        return;
    }
    gen_goto_tb(s, s->next_pc);
}

static bool trans_B(DisasContext *s, arg_branch *a)
{
    gen_goto_tb(s, s->pc + (int64_t)a->imm);
    return true;
}

static bool trans_BL(DisasContext *s, arg_branch *a)
{
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_X0 + 30, s->next_pc);
    gen_goto_tb(s, s->pc + (int64_t)a->imm);
    return true;
}

/* B.cond: cond 1110 and 1111 both branch always. */
static bool trans_B_cond(DisasContext *s, arg_B_cond *a)
{
    A64Compare c = a64_test_cc(s, a->cond);

    gen_cond_branch(s, IR_TYPE_I64, c.cond, c.a, c.b, s->pc + (int64_t)a->imm);
    return true;
}

static bool gen_cb(DisasContext *s, arg_cb *a, IRCond cond)
{
    IRType t = sf_type(a->sf);

    gen_cond_branch(s, t, cond, read_reg(s, a->rt, a->sf), tconst(s, t, 0),
                    s->pc + (int64_t)a->imm);
    return true;
}

static bool trans_CBZ(DisasContext *s, arg_cb *a) { return gen_cb(s, a, IR_COND_EQ); }
static bool trans_CBNZ(DisasContext *s, arg_cb *a) { return gen_cb(s, a, IR_COND_NE); }

/* TBZ/TBNZ test bit b5:b40 of Xt (b5 = 0 names Wt; the test is the same). */
static bool gen_tb(DisasContext *s, arg_tb *a, IRCond cond)
{
    unsigned bit = (unsigned)(a->b5 << 5 | a->b40);

    gen_cond_branch(s, IR_TYPE_I64, cond, cpu_reg(s, a->rt),
                    tconst(s, IR_TYPE_I64, UINT64_C(1) << bit), s->pc + (int64_t)a->imm);
    return true;
}

static bool trans_TBZ(DisasContext *s, arg_tb *a) { return gen_tb(s, a, IR_COND_TSTEQ); }
static bool trans_TBNZ(DisasContext *s, arg_tb *a) { return gen_tb(s, a, IR_COND_TSTNE); }

/* BR/BLR/RET: the target is read before BLR writes X30 (BLR X30). */
static bool gen_branch_reg(DisasContext *s, int rn, bool link)
{
    IRTempIdx dest = new_tmp(s, IR_TYPE_I64);

    ir_gen_mov(s->b, IR_TYPE_I64, dest, cpu_reg(s, rn));
    if (link)
        ir_gen_movi(s->b, IR_TYPE_I64, A64_G_X0 + 30, s->next_pc);
    ir_gen_mov(s->b, IR_TYPE_I64, A64_G_PC, dest);
    ir_gen_lookup_and_goto(s->b);
    s->is_jmp = A64_DISAS_NORETURN;
    return true;
}

static bool trans_BR(DisasContext *s, arg_breg *a) { return gen_branch_reg(s, a->rn, false); }
static bool trans_BLR(DisasContext *s, arg_breg *a) { return gen_branch_reg(s, a->rn, true); }
static bool trans_RET(DisasContext *s, arg_breg *a) { return gen_branch_reg(s, a->rn, false); }

/* ---- exceptions ------------------------------------------------------------------- */

static void gen_clear_exclusive(DisasContext *s)
{
    uint64_t args[3] = { tconst(s, IR_TYPE_I64, UINT64_MAX), IR_TEMP_ENV,
                         offsetof(AArch64Env, excl_addr) };

    ir_emit(s->b, IR_OP_st, IR_TYPE_I64, args, 3);
}

/* SVC: the preferred return address is the next insn; taking the
 * exception clears the local exclusive monitor, as the return would. */
static bool trans_SVC(DisasContext *s, arg_excp *a)
{
    gen_clear_exclusive(s);
    gen_exception(s, EXCP_A64_SVC, s->next_pc, (uint64_t)a->imm);
    return true;
}

static bool trans_BRK(DisasContext *s, arg_excp *a)
{
    gen_exception(s, EXCP_A64_BRK, s->pc, (uint64_t)a->imm);
    return true;
}

/* ---- hints and barriers --------------------------------------------------------- */

static bool trans_HINT(DisasContext *s, arg_HINT *a)
{
    return true;
}

static bool trans_CLREX(DisasContext *s, arg_CLREX *a)
{
    gen_clear_exclusive(s);
    return true;
}

/* DMB's CRm<1:0> names the accesses ordered: 01 loads, 10 stores, 11 all. */
static bool trans_DMB(DisasContext *s, arg_DMB *a)
{
    uint64_t kind;

    switch (a->crm & 3) {
    case 1:
        kind = IR_MB_LD_LD | IR_MB_LD_ST;
        break;
    case 2:
        kind = IR_MB_ST_ST;
        break;
    default:
        kind = IR_MB_ALL;
        break;
    }
    ir_emit(s->b, IR_OP_mb, IR_TYPE_I64, &kind, 1);
    return true;
}

static bool trans_DSB(DisasContext *s, arg_DSB *a)
{
    uint64_t kind = IR_MB_ALL;

    ir_emit(s->b, IR_OP_mb, IR_TYPE_I64, &kind, 1);
    return true;
}

/* ISB: end the block, so instructions after it are fetched (translated)
 * again, after any IC IVAU that came before. */
static bool trans_ISB(DisasContext *s, arg_ISB *a)
{
    uint64_t kind = IR_MB_ALL;

    ir_emit(s->b, IR_OP_mb, IR_TYPE_I64, &kind, 1);
    s->is_jmp = A64_DISAS_EXIT;
    return true;
}

/* ---- DC and IC -------------------------------------------------------------------- */

#define SYS_KEY(op1, crn, crm, op2) ((op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

/* DC ZVA: zero the naturally aligned block of DCZID_EL0's 64 bytes. */
static void gen_dc_zva(DisasContext *s, int rt)
{
    IRTempIdx base = new_tmp(s, IR_TYPE_I64), addr = new_tmp(s, IR_TYPE_I64);
    IRTempIdx zero = tconst(s, IR_TYPE_I64, 0);

    ir_gen_op2(s->b, IR_OP_and, IR_TYPE_I64, base, cpu_reg(s, rt),
               tconst(s, IR_TYPE_I64, ~UINT64_C(63)));
    for (int i = 0; i < 64; i += 8) {
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, addr, base, tconst(s, IR_TYPE_I64, (uint64_t)i));
        ir_gen_guest_st(s->b, IR_TYPE_I64, zero, addr, IR_MO_64);
    }
}

/*
 * SYS at EL0: DC ZVA, the cache cleans Linux allows to EL0 (DC CVAU, CVAC,
 * CIVAC; no-ops here, as the emulated memory is coherent), and IC IVAU,
 * which drops the translations of the line and ends the block.
 */
static bool trans_SYS(DisasContext *s, arg_SYS *a)
{
    switch (SYS_KEY(a->op1, a->crn, a->crm, a->op2)) {
    case SYS_KEY(3, 7, 4, 1):   /* DC ZVA */
        gen_dc_zva(s, a->rt);
        return true;
    case SYS_KEY(3, 7, 11, 1):  /* DC CVAU */
    case SYS_KEY(3, 7, 10, 1):  /* DC CVAC */
    case SYS_KEY(3, 7, 14, 1):  /* DC CIVAC */
    case SYS_KEY(3, 7, 12, 1):  /* DC CVAP (FEAT_DPB): no persistent memory here */
        return true;
    case SYS_KEY(3, 7, 5, 1): { /* IC IVAU */
        IRTempIdx arg = cpu_reg(s, a->rt);
        ir_emit_call(s->b, &a64_helper_ic_ivau, 0, &arg);
        s->is_jmp = A64_DISAS_EXIT;
        return true;
    }
    default:
        return false;
    }
}

/* ---- system registers ----------------------------------------------------------- */

#define SR_KEY(op0, op1, crn, crm, op2) ((op0) << 14 | SYS_KEY(op1, crn, crm, op2))

/*
 * CTR_EL0: bit 31 RES1; CWG, ERG = 4 (64-byte granules); DminLine = 4 and
 * IminLine = 4 (64-byte lines, log2 of words); L1Ip = 11 (PIPT); IDC = DIC
 * = 0, so software cleans and invalidates, and IC IVAU reaches us.
 */
#define A64_CTR_EL0     UINT64_C(0x8444c004)
/* DCZID_EL0: DZP = 0 (DC ZVA allowed), BS = 4: 2^4 words = 64 bytes. */
#define A64_DCZID_EL0   UINT64_C(4)
/* CNTFRQ_EL0: the 1 GHz of helper_cntvct (nanoseconds). */
#define A64_CNTFRQ_EL0  UINT64_C(1000000000)

#define A64_ID_AA64ISAR0 ( \
    UINT64_C(2) << 4 |      /* AES: AESE..AESIMC and PMULL .1Q */ \
    UINT64_C(1) << 8 |      /* SHA1 */ \
    UINT64_C(1) << 12 |     /* SHA2: SHA256 */ \
    UINT64_C(1) << 16 |     /* CRC32 */ \
    UINT64_C(2) << 20 |     /* Atomic: FEAT_LSE */ \
    0)
#define A64_ID_AA64ISAR1 ( \
    UINT64_C(1) << 0 |      /* DPB: DC CVAP */ \
    UINT64_C(1) << 20 |     /* LRCPC: LDAPR* */ \
    0)

/*
 * Read-only registers with constant values.  MIDR_EL1: implementer 0x00
 * (reserved for software use), architecture 0xf (features in the ID
 * registers).  MPIDR_EL1: RES1 bit 31, affinity 0, as Linux shows it.
 * ID_AA64PFR0_EL1: EL0 = EL1 = 1 (AArch64 only), FP = AdvSIMD = 0
 * (implemented, without FEAT_FP16).  ID_AA64ISAR0/1 list the implemented features, one field
 * per line (D19.2: ID_AA64ISAR0_EL1, ID_AA64ISAR1_EL1).  The rest of the ID space (op0 = 3, op1 = 0, CRn = 0, CRm = 0..7) reads
 * as zero, as Linux emulates it for EL0.
 */
static const struct {
    uint32_t key;
    uint64_t value;
} a64_const_sysregs[] = {
    { SR_KEY(3, 3, 0, 0, 1), A64_CTR_EL0 },
    { SR_KEY(3, 3, 0, 0, 7), A64_DCZID_EL0 },
    { SR_KEY(3, 3, 14, 0, 0), A64_CNTFRQ_EL0 },
    { SR_KEY(3, 0, 0, 0, 0), UINT64_C(0x000f0000) },       /* MIDR_EL1 */
    { SR_KEY(3, 0, 0, 0, 5), UINT64_C(0x80000000) },       /* MPIDR_EL1 */
    { SR_KEY(3, 0, 0, 4, 0), UINT64_C(0x00000011) },       /* ID_AA64PFR0_EL1 */
    { SR_KEY(3, 0, 0, 6, 0), A64_ID_AA64ISAR0 },
    { SR_KEY(3, 0, 0, 6, 1), A64_ID_AA64ISAR1 },
};

static bool gen_read_id_space(DisasContext *s, const arg_sysreg *a, uint64_t *value)
{
    uint32_t key = SR_KEY(2 + a->o0, a->op1, a->crn, a->crm, a->op2);

    for (size_t i = 0; i < sizeof(a64_const_sysregs) / sizeof(a64_const_sysregs[0]); i++) {
        if (a64_const_sysregs[i].key == key) {
            *value = a64_const_sysregs[i].value;
            return true;
        }
    }
    if (a->o0 == 1 && a->op1 == 0 && a->crn == 0 && a->crm <= 7) {
        *value = 0;
        return true;
    }
    return false;
}

static void gen_env_ld32(DisasContext *s, IRTempIdx d, size_t off)
{
    uint64_t args[3] = { d, IR_TEMP_ENV, off };

    ir_emit(s->b, IR_OP_ld32u, IR_TYPE_I64, args, 3);
}

static void gen_env_st32(DisasContext *s, IRTempIdx v, size_t off)
{
    uint64_t args[3] = { v, IR_TEMP_ENV, off };

    ir_emit(s->b, IR_OP_st32, IR_TYPE_I64, args, 3);
}

static bool trans_MRS(DisasContext *s, arg_sysreg *a)
{
    uint32_t key = SR_KEY(2 + a->o0, a->op1, a->crn, a->crm, a->op2);
    IRTempIdx d = new_tmp(s, IR_TYPE_I64);
    uint64_t value;

    switch (key) {
    case SR_KEY(3, 3, 4, 2, 0):     /* NZCV */
        gen_get_nzcv(s, d);
        break;
    case SR_KEY(3, 3, 4, 4, 0):     /* FPCR */
        gen_env_ld32(s, d, offsetof(AArch64Env, fpcr));
        break;
    case SR_KEY(3, 3, 4, 4, 1):     /* FPSR */
        gen_env_ld32(s, d, offsetof(AArch64Env, fpsr));
        break;
    case SR_KEY(3, 3, 13, 0, 2):    /* TPIDR_EL0 */
        ir_gen_mov(s->b, IR_TYPE_I64, d, A64_G_TPIDR);
        break;
    case SR_KEY(3, 3, 13, 0, 3): {  /* TPIDRRO_EL0 */
        uint64_t args[3] = { d, IR_TEMP_ENV, offsetof(AArch64Env, tpidrro_el0) };
        ir_emit(s->b, IR_OP_ld, IR_TYPE_I64, args, 3);
        break;
    }
    case SR_KEY(3, 3, 14, 0, 2):    /* CNTVCT_EL0 */
        ir_emit_call(s->b, &a64_helper_cntvct, d, NULL);
        break;
    default:
        if (!gen_read_id_space(s, a, &value))
            return false;
        ir_gen_movi(s->b, IR_TYPE_I64, d, value);
        break;
    }
    write_reg(s, a->rt, true, d);
    return true;
}

static bool trans_MSR_r(DisasContext *s, arg_sysreg *a)
{
    uint32_t key = SR_KEY(2 + a->o0, a->op1, a->crn, a->crm, a->op2);
    IRTempIdx v = cpu_reg(s, a->rt);

    switch (key) {
    case SR_KEY(3, 3, 4, 2, 0):     /* NZCV */
        gen_set_nzcv(s, v);
        return true;
    case SR_KEY(3, 3, 4, 4, 0):     /* FPCR */
        gen_env_st32(s, v, offsetof(AArch64Env, fpcr));
        return true;
    case SR_KEY(3, 3, 4, 4, 1):     /* FPSR */
        gen_env_st32(s, v, offsetof(AArch64Env, fpsr));
        return true;
    case SR_KEY(3, 3, 13, 0, 2):    /* TPIDR_EL0 */
        ir_gen_mov(s->b, IR_TYPE_I64, A64_G_TPIDR, v);
        return true;
    default:
        return false;
    }
}
