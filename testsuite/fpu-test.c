/*
 * fpu-test.c - checks fpu/ against the host's hardware FPU.
 *
 * The oracle is the host (x86-64 SSE, via <fenv.h> for the rounding mode
 * and the exception flags): for every operation that IEEE 754 defines
 * exactly, fpu/ configured with x86's rules (fpu_status_x86: NaN operand
 * order, negative default NaN, tininess after rounding) must give the
 * host's bits and flags, for edge values and seeded random operands, in
 * all four rounding modes.  Arm's differing rules are then checked against
 * facts derived from the Arm ARM pseudocode, not from fpu/ itself:
 *  - with no NaN involved, Arm and x86 agree except that Arm detects
 *    tininess before rounding: UFC is also set when an inexact result
 *    rounds to +-(smallest normal) (FPRoundBase);
 *  - FPProcessNaNs order and the positive default NaN, FPMulAdd's
 *    quiet-NaN-addend rule, FPToFixed saturation, FPMax/FPMaxNum.
 * On a mismatch the seed, operation, operands and both answers are printed.
 * Usage: fpu-test [SEED [COUNT]].  Prints PASS:/FAIL: lines.
 */
#include "config.h"

#include <fenv.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fpu/fpu.h"

static uint64_t seed = 12345, rng_state;
static long count = 400000;
static int failures;

