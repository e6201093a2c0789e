/*
 * translate-ldst.c - A64 loads and stores of general registers: single
 * registers in every addressing mode, pairs, exclusives and
 * load-acquire/store-release (Arm ARM C4.1.66; semantics in C6.2).
 *
 * Order within one instruction: the address is computed, the memory
 * accesses are made (so a fault leaves every register untouched and the pc
 * at the instruction), then the base is written back, then the loaded
 * registers.  When a load writes back to its own destination (CONSTRAINED
 * UNPREDICTABLE) the loaded value therefore wins.
 *
 * Exclusives use the monitor in env (excl_addr, excl_val, excl_val2):
 * LDXR/LDXP record the address and the value(s) loaded; STXR/STXP first
 * make an aligned load of the location (it raises the alignment or page
 * fault a store would), then a helper stores with a host compare-and-swap
 * against the recorded value (translate.c explains the scheme).
 */
#include "config.h"

#include <stddef.h>

#include "frontend/aarch64/translate.h"

#include "decode-a64-ldst.c.inc"

bool a64_decode_ldst(DisasContext *s, uint32_t insn)
{
    return decode_a64_ldst(s, insn);
}

/* What size:opc means for a single-register access (C4.1.66 tables). */
typedef enum LdstKind {
    LDST_INVALID,
    LDST_STORE,
    LDST_LOAD,          /* zero-extended to 64 bits */
    LDST_LOAD_S64,      /* sign-extended to 64 bits (LDRSB/LDRSH/LDRSW Xt) */
    LDST_LOAD_S32,      /* sign-extended to 32 bits (LDRSB/LDRSH Wt) */
    LDST_PREFETCH,      /* PRFM / PRFUM: no architectural effect */
} LdstKind;

static LdstKind ldst_kind(int size, int opc)
{
    switch (opc) {
    case 0:
        return LDST_STORE;
    case 1:
        return LDST_LOAD;
    case 2:
        return size == 3 ? LDST_PREFETCH : LDST_LOAD_S64;
    default:
        return size <= 1 ? LDST_LOAD_S32 : LDST_INVALID;
    }
}

/* Load (into a new i64 temp) or store register rt at addr. */
static IRTempIdx gen_access(DisasContext *s, LdstKind kind, int size, int rt, IRTempIdx addr,
                            unsigned extra_memop)
{
    IRTempIdx d = 0;
    unsigned mo = (unsigned)size | extra_memop;

    switch (kind) {
    case LDST_STORE:
        ir_gen_guest_st(s->b, IR_TYPE_I64, cpu_reg(s, rt), addr, mo);
        break;
    case LDST_LOAD:
        d = new_tmp(s, IR_TYPE_I64);
        ir_gen_guest_ld(s->b, IR_TYPE_I64, d, addr, mo);
        break;
    case LDST_LOAD_S64:
        d = new_tmp(s, IR_TYPE_I64);
        ir_gen_guest_ld(s->b, IR_TYPE_I64, d, addr, mo | IR_MO_SIGN);
        break;
    case LDST_LOAD_S32: {
        IRTempIdx w = new_tmp(s, IR_TYPE_I32);
        d = new_tmp(s, IR_TYPE_I64);
        ir_gen_guest_ld(s->b, IR_TYPE_I32, w, addr, mo | IR_MO_SIGN);
        ir_gen_op1(s->b, IR_OP_extu_i32_i64, IR_TYPE_I64, d, w);
        break;
    }
    default:
        break;
    }
    return d;
}

static IRTempIdx gen_add_const(DisasContext *s, IRTempIdx base, int64_t off)
{
    IRTempIdx a = new_tmp(s, IR_TYPE_I64);

    ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, a, base, tconst(s, IR_TYPE_I64, (uint64_t)off));
    return a;
}

/*
 * One single-register access at base + off (pre: 1 = pre-index, 0 = offset,
 * -1 = post-index; writeback for both indexed forms).
 */
static bool gen_ldst_single(DisasContext *s, int size, int opc, int rn, int rt, int64_t off,
                            int index)
{
    LdstKind kind = ldst_kind(size, opc);
    IRTempIdx base = cpu_reg_sp(s, rn), addr, d;

    if (kind == LDST_INVALID || (kind == LDST_PREFETCH && index != 0))
        return false;
    if (kind == LDST_PREFETCH)
        return true;
    addr = gen_add_const(s, base, index < 0 ? 0 : off);
    d = gen_access(s, kind, size, rt, addr, 0);
    if (index > 0)
        ir_gen_mov(s->b, IR_TYPE_I64, base, addr);
    else if (index < 0)
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, addr, tconst(s, IR_TYPE_I64, (uint64_t)off));
    if (d)
        write_reg(s, rt, true, d);
    return true;
}

