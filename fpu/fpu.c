/*
 * fpu.c - IEEE 754 arithmetic in integers (fpu.h).
 *
 * Every finite nonzero operand is unpacked to a sign, an unbiased exponent
 * and a 64-bit significand whose top bit (bit 63) is the leading one, so
 * that value = sig / 2^63 * 2^exp.  An operation computes its exact result
 * (or the exact result's leading bits with a "sticky" low bit that is set
 * when anything nonzero was shifted out) in 128-bit integers and hands it to
 * round_pack, the only place that rounds, detects overflow and underflow and
 * builds the result's bits for the destination format.  The 64-bit
 * significand keeps at least 11 bits below an f64's rounding point, which is
 * all that correct rounding needs (a round bit and a sticky bit).
 *
 * The rules that differ between guests come from FPUStatus: the Arm ones
 * follow the Arm ARM pseudocode (DDI 0487, J1.3 shared/functions/float:
 * FPUnpackBase, FPRoundBase, FPProcessNaNs, FPProcessNaNs3, FPMulAdd,
 * FPMax/FPMin/FPMaxNum/FPMinNum, FPRoundInt, FPToFixed, FPConvert).
 *
 * unsigned __int128 is a GCC/Clang extension available on every 64-bit
 * host we build for.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "fpu/fpu.h"

typedef unsigned __int128 u128;

const FPUFormat fpu_f16 = { 5, 10 };
const FPUFormat fpu_f32 = { 8, 23 };
const FPUFormat fpu_f64 = { 11, 52 };

enum FPUClass { CLS_ZERO, CLS_FINITE, CLS_INF, CLS_QNAN, CLS_SNAN };

typedef struct FPUValue {
    int cls;
    bool sign;
    int exp;            /* value = sig / 2^63 * 2^exp for CLS_FINITE */
    uint64_t sig;
} FPUValue;

int fpu_arm_rounding(int rmode)
{
    static const uint8_t fpcr_rmode[4] = { FPU_RNE, FPU_RUP, FPU_RDOWN, FPU_RZERO };

    return fpcr_rmode[rmode & 3];
}

void fpu_status_arm(FPUStatus *st, int rmode, bool fz, bool dn, bool ahp)
{
    *st = (FPUStatus){
        .rounding = (uint8_t)fpu_arm_rounding(rmode),
        .flush_inputs = fz,
        .flush_outputs = fz,
        .default_nan = dn,
        .tininess_before_rounding = true,
        .input_denormal_flag = true,
        .ahp = ahp,
        .nan_rule = FPU_NAN_ARM,
    };
}

void fpu_status_x86(FPUStatus *st, int rounding, bool daz, bool ftz)
{
    *st = (FPUStatus){
        .rounding = (uint8_t)rounding,
        .flush_inputs = daz,
        .flush_outputs = ftz,
        .nan_rule = FPU_NAN_X86,
        .default_nan_negative = true,
    };
}

static int clz64(uint64_t x)
{
    return __builtin_clzll(x);
}

static int bias_of(const FPUFormat *f)
{
    return (1 << (f->ebits - 1)) - 1;
}

static uint64_t exp_mask(const FPUFormat *f)
{
    return (((uint64_t)1 << f->ebits) - 1) << f->mbits;
}

static uint64_t frac_mask(const FPUFormat *f)
{
    return ((uint64_t)1 << f->mbits) - 1;
}

static uint64_t sign_bit(const FPUFormat *f)
{
    return (uint64_t)1 << (f->ebits + f->mbits);
}

static bool is_half(const FPUFormat *f)
{
    return f->mbits == 10;
}

/* Arm's alternative half precision has no infinities or NaNs. */
static bool is_ahp(const FPUFormat *f, const FPUStatus *st)
{
    return is_half(f) && st->ahp;
}

bool fpu_is_nan(const FPUFormat *f, uint64_t a)
{
    return (a & exp_mask(f)) == exp_mask(f) && (a & frac_mask(f)) != 0;
}

bool fpu_is_snan(const FPUFormat *f, uint64_t a)
{
    return fpu_is_nan(f, a) && !(a >> (f->mbits - 1) & 1);
}

