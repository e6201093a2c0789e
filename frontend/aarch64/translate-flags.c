/*
 * translate-flags.c - the condition flags NZCV, computed lazily.
 *
 * An instruction that sets the flags does not compute N, Z, C and V: it
 * records what it did in three globals -- cc_op (an A64CCOp, cpu.h) and its
 * operands cc_a, cc_b -- and the instruction that reads the flags derives
 * only the condition it needs, usually as one compare of cc_a with cc_b
 * (CMP + B.cond is "cmp a, b; jcc" on the host, where computing the four
 * flags took a dozen instructions).  While a block is translated the
 * frontend knows which cc_op it last stored (s->cc_static), so the reader
 * picks its compare at translation time; at the start of a block it does
 * not know, and a reader there first makes the flags explicit with a
 * helper (a64_flags_explicit), which is rare once conditional branches are
 * side exits inside superblocks.
 *
 * Representation (Arm ARM C5.2.9 NZCV; AddWithCarry in J1.1.3):
 *   A64_CC_EXPLICIT  nf, zf, cf, vf hold the flags, unpacked: N is bit 63 of
 *                    nf, Z is set when zf == 0, C is cf (0/1), V is bit 63 of vf
 *   A64_CC_LOGIC     cc_a = the result, sign-extended to 64 bits: N = sign,
 *                    Z = (cc_a == 0), C = V = 0
 *   A64_CC_SUB32/64  cc_a - cc_b, as SUBS / CMP
 *   A64_CC_ADD32/64  cc_a + cc_b, as ADDS / CMN
 * 32-bit operands are stored sign-extended: sign extension keeps equality,
 * signed order and unsigned order, so every SUB32 comparison is a 64-bit
 * compare of cc_a with cc_b.
 */
#include "config.h"

#include <stddef.h>

#include "frontend/aarch64/translate.h"

/* ---- the C side: signal frames, dumps, the helper ---------------------- */

uint32_t aarch64_get_nzcv(const AArch64Env *env)
{
    uint64_t a = env->cc_a, b = env->cc_b, r;
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b, r32;
    unsigned n, z, c, v;

    switch (env->cc_op) {
    case A64_CC_LOGIC:
        n = a >> 63, z = a == 0, c = 0, v = 0;
        break;
    case A64_CC_SUB64:
        r = a - b;
        n = r >> 63, z = r == 0, c = a >= b, v = ((a ^ b) & (a ^ r)) >> 63;
        break;
    case A64_CC_SUB32:
        r32 = a32 - b32;
        n = r32 >> 31, z = r32 == 0, c = a32 >= b32, v = ((a32 ^ b32) & (a32 ^ r32)) >> 31;
        break;
    case A64_CC_ADD64:
        r = a + b;
        n = r >> 63, z = r == 0, c = r < a, v = (~(a ^ b) & (a ^ r)) >> 63;
        break;
    case A64_CC_ADD32:
        r32 = a32 + b32;
        n = r32 >> 31, z = r32 == 0, c = r32 < a32, v = (~(a32 ^ b32) & (a32 ^ r32)) >> 31;
        break;
    default:
        n = env->nf >> 63, z = env->zf == 0, c = env->cf != 0, v = env->vf >> 63;
        break;
    }
    return (uint32_t)(n << 31 | z << 30 | c << 29 | v << 28);
}

void aarch64_set_nzcv(AArch64Env *env, uint32_t nzcv)
{
    env->cc_op = A64_CC_EXPLICIT;
    env->nf = (nzcv & (1u << 31)) ? UINT64_MAX : 0;
    env->zf = (nzcv & (1u << 30)) ? 0 : 1;
    env->cf = (nzcv >> 29) & 1;
    env->vf = (nzcv & (1u << 28)) ? UINT64_MAX : 0;
}

static void helper_flags_explicit(AArch64Env *env)
{
    aarch64_set_nzcv(env, aarch64_get_nzcv(env));
}

IRHelper a64_helper_flags_explicit = {
    .name = "a64_flags_explicit", .fn = (void *)helper_flags_explicit, .ret = IR_TYPE_VOID,
    .flags = IR_CALL_READS_GLOBALS | IR_CALL_WRITES_GLOBALS,
    .nb_args = 1, .args = { IR_TYPE_I64 },
};

/* ---- setting the flags --------------------------------------------------- */

/* g = v (type t) sign- or zero-extended to 64 bits. */
static void put64(DisasContext *s, IRTempIdx g, IRType t, IRTempIdx v, bool sign)
{
    if (t == IR_TYPE_I64)
        ir_gen_mov(s->b, IR_TYPE_I64, g, v);
    else
        ir_gen_op1(s->b, sign ? IR_OP_exts_i32_i64 : IR_OP_extu_i32_i64,
                   IR_TYPE_I64, g, v);
}