static uint64_t rnd(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static const int host_modes[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
static const int fpu_modes[4] = { FPU_RNE, FPU_RUP, FPU_RDOWN, FPU_RZERO };

static unsigned host_flags(void)
{
    unsigned f = 0;
    if (fetestexcept(FE_INVALID)) f |= FPU_INVALID;
    if (fetestexcept(FE_DIVBYZERO)) f |= FPU_DIVZERO;
    if (fetestexcept(FE_OVERFLOW)) f |= FPU_OVERFLOW;
    if (fetestexcept(FE_UNDERFLOW)) f |= FPU_UNDERFLOW;
    if (fetestexcept(FE_INEXACT)) f |= FPU_INEXACT;
    return f;
}

/* Edge values and random bits, biased to small/large exponents. */
static uint64_t operand(int is64)
{
    static const uint64_t e64[] = {
        0, 0x8000000000000000ull, 1, 0x800fffffffffffffull, 0x0010000000000000ull,
        0x7fefffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0x7ff0000000000001ull, 0xfff4000000000000ull,
        0x3ff0000000000000ull, 0xbff0000000000000ull, 0x000fffffffffffffull,
        0x43e0000000000000ull, 0xc3e0000000000000ull, 0x41e0000000000000ull,
        0x3fe0000000000000ull, 0x3ff8000000000000ull, 0x4330000000000000ull,
    };
    static const uint32_t e32[] = {
        0, 0x80000000, 1, 0x807fffff, 0x00800000, 0x7f7fffff, 0x7f800000, 0xff800000,
        0x7fc00000, 0x7f800001, 0xffa00000, 0x3f800000, 0xbf800000, 0x007fffff,
        0x5f000000, 0xdf000000, 0x4f000000, 0x3f000000, 0x3fc00000, 0x4b000000,
    };
    uint64_t r = rnd(), sel = r & 15;

    if (sel < 3)
        return is64 ? e64[(r >> 8) % 20] : e32[(r >> 8) % 20];
    uint64_t v = rnd();
    if (sel < 7) {      /* exponent near the extremes or near 1 */
        int ebits = is64 ? 11 : 8, mbits = is64 ? 52 : 23;
        uint64_t emax = (1u << ebits) - 1, e;
        switch ((r >> 8) & 3) {
        case 0: e = (r >> 12) % 4; break;
        case 1: e = emax - 1 - (r >> 12) % 4; break;
        case 2: e = emax / 2 + (r >> 12) % 5 - 2; break;
        default: e = (r >> 12) % (uint64_t)(mbits + 2); break;
        }
        v = (v & ((1ull << mbits) - 1)) | e << mbits | (r >> 40 & 1) << (ebits + mbits);
        if (sel == 6)   /* few significant bits: exact results, ties */
            v &= ~((1ull << (mbits - (r >> 44) % (uint64_t)mbits)) - 1);
    }
    return is64 ? v : (uint32_t)v;
}

static double d_of(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static float f_of(uint64_t b) { float f; uint32_t w = (uint32_t)b; memcpy(&f, &w, 4); return f; }
static uint64_t b_of_d(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }
static uint64_t b_of_f(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA, OP_RINT, OP_NEARBYINT,
       OP_CVT_NARROW, OP_CVT_WIDEN, OP_TO_I64, OP_TO_I32, OP_FROM_I64, OP_FROM_U64,
       OP_FROM_I32, OP_COUNT };
static const char *const op_names[OP_COUNT] = {
    "add", "sub", "mul", "div", "sqrt", "fma", "rint", "nearbyint", "cvt64to32",
    "cvt32to64", "to_i64", "to_i32", "from_i64", "from_u64", "from_i32",
};
static long checks[OP_COUNT][2], bad[OP_COUNT][2];

/* The host's answer (volatile keeps the compiler from folding or moving it). */
static uint64_t host_op(int op, int is64, uint64_t a, uint64_t b, uint64_t c)
{
    if (is64) {
        volatile double x = d_of(a), y = d_of(b), z = d_of(c), r;
        switch (op) {
        case OP_ADD: r = x + y; break;
        case OP_SUB: r = x - y; break;
        case OP_MUL: r = x * y; break;
        case OP_DIV: r = x / y; break;
        case OP_SQRT: r = sqrt(x); break;
        case OP_FMA: r = fma(x, y, z); break;
        case OP_RINT: r = rint(x); break;
        case OP_NEARBYINT: r = nearbyint(x); break;
        case OP_CVT_NARROW: { volatile float t = (float)x; return b_of_f(t); }
        case OP_TO_I64: { volatile long long t = llrint(x); return (uint64_t)t; }
        case OP_TO_I32: { volatile long t = lrint(x); return (uint32_t)t; }
        case OP_FROM_I64: r = (double)(int64_t)a; break;
        case OP_FROM_U64: r = (double)a; break;
        case OP_FROM_I32: r = (double)(int32_t)a; break;
        default: abort();
        }
        return b_of_d(r);
    }
    volatile float x = f_of(a), y = f_of(b), z = f_of(c), r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
    case OP_SQRT: r = sqrtf(x); break;
    case OP_FMA: r = fmaf(x, y, z); break;
    case OP_RINT: r = rintf(x); break;
    case OP_NEARBYINT: r = nearbyintf(x); break;
    case OP_CVT_WIDEN: { volatile double t = x; return b_of_d(t); }
    case OP_TO_I64: { volatile long long t = llrintf(x); return (uint64_t)t; }
    case OP_TO_I32: { volatile long t = lrintf(x); return (uint32_t)t; }
    case OP_FROM_I64: r = (float)(int64_t)a; break;
    case OP_FROM_U64: r = (float)a; break;
    case OP_FROM_I32: r = (float)(int32_t)a; break;
    default: abort();
    }
    return b_of_f(r);
}

static uint64_t lib_op(int op, int is64, uint64_t a, uint64_t b, uint64_t c, int mode,
                       FPUStatus *st)
{
    const FPUFormat *f = is64 ? &fpu_f64 : &fpu_f32;
    switch (op) {
    case OP_ADD: return fpu_add(f, a, b, st);
    case OP_SUB: return fpu_sub(f, a, b, st);
    case OP_MUL: return fpu_mul(f, a, b, st);
    case OP_DIV: return fpu_div(f, a, b, st);
    case OP_SQRT: return fpu_sqrt(f, a, st);
    case OP_FMA: return fpu_muladd(f, c, a, b, st);
    case OP_RINT: return fpu_round_int(f, a, mode, true, st);
    case OP_NEARBYINT: return fpu_round_int(f, a, mode, false, st);
    case OP_CVT_NARROW: return fpu_convert(&fpu_f32, &fpu_f64, a, st);
    case OP_CVT_WIDEN: return fpu_convert(&fpu_f64, &fpu_f32, a, st);
    case OP_TO_I64: return fpu_to_int(f, a, 0, 64, true, mode, st);
    case OP_TO_I32: return fpu_to_int(f, a, 0, 32, true, mode, st);
    case OP_FROM_I64: return fpu_from_int(f, a, true, 0, st);
    case OP_FROM_U64: return fpu_from_int(f, a, false, 0, st);
    case OP_FROM_I32: return fpu_from_int(f, (uint64_t)(int64_t)(int32_t)a, true, 0, st);
    default: abort();
    }
}

static bool is_nan_bits(int is64, uint64_t a)
{
    return fpu_is_nan(is64 ? &fpu_f64 : &fpu_f32, a);
}

static bool is_int_op(int op)
{
    return op == OP_TO_I64 || op == OP_TO_I32;
}

/*
 * Would the conversion overflow?  Decided with exact host arithmetic on the
 * rounded value (rint is exact for in-range doubles).  The host returns the
 * "integer indefinite" there, where the Arm rule is to saturate with IOC.
 */
static bool int_overflow(int op, int is64, uint64_t a, int mode)
{
    double x = is64 ? d_of(a) : f_of(a), r;
    fesetround(host_modes[mode]);
    r = rint(x);
    fesetround(FE_TONEAREST);
    if (op == OP_TO_I64)
        return !(r >= -0x1p63 && r < 0x1p63);
    return !(r >= -0x1p31 && r < 0x1p31);
}

static void report(int op, int is64, int mode, uint64_t a, uint64_t b, uint64_t c,
                   uint64_t want, unsigned wflags, uint64_t got, unsigned gflags,
                   const char *rules)
{
    bad[op][is64]++;
    if (bad[op][is64] <= 5)
        printf("mismatch (seed %" PRIu64 ") %s %s f%d mode %d: %#" PRIx64 " %#" PRIx64
               " %#" PRIx64 ": want %#" PRIx64 " flags %#x, got %#" PRIx64 " flags %#x\n",
               seed, rules, op_names[op], is64 ? 64 : 32, mode, a, b, c, want, wflags,
               got, gflags);
}

static void check_one(int op, int is64, int mode, uint64_t a, uint64_t b, uint64_t c)
{
    FPUStatus st;
    uint64_t want, got;
    unsigned wflags;
    bool binary = op <= OP_DIV || op == OP_FMA;
    bool nan_in = is_nan_bits(is64, a) || (binary && is_nan_bits(is64, b)) ||
                  (op == OP_FMA && is_nan_bits(is64, c));

    if (op >= OP_FROM_I64)
        nan_in = false;
    if (op == OP_CVT_WIDEN && !is64)
        return;
    if (op == OP_CVT_NARROW && !is64)
        return;
    if (op == OP_CVT_WIDEN)
        is64 = 0;       /* operand is an f32 */
    if ((op == OP_FMA || op == OP_RINT || op == OP_NEARBYINT) && nan_in)
        return;         /* NaN results of x86 FMA and glibc's rint are not IEEE's */

    checks[op][is64]++;
    fesetround(host_modes[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    want = host_op(op, is64, a, b, c);
    wflags = host_flags();
    fesetround(FE_TONEAREST);
    if (is_int_op(op) && (nan_in || int_overflow(op, is64, a, mode))) {
        /* FPToFixed: NaN -> 0, saturation, Invalid only. */
        double x = is64 ? d_of(a) : f_of(a);
        int w = op == OP_TO_I64 ? 64 : 32;
        want = nan_in ? 0 : x < 0 ? (uint64_t)1 << (w - 1) : ((uint64_t)1 << (w - 1)) - 1;
        wflags = FPU_INVALID;
    }

    /* x86 rules: bit-exact with the host. */
    if (!is_int_op(op) || !nan_in) {
        fpu_status_x86(&st, fpu_modes[mode], false, false);
        got = lib_op(op, is64, a, b, c, fpu_modes[mode], &st);
        if (is_int_op(op) && nan_in)
            ;
        else if (got != want || st.flags != wflags)
            report(op, is64, mode, a, b, c, want, wflags, got, st.flags, "x86");
    }
    if (nan_in && !is_int_op(op))
        return;
    /* Arm rules: the same, but tininess before rounding. */
    fpu_status_arm(&st, mode, false, false, false);
    got = lib_op(op, is64, a, b, c, fpu_modes[mode], &st);
    /* An invalid operation gives Arm's default NaN, which is positive. */
    if (!is_int_op(op) && (wflags & FPU_INVALID) && is_nan_bits(op == OP_CVT_NARROW ? 0 : is64, want))
        want &= op == OP_CVT_NARROW || !is64 ? 0x7fffffffull : ~(1ull << 63);
    /* Inexact and rounded to +-2^emin: tiny before rounding iff the result
     * rounded towards zero (the host again) is below 2^emin. */
    int ris64 = op == OP_CVT_NARROW ? 0 : op == OP_CVT_WIDEN ? 1 : is64;
    uint64_t absmask = ris64 ? ~(1ull << 63) : 0x7fffffffull;
    uint64_t minnorm = ris64 ? 0x0010000000000000ull : 0x00800000ull;
    if (!is_int_op(op) && (wflags & FPU_INEXACT) && (want & absmask) == minnorm) {
        fesetround(FE_TOWARDZERO);
        uint64_t rz = host_op(op, is64, a, b, c);
        fesetround(FE_TONEAREST);
        if ((rz & absmask) < minnorm)
            wflags |= FPU_UNDERFLOW;
    }
    if (got != want || st.flags != wflags)
        report(op, is64, mode, a, b, c, want, wflags, got, st.flags, "arm");
    /* Once more with FPU_INEXACT already raised, as a guest whose FPSR.IXC
     * is set calls the library: the host fast path (fpu.c) may then answer,
     * and must give the same result. */
    fpu_status_arm(&st, mode, false, false, false);
    st.flags = FPU_INEXACT;
    got = lib_op(op, is64, a, b, c, fpu_modes[mode], &st);
    if (got != want || st.flags != (wflags | FPU_INEXACT))
        report(op, is64, mode, a, b, c, want, wflags | FPU_INEXACT, got, st.flags,
               "arm, inexact set");
}

static void random_checks(void)
{
    for (int op = 0; op < OP_COUNT; op++) {
        for (int is64 = 0; is64 < 2; is64++) {
            long n = count / OP_COUNT / 2 + 1;
            for (long i = 0; i < n; i++) {
                uint64_t a = operand(is64), b = operand(is64), c = operand(is64);
                if (op == OP_TO_I64 || op == OP_TO_I32) {
                    /* mostly values near the integer range's ends */
                    if (rnd() & 1)
                        a = is64 ? b_of_d(ldexp((double)(rnd() >> 11), (int)(rnd() % 74) - 53)
                                          * ((rnd() & 1) ? -1 : 1))
                                 : b_of_f((float)ldexp((double)(rnd() >> 40),
                                                       (int)(rnd() % 50) - 24)
                                          * ((rnd() & 1) ? -1.0f : 1.0f));
                }
                if (op >= OP_FROM_I64)
                    a = rnd() >> (rnd() % 64);
                check_one(op, is64, (int)(rnd() & 3), a, b, c);
            }
        }
    }
    for (int op = 0; op < OP_COUNT; op++)
        for (int is64 = 0; is64 < 2; is64++)
            if (checks[op][is64])
                printf("%s: %s f%d against the host, %ld operands (seed %" PRIu64 ")\n",
                       bad[op][is64] ? "FAIL" : "PASS", op_names[op], is64 ? 64 : 32,
                       checks[op][is64], seed);
}

/* The call first, then its flags (argument order is unspecified). */
#define EXPECT(what, got, want, gflags, wflags) \
    do { \
        uint64_t got_ = (uint64_t)(got); \
        expect(what, got_, (uint64_t)(want), gflags, wflags); \
    } while (0)

static int arm_checks, arm_bad;

static void expect(const char *what, uint64_t got, uint64_t want, unsigned gflags,
                   unsigned wflags)
{
    arm_checks++;
    if (got != want || gflags != wflags) {
        arm_bad++;
        printf("mismatch %s: want %#" PRIx64 " flags %#x, got %#" PRIx64 " flags %#x\n",
               what, want, wflags, got, gflags);
    }
}

/* Arm rules from the pseudocode (values worked out by hand from it). */
static void arm_rule_checks(void)
{
    FPUStatus st;
    const uint32_t qa = 0x7fc00001, qb = 0xffc00002, sa = 0x7f800003, sb = 0xff800004;
    const uint32_t one = 0x3f800000, inf = 0x7f800000;

#define ARM(fz, dn) fpu_status_arm(&st, 0, fz, dn, false)
    /* FPProcessNaNs: signalling first, then operand order; SNaN quietened. */
    ARM(0, 0); EXPECT("add qNaN,sNaN", fpu_add(&fpu_f32, qa, sb, &st), 0xffc00004, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("add qNaN,qNaN", fpu_add(&fpu_f32, qb, qa, &st), qb, st.flags, 0);
    ARM(0, 0); EXPECT("mul sNaN,sNaN", fpu_mul(&fpu_f32, sa, sb, &st), 0x7fc00003, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("sub 1,qNaN", fpu_sub(&fpu_f32, one, qb, &st), qb, st.flags, 0);
    ARM(0, 1); EXPECT("add DN", fpu_add(&fpu_f32, qb, one, &st), 0x7fc00000, st.flags, 0);
    ARM(0, 0); EXPECT("inf-inf", fpu_sub(&fpu_f32, inf, inf, &st), 0x7fc00000, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("sqrt -1", fpu_sqrt(&fpu_f32, 0xbf800000, &st), 0x7fc00000, st.flags, FPU_INVALID);
    /* FPProcessNaNs3 (addend, op1, op2) and the qNaN addend with inf*0. */
    ARM(0, 0); EXPECT("fma qNaN+inf*0", fpu_muladd(&fpu_f32, qa, inf, 0, &st), 0x7fc00000, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("fma qNaN+qNaN*sNaN", fpu_muladd(&fpu_f32, qa, qb, sb, &st), 0xffc00004, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("fma 1+qNaN*qNaN", fpu_muladd(&fpu_f32, one, qb, qa, &st), qb, st.flags, 0);
    ARM(0, 0); EXPECT("fma qNaN+qNaN*1", fpu_muladd(&fpu_f32, qa, qb, one, &st), qa, st.flags, 0);
    /* FZ: denormal inputs are zero with IDC; tiny outputs zero with UFC. */
    ARM(1, 0); EXPECT("FZ add denormal", fpu_add(&fpu_f32, 1, 0x80000000, &st), 0, st.flags, FPU_INPUT_DENORMAL);
    ARM(1, 0); EXPECT("FZ mul to tiny", fpu_mul(&fpu_f32, 0x00800000, 0x3f000000, &st), 0, st.flags, FPU_UNDERFLOW);
    ARM(1, 0); EXPECT("FZ f64 neg tiny", fpu_mul(&fpu_f64, 0x8010000000000000ull, 0x3fe0000000000000ull, &st),
                      0x8000000000000000ull, st.flags, FPU_UNDERFLOW);
    /* Tininess before rounding: 0x1.fffffep-127 * (1 + 2^-23) rounds to 2^-126. */
    ARM(0, 0); EXPECT("tiny before rounding", fpu_mul(&fpu_f32, 0x007fffff, 0x3f800001, &st),
                      0x00800000, st.flags, FPU_UNDERFLOW | FPU_INEXACT);
    /* FPMax/FPMin zeros, FPMaxNum/FPMinNum quiet NaN, sNaN still propagates. */
    ARM(0, 0); EXPECT("max +0,-0", fpu_max(&fpu_f32, 0x80000000, 0, &st), 0, st.flags, 0);
    ARM(0, 0); EXPECT("min +0,-0", fpu_min(&fpu_f32, 0, 0x80000000, &st), 0x80000000, st.flags, 0);
    ARM(0, 0); EXPECT("max qNaN,1", fpu_max(&fpu_f32, qa, one, &st), qa, st.flags, 0);
    ARM(0, 0); EXPECT("maxnm qNaN,1", fpu_maxnum(&fpu_f32, qa, one, &st), one, st.flags, 0);
    ARM(0, 0); EXPECT("minnm 1,qNaN", fpu_minnum(&fpu_f32, one, qb, &st), one, st.flags, 0);
    ARM(0, 0); EXPECT("maxnm qNaN,sNaN", fpu_maxnum(&fpu_f32, qa, sb, &st), 0xffc00004, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("maxnm -inf,qNaN", fpu_maxnum(&fpu_f32, 0xff800000, qa, &st), 0xff800000, st.flags, 0);
    /* Compare: quiet raises IOC only for sNaN. */
    ARM(0, 0); EXPECT("cmp qNaN", fpu_compare(&fpu_f32, qa, one, false, &st), FPU_UNORDERED, st.flags, 0);
    ARM(0, 0); EXPECT("cmpe qNaN", fpu_compare(&fpu_f32, qa, one, true, &st), FPU_UNORDERED, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("cmp sNaN", fpu_compare(&fpu_f32, one, sa, false, &st), FPU_UNORDERED, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("cmp -0,+0", fpu_compare(&fpu_f32, 0x80000000, 0, false, &st), FPU_EQUAL, st.flags, 0);
    ARM(0, 0); EXPECT("cmp -1,+0", fpu_compare(&fpu_f32, 0xbf800000, 0, false, &st), FPU_LESS, st.flags, 0);
    /* FPToFixed: unsigned of -0.25 is 0 inexact, -1 saturates invalid;
     * fixed point: 1.5 * 2^4 = 24; 2^31 saturates to 0x7fffffff. */
    ARM(0, 0); EXPECT("fcvtzu -0.25", fpu_to_int(&fpu_f32, 0xbe800000, 0, 32, false, FPU_RZERO, &st), 0, st.flags, FPU_INEXACT);
    ARM(0, 0); EXPECT("fcvtzu -1", fpu_to_int(&fpu_f32, 0xbf800000, 0, 32, false, FPU_RZERO, &st), 0, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("fcvtzs #4", fpu_to_int(&fpu_f32, 0x3fc00000, 4, 32, true, FPU_RZERO, &st), 24, st.flags, 0);
    ARM(0, 0); EXPECT("fcvtzs 2^31", fpu_to_int(&fpu_f32, 0x4f000000, 0, 32, true, FPU_RZERO, &st), 0x7fffffff, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("fcvtzu nan", fpu_to_int(&fpu_f64, 0x7ff8000000000000ull, 0, 64, false, FPU_RZERO, &st), 0, st.flags, FPU_INVALID);
    ARM(0, 0); EXPECT("fcvtas 2.5", fpu_to_int(&fpu_f64, 0x4004000000000000ull, 0, 64, true, FPU_RNA, &st), 3, st.flags, FPU_INEXACT);
    ARM(0, 0); EXPECT("fcvtas -2.5", fpu_to_int(&fpu_f64, 0xc004000000000000ull, 0, 64, true, FPU_RNA, &st), (uint64_t)-3, st.flags, FPU_INEXACT);
    ARM(0, 0); EXPECT("scvtf #8", fpu_from_int(&fpu_f32, 384, true, 8, &st), 0x3fc00000, st.flags, 0);
    ARM(0, 0); EXPECT("frinta -2.5", fpu_round_int(&fpu_f64, 0xc004000000000000ull, FPU_RNA, false, &st), 0xc008000000000000ull, st.flags, 0);
    ARM(0, 0); EXPECT("frintx 0.5", fpu_round_int(&fpu_f64, 0x3fe0000000000000ull, FPU_RNE, true, &st), 0, st.flags, FPU_INEXACT);
    ARM(0, 0); EXPECT("frintp -0.5", fpu_round_int(&fpu_f32, 0xbf000000, FPU_RUP, false, &st), 0x80000000, st.flags, 0);
    /* Half precision (IEEE binary16): 1.0, 65504, 65520 -> inf, 2^-24. */
    ARM(0, 0); EXPECT("f32->f16 1", fpu_convert(&fpu_f16, &fpu_f32, one, &st), 0x3c00, st.flags, 0);
    ARM(0, 0); EXPECT("f32->f16 65504", fpu_convert(&fpu_f16, &fpu_f32, 0x477fe000, &st), 0x7bff, st.flags, 0);
    ARM(0, 0); EXPECT("f32->f16 65520", fpu_convert(&fpu_f16, &fpu_f32, 0x477ff000, &st), 0x7c00, st.flags, FPU_OVERFLOW | FPU_INEXACT);
    ARM(0, 0); EXPECT("f64->f16 2^-24", fpu_convert(&fpu_f16, &fpu_f64, 0x3e70000000000000ull, &st), 0x0001, st.flags, 0);
    ARM(0, 0); EXPECT("f16->f64 2^-24", fpu_convert(&fpu_f64, &fpu_f16, 0x0001, &st), 0x3e70000000000000ull, st.flags, 0);
    ARM(0, 0); EXPECT("f16->f32 sNaN", fpu_convert(&fpu_f32, &fpu_f16, 0xfd01, &st), 0xffe02000, st.flags, FPU_INVALID);
    ARM(1, 0); EXPECT("FZ f16->f32 denormal kept", fpu_convert(&fpu_f32, &fpu_f16, 0x0001, &st), 0x33800000, st.flags, 0);
    /* AHP: exponent 31 is a number; inf -> max with IOC; NaN -> 0 with IOC. */
    fpu_status_arm(&st, 0, false, false, true);
    EXPECT("AHP 0x7c00 -> f32", fpu_convert(&fpu_f32, &fpu_f16, 0x7c00, &st), 0x47800000, st.flags, 0);
    fpu_status_arm(&st, 0, false, false, true);
    EXPECT("AHP inf", fpu_convert(&fpu_f16, &fpu_f32, inf, &st), 0x7fff, st.flags, FPU_INVALID);
    fpu_status_arm(&st, 0, false, false, true);
    EXPECT("AHP NaN", fpu_convert(&fpu_f16, &fpu_f32, 0xffc00000, &st), 0x8000, st.flags, FPU_INVALID);
    fpu_status_arm(&st, 0, false, false, true);
    EXPECT("AHP 131008", fpu_convert(&fpu_f16, &fpu_f32, 0x47ffe000, &st), 0x7fff, st.flags, 0);
    /* The same rules with IXC already set (the host fast path may answer):
     * FZ still flushes a denormal operand, tininess is still before
     * rounding, a tiny product of normals still underflows, x / 0 still
     * divides by zero. */
#define ARMX(fz) (fpu_status_arm(&st, 0, fz, false, false), st.flags = FPU_INEXACT)
    ARMX(1); EXPECT("IXC FZ add denormal", fpu_add(&fpu_f32, 1, 0x80000000, &st), 0, st.flags, FPU_INPUT_DENORMAL | FPU_INEXACT);
    ARMX(1); EXPECT("IXC FZ f64 add denormal", fpu_add(&fpu_f64, 0x3ff0000000000000ull, 1, &st), 0x3ff0000000000000ull, st.flags, FPU_INPUT_DENORMAL | FPU_INEXACT);
    ARMX(0); EXPECT("IXC tiny before rounding", fpu_mul(&fpu_f32, 0x007fffff, 0x3f800001, &st),
                    0x00800000, st.flags, FPU_UNDERFLOW | FPU_INEXACT);
    ARMX(0); EXPECT("IXC tiny before rounding (normals)", fpu_mul(&fpu_f32, 0x00fffffe, 0x3f000001, &st),
                    0x00800000, st.flags, FPU_UNDERFLOW | FPU_INEXACT);
    ARMX(1); EXPECT("IXC FZ mul to tiny", fpu_mul(&fpu_f32, 0x00800000, 0x3f000000, &st), 0, st.flags, FPU_UNDERFLOW | FPU_INEXACT);
    ARMX(0); EXPECT("IXC mul to zero", fpu_mul(&fpu_f64, 0x0010000000000000ull, 0x0010000000000000ull, &st), 0, st.flags, FPU_UNDERFLOW | FPU_INEXACT);
    ARMX(0); EXPECT("IXC 1/0", fpu_div(&fpu_f32, one, 0, &st), inf, st.flags, FPU_DIVZERO | FPU_INEXACT);
    ARMX(0); EXPECT("IXC max*2", fpu_mul(&fpu_f32, 0x7f7fffff, 0x40000000, &st), inf, st.flags, FPU_OVERFLOW | FPU_INEXACT);
    ARMX(0); EXPECT("IXC sqrt -1", fpu_sqrt(&fpu_f32, 0xbf800000, &st), 0x7fc00000, st.flags, FPU_INVALID | FPU_INEXACT);
    ARMX(0); EXPECT("IXC fma 1 - 1*1", fpu_muladd(&fpu_f32, one, 0xbf800000, one, &st), 0, st.flags, FPU_INEXACT);
    ARMX(0); EXPECT("IXC 1 + -1", fpu_add(&fpu_f64, 0x3ff0000000000000ull, 0xbff0000000000000ull, &st), 0, st.flags, FPU_INEXACT);
    ARMX(0); EXPECT("IXC 3 * 1/3", fpu_mul(&fpu_f64, 0x4008000000000000ull, 0x3fd5555555555555ull, &st), 0x3ff0000000000000ull, st.flags, FPU_INEXACT);
#undef ARMX
#undef ARM
    printf("%s: Arm rules from the pseudocode, %d checks\n", arm_bad ? "FAIL" : "PASS",
           arm_checks);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        seed = strtoull(argv[1], NULL, 0);
    if (argc > 2)
        count = strtol(argv[2], NULL, 0);
    rng_state = seed;
    random_checks();
    arm_rule_checks();
    for (int op = 0; op < OP_COUNT; op++)
        failures += bad[op][0] + bad[op][1];
    return failures || arm_bad;
}