/* Unsigned offset: imm12 scaled by the access size. */
static bool trans_LDST_ui(DisasContext *s, arg_ldst *a)
{
    return gen_ldst_single(s, a->size, a->opc, a->rn, a->rt, (int64_t)a->imm << a->size, 0);
}

/* idx: 00 unscaled (LDUR), 01 post-index, 10 unprivileged (LDTR, at EL0
 * an ordinary access, no prefetch form), 11 pre-index. */
static bool trans_LDST_i9(DisasContext *s, arg_LDST_i9 *a)
{
    static const int index[4] = { 0, -1, 0, 1 };

    if (a->idx == 2 && ldst_kind(a->size, a->opc) == LDST_PREFETCH)
        return false;
    return gen_ldst_single(s, a->size, a->opc, a->rn, a->rt, a->imm, index[a->idx]);
}

/*
 * Register offset: Rm extended by option (UXTW 010, LSL/UXTX 011, SXTW
 * 110, SXTX 111; option<1> = 0 is reserved) and shifted by the access
 * size when S = 1.
 */
static bool trans_LDST_r(DisasContext *s, arg_LDST_r *a)
{
    LdstKind kind = ldst_kind(a->size, a->opc);
    IRTempIdx addr, d;

    if (!(a->option & 2) || kind == LDST_INVALID)
        return false;
    if (kind == LDST_PREFETCH)
        return true;
    addr = gen_regoffset_addr(s, a->rn, a->rm, a->option, a->s ? a->size : 0);
    d = gen_access(s, kind, a->size, a->rt, addr, 0);
    if (d)
        write_reg(s, a->rt, true, d);
    return true;
}

/* LDR (literal): opc 00 Wt, 01 Xt, 10 LDRSW, 11 PRFM. */
static bool trans_LDR_lit(DisasContext *s, arg_LDR_lit *a)
{
    static const int size[3] = { 2, 3, 2 };
    static const LdstKind kind[3] = { LDST_LOAD, LDST_LOAD, LDST_LOAD_S64 };
    IRTempIdx d;

    if (a->opc == 3)
        return true;
    d = gen_access(s, kind[a->opc], size[a->opc], a->rt,
                   tconst(s, IR_TYPE_I64, s->pc + (uint64_t)((int64_t)a->imm * 4)), 0);
    write_reg(s, a->rt, true, d);
    return true;
}

/*
 * LDP/STP/LDPSW/LDNP/STNP: opc 00 W registers, 01 LDPSW (its store form is
 * STGP, MTE, not here), 10 X registers; the offset is imm7 scaled by the
 * register size; idx 00 (non-temporal) and 10 are plain offsets, 01
 * post-index, 11 pre-index.
 */
static bool trans_LDSTP(DisasContext *s, arg_pair *a)
{
    static const int index[4] = { 0, -1, 0, 1 };
    int size = a->opc == 2 ? 3 : 2;
    int64_t off = (int64_t)a->imm * ((int64_t)1 << size);
    LdstKind kind;
    IRTempIdx base = cpu_reg_sp(s, a->rn), addr, addr2, d1, d2;

    if (a->opc == 3 || (a->opc == 1 && (!a->l || a->idx == 0)))
        return false;
    kind = !a->l ? LDST_STORE : a->opc == 1 ? LDST_LOAD_S64 : LDST_LOAD;
    addr = gen_add_const(s, base, index[a->idx] < 0 ? 0 : off);
    addr2 = gen_add_const(s, addr, (int64_t)1 << size);
    d1 = gen_access(s, kind, size, a->rt, addr, 0);
    d2 = gen_access(s, kind, size, a->rt2, addr2, 0);
    if (index[a->idx] > 0)
        ir_gen_mov(s->b, IR_TYPE_I64, base, addr);
    else if (index[a->idx] < 0)
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, addr, tconst(s, IR_TYPE_I64, (uint64_t)off));
    if (a->l) {
        write_reg(s, a->rt, true, d1);
        write_reg(s, a->rt2, true, d2);
    }
    return true;
}