static void set_cc_op(DisasContext *s, A64CCOp op)
{
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_CC_OP, op);
    s->cc_static = (int)op;
}

/* Record "a op b" (b unused for LOGIC) as the flags. */
static void set_lazy(DisasContext *s, A64CCOp op, IRType t, IRTempIdx a, IRTempIdx b)
{
    put64(s, A64_G_CC_A, t, a, true);
    if (op != A64_CC_LOGIC)
        put64(s, A64_G_CC_B, t, b, true);
    set_cc_op(s, op);
}

void gen_logic_flags(DisasContext *s, IRType t, IRTempIdx res)
{
    set_lazy(s, A64_CC_LOGIC, t, res, 0);
}

IRTempIdx gen_sub_cc(DisasContext *s, IRType t, IRTempIdx a, IRTempIdx b)
{
    IRTempIdx res = new_tmp(s, t);

    ir_gen_op2(s->b, IR_OP_sub, t, res, a, b);
    set_lazy(s, t == IR_TYPE_I64 ? A64_CC_SUB64 : A64_CC_SUB32, t, a, b);
    return res;
}

void gen_set_nzcv_imm(DisasContext *s, unsigned nzcv)
{
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_NF, (nzcv & 8) ? UINT64_MAX : 0);
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_ZF, (nzcv & 4) ? 0 : 1);
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_CF, (nzcv & 2) ? 1 : 0);
    ir_gen_movi(s->b, IR_TYPE_I64, A64_G_VF, (nzcv & 1) ? UINT64_MAX : 0);
    set_cc_op(s, A64_CC_EXPLICIT);
}

/* N, Z from res, C from carry (0/1), V from the sign of v: explicit flags. */
static void put_explicit(DisasContext *s, IRType t, IRTempIdx res, IRTempIdx carry,
                         IRTempIdx v)
{
    put64(s, A64_G_NF, t, res, true);
    put64(s, A64_G_ZF, t, res, false);
    put64(s, A64_G_CF, t, carry, false);
    put64(s, A64_G_VF, t, v, true);
    set_cc_op(s, A64_CC_EXPLICIT);
}

/*
 * Explicit flags of "a + b + cin" (cin 0 when none), type t, into the flag
 * globals: the carry out of the top with add2 on (0:a) + (0:b) (+ (0:cin)),
 * V when both operands have the same sign and the result's differs.
 */
static void set_explicit_add(DisasContext *s, IRType t, IRTempIdx res, IRTempIdx a,
                             IRTempIdx b, IRTempIdx cin)
{
    IRBlock *bl = s->b;
    IRTempIdx zero = tconst(s, t, 0), carry = new_tmp(s, t);
    IRTempIdx x = new_tmp(s, t), y = new_tmp(s, t);

    if (cin) {
        IRTempIdx lo = new_tmp(s, t), hi = new_tmp(s, t);
        uint64_t args1[6] = { lo, hi, a, zero, cin, zero };
        ir_emit(bl, IR_OP_add2, t, args1, 6);
        uint64_t args2[6] = { res, carry, lo, hi, b, zero };
        ir_emit(bl, IR_OP_add2, t, args2, 6);
    } else {
        uint64_t args[6] = { res, carry, a, zero, b, zero };
        ir_emit(bl, IR_OP_add2, t, args, 6);
    }
    ir_gen_op2(bl, IR_OP_xor, t, x, res, a);
    ir_gen_op2(bl, IR_OP_xor, t, y, a, b);
    ir_gen_op2(bl, IR_OP_andc, t, x, x, y);
    put_explicit(s, t, res, carry, x);
}

/* cc_a or cc_b as a value of type t (the low half for i32). */
static IRTempIdx cc_operand(DisasContext *s, IRType t, IRTempIdx g)
{
    IRTempIdx v;

    if (t == IR_TYPE_I64)
        return g;
    v = new_tmp(s, t);
    ir_gen_op1(s->b, IR_OP_extrl_i64_i32, t, v, g);
    return v;
}

/*
 * Make nf, zf, cf, vf hold the flags (cc_op EXPLICIT), for the readers that
 * need more than one compare: ADC/SBC's carry-in, MRS NZCV, CCMP's
 * alternative, and the conditions that have no single-compare form.
 */