uint64_t fpu_default_nan(const FPUFormat *f, const FPUStatus *st)
{
    return (st->default_nan_negative ? sign_bit(f) : 0) | exp_mask(f) |
           (uint64_t)1 << (f->mbits - 1);
}

static uint64_t inf_bits(const FPUFormat *f, bool sign)
{
    return (sign ? sign_bit(f) : 0) | exp_mask(f);
}

static uint64_t zero_bits(const FPUFormat *f, bool sign)
{
    return sign ? sign_bit(f) : 0;
}

/*
 * FPUnpack: a denormal input reads as zero under flush_inputs (never for
 * f16, whose flushing is Arm's FZ16, which this library does not model).
 */
static FPUValue unpack(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    FPUValue v = { .sign = (a & sign_bit(f)) != 0 };
    uint64_t e = (a & exp_mask(f)) >> f->mbits, frac = a & frac_mask(f);
    int bias = bias_of(f);

    if (e == 0 && frac == 0) {
        v.cls = CLS_ZERO;
    } else if (e == 0) {
        if (st->flush_inputs && !is_half(f)) {
            v.cls = CLS_ZERO;
            if (st->input_denormal_flag)
                st->flags |= FPU_INPUT_DENORMAL;
            return v;
        }
        int msb = 63 - clz64(frac);
        v.cls = CLS_FINITE;
        v.sig = frac << (63 - msb);
        v.exp = msb + 1 - bias - f->mbits;
    } else if ((a & exp_mask(f)) == exp_mask(f) && !is_ahp(f, st)) {
        v.cls = frac == 0 ? CLS_INF : (frac >> (f->mbits - 1)) ? CLS_QNAN : CLS_SNAN;
    } else {
        v.cls = CLS_FINITE;
        v.sig = (frac | (uint64_t)1 << f->mbits) << (63 - f->mbits);
        v.exp = (int)e - bias;
    }
    return v;
}

static bool is_nan_cls(int cls)
{
    return cls == CLS_QNAN || cls == CLS_SNAN;
}

/*
 * Drop the low shift bits of sig (shift may exceed 64: everything is then
 * below half an ulp), rounding the kept integer in the given mode.
 */
static uint64_t round_shift(uint64_t sig, int shift, bool sign, int rounding, bool *inexact)
{
    uint64_t kept, rem, half = (uint64_t)1 << 63;
    bool up;

    if (shift <= 0) {
        *inexact = false;
        return sig;
    }
    if (shift > 64) {
        kept = 0;
        rem = sig != 0;
    } else if (shift == 64) {
        kept = 0;
        rem = sig;
    } else {
        kept = sig >> shift;
        rem = sig & (((uint64_t)1 << shift) - 1);
        half = (uint64_t)1 << (shift - 1);
    }
    *inexact = rem != 0;
    switch (rounding) {
    case FPU_RNE:
        up = rem > half || (rem == half && (kept & 1));
        break;
    case FPU_RNA:
        up = rem >= half;
        break;
    case FPU_RUP:
        up = rem != 0 && !sign;
        break;
    case FPU_RDOWN:
        up = rem != 0 && sign;
        break;
    default:
        up = false;
        break;
    }
    return kept + up;
}

/*
 * Round sign * sig / 2^63 * 2^exp (sig's bit 63 set, its bit 0 sticky) to
 * format f: FPRoundBase.  Tininess is judged before rounding (Arm) or after
 * (IEEE's other choice, x86); either way underflow is signalled only for an
 * inexact tiny result, as IEEE specifies with the exception untrapped.
 * Flushing a tiny output gives a signed zero with underflow (and, after
 * rounding, x86's inexact; Arm FZ raises UFC only).
 */