IRTempIdx gen_regoffset_addr(DisasContext *s, int rn, int rm, int option, int shift)
{
    IRTempIdx off = new_tmp(s, IR_TYPE_I64), addr = new_tmp(s, IR_TYPE_I64);

    switch (option) {
    case 2:     /* UXTW */
        ir_gen_op1(s->b, IR_OP_ext32u, IR_TYPE_I64, off, cpu_reg(s, rm));
        break;
    case 6:     /* SXTW */
        ir_gen_op1(s->b, IR_OP_ext32s, IR_TYPE_I64, off, cpu_reg(s, rm));
        break;
    default:    /* LSL (3) and SXTX (7): the whole register */
        ir_gen_mov(s->b, IR_TYPE_I64, off, cpu_reg(s, rm));
        break;
    }
    if (shift)
        ir_gen_op2(s->b, IR_OP_shl, IR_TYPE_I64, off, off, tconst(s, IR_TYPE_I64, (uint64_t)shift));
    ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, addr, cpu_reg_sp(s, rn), off);
    return addr;
}

/* ---- exclusives and acquire/release ------------------------------------------------ */

static void gen_mb(DisasContext *s, uint64_t kind)
{
    ir_emit(s->b, IR_OP_mb, IR_TYPE_I64, &kind, 1);
}

static void gen_env_st64(DisasContext *s, IRTempIdx v, size_t off)
{
    uint64_t args[3] = { v, IR_TEMP_ENV, off };

    ir_emit(s->b, IR_OP_st, IR_TYPE_I64, args, 3);
}

/* The base of an exclusive or acquire/release access (SP-form), copied. */
static IRTempIdx gen_excl_addr(DisasContext *s, int rn)
{
    IRTempIdx addr = new_tmp(s, IR_TYPE_I64);

    ir_gen_mov(s->b, IR_TYPE_I64, addr, cpu_reg_sp(s, rn));
    return addr;
}

static bool trans_LDXR(DisasContext *s, arg_excl *a)
{
    IRTempIdx addr = gen_excl_addr(s, a->rn);
    IRTempIdx d = gen_access(s, LDST_LOAD, a->size, a->rt, addr, IR_MO_ALIGN);

    gen_env_st64(s, addr, offsetof(AArch64Env, excl_addr));
    gen_env_st64(s, d, offsetof(AArch64Env, excl_val));
    if (a->o0)
        gen_mb(s, IR_MB_LD_LD | IR_MB_LD_ST);
    write_reg(s, a->rt, true, d);
    return true;
}

/* Rs = 0 if the store happened, 1 if not. */
static bool trans_STXR(DisasContext *s, arg_excl *a)
{
    IRTempIdx addr = gen_excl_addr(s, a->rn), probe = new_tmp(s, IR_TYPE_I64);
    IRTempIdx status = new_tmp(s, IR_TYPE_I64);

    if (a->o0)
        gen_mb(s, IR_MB_ALL);
    ir_gen_guest_ld(s->b, IR_TYPE_I64, probe, addr, (unsigned)a->size | IR_MO_ALIGN);
    IRTempIdx args[4] = { IR_TEMP_ENV, addr, cpu_reg(s, a->rt),
                          tconst(s, IR_TYPE_I64, (uint64_t)a->size) };
    ir_emit_call(s->b, &a64_helper_stxr, status, args);
    write_reg(s, a->rs, true, status);
    return true;
}

/* LDXP: size 0 loads two words as one doubleword (Rt gets the low one). */
static bool trans_LDXP(DisasContext *s, arg_excl *a)
{
    IRTempIdx addr = gen_excl_addr(s, a->rn), d1, d2;

    if (a->size == 0) {
        IRTempIdx v = gen_access(s, LDST_LOAD, 3, a->rt, addr, IR_MO_ALIGN);
        d1 = new_tmp(s, IR_TYPE_I64);
        d2 = new_tmp(s, IR_TYPE_I64);
        ir_gen_op1(s->b, IR_OP_ext32u, IR_TYPE_I64, d1, v);
        ir_gen_op2(s->b, IR_OP_shr, IR_TYPE_I64, d2, v, tconst(s, IR_TYPE_I64, 32));
        gen_env_st64(s, v, offsetof(AArch64Env, excl_val));
    } else {
        d1 = gen_access(s, LDST_LOAD, 3, a->rt, addr, IR_MO_ALIGN);
        d2 = gen_access(s, LDST_LOAD, 3, a->rt2, gen_add_const(s, addr, 8), IR_MO_ALIGN);
        gen_env_st64(s, d1, offsetof(AArch64Env, excl_val));
        gen_env_st64(s, d2, offsetof(AArch64Env, excl_val2));
    }
    gen_env_st64(s, addr, offsetof(AArch64Env, excl_addr));
    if (a->o0)
        gen_mb(s, IR_MB_LD_LD | IR_MB_LD_ST);
    write_reg(s, a->rt, true, d1);
    write_reg(s, a->rt2, true, d2);
    return true;
}