void gen_flags_explicit(DisasContext *s)
{
    IRBlock *bl = s->b;
    int op = s->cc_static;

    if (op == A64_CC_EXPLICIT)
        return;
    if (op < 0) {
        IRTempIdx args[1] = { IR_TEMP_ENV };
        ir_emit_call(bl, &a64_helper_flags_explicit, 0, args);
        s->cc_static = A64_CC_EXPLICIT;
        return;
    }
    if (op == A64_CC_LOGIC) {
        ir_gen_mov(bl, IR_TYPE_I64, A64_G_NF, A64_G_CC_A);
        ir_gen_mov(bl, IR_TYPE_I64, A64_G_ZF, A64_G_CC_A);
        ir_gen_movi(bl, IR_TYPE_I64, A64_G_CF, 0);
        ir_gen_movi(bl, IR_TYPE_I64, A64_G_VF, 0);
        set_cc_op(s, A64_CC_EXPLICIT);
        return;
    }

    IRType t = (op == A64_CC_SUB64 || op == A64_CC_ADD64) ? IR_TYPE_I64 : IR_TYPE_I32;
    IRTempIdx a = cc_operand(s, t, A64_G_CC_A), b = cc_operand(s, t, A64_G_CC_B);
    IRTempIdx res = new_tmp(s, t);

    if (op == A64_CC_ADD32 || op == A64_CC_ADD64) {
        set_explicit_add(s, t, res, a, b, 0);
        return;
    }
    /* a - b = a + ~b + 1: carry out is a >= b unsigned; V: (res ^ a) & (a ^ b). */
    IRTempIdx c = new_tmp(s, t), x = new_tmp(s, t), y = new_tmp(s, t);
    ir_gen_op2(bl, IR_OP_sub, t, res, a, b);
    ir_gen_setcond(bl, t, IR_COND_GEU, c, a, b);
    ir_gen_op2(bl, IR_OP_xor, t, x, res, a);
    ir_gen_op2(bl, IR_OP_xor, t, y, a, b);
    ir_gen_op2(bl, IR_OP_and, t, x, x, y);
    put_explicit(s, t, res, c, x);
}

IRTempIdx gen_add_cc(DisasContext *s, IRType t, IRTempIdx a, IRTempIdx b,
                     bool with_carry, bool set_flags)
{
    IRBlock *bl = s->b;
    IRTempIdx res = new_tmp(s, t), cin = 0;

    if (with_carry) {
        gen_flags_explicit(s);
        cin = new_tmp(s, t);
        if (t == IR_TYPE_I64)
            ir_gen_mov(bl, t, cin, A64_G_CF);
        else
            ir_gen_op1(bl, IR_OP_extrl_i64_i32, t, cin, A64_G_CF);
    }
    if (!set_flags) {
        ir_gen_op2(bl, IR_OP_add, t, res, a, b);
        if (with_carry)
            ir_gen_op2(bl, IR_OP_add, t, res, res, cin);
        return res;
    }
    if (with_carry) {
        set_explicit_add(s, t, res, a, b, cin);
        return res;
    }
    ir_gen_op2(bl, IR_OP_add, t, res, a, b);
    set_lazy(s, t == IR_TYPE_I64 ? A64_CC_ADD64 : A64_CC_ADD32, t, a, b);
    return res;
}

/* ---- MRS/MSR NZCV ------------------------------------------------------------ */

/* NZCV packed from the flags: N<31> Z<30> C<29> V<28>. */
void gen_get_nzcv(DisasContext *s, IRTempIdx d)
{
    const IRType t = IR_TYPE_I64;
    IRTempIdx x = new_tmp(s, t);

    gen_flags_explicit(s);
    ir_gen_op2(s->b, IR_OP_shr, t, d, A64_G_NF, tconst(s, t, 63));
    ir_gen_op2(s->b, IR_OP_shl, t, d, d, tconst(s, t, 31));
    ir_gen_setcond(s->b, t, IR_COND_EQ, x, A64_G_ZF, tconst(s, t, 0));
    ir_gen_op2(s->b, IR_OP_shl, t, x, x, tconst(s, t, 30));
    ir_gen_op2(s->b, IR_OP_or, t, d, d, x);
    ir_gen_op2(s->b, IR_OP_shl, t, x, A64_G_CF, tconst(s, t, 29));
    ir_gen_op2(s->b, IR_OP_or, t, d, d, x);
    ir_gen_op2(s->b, IR_OP_shr, t, x, A64_G_VF, tconst(s, t, 63));
    ir_gen_op2(s->b, IR_OP_shl, t, x, x, tconst(s, t, 28));
    ir_gen_op2(s->b, IR_OP_or, t, d, d, x);
}

