/*
 * helper-simd-fp.c - the run-time helper of the A64 Advanced SIMD
 * floating-point instructions (translate-simd-fp.c), on the fpu/ library
 * with the rules of FPCR, lane by lane (Arm ARM C7.2 and the shared
 * pseudocode of J1: FPMulX, FPRecipStepFused, FPRSqrtStepFused,
 * FPRecipEstimate, FPRSqrtEstimate, FPRecpX, UnsignedRecipEstimate...).
 *
 * As in helper-simd.c every source register is copied before the
 * destination is written, so Rd may equal any source, and a result of 64
 * bits or less zeroes the rest of the register; the "2" forms of FCVTN and
 * FCVTXN write the upper half and keep the lower.  Exception flags of all
 * lanes are ORed into FPSR (cumulative, like the scalar helpers').
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fpu/fpu.h"
#include "frontend/aarch64/translate-fp.h"
#include "frontend/aarch64/translate-simd.h"

/* ---- bit-level views of an operand --------------------------------------------------- */

static uint64_t sign_of(const FPUFormat *f)
{
    return UINT64_C(1) << (f->ebits + f->mbits);
}

static uint64_t exp_field(const FPUFormat *f, uint64_t a)
{
    return (a >> f->mbits) & ((UINT64_C(1) << f->ebits) - 1);
}

static uint64_t frac_field(const FPUFormat *f, uint64_t a)
{
    return a & ((UINT64_C(1) << f->mbits) - 1);
}

static bool is_inf(const FPUFormat *f, uint64_t a)
{
    return exp_field(f, a) == (UINT64_C(1) << f->ebits) - 1 && frac_field(f, a) == 0;
}

/* The value 1.m * 2^e as bits (positive, e unbiased, m the top fraction bits). */
static uint64_t constant(const FPUFormat *f, int e, uint64_t frac)
{
    int bias = (1 << (f->ebits - 1)) - 1;
    return (uint64_t)(e + bias) << f->mbits | frac;
}

/*
 * FPUnpack's zero: a zero, or a denormal under FZ, which also raises IDC
 * (FPSR bit 7) as FPUnpack does.  Only for operands that are not NaNs.
 */
static bool unpacks_to_zero(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    if (exp_field(f, a) != 0)
        return false;
    if (frac_field(f, a) == 0)
        return true;
    if (!st->flush_inputs)
        return false;
    if (st->input_denormal_flag)
        st->flags |= FPU_INPUT_DENORMAL;
    return true;
}

/* ---- the operations that are more than one fpu/ call ----------------------------- */

/*
 * Whether the non-NaN operands a and b are infinity times zero (after FZ),
 * the special case of FMULX and the step instructions; if so, IDC is
 * raised for a flushed denormal, else st is left alone (fpu/ does it).
 */
static bool inf_times_zero(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    FPUStatus probe = *st;
    bool za = unpacks_to_zero(f, a, &probe), zb = unpacks_to_zero(f, b, &probe);

    if ((is_inf(f, a) && zb) || (za && is_inf(f, b))) {
        *st = probe;
        return true;
    }
    return false;
}

/* FPMulX: FPMul, but infinity times zero is 2.0 with the product's sign. */
static uint64_t mulx(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    if (!fpu_is_nan(f, a) && !fpu_is_nan(f, b) && inf_times_zero(f, a, b, st))
        return ((a ^ b) & sign_of(f)) | constant(f, 1, 0);
    return fpu_mul(f, a, b, st);
}

/*
 * FPRecipStepFused (FRECPS): 2 - a * b, and FPRSqrtStepFused (FRSQRTS):
 * (3 - a * b) / 2, each rounded once; infinity times zero gives 2.0 or
 * 1.5.  The halving is folded into an operand whose exponent allows it
 * exactly, 1.5 + (a / 2) * b, so that a product beyond the largest finite
 * number still yields the finite half; when both operands are that small
 * the sum is about 3 and halving after the rounding is exact.
 */