static uint64_t round_pack(const FPUFormat *f, bool sign, int exp, uint64_t sig, FPUStatus *st)
{
    int bias = bias_of(f), emin = 1 - bias, m = f->mbits;
    bool ahp = is_ahp(f, st);
    int emax = ahp ? bias + 1 : bias;
    bool flushable = st->flush_outputs && !is_half(f);
    uint64_t sbit = zero_bits(f, sign), kept;
    bool inexact;

    if (exp < emin && flushable && st->tininess_before_rounding) {
        st->flags |= FPU_UNDERFLOW;
        return sbit;
    }
    if (exp < emin) {
        int shift = 63 - m + (emin - exp > 70 ? 70 : emin - exp);
        bool tiny = true;

        kept = round_shift(sig, shift, sign, st->rounding, &inexact);
        if (!st->tininess_before_rounding && exp == emin - 1) {
            bool unused;
            /* Rounded with an unbounded exponent, does it reach 2^emin? */
            tiny = round_shift(sig, 63 - m, sign, st->rounding, &unused) >> (m + 1) == 0;
        }
        if (tiny && flushable) {
            st->flags |= FPU_UNDERFLOW | FPU_INEXACT;
            return sbit;
        }
        if (inexact)
            st->flags |= FPU_INEXACT | (tiny ? FPU_UNDERFLOW : 0);
        /* A carry into bit m makes the smallest normal: the bits pack right. */
        return sbit | kept;
    }
    kept = round_shift(sig, 63 - m, sign, st->rounding, &inexact);
    if (kept >> (m + 1)) {
        kept >>= 1;
        exp++;
    }
    if (exp > emax) {
        if (ahp) {
            /* FPRoundBase with AHP: saturate to the largest value, Invalid. */
            st->flags |= FPU_INVALID;
            return sbit | (sign_bit(f) - 1);
        }
        st->flags |= FPU_OVERFLOW | FPU_INEXACT;
        bool to_inf = st->rounding == FPU_RNE || st->rounding == FPU_RNA ||
                      (st->rounding == FPU_RUP && !sign) ||
                      (st->rounding == FPU_RDOWN && sign);
        return to_inf ? inf_bits(f, sign) : sbit | (exp_mask(f) - ((uint64_t)1 << m)) |
                                                   frac_mask(f);
    }
    if (inexact)
        st->flags |= FPU_INEXACT;
    return sbit | (uint64_t)(exp + bias) << m | (kept & frac_mask(f));
}

/* Round s * 2^(exp - point) (bit point of s weighs 2^exp), s != 0. */
static uint64_t round_pack128(const FPUFormat *f, bool sign, int exp, u128 s, int point,
                              FPUStatus *st)
{
    int msb = (uint64_t)(s >> 64) ? 127 - clz64((uint64_t)(s >> 64))
                                  : 63 - clz64((uint64_t)s);
    uint64_t sig;

    if (msb >= 63) {
        int sh = msb - 63;
        sig = (uint64_t)(s >> sh) | ((s & (((u128)1 << sh) - 1)) != 0);
    } else {
        sig = (uint64_t)s << (63 - msb);
    }
    return round_pack(f, sign, exp + msb - point, sig, st);
}

static uint64_t pack_value(const FPUFormat *f, const FPUValue *v, FPUStatus *st)
{
    switch (v->cls) {
    case CLS_ZERO:
        return zero_bits(f, v->sign);
    case CLS_INF:
        return inf_bits(f, v->sign);
    default:
        return round_pack(f, v->sign, v->exp, v->sig, st);
    }
}

static uint64_t quieten(const FPUFormat *f, uint64_t a)
{
    return a | (uint64_t)1 << (f->mbits - 1);
}

/* FPProcessNaN: the operand NaN made quiet, or the default NaN. */
static uint64_t process_nan(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    if (fpu_is_snan(f, a))
        st->flags |= FPU_INVALID;
    return st->default_nan ? fpu_default_nan(f, st) : quieten(f, a);
}

uint64_t fpu_process_nan(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    return process_nan(f, a, st);
}

static uint64_t invalid(const FPUFormat *f, FPUStatus *st)
{
    st->flags |= FPU_INVALID;
    return fpu_default_nan(f, st);
}