/* The flags from bits 31:28 of v (v is read before any flag is written). */
void gen_set_nzcv(DisasContext *s, IRTempIdx v)
{
    const IRType t = IR_TYPE_I64;
    uint64_t z[4] = { A64_G_ZF, v, 30, 1 }, c[4] = { A64_G_CF, v, 29, 1 };

    ir_emit(s->b, IR_OP_extract, t, z, 4);
    ir_gen_op2(s->b, IR_OP_xor, t, A64_G_ZF, A64_G_ZF, tconst(s, t, 1));
    ir_emit(s->b, IR_OP_extract, t, c, 4);
    ir_gen_op2(s->b, IR_OP_shl, t, A64_G_NF, v, tconst(s, t, 32));
    ir_gen_op2(s->b, IR_OP_shl, t, A64_G_VF, v, tconst(s, t, 35));
    set_cc_op(s, A64_CC_EXPLICIT);
}

/* ---- reading a condition ----------------------------------------------------- */

static A64Compare cmp_of(IRCond cond, IRTempIdx a, IRTempIdx b)
{
    return (A64Compare){ .cond = cond, .a = a, .b = b };
}

/* ConditionHolds on explicit flags, as "value cond 0". */
static A64Compare test_explicit(DisasContext *s, int cond)
{
    IRBlock *bl = s->b;
    const IRType t = IR_TYPE_I64;
    IRTempIdx zero = tconst(s, t, 0), v;

    switch (cond >> 1) {
    case 0: /* EQ: Z */
        return cmp_of(IR_COND_EQ, A64_G_ZF, zero);
    case 1: /* CS: C */
        return cmp_of(IR_COND_NE, A64_G_CF, zero);
    case 2: /* MI: N */
        return cmp_of(IR_COND_LT, A64_G_NF, zero);
    case 3: /* VS: V */
        return cmp_of(IR_COND_LT, A64_G_VF, zero);
    case 4: /* HI: C && !Z; -cf is all ones when C, zf nonzero when !Z */
        v = new_tmp(s, t);
        ir_gen_op1(bl, IR_OP_neg, t, v, A64_G_CF);
        ir_gen_op2(bl, IR_OP_and, t, v, v, A64_G_ZF);
        return cmp_of(IR_COND_NE, v, zero);
    case 5: /* GE: N == V */
        v = new_tmp(s, t);
        ir_gen_op2(bl, IR_OP_xor, t, v, A64_G_NF, A64_G_VF);
        return cmp_of(IR_COND_GE, v, zero);
    default: { /* GT: !Z && N == V */
        IRTempIdx z = new_tmp(s, t), m = new_tmp(s, t);
        ir_gen_setcond(bl, t, IR_COND_NE, z, A64_G_ZF, zero);
        ir_gen_op2(bl, IR_OP_xor, t, m, A64_G_NF, A64_G_VF);
        ir_gen_op2(bl, IR_OP_sar, t, m, m, tconst(s, t, 63));
        ir_gen_op2(bl, IR_OP_andc, t, z, z, m);
        return cmp_of(IR_COND_NE, z, zero);
    }
    }
}

/*
 * ConditionHolds (Arm ARM J1.1.3) as "a cond b" on i64 values.  cond<3:1>
 * picks the test, cond<0> inverts it, except that 1111 (NV) is "always"
 * like 1110.  After a compare or a logical op the common conditions are
 * one compare of the recorded operands; the rest take explicit flags.
 */
A64Compare a64_test_cc(DisasContext *s, int cond)
{
    static const IRCond sub_cond[8] = {
        [0] = IR_COND_EQ, [1] = IR_COND_GEU, [4] = IR_COND_GTU,
        [5] = IR_COND_GE, [6] = IR_COND_GT,
    };
    static const IRCond logic_cond[8] = {
        [0] = IR_COND_EQ, [2] = IR_COND_LT, [5] = IR_COND_GE, [6] = IR_COND_GT,
    };
    int test = cond >> 1, op = s->cc_static;
    A64Compare c;

    if (test == 7)
        return cmp_of(IR_COND_ALWAYS, tconst(s, IR_TYPE_I64, 0), tconst(s, IR_TYPE_I64, 0));
    if ((op == A64_CC_SUB32 || op == A64_CC_SUB64) && sub_cond[test]) {
        c = cmp_of(sub_cond[test], A64_G_CC_A, A64_G_CC_B);
    } else if (op == A64_CC_LOGIC && logic_cond[test]) {
        c = cmp_of(logic_cond[test], A64_G_CC_A, tconst(s, IR_TYPE_I64, 0));
    } else {
        gen_flags_explicit(s);
        c = test_explicit(s, cond);
    }
    if (cond & 1)
        c.cond = ir_cond_invert(c.cond);
    return c;
}