static uint64_t recip_step(const FPUFormat *f, uint64_t a, uint64_t b, bool rsqrt,
                           FPUStatus *st)
{
    uint64_t one_bit = UINT64_C(1) << f->mbits;

    a ^= sign_of(f);            /* the pseudocode negates op1 first */
    if (fpu_is_nan(f, a) || fpu_is_nan(f, b))
        return fpu_add(f, a, b, st);        /* FPProcessNaNs(op1, op2) */
    if (inf_times_zero(f, a, b, st)) {
        /* 2.0 = 1.0 * 2^1; 1.5 = 1.1b * 2^0 */
        return rsqrt ? constant(f, 0, one_bit >> 1) : constant(f, 1, 0);
    }
    if (!rsqrt)
        return fpu_muladd(f, constant(f, 1, 0), a, b, st);
    uint64_t ea = exp_field(f, a), eb = exp_field(f, b), three_halves = constant(f, 0, one_bit >> 1);
    if (is_inf(f, a) || is_inf(f, b))
        return fpu_muladd(f, three_halves, a, b, st);
    if (ea >= eb && ea > 1)
        return fpu_muladd(f, three_halves, a - one_bit, b, st);
    if (eb > 1)
        return fpu_muladd(f, three_halves, a, b - one_bit, st);
    return fpu_muladd(f, constant(f, 1, one_bit >> 1), a, b, st) - one_bit;
}

/* RecipEstimate: a in 256..511 (0.5 <= a / 512 < 1); result 256..511. */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511 (0.25 <= a / 512 < 1); result 256..511. */
static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (UINT64_C(1) << 28))
        b++;
    return (b + 1) / 2;
}

/* The operand's fraction as 52 bits (single-precision fractions padded). */
static uint64_t frac52(const FPUFormat *f, uint64_t a)
{
    return frac_field(f, a) << (52 - f->mbits);
}

/* FPRecipEstimate (FRECPE) for single and double precision. */
static uint64_t recpe(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    uint64_t sign = a & sign_of(f), frac;
    bool d = f->mbits == 52;
    int exp, result_exp;

    if (fpu_is_nan(f, a))
        return fpu_process_nan(f, a, st);
    if (is_inf(f, a))
        return sign;
    if (unpacks_to_zero(f, a, st)) {
        st->flags |= FPU_DIVZERO;
        return sign | ((uint64_t)((1 << f->ebits) - 1) << f->mbits);
    }
    exp = (int)exp_field(f, a);
    frac = frac52(f, a);
    /* |a| < 2^-128 (single) or 2^-1024 (double): the reciprocal overflows. */
    if (exp == 0 && (frac >> 50) == 0) {
        bool to_inf = st->rounding == FPU_RNE || (st->rounding == FPU_RUP && !sign) ||
                      (st->rounding == FPU_RDOWN && sign);
        st->flags |= FPU_OVERFLOW | FPU_INEXACT;
        return sign | (to_inf ? constant(f, 1 << (f->ebits - 1), 0)
                              : constant(f, (1 << (f->ebits - 1)) - 1, frac_field(f, ~UINT64_C(0))));
    }
    /* |a| >= 2^126 (2^1022) under FZ: the tiny result is flushed, UFC only. */
    if (st->flush_outputs && exp >= (1 << f->ebits) - 3) {
        st->flags |= FPU_UNDERFLOW;
        return sign;
    }
    if (exp == 0) {
        if (!(frac >> 51)) {
            exp = -1;
            frac = (frac << 2) & ((UINT64_C(1) << 52) - 1);
        } else {
            frac = (frac << 1) & ((UINT64_C(1) << 52) - 1);
        }
    }
    result_exp = (d ? 2045 : 253) - exp;
    uint64_t est = recip_estimate((unsigned)(256 | frac >> 44));
    frac = (est & 0xff) << 44;
    if (result_exp == 0) {
        frac = UINT64_C(1) << 51 | frac >> 1;
    } else if (result_exp == -1) {
        frac = UINT64_C(1) << 50 | frac >> 2;
        result_exp = 0;
    }
    return sign | (uint64_t)result_exp << f->mbits | frac >> (52 - f->mbits);
}