/* The NaN result of an operation on n operands of which one is a NaN. */
static uint64_t propagate_nans(const FPUFormat *f, const uint64_t *ops, int n, FPUStatus *st)
{
    int i, pick = -1;

    for (i = 0; i < n; i++)
        if (fpu_is_snan(f, ops[i]))
            st->flags |= FPU_INVALID;
    if (st->nan_rule == FPU_NAN_ARM)
        for (i = 0; i < n && pick < 0; i++)
            if (fpu_is_snan(f, ops[i]))
                pick = i;
    for (i = 0; i < n && pick < 0; i++)
        if (fpu_is_nan(f, ops[i]))
            pick = i;
    return st->default_nan ? fpu_default_nan(f, st) : quieten(f, ops[pick]);
}

static uint64_t nan2(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    uint64_t ops[2] = { a, b };
    return propagate_nans(f, ops, 2, st);
}

/* Magnitude order of two non-NaN values: -1, 0 or 1. */
static int cmp_mag(const FPUValue *x, const FPUValue *y)
{
    if (x->cls != y->cls)
        return x->cls < y->cls ? -1 : 1;    /* zero < finite < infinity */
    if (x->cls != CLS_FINITE)
        return 0;
    if (x->exp != y->exp)
        return x->exp < y->exp ? -1 : 1;
    return x->sig < y->sig ? -1 : x->sig > y->sig;
}

/* Signed order of two non-NaN values (+0 == -0). */
static int cmp_values(const FPUValue *x, const FPUValue *y)
{
    if (x->cls == CLS_ZERO && y->cls == CLS_ZERO)
        return 0;
    if (x->sign != y->sign)
        return x->sign ? -1 : 1;
    return x->sign ? -cmp_mag(x, y) : cmp_mag(x, y);
}

/* x + y for finite nonzero x, y (FPAdd's exact sum, then FPRound). */
static uint64_t add_finite(const FPUFormat *f, FPUValue x, FPUValue y, FPUStatus *st)
{
    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) {
        FPUValue t = x;
        x = y;
        y = t;
    }
    /* Both with the leading one at bit 125; y aligned to x, sticky jammed. */
    u128 X = (u128)x.sig << 62, Y = (u128)y.sig << 62, S;
    int d = x.exp - y.exp;

    if (d >= 127)
        Y = 1;
    else if (d > 0)
        Y = (Y >> d) | ((Y & (((u128)1 << d) - 1)) != 0);
    if (x.sign == y.sign) {
        S = X + Y;
    } else {
        S = X - Y;
        if (S == 0)
            return zero_bits(f, st->rounding == FPU_RDOWN);
    }
    return round_pack128(f, x.sign, x.exp, S, 125, st);
}

/*
 * The host FPU as a fast path.  Where the exact result of +, -, *, /, sqrt
 * or fused multiply-add rounds to an ordinary number, IEEE 754 defines the
 * answer and every host remu builds for (x86-64 SSE, AArch64) computes it
 * in round-to-nearest, the mode remu leaves the host in.  The library only
 * has to know when that is so; it uses the host when
 * - the format is f32 or f64 and the rounding is to nearest, ties to even;
 * - FPU_INEXACT is already in st->flags: the flags are sticky, so whether
 *   this result is exact no longer matters, and inexact is the one flag
 *   the host would otherwise have to be asked for (QEMU's softfloat keys
 *   its "hardfloat" path on the same condition);
 * - every operand is zero or normal: no NaN rule, flush-to-zero or
 *   input-denormal flag can apply;
 * - the result is finite and larger in magnitude than the smallest normal
 *   number (so neither overflow nor underflow, whether tininess is
 *   detected before or after rounding), or a zero the operation gives
 *   exactly (fpu_host_result_ok in fpu.h decides per operation).
 * Otherwise the integer code below decides, as it always did.
 */
#if FLT_EVAL_METHOD == 0
#define HOST_FAST_PATH 1
#else
#define HOST_FAST_PATH 0
#endif

static double host_f64(uint64_t x)
{
    double d;
    memcpy(&d, &x, 8);
    return d;
}

static float host_f32(uint64_t x)
{
    uint32_t w = (uint32_t)x;
    float v;
    memcpy(&v, &w, 4);
    return v;
}

