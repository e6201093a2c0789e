/*
 * translate-fp.c - A64 scalar floating point (Arm ARM C7.2: the FP
 * data-processing, compare, conditional compare/select and FP<->integer
 * conversion groups of a64-fp.decode).
 *
 * Operands are read from lane 0 of the V registers and passed as raw bits
 * to the value-based helpers of helper-fp.c, which do the arithmetic with
 * fpu/ under FPCR and set FPSR's cumulative flags.  A scalar result is
 * written to the low lane with the rest of the register zeroed.  FABS and
 * FNEG are sign-bit operations in IR (no exceptions, no FZ: Arm ARM
 * FPAbs/FPNeg), FCSEL a movcond.
 */
#include "config.h"

#include "fpu/fpu.h"
#include "frontend/aarch64/translate-fp.h"
#include "frontend/aarch64/translate-simd.h"

#include "decode-a64-fp.c.inc"

bool a64_decode_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_fp(s, insn);
}

/* type 00 single, 01 double, 11 half: log2 of the size in bytes, or -1. */
static int fp_size(int type)
{
    static const int sizes[4] = { 2, 3, -1, 1 };
    return sizes[type];
}

/* The arithmetic types: single and double (no FEAT_FP16). */
static bool arith_type(int type)
{
    return type == 0 || type == 1;
}

static IRTempIdx fp_read(DisasContext *s, int n, int size)
{
    return simd_ld_lane(s, n, 0, size);
}

static void fp_write(DisasContext *s, int d, IRTempIdx v)
{
    simd_st64(s, d, 0, v);
    simd_st64i(s, d, 1, 0);
}

static IRTempIdx gen_call(DisasContext *s, IRHelper *h, uint32_t desc, IRTempIdx a,
                          IRTempIdx b, IRTempIdx c)
{
    IRTempIdx r = new_tmp(s, IR_TYPE_I64);
    IRTempIdx args[5] = { IR_TEMP_ENV, tconst(s, IR_TYPE_I64, desc), a, b, c };

    ir_emit_call(s->b, h, r, args);
    return r;
}

static bool gen_fp2(DisasContext *s, arg_fp2 *a, enum A64FPOp op)
{
    if (!arith_type(a->type))
        return false;
    int size = fp_size(a->type);
    fp_write(s, a->rd, gen_call(s, &a64_helper_fp2, fp_desc(op, size, size, 0),
                                fp_read(s, a->rn, size), fp_read(s, a->rm, size), 0));
    return true;
}

static bool trans_FMUL(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_MUL); }
static bool trans_FDIV(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_DIV); }
static bool trans_FADD(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_ADD); }
static bool trans_FSUB(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_SUB); }
static bool trans_FMAX(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_MAX); }
static bool trans_FMIN(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_MIN); }
static bool trans_FMAXNM(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_MAXNM); }
static bool trans_FMINNM(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_MINNM); }
static bool trans_FNMUL(DisasContext *s, arg_fp2 *a) { return gen_fp2(s, a, FP2_NMUL); }

/* FABS (and_mask) and FNEG (xor_mask) on the sign bit. */
static bool gen_sign_op(DisasContext *s, arg_fp1 *a, IROpcode opc, bool clear)
{
    if (!arith_type(a->type))
        return false;
    int size = fp_size(a->type);
    uint64_t sign = (uint64_t)1 << ((8 << size) - 1);
    IRTempIdx v = fp_read(s, a->rn, size);

    ir_gen_op2(s->b, opc, IR_TYPE_I64, v, v, tconst(s, IR_TYPE_I64, clear ? ~sign : sign));
    fp_write(s, a->rd, v);
    return true;
}

static bool trans_FABS(DisasContext *s, arg_fp1 *a) { return gen_sign_op(s, a, IR_OP_and, true); }
static bool trans_FNEG(DisasContext *s, arg_fp1 *a) { return gen_sign_op(s, a, IR_OP_xor, false); }

static bool gen_fp1(DisasContext *s, int type, int rn, int rd, uint32_t desc_rest,
                    enum A64FPOp op)
{
    if (!arith_type(type))
        return false;
    int size = fp_size(type);
    fp_write(s, rd, gen_call(s, &a64_helper_fp1, fp_desc(op, size, size, 0) | desc_rest,
                             fp_read(s, rn, size), 0, 0));
    return true;
}

static bool trans_FSQRT(DisasContext *s, arg_fp1 *a)
{
    return gen_fp1(s, a->type, a->rn, a->rd, 0, FP1_SQRT);
}