/* FPRSqrtEstimate (FRSQRTE) for single and double precision. */
static uint64_t rsqrte(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    uint64_t sign = a & sign_of(f), frac;
    bool d = f->mbits == 52;
    int exp;
    unsigned scaled;

    if (fpu_is_nan(f, a))
        return fpu_process_nan(f, a, st);
    if (unpacks_to_zero(f, a, st)) {
        st->flags |= FPU_DIVZERO;
        return sign | ((uint64_t)((1 << f->ebits) - 1) << f->mbits);
    }
    if (sign) {
        st->flags |= FPU_INVALID;
        return fpu_default_nan(f, st);
    }
    if (is_inf(f, a))
        return 0;
    exp = (int)exp_field(f, a);
    frac = frac52(f, a);
    if (exp == 0) {
        while (!(frac >> 51)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & ((UINT64_C(1) << 52) - 1);
    }
    if (!(exp & 1))
        scaled = (unsigned)(256 | frac >> 44);
    else
        scaled = (unsigned)(128 | frac >> 45);
    int result_exp = ((d ? 3068 : 380) - exp) / 2;
    uint64_t est = rsqrt_estimate(scaled) & 0xff;
    return (uint64_t)result_exp << f->mbits | est << (f->mbits - 8);
}

/* FPRecpX (FRECPX): the exponent inverted, the fraction cleared. */
static uint64_t recpx(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    uint64_t sign = a & sign_of(f), emax = (UINT64_C(1) << f->ebits) - 1;

    if (fpu_is_nan(f, a))
        return fpu_process_nan(f, a, st);
    unpacks_to_zero(f, a, st);  /* IDC for a flushed denormal */
    uint64_t e = exp_field(f, a);
    return sign | (e == 0 ? emax - 1 : ~e & emax) << f->mbits;
}

/* UnsignedRecipEstimate (URECPE) and UnsignedRSqrtEstimate (URSQRTE). */
static uint64_t urecpe(uint64_t a)
{
    if (!(a >> 31))
        return 0xffffffffu;
    return (uint64_t)recip_estimate((unsigned)(a >> 23)) << 23;
}

static uint64_t ursqrte(uint64_t a)
{
    if (!(a >> 30))
        return 0xffffffffu;
    return (uint64_t)rsqrt_estimate((unsigned)(a >> 23)) << 23;
}

/* FCVTXN: double to single with round-to-odd (truncate, then set the
   lowest bit of an inexact result), which makes a later rounding to a
   narrower format give the singly rounded result. */
static uint64_t convert_odd(uint64_t a, FPUStatus *st)
{
    FPUStatus t = *st;

    t.rounding = FPU_RZERO;
    t.flags = 0;
    uint64_t r = fpu_convert(&fpu_f32, &fpu_f64, a, &t);
    if (t.flags & FPU_INEXACT)
        r |= 1;
    st->flags |= t.flags;
    return r;
}

/* ---- the lane operations ------------------------------------------------------------ */

static uint64_t all_ones(const FPUFormat *f, bool c)
{
    return c ? (sign_of(f) << 1) - 1 : 0;
}

static uint64_t compare(const FPUFormat *f, uint64_t a, uint64_t b, bool ge, bool quiet,
                        FPUStatus *st)
{
    enum FPURelation r = fpu_compare(f, a, b, !quiet, st);

    if (quiet)
        return all_ones(f, r == FPU_EQUAL);
    return all_ones(f, r == FPU_GREATER || (ge && r == FPU_EQUAL));
}

/* Binary operations; d is the accumulator of MLA/MLS. */
static uint64_t binary(enum A64VfpOp op, const FPUFormat *f, uint64_t a, uint64_t b,
                       uint64_t d, FPUStatus *st)
{
    uint64_t sign = sign_of(f);

    switch (op) {
    case VFP_ADD: case VFP_ADDP: return fpu_add(f, a, b, st);
    case VFP_SUB: return fpu_sub(f, a, b, st);
    case VFP_MUL: return fpu_mul(f, a, b, st);
    case VFP_DIV: return fpu_div(f, a, b, st);
    case VFP_MAX: case VFP_MAXP: case VFP_MAXV: return fpu_max(f, a, b, st);
    case VFP_MIN: case VFP_MINP: case VFP_MINV: return fpu_min(f, a, b, st);
    case VFP_MAXNM: case VFP_MAXNMP: case VFP_MAXNMV: return fpu_maxnum(f, a, b, st);
    case VFP_MINNM: case VFP_MINNMP: case VFP_MINNMV: return fpu_minnum(f, a, b, st);
    case VFP_MULX: return mulx(f, a, b, st);
    case VFP_ABD: return fpu_sub(f, a, b, st) & ~sign;      /* FPAbs(FPSub()) */
    case VFP_MLA: return fpu_muladd(f, d, a, b, st);
    case VFP_MLS: return fpu_muladd(f, d, a ^ sign, b, st);
    case VFP_RECPS: return recip_step(f, a, b, false, st);
    case VFP_RSQRTS: return recip_step(f, a, b, true, st);
    case VFP_CMEQ: return compare(f, a, b, false, true, st);
    case VFP_CMGE: return compare(f, a, b, true, false, st);
    case VFP_CMGT: return compare(f, a, b, false, false, st);
    case VFP_ACGE: return compare(f, a & ~sign, b & ~sign, true, false, st);
    default:       return compare(f, a & ~sign, b & ~sign, false, false, st);   /* ACGT */
    }
}

static int rounding_of(unsigned imm, const FPUStatus *st)
{
    int r = (int)(imm & 7);
    return r == FP_ROUND_FPCR ? st->rounding : r;
}

static uint64_t unary(enum A64VfpOp op, const FPUFormat *f, int size, uint64_t a, unsigned imm,
                      FPUStatus *st)
{
    uint64_t sign = sign_of(f);
    int width = 8 << size, fbits = (int)(imm >> 8);
    bool is_signed = (imm & VFP_IMM_SIGNED) != 0;

    switch (op) {
    case VFP_ABS: return a & ~sign;
    case VFP_NEG: return a ^ sign;
    case VFP_SQRT: return fpu_sqrt(f, a, st);
    case VFP_RINT:
        return fpu_round_int(f, a, rounding_of(imm, st), (imm & VFP_IMM_EXACT) != 0, st);
    case VFP_TOINT:
        return fpu_to_int(f, a, fbits, width, is_signed, rounding_of(imm, st), st);
    case VFP_FROMINT:
        if (is_signed && width == 32)
            a = (uint64_t)(int64_t)(int32_t)a;
        return fpu_from_int(f, a, is_signed, fbits, st);
    /* FCMLE #0 is FPCompareGE(0, a), FCMLT #0 FPCompareGT(0, a). */
    case VFP_CMEQ0: return compare(f, a, 0, false, true, st);
    case VFP_CMGE0: return compare(f, a, 0, true, false, st);
    case VFP_CMGT0: return compare(f, a, 0, false, false, st);
    case VFP_CMLE0: return compare(f, 0, a, true, false, st);
    case VFP_CMLT0: return compare(f, 0, a, false, false, st);
    case VFP_RECPE: return recpe(f, a, st);
    case VFP_RSQRTE: return rsqrte(f, a, st);
    case VFP_RECPX: return recpx(f, a, st);
    case VFP_URECPE: return urecpe(a);
    default: return ursqrte(a);
    }
}

static bool is_pairwise(enum A64VfpOp op)
{
    return op >= VFP_ADDP && op <= VFP_MINNMP;
}

/*
 * The whole-register host path of FADD, FSUB, FMUL, FDIV, FMLA and FMLS
 * (vector and by-element, f32 and f64): fpu.c's host fast path ("The host
 * FPU as a fast path") with its rules checked on every lane at once, so
 * that a vector instruction costs a few host vector instructions instead
 * of a library call per lane.  The rules: round to nearest with IXC
 * already set, every operand zero or normal, every result a normal number
 * above the smallest one or a zero the operation gives exactly.  When a
 * lane breaks them, nothing has been written and the lane loop decides.
 */
typedef float vf32 __attribute__((vector_size(16)));
typedef double vf64 __attribute__((vector_size(16)));
typedef uint32_t vu32 __attribute__((vector_size(16)));
typedef uint64_t vu64 __attribute__((vector_size(16)));

/* The fpu/ name of a host-path operation. */
static enum FPUHostOp host_op_of(enum A64VfpOp op)
{
    switch (op) {
    case VFP_ADD: return FPU_HOST_ADD;
    case VFP_SUB: return FPU_HOST_SUB;
    case VFP_MUL: return FPU_HOST_MUL;
    case VFP_DIV: return FPU_HOST_DIV;
    default: return FPU_HOST_FMA;
    }
}

/* The body for one element type: VF the float vector, VU the integer
 * vector of the same lane width, FMA the scalar fused multiply-add. */
#define VFP_HOST_BODY(VF, VU, EXP, ABS, MIN_NORMAL, FMA)                                  \
    do {                                                                                  \
        VF x, y, z, res;                                                                  \
        VU xb, yb, zb, rb;                                                                \
        enum FPUHostOp hop = host_op_of(op);                                              \
        int lanes = (q ? 16 : 8) / (int)sizeof(x[0]);                                     \
        memcpy(&x, n, 16);                                                                \
        memcpy(&y, m, 16);                                                                \
        memcpy(&z, d, 16);                                                                \
        if (elem_idx >= 0) {            /* a copy, not 0 + y: -0 stays -0 */              \
            __typeof__(y[0]) e = y[elem_idx];                                             \
            for (int i = 0; i < (int)(16 / sizeof(e)); i++)                               \
                y[i] = e;                                                                 \
        }                                                                                 \
        switch (op) {                                                                     \
        case VFP_ADD: res = x + y; break;                                                 \
        case VFP_SUB: res = x - y; break;                                                 \
        case VFP_MUL: res = x * y; break;                                                 \
        case VFP_DIV: res = x / y; break;                                                 \
        default:                                                                          \
            if (op == VFP_MLS)                                                            \
                x = -x;                                                                   \
            for (int i = 0; i < lanes; i++)                                               \
                res[i] = FMA(x[i], y[i], z[i]);                                           \
            break;                                                                        \
        }                                                                                 \
        memcpy(&xb, &x, 16);                                                              \
        memcpy(&yb, &y, 16);                                                              \
        memcpy(&zb, &z, 16);                                                              \
        memcpy(&rb, &res, 16);                                                            \
        for (int i = 0; i < lanes; i++)                                                   \
            if (!fpu_host_operands_ok(hop, xb[i], yb[i], zb[i], EXP, ABS) ||              \
                !fpu_host_result_ok(hop, xb[i], yb[i], rb[i], EXP, ABS, MIN_NORMAL))      \
                return false;                                                             \
        memcpy(r, &res, 16);                                                              \
        if (!q)                                                                           \
            r->d[1] = 0;                                                                  \
        return true;                                                                      \
    } while (0)

static bool vfp_host(enum A64VfpOp op, int size, bool q, int elem_idx, const SimdReg *n,
                     const SimdReg *m, const SimdReg *d, SimdReg *r)
{
    if (size == 2)
        VFP_HOST_BODY(vf32, vu32, 0x7f800000u, 0x7fffffffu, 0x00800000u, fmaf);
    VFP_HOST_BODY(vf64, vu64, UINT64_C(0x7ff0000000000000), UINT64_C(0x7fffffffffffffff),
                  UINT64_C(0x0010000000000000), fma);
}

static bool vfp_host_op(enum A64VfpOp op)
{
    return op == VFP_ADD || op == VFP_SUB || op == VFP_MUL || op == VFP_DIV ||
           op == VFP_MLA || op == VFP_MLS;
}

static void helper_vfp(AArch64Env *env, uint64_t op64, uint64_t desc)
{
    enum A64VfpOp op = (enum A64VfpOp)op64;
    int rd = desc & 31, rn = desc >> 5 & 31, rm = desc >> 10 & 31;
    int size = desc >> 15 & 3, q = desc >> 17 & 1;
    unsigned imm = (unsigned)(desc >> 32);
    bool scalar = (desc & SIMD_DESC_SCALAR) != 0;
    const FPUFormat *f = a64_fpu_format(size);
    int lanes = scalar ? 1 : (q ? 16 : 8) >> size;
    SimdReg n, m, d, r = { { 0, 0 } };
    FPUStatus st;

    memcpy(&n, env->v[rn], 16);
    memcpy(&m, env->v[rm], 16);
    memcpy(&d, env->v[rd], 16);
    /* round to nearest and FPSR.IXC set: the host may do it */
    if (vfp_host_op(op) && !scalar && size >= 2 && a64_fpcr_rounding(env) == FPU_RNE &&
        (env->fpsr & FPU_INEXACT) &&
        vfp_host(op, size, q, desc & SIMD_DESC_ELEM ? (int)imm : -1, &n, &m, &d, &r)) {
        memcpy(env->v[rd], &r, 16);
        return;
    }
    a64_fpu_status(&st, env);
    if (op <= VFP_ACGT) {
        uint64_t elem = simd_lane(&m, size, (int)imm);
        for (int i = 0; i < lanes; i++) {
            uint64_t b = desc & SIMD_DESC_ELEM ? elem : simd_lane(&m, size, i);
            simd_set_lane(&r, size, i, binary(op, f, simd_lane(&n, size, i), b, simd_lane(&d, size, i), &st));
        }
    } else if (is_pairwise(op)) {
        if (scalar) {
            simd_set_lane(&r, size, 0, binary(op, f, simd_lane(&n, size, 0), simd_lane(&n, size, 1), 0, &st));
        } else {
            for (int i = 0; i < lanes; i++) {
                const SimdReg *src = i < lanes / 2 ? &n : &m;
                int j = 2 * (i % (lanes / 2));
                simd_set_lane(&r, size, i, binary(op, f, simd_lane(src, size, j), simd_lane(src, size, j + 1),
                                             0, &st));
            }
        }
    } else if (op <= VFP_MINNMV) {
        /* Reduce(): the halves first, as the pseudocode recurses */
        uint64_t lo = binary(op, f, simd_lane(&n, 2, 0), simd_lane(&n, 2, 1), 0, &st);
        uint64_t hi = binary(op, f, simd_lane(&n, 2, 2), simd_lane(&n, 2, 3), 0, &st);
        simd_set_lane(&r, 2, 0, binary(op, f, lo, hi, 0, &st));
    } else if (op == VFP_CVTN || op == VFP_CVTXN) {
        /* 2 doubles -> 2 singles, or 4 singles -> 4 halves (FPCR.AHP) */
        const FPUFormat *to = a64_fpu_format(size - 1);
        int nl = 16 >> size;
        if (scalar)
            nl = 1;
        else if (q)
            r.d[0] = d.d[0];
        for (int i = 0; i < nl; i++) {
            uint64_t a = simd_lane(&n, size, i);
            uint64_t x = op == VFP_CVTXN ? convert_odd(a, &st) : fpu_convert(to, f, a, &st);
            simd_set_lane(&r, size - 1, i + (q && !scalar ? nl : 0), x);
        }
    } else if (op == VFP_CVTL) {
        const FPUFormat *from = a64_fpu_format(size - 1);
        int nl = 16 >> size;
        for (int i = 0; i < nl; i++)
            simd_set_lane(&r, size, i, fpu_convert(f, from, simd_lane(&n, size - 1, i + (q ? nl : 0)), &st));
    } else {
        for (int i = 0; i < lanes; i++)
            simd_set_lane(&r, size, i, unary(op, f, size, simd_lane(&n, size, i), imm, &st));
    }
    memcpy(env->v[rd], &r, 16);
    env->fpsr |= st.flags;
}

IRHelper a64_helper_vfp = {
    .name = "a64_vfp", .fn = (void *)helper_vfp, .ret = IR_TYPE_VOID,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = 0,
};