/* v = x op y (FMA: z + x * y) in the C type of x and y. */
#define HOST_ARITH(v, op, x, y, z, SQRT, FMA)                                   \
    switch (op) {                                                               \
    case FPU_HOST_ADD: v = x + y; break;                                        \
    case FPU_HOST_SUB: v = x - y; break;                                        \
    case FPU_HOST_MUL: v = x * y; break;                                        \
    case FPU_HOST_DIV: v = x / y; break;                                        \
    case FPU_HOST_SQRT: v = SQRT(x); break;                                     \
    default: v = FMA(x, y, z); break;                                           \
    }

bool fpu_host_try(const FPUFormat *f, enum FPUHostOp op, uint64_t a, uint64_t b, uint64_t c,
                  int rounding, unsigned flags, uint64_t *r)
{
    uint64_t exp = exp_mask(f), abs = sign_bit(f) - 1, min_normal = (uint64_t)1 << f->mbits;

    if (!HOST_FAST_PATH || rounding != FPU_RNE || !(flags & FPU_INEXACT) ||
        (f != &fpu_f64 && f != &fpu_f32) || !fpu_host_operands_ok(op, a, b, c, exp, abs))
        return false;
    if (f == &fpu_f64) {
        double v;
        HOST_ARITH(v, op, host_f64(a), host_f64(b), host_f64(c), sqrt, fma);
        memcpy(r, &v, 8);
    } else {
        float v;
        uint32_t bits;
        HOST_ARITH(v, op, host_f32(a), host_f32(b), host_f32(c), sqrtf, fmaf);
        memcpy(&bits, &v, 4);
        *r = bits;
    }
    return fpu_host_result_ok(op, a, b, *r, exp, abs, min_normal);
}

static uint64_t add_sub(const FPUFormat *f, uint64_t a, uint64_t b, bool negate_b,
                        FPUStatus *st)
{
    uint64_t hr;
    if (fpu_host_try(f, negate_b ? FPU_HOST_SUB : FPU_HOST_ADD, a, b, 0, st->rounding, st->flags, &hr))
        return hr;

    FPUValue x = unpack(f, a, st), y = unpack(f, b, st);

    if (is_nan_cls(x.cls) || is_nan_cls(y.cls))
        return nan2(f, a, b, st);
    y.sign ^= negate_b;
    if (x.cls == CLS_INF && y.cls == CLS_INF && x.sign != y.sign)
        return invalid(f, st);
    if (x.cls == CLS_INF || y.cls == CLS_INF)
        return inf_bits(f, x.cls == CLS_INF ? x.sign : y.sign);
    if (x.cls == CLS_ZERO && y.cls == CLS_ZERO)
        return zero_bits(f, x.sign == y.sign ? x.sign : st->rounding == FPU_RDOWN);
    if (x.cls == CLS_ZERO)
        return pack_value(f, &y, st);
    if (y.cls == CLS_ZERO)
        return pack_value(f, &x, st);
    return add_finite(f, x, y, st);
}

uint64_t fpu_add(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return add_sub(f, a, b, false, st);
}

uint64_t fpu_sub(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return add_sub(f, a, b, true, st);
}

uint64_t fpu_mul(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    uint64_t hr;
    if (fpu_host_try(f, FPU_HOST_MUL, a, b, 0, st->rounding, st->flags, &hr))
        return hr;

    FPUValue x = unpack(f, a, st), y = unpack(f, b, st);
    bool sign = x.sign != y.sign;

    if (is_nan_cls(x.cls) || is_nan_cls(y.cls))
        return nan2(f, a, b, st);
    if ((x.cls == CLS_INF && y.cls == CLS_ZERO) || (x.cls == CLS_ZERO && y.cls == CLS_INF))
        return invalid(f, st);
    if (x.cls == CLS_INF || y.cls == CLS_INF)
        return inf_bits(f, sign);
    if (x.cls == CLS_ZERO || y.cls == CLS_ZERO)
        return zero_bits(f, sign);
    return round_pack128(f, sign, x.exp + y.exp, (u128)x.sig * y.sig, 126, st);
}