/* FRINT<r>: FRINTX and FRINTI use FPCR's mode, FRINTX raises Inexact. */
static bool gen_frint(DisasContext *s, arg_fp1 *a, int rounding, bool exact)
{
    return gen_fp1(s, a->type, a->rn, a->rd,
                   (uint32_t)rounding << 12 | (exact ? FP_EXACT : 0), FP1_RINT);
}

static bool trans_FRINTN(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FPU_RNE, false); }
static bool trans_FRINTP(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FPU_RUP, false); }
static bool trans_FRINTM(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FPU_RDOWN, false); }
static bool trans_FRINTZ(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FPU_RZERO, false); }
static bool trans_FRINTA(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FPU_RNA, false); }
static bool trans_FRINTX(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FP_ROUND_FPCR, true); }
static bool trans_FRINTI(DisasContext *s, arg_fp1 *a) { return gen_frint(s, a, FP_ROUND_FPCR, false); }

/* FCVT between half, single and double (opc: 00 single, 01 double, 11 half). */
static bool trans_FCVT(DisasContext *s, arg_FCVT *a)
{
    int from = fp_size(a->type), to = fp_size(a->opc);

    if (from < 0 || to < 0 || from == to)
        return false;
    fp_write(s, a->rd, gen_call(s, &a64_helper_fp1, fp_desc(FP1_CVT, from, to, 0),
                                fp_read(s, a->rn, from), 0, 0));
    return true;
}

/* FMADD family: FPMulAdd(addend, op1, op2) with FMSUB negating op1,
 * FNMADD both, FNMSUB the addend. */
static bool gen_fp3(DisasContext *s, arg_fp3 *a, uint32_t negate)
{
    if (!arith_type(a->type))
        return false;
    int size = fp_size(a->type);
    fp_write(s, a->rd, gen_call(s, &a64_helper_fp3, fp_desc(FP3_MADD, size, size, 0) | negate,
                                fp_read(s, a->ra, size), fp_read(s, a->rn, size),
                                fp_read(s, a->rm, size)));
    return true;
}

static bool trans_FMADD(DisasContext *s, arg_fp3 *a) { return gen_fp3(s, a, 0); }
static bool trans_FMSUB(DisasContext *s, arg_fp3 *a) { return gen_fp3(s, a, FP_NEG_PRODUCT); }
static bool trans_FNMADD(DisasContext *s, arg_fp3 *a)
{
    return gen_fp3(s, a, FP_NEG_PRODUCT | FP_NEG_ADDEND);
}
static bool trans_FNMSUB(DisasContext *s, arg_fp3 *a) { return gen_fp3(s, a, FP_NEG_ADDEND); }

/* FCMP/FCMPE (with Rm or #0.0, which requires the Rm field to be zero is
 * not required: Rm is ignored, "should be zero"). */
static IRTempIdx gen_compare(DisasContext *s, int type, int rn, int rm, bool zero,
                             bool signalling, IRTempIdx cond_ok, unsigned nzcv)
{
    int size = fp_size(type);
    IRTempIdx b = zero ? tconst(s, IR_TYPE_I64, 0) : fp_read(s, rm, size);
    uint32_t desc = fp_desc(0, size, size, 0) | (signalling ? FP_SIGNALLING : 0) |
                    (uint32_t)nzcv << 28;

    return gen_call(s, &a64_helper_fpcmp, desc, fp_read(s, rn, size), b, cond_ok);
}

static bool trans_FCMP(DisasContext *s, arg_FCMP *a)
{
    if (!arith_type(a->type))
        return false;
    gen_set_nzcv(s, gen_compare(s, a->type, a->rn, a->rm, a->z, a->e,
                                tconst(s, IR_TYPE_I64, 1), 0));
    return true;
}

/* FCCMP/FCCMPE: the compare when cond holds, else nzcv (no exception). */
static bool trans_FCCMP(DisasContext *s, arg_FCCMP *a)
{
    if (!arith_type(a->type))
        return false;
    A64Compare c = a64_test_cc(s, a->cond);
    IRTempIdx ok = new_tmp(s, IR_TYPE_I64);

    ir_gen_movcond(s->b, IR_TYPE_I64, c.cond, ok, c.a, c.b, tconst(s, IR_TYPE_I64, 1),
                   tconst(s, IR_TYPE_I64, 0));
    gen_set_nzcv(s, gen_compare(s, a->type, a->rn, a->rm, false, a->e, ok,
                                (unsigned)a->nzcv));
    return true;
}