static bool trans_STXP(DisasContext *s, arg_excl *a)
{
    IRTempIdx addr = gen_excl_addr(s, a->rn), probe = new_tmp(s, IR_TYPE_I64);
    IRTempIdx status = new_tmp(s, IR_TYPE_I64);

    if (a->o0)
        gen_mb(s, IR_MB_ALL);
    ir_gen_guest_ld(s->b, IR_TYPE_I64, probe, addr, IR_MO_64 | IR_MO_ALIGN);
    if (a->size == 0) {
        IRTempIdx v = new_tmp(s, IR_TYPE_I64);
        uint64_t dep[5] = { v, cpu_reg(s, a->rt), cpu_reg(s, a->rt2), 32, 32 };
        ir_emit(s->b, IR_OP_deposit, IR_TYPE_I64, dep, 5);
        IRTempIdx args[4] = { IR_TEMP_ENV, addr, v, tconst(s, IR_TYPE_I64, 3) };
        ir_emit_call(s->b, &a64_helper_stxr, status, args);
    } else {
        ir_gen_guest_ld(s->b, IR_TYPE_I64, probe, gen_add_const(s, addr, 8), IR_MO_64 | IR_MO_ALIGN);
        IRTempIdx args[4] = { IR_TEMP_ENV, addr, cpu_reg(s, a->rt), cpu_reg(s, a->rt2) };
        ir_emit_call(s->b, &a64_helper_stxp, status, args);
    }
    write_reg(s, a->rs, true, status);
    return true;
}

/* LDAR: later accesses stay after it; STLR: earlier ones stay before. */
static bool trans_LDAR(DisasContext *s, arg_excl *a)
{
    IRTempIdx d = gen_access(s, LDST_LOAD, a->size, a->rt, gen_excl_addr(s, a->rn), IR_MO_ALIGN);

    gen_mb(s, IR_MB_LD_LD | IR_MB_LD_ST);
    write_reg(s, a->rt, true, d);
    return true;
}

static bool trans_STLR(DisasContext *s, arg_excl *a)
{
    gen_mb(s, IR_MB_ALL);
    gen_access(s, LDST_STORE, a->size, a->rt, gen_excl_addr(s, a->rn), IR_MO_ALIGN);
    return true;
}

/* ---- FEAT_LSE atomics (C6.2 CAS*, LD<op>*, SWP*) and FEAT_LRCPC LDAPR ------------- */

/*
 * Before a helper touches guest memory, an aligned load of the location
 * (1 << size bytes) raises what the access would: SIGBUS/BUS_ADRALN when it
 * is misaligned (without FEAT_LSE2 every atomic must be aligned to its
 * size), SIGSEGV when unmapped, both precise at the instruction.  The
 * helpers are host sequentially-consistent atomics, so the acquire (A, L)
 * and release (R, o0) bits need no barrier of their own.
 */
static IRTempIdx gen_atomic_addr(DisasContext *s, int rn, int size)
{
    IRTempIdx addr = gen_excl_addr(s, rn), probe = new_tmp(s, IR_TYPE_I64);

    ir_gen_guest_ld(s->b, IR_TYPE_I64, probe, addr, (unsigned)size | IR_MO_ALIGN);
    return addr;
}

/* LD<op>/SWP Rs, Rt, [Xn|SP]: Rt = old memory, memory = op(old, Rs). */
static bool gen_atomic(DisasContext *s, arg_atomic *a)
{
    IRTempIdx addr = gen_atomic_addr(s, a->rn, a->size), old = new_tmp(s, IR_TYPE_I64);
    IRTempIdx args[3] = { addr, cpu_reg(s, a->rs),
                          tconst(s, IR_TYPE_I64, (uint64_t)(a->opc << 2 | a->size)) };

    ir_emit_call(s->b, &a64_helper_atomic, old, args);
    write_reg(s, a->rt, true, old);
    return true;
}