uint64_t fpu_div(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    uint64_t hr;
    if (fpu_host_try(f, FPU_HOST_DIV, a, b, 0, st->rounding, st->flags, &hr))
        return hr;

    FPUValue x = unpack(f, a, st), y = unpack(f, b, st);
    bool sign = x.sign != y.sign;

    if (is_nan_cls(x.cls) || is_nan_cls(y.cls))
        return nan2(f, a, b, st);
    if ((x.cls == CLS_INF && y.cls == CLS_INF) || (x.cls == CLS_ZERO && y.cls == CLS_ZERO))
        return invalid(f, st);
    if (x.cls == CLS_INF || y.cls == CLS_ZERO) {
        if (x.cls != CLS_INF)
            st->flags |= FPU_DIVZERO;
        return inf_bits(f, sign);
    }
    if (x.cls == CLS_ZERO || y.cls == CLS_INF)
        return zero_bits(f, sign);
    /* (sig_x * 2^64) / sig_y has 64 or 65 bits; the remainder is sticky. */
    u128 n = (u128)x.sig << 64, q = n / y.sig;
    q |= (n % y.sig) != 0;
    return round_pack128(f, sign, x.exp - y.exp, q, 64, st);
}

uint64_t fpu_sqrt(const FPUFormat *f, uint64_t a, FPUStatus *st)
{
    uint64_t hr;
    if (fpu_host_try(f, FPU_HOST_SQRT, a, 0, 0, st->rounding, st->flags, &hr))
        return hr;

    FPUValue x = unpack(f, a, st);

    if (is_nan_cls(x.cls))
        return process_nan(f, a, st);
    if (x.cls == CLS_ZERO)
        return zero_bits(f, x.sign);
    if (x.sign)
        return invalid(f, st);
    if (x.cls == CLS_INF)
        return inf_bits(f, false);
    /* sqrt(r / 2^126 * 2^e) with e even = isqrt(r) / 2^63 * 2^(e/2). */
    int odd = x.exp & 1;
    u128 r = (u128)x.sig << (63 + odd), res = 0, one = (u128)1 << 126;

    while (one > r)
        one >>= 2;
    while (one) {
        if (r >= res + one) {
            r -= res + one;
            res = (res >> 1) + one;
        } else {
            res >>= 1;
        }
        one >>= 2;
    }
    res |= r != 0;
    return round_pack128(f, false, (x.exp - odd) / 2, res, 63, st);
}

uint64_t fpu_muladd(const FPUFormat *f, uint64_t addend, uint64_t a, uint64_t b,
                    FPUStatus *st)
{
    uint64_t hr;
    if (fpu_host_try(f, FPU_HOST_FMA, a, b, addend, st->rounding, st->flags, &hr))
        return hr;

    FPUValue z = unpack(f, addend, st), x = unpack(f, a, st), y = unpack(f, b, st);
    bool inf_times_zero = (x.cls == CLS_INF && y.cls == CLS_ZERO) ||
                          (x.cls == CLS_ZERO && y.cls == CLS_INF);
    bool psign = x.sign != y.sign;

    if (is_nan_cls(z.cls) || is_nan_cls(x.cls) || is_nan_cls(y.cls)) {
        if (st->nan_rule == FPU_NAN_ARM) {
            uint64_t ops[3] = { addend, a, b };
            /* FPProcessNaNs3 is preceded by FPMulAdd's quiet-NaN addend rule. */
            if (z.cls == CLS_QNAN && inf_times_zero)
                return invalid(f, st);
            return propagate_nans(f, ops, 3, st);
        }
        uint64_t ops[3] = { a, b, addend };
        return propagate_nans(f, ops, 3, st);
    }
    if (inf_times_zero)
        return invalid(f, st);
    bool pinf = x.cls == CLS_INF || y.cls == CLS_INF;
    bool pzero = x.cls == CLS_ZERO || y.cls == CLS_ZERO;
    if (z.cls == CLS_INF && pinf && z.sign != psign)
        return invalid(f, st);
    if (z.cls == CLS_INF || pinf)
        return inf_bits(f, z.cls == CLS_INF ? z.sign : psign);
    if (pzero) {
        if (z.cls == CLS_ZERO)
            return zero_bits(f, z.sign == psign ? z.sign : st->rounding == FPU_RDOWN);
        return pack_value(f, &z, st);
    }
    /* The product (at most 128 bits, the leading one at bit 126 or 127)
     * moved to point 125, which is exact: its low bits are zero. */
    u128 P = ((u128)x.sig * y.sig) >> 1;
    int pexp = x.exp + y.exp;
    if (z.cls == CLS_ZERO)
        return round_pack128(f, psign, pexp, P, 125, st);

    u128 Z = (u128)z.sig << 62, X, Y, S;
    int xexp, d;
    bool xsign, ysign;
    /* X is the operand of larger magnitude. */
    bool p_bigger = pexp > z.exp || (pexp == z.exp && P >= Z);
    if (p_bigger) {
        X = P; xexp = pexp; xsign = psign; Y = Z; ysign = z.sign; d = pexp - z.exp;
    } else {
        X = Z; xexp = z.exp; xsign = z.sign; Y = P; ysign = psign; d = z.exp - pexp;
    }
    if (d >= 127)
        Y = 1;
    else if (d > 0)
        Y = (Y >> d) | ((Y & (((u128)1 << d) - 1)) != 0);
    if (xsign == ysign) {
        S = X + Y;
    } else {
        if (X < Y) {        /* same exponent, product's carry made it look bigger */
            u128 t = X;
            X = Y;
            Y = t;
            xsign = ysign;
        }
        S = X - Y;
        if (S == 0)
            return zero_bits(f, st->rounding == FPU_RDOWN);
    }
    return round_pack128(f, xsign, xexp, S, 125, st);
}