static bool trans_FCSEL(DisasContext *s, arg_FCSEL *a)
{
    if (!arith_type(a->type))
        return false;
    int size = fp_size(a->type);
    A64Compare c = a64_test_cc(s, a->cond);
    IRTempIdx n = fp_read(s, a->rn, size), m = fp_read(s, a->rm, size);
    IRTempIdx r = new_tmp(s, IR_TYPE_I64);

    ir_gen_movcond(s->b, IR_TYPE_I64, c.cond, r, c.a, c.b, n, m);
    fp_write(s, a->rd, r);
    return true;
}

/* FP -> integer: FPToFixed(Vn, fbits, unsigned, rounding) into Wd/Xd. */
static bool gen_to_int(DisasContext *s, int sf, int type, int rn, int rd, int fbits,
                       bool is_signed, int rounding)
{
    if (!arith_type(type))
        return false;
    int size = fp_size(type);
    uint32_t desc = fp_desc(FP1_TOINT, size, size, rounding) | fp_desc_fbits(fbits) |
                    (sf ? FP_INT64 : 0) | (is_signed ? FP_SIGNED : 0);
    IRTempIdx r = gen_call(s, &a64_helper_fp1, desc, fp_read(s, rn, size), 0, 0);

    if (!sf) {
        IRTempIdx w = new_tmp(s, IR_TYPE_I32);
        ir_gen_op1(s->b, IR_OP_extrl_i64_i32, IR_TYPE_I32, w, r);
        r = w;
    }
    write_reg(s, rd, sf, r);
    return true;
}

/* Integer -> FP: FixedToFP(Wn/Xn, fbits, unsigned, FPCR rounding). */
static bool gen_from_int(DisasContext *s, int sf, int type, int rn, int rd, int fbits,
                         bool is_signed)
{
    if (!arith_type(type))
        return false;
    int size = fp_size(type);
    IRTempIdx v = new_tmp(s, IR_TYPE_I64);

    if (sf)
        ir_gen_mov(s->b, IR_TYPE_I64, v, cpu_reg(s, rn));
    else
        ir_gen_op1(s->b, is_signed ? IR_OP_ext32s : IR_OP_ext32u, IR_TYPE_I64, v,
                   cpu_reg(s, rn));
    uint32_t desc = fp_desc(FP1_FROMINT, 3, size, 0) | fp_desc_fbits(fbits) |
                    (is_signed ? FP_SIGNED : 0);
    fp_write(s, rd, gen_call(s, &a64_helper_fp1, desc, v, 0, 0));
    return true;
}

/* FCVTNS/NU (rmode 00), FCVTPS/PU (01), FCVTMS/MU (10), FCVTZS/ZU (11);
 * opc bit 0 is unsigned. */
static bool trans_FCVT_toint(DisasContext *s, arg_fcvti *a)
{
    static const int modes[4] = { FPU_RNE, FPU_RUP, FPU_RDOWN, FPU_RZERO };
    return gen_to_int(s, a->sf, a->type, a->rn, a->rd, 0, !a->opc, modes[a->rmode]);
}

static bool trans_FCVTA_int(DisasContext *s, arg_fcvti *a)
{
    return gen_to_int(s, a->sf, a->type, a->rn, a->rd, 0, !a->opc, FPU_RNA);
}

/* SCVTF (opc 0), UCVTF (opc 1). */
static bool trans_CVTF_int(DisasContext *s, arg_fcvti *a)
{
    return gen_from_int(s, a->sf, a->type, a->rn, a->rd, 0, !a->opc);
}

/* The fixed-point forms: fbits = 64 - scale; a 32-bit integer needs
 * scale >= 32 (Arm ARM C7.2: "sf == 0 && scale<5> == 0" is UNDEFINED). */
static bool trans_FCVTZ_fixed(DisasContext *s, arg_fcvtx *a)
{
    if (!a->sf && a->scale < 32)
        return false;
    return gen_to_int(s, a->sf, a->type, a->rn, a->rd, 64 - a->scale, !a->opc, FPU_RZERO);
}

static bool trans_CVTF_fixed(DisasContext *s, arg_fcvtx *a)
{
    if (!a->sf && a->scale < 32)
        return false;
    return gen_from_int(s, a->sf, a->type, a->rn, a->rd, 64 - a->scale, !a->opc);
}