static bool trans_LDOP(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a);
}

static bool trans_SWP(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a);
}

/* CAS Rs, Rt, [Xn|SP]: if memory == Rs then memory = Rt; Rs = old memory. */
static bool trans_CAS(DisasContext *s, arg_cas *a)
{
    IRTempIdx addr = gen_atomic_addr(s, a->rn, a->size), old = new_tmp(s, IR_TYPE_I64);
    IRTempIdx args[4] = { addr, cpu_reg(s, a->rs), cpu_reg(s, a->rt),
                          tconst(s, IR_TYPE_I64, (uint64_t)a->size) };

    ir_emit_call(s->b, &a64_helper_cas, old, args);
    write_reg(s, a->rs, true, old);
    return true;
}

/*
 * CASP Rs, R(s+1), Rt, R(t+1), [Xn|SP]: the pair at the lower address is Rs
 * (resp. Rt).  Odd Rs or Rt is CONSTRAINED UNPREDICTABLE; here UDEF.  Words
 * (size 0) are one 64-bit compare-and-swap; doublewords go to a helper that
 * also checks the 16-byte alignment the pair needs.
 */
static bool trans_CASP(DisasContext *s, arg_cas *a)
{
    IRTempIdx addr, lo, hi;

    if ((a->rs & 1) || (a->rt & 1))
        return false;
    addr = gen_atomic_addr(s, a->rn, 2 + a->size);
    lo = new_tmp(s, IR_TYPE_I64);
    hi = new_tmp(s, IR_TYPE_I64);
    if (a->size == 0) {
        IRTempIdx cmp = new_tmp(s, IR_TYPE_I64), val = new_tmp(s, IR_TYPE_I64);
        IRTempIdx old = new_tmp(s, IR_TYPE_I64);
        uint64_t dep_cmp[5] = { cmp, cpu_reg(s, a->rs), cpu_reg(s, a->rs + 1), 32, 32 };
        uint64_t dep_val[5] = { val, cpu_reg(s, a->rt), cpu_reg(s, a->rt + 1), 32, 32 };

        ir_emit(s->b, IR_OP_deposit, IR_TYPE_I64, dep_cmp, 5);
        ir_emit(s->b, IR_OP_deposit, IR_TYPE_I64, dep_val, 5);
        IRTempIdx args[4] = { addr, cmp, val, tconst(s, IR_TYPE_I64, 3) };
        ir_emit_call(s->b, &a64_helper_cas, old, args);
        ir_gen_op1(s->b, IR_OP_ext32u, IR_TYPE_I64, lo, old);
        ir_gen_op2(s->b, IR_OP_shr, IR_TYPE_I64, hi, old, tconst(s, IR_TYPE_I64, 32));
    } else {
        IRTempIdx args[6] = { IR_TEMP_ENV, addr, cpu_reg(s, a->rs), cpu_reg(s, a->rs + 1),
                              cpu_reg(s, a->rt), cpu_reg(s, a->rt + 1) };
        uint64_t ld_lo[3] = { lo, IR_TEMP_ENV, offsetof(AArch64Env, atomic_pair[0]) };
        uint64_t ld_hi[3] = { hi, IR_TEMP_ENV, offsetof(AArch64Env, atomic_pair[1]) };

        ir_emit_call(s->b, &a64_helper_casp64, 0, args);
        ir_emit(s->b, IR_OP_ld, IR_TYPE_I64, ld_lo, 3);
        ir_emit(s->b, IR_OP_ld, IR_TYPE_I64, ld_hi, 3);
    }
    write_reg(s, a->rs, true, lo);
    write_reg(s, a->rs + 1, true, hi);
    return true;
}

/*
 * LDAPR (RCpc): a load-acquire that a later load may pass an earlier
 * store-release for; LDAR's stronger ordering is a correct implementation.
 */
static bool trans_LDAPR(DisasContext *s, arg_LDAPR *a)
{
    arg_excl e = { .size = a->size, .o0 = 1, .rs = 31, .rt2 = 31, .rn = a->rn, .rt = a->rt };

    return trans_LDAR(s, &e);
}