enum FPURelation fpu_compare(const FPUFormat *f, uint64_t a, uint64_t b, bool signalling,
                             FPUStatus *st)
{
    FPUValue x = unpack(f, a, st), y = unpack(f, b, st);

    if (is_nan_cls(x.cls) || is_nan_cls(y.cls)) {
        if (signalling || x.cls == CLS_SNAN || y.cls == CLS_SNAN)
            st->flags |= FPU_INVALID;
        return FPU_UNORDERED;
    }
    int c = cmp_values(&x, &y);
    return c < 0 ? FPU_LESS : c > 0 ? FPU_GREATER : FPU_EQUAL;
}

/* FPMax (is_max) and FPMin. */
static uint64_t max_min(const FPUFormat *f, uint64_t a, uint64_t b, bool is_max,
                        FPUStatus *st)
{
    FPUValue x = unpack(f, a, st), y = unpack(f, b, st);

    if (is_nan_cls(x.cls) || is_nan_cls(y.cls))
        return nan2(f, a, b, st);
    if (x.cls == CLS_ZERO && y.cls == CLS_ZERO)
        return zero_bits(f, is_max ? (x.sign && y.sign) : (x.sign || y.sign));
    int c = cmp_values(&x, &y);
    const FPUValue *r = (is_max ? c > 0 : c < 0) ? &x : &y;
    return pack_value(f, r, st);
}

/* FPMaxNum/FPMinNum: a quiet NaN against a non-quiet-NaN becomes the
 * infinity that loses, then FPMax/FPMin (which still propagates sNaNs). */
static uint64_t max_min_num(const FPUFormat *f, uint64_t a, uint64_t b, bool is_max,
                            FPUStatus *st)
{
    bool qa = fpu_is_nan(f, a) && !fpu_is_snan(f, a);
    bool qb = fpu_is_nan(f, b) && !fpu_is_snan(f, b);

    if (qa && !qb)
        a = inf_bits(f, is_max);
    else if (qb && !qa)
        b = inf_bits(f, is_max);
    return max_min(f, a, b, is_max, st);
}

uint64_t fpu_max(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return max_min(f, a, b, true, st);
}

uint64_t fpu_min(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return max_min(f, a, b, false, st);
}

uint64_t fpu_maxnum(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return max_min_num(f, a, b, true, st);
}

uint64_t fpu_minnum(const FPUFormat *f, uint64_t a, uint64_t b, FPUStatus *st)
{
    return max_min_num(f, a, b, false, st);
}

/* An integer magnitude (nonzero, exact in f) as an f value. */
static uint64_t pack_integer(const FPUFormat *f, bool sign, uint64_t n, int fbits,
                             FPUStatus *st)
{
    int lz = clz64(n);
    return round_pack(f, sign, 63 - lz - fbits, n << lz, st);
}

uint64_t fpu_round_int(const FPUFormat *f, uint64_t a, int rounding, bool exact,
                       FPUStatus *st)
{
    FPUValue x = unpack(f, a, st);
    bool inexact;

    if (is_nan_cls(x.cls))
        return process_nan(f, a, st);
    if (x.cls != CLS_FINITE)
        return pack_value(f, &x, st);
    if (x.exp >= f->mbits)
        return a;
    uint64_t n = round_shift(x.sig, x.exp < -2 ? 66 : 63 - x.exp, x.sign, rounding, &inexact);
    if (inexact && exact)
        st->flags |= FPU_INEXACT;
    if (n == 0)
        return zero_bits(f, x.sign);
    return pack_integer(f, x.sign, n, 0, st);
}

uint64_t fpu_convert(const FPUFormat *to, const FPUFormat *from, uint64_t a, FPUStatus *st)
{
    FPUValue x = unpack(from, a, st);

    if (is_nan_cls(x.cls)) {
        if (x.cls == CLS_SNAN || is_ahp(to, st))
            st->flags |= FPU_INVALID;
        if (is_ahp(to, st))
            return zero_bits(to, x.sign);
        if (st->default_nan)
            return fpu_default_nan(to, st);
        /* FPConvertNaN: the sign and the fraction's top bits, made quiet. */
        uint64_t frac = a & frac_mask(from);
        frac = to->mbits >= from->mbits ? frac << (to->mbits - from->mbits)
                                        : frac >> (from->mbits - to->mbits);
        return quieten(to, zero_bits(to, x.sign) | exp_mask(to) | frac);
    }
    if (x.cls == CLS_INF && is_ahp(to, st)) {
        st->flags |= FPU_INVALID;
        return zero_bits(to, x.sign) | (sign_bit(to) - 1);
    }
    return pack_value(to, &x, st);
}

uint64_t fpu_to_int(const FPUFormat *f, uint64_t a, int fbits, int width, bool is_signed,
                    int rounding, FPUStatus *st)
{
    FPUValue x = unpack(f, a, st);
    uint64_t mask = width == 64 ? ~(uint64_t)0 : ((uint64_t)1 << width) - 1;
    uint64_t limit, n = 0;      /* limit: the largest magnitude that fits */
    bool inexact = false, overflow;

    if (is_nan_cls(x.cls)) {
        st->flags |= FPU_INVALID;
        return 0;
    }
    if (is_signed)
        limit = ((uint64_t)1 << (width - 1)) - !x.sign;
    else
        limit = x.sign ? 0 : mask;
    if (x.cls == CLS_INF) {
        overflow = true;
    } else if (x.cls == CLS_ZERO) {
        overflow = false;
    } else {
        int e = x.exp + fbits;
        overflow = e >= 64;
        if (!overflow) {
            n = round_shift(x.sig, e < -2 ? 66 : 63 - e, x.sign, rounding, &inexact);
            overflow = n > limit;
        }
    }
    if (overflow) {
        /* FPToFixed: SatQ, Invalid and no Inexact. */
        st->flags |= FPU_INVALID;
        n = limit;
    } else if (inexact) {
        st->flags |= FPU_INEXACT;
    }
    return (x.sign ? -n : n) & mask;
}

uint64_t fpu_from_int(const FPUFormat *f, uint64_t v, bool is_signed, int fbits,
                      FPUStatus *st)
{
    bool sign = is_signed && (int64_t)v < 0;
    uint64_t n = sign ? -v : v;

    if (n == 0)
        return zero_bits(f, false);
    return pack_integer(f, sign, n, fbits, st);
}

uint64_t fpu_scale(const FPUFormat *f, uint64_t a, int n, FPUStatus *st)
{
    FPUValue x = unpack(f, a, st);

    if (is_nan_cls(x.cls))
        return process_nan(f, a, st);
    if (x.cls == CLS_FINITE) {
        /* Beyond 4096 the result overflows or underflows the same way. */
        x.exp += n > 4096 ? 4096 : n < -4096 ? -4096 : n;
    }
    return pack_value(f, &x, st);
}
