/*
 * fpfast.c - vector FP arithmetic lane by lane against the scalar
 * instructions, with FPSR.IXC already set (when remu may compute on the
 * host FPU: fpu/fpu.c and helper-simd-fp.c, "host fast path").
 *
 * Two oracles.  The architecture: a lane of FADD/FSUB/FMUL/FDIV/FMLA/FMLS
 * (vector and by-element) is the scalar instruction on that lane's
 * operands (the same FPAdd/FPMul/FPDiv/FPMulAdd pseudocode), FPSR
 * included; on AArch64 the program counts lanes where that fails and
 * prints the count, which must be 0.  The host: for the rounding modes
 * without FZ, a hash of every non-NaN result must equal the hash of the
 * same IEEE operations done natively (x86-64 SSE, the same IEEE answers).
 * The operands are edge values (zeros, smallest normals, denormals,
 * products and quotients that land next to the smallest normal, largest
 * finite, infinities, NaNs) and seeded random ones near the exponent
 * range's ends.
 * cdiff-cflags: -lm
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { ADD, SUB, MUL, DIV, FMA, FMS, NOPS };
static const char *const op_name[NOPS] = { "fadd", "fsub", "fmul", "fdiv", "fmla", "fmls" };

static uint64_t rng = 0x243f6a8885a308d3ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const uint32_t edge32[] = {
    0, 0x80000000, 0x00800000, 0x80800000, 0x00800001, 0x00fffffe, 0x3f000001, 0x3f000000,
    0x3f800000, 0xbf800000, 0x3f800001, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000,
    0x7fc00000, 0x7f800001, 0x00000001, 0x807fffff, 0x40000000, 0x3eaaaaab, 0x40400000,
    0x1f800000, 0x5f800000, 0x20000000, 0x1fffffff,
};
static const uint64_t edge64[] = {
    0, 0x8000000000000000ull, 0x0010000000000000ull, 0x8010000000000000ull,
    0x0010000000000001ull, 0x001ffffffffffffeull, 0x3fe0000000000001ull,
    0x3fe0000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3ff0000000000001ull, 0x7fefffffffffffffull, 0xffefffffffffffffull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0x7ff0000000000001ull, 1, 0x800fffffffffffffull, 0x4000000000000000ull,
    0x3fd5555555555555ull, 0x4008000000000000ull, 0x2000000000000000ull,
    0x5ff0000000000000ull, 0x1ff8000000000000ull, 0x1fffffffffffffffull,
};
#define NEDGE (sizeof(edge32) / sizeof(edge32[0]))

/* An operand: an edge value or a random one with its exponent near an end
 * of the range or near 1 (so that sums, products and quotients overflow,
 * underflow, cancel or stay ordinary). */
static uint64_t operand(int is64)
{
    uint64_t r = next(), v = next();
    int ebits = is64 ? 11 : 8, mbits = is64 ? 52 : 23;
    uint64_t emax = (1u << ebits) - 1, e;

    if ((r & 3) == 0)
        return is64 ? edge64[(r >> 8) % NEDGE] : edge32[(r >> 8) % NEDGE];
    switch ((r >> 2) & 3) {
    case 0: e = (r >> 12) % 30; break;
    case 1: e = emax - 1 - (r >> 12) % 30; break;
    default: e = emax / 2 + (r >> 12) % 41 - 20; break;
    }
    if ((r >> 4 & 7) == 0)      /* few significant bits: exact results */
        v &= ~((1ull << (mbits - 3)) - 1);
    return (v & ((1ull << mbits) - 1)) | e << mbits | (r >> 40 & 1) << (ebits + mbits);
}

static int is_nan(int is64, uint64_t x)
{
    return is64 ? (x & 0x7fffffffffffffffull) > 0x7ff0000000000000ull
                : (x & 0x7fffffff) > 0x7f800000;
}

static uint64_t hash, lanes_checked, mismatches;

static void hash_result(int is64, uint64_t x)
{
    if (is_nan(is64, x))
        x = 1;
    hash = (hash ^ x) * 0x100000001b3ull;
}

#if defined(__aarch64__)
#include <arm_neon.h>

static void set_fpcr(uint64_t v) { __asm__ volatile("msr fpcr, %0" : : "r"(v)); }
static void set_fpsr(uint64_t v) { __asm__ volatile("msr fpsr, %0" : : "r"(v)); }
static uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

/* The scalar instruction on one lane: acc is the FMLA/FMLS accumulator. */
static uint64_t scalar(int op, int is64, uint64_t a, uint64_t b, uint64_t acc)
{
    if (is64) {
        double x, y, z;
        memcpy(&x, &a, 8); memcpy(&y, &b, 8); memcpy(&z, &acc, 8);
        switch (op) {
        case ADD: __asm__ volatile("fadd %d0, %d1, %d2" : "=w"(z) : "w"(x), "w"(y)); break;
        case SUB: __asm__ volatile("fsub %d0, %d1, %d2" : "=w"(z) : "w"(x), "w"(y)); break;
        case MUL: __asm__ volatile("fmul %d0, %d1, %d2" : "=w"(z) : "w"(x), "w"(y)); break;
        case DIV: __asm__ volatile("fdiv %d0, %d1, %d2" : "=w"(z) : "w"(x), "w"(y)); break;
        case FMA: __asm__ volatile("fmadd %d0, %d1, %d2, %d0" : "+w"(z) : "w"(x), "w"(y)); break;
        default: __asm__ volatile("fmsub %d0, %d1, %d2, %d0" : "+w"(z) : "w"(x), "w"(y)); break;
        }
        memcpy(&a, &z, 8);
        return a;
    }
    float x, y, z;
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b, c32 = (uint32_t)acc;
    memcpy(&x, &a32, 4); memcpy(&y, &b32, 4); memcpy(&z, &c32, 4);
    switch (op) {
    case ADD: __asm__ volatile("fadd %s0, %s1, %s2" : "=w"(z) : "w"(x), "w"(y)); break;
    case SUB: __asm__ volatile("fsub %s0, %s1, %s2" : "=w"(z) : "w"(x), "w"(y)); break;
    case MUL: __asm__ volatile("fmul %s0, %s1, %s2" : "=w"(z) : "w"(x), "w"(y)); break;
    case DIV: __asm__ volatile("fdiv %s0, %s1, %s2" : "=w"(z) : "w"(x), "w"(y)); break;
    case FMA: __asm__ volatile("fmadd %s0, %s1, %s2, %s0" : "+w"(z) : "w"(x), "w"(y)); break;
    default: __asm__ volatile("fmsub %s0, %s1, %s2, %s0" : "+w"(z) : "w"(x), "w"(y)); break;
    }
    memcpy(&a32, &z, 4);
    return a32;
}

/* The vector instruction on 128-bit registers a, b, acc (by element: lane
 * 1 of b); the result into r. */
static void vector(int op, int is64, int by_elem, const uint64_t a[2], const uint64_t b[2],
                   const uint64_t acc[2], uint64_t r[2])
{
    float64x2_t x, y, z;
    memcpy(&x, a, 16); memcpy(&y, b, 16); memcpy(&z, acc, 16);
#define V(insn4s, insn2d)                                                                  \
    do {                                                                                  \
        if (is64)                                                                         \
            __asm__ volatile(insn2d : "+w"(z) : "w"(x), "w"(y));                          \
        else                                                                              \
            __asm__ volatile(insn4s : "+w"(z) : "w"(x), "w"(y));                          \
    } while (0)
    if (by_elem) {
        switch (op) {
        case MUL: V("fmul %0.4s, %1.4s, %2.s[1]", "fmul %0.2d, %1.2d, %2.d[1]"); break;
        case FMA: V("fmla %0.4s, %1.4s, %2.s[1]", "fmla %0.2d, %1.2d, %2.d[1]"); break;
        default: V("fmls %0.4s, %1.4s, %2.s[1]", "fmls %0.2d, %1.2d, %2.d[1]"); break;
        }
    } else {
        switch (op) {
        case ADD: V("fadd %0.4s, %1.4s, %2.4s", "fadd %0.2d, %1.2d, %2.2d"); break;
        case SUB: V("fsub %0.4s, %1.4s, %2.4s", "fsub %0.2d, %1.2d, %2.2d"); break;
        case MUL: V("fmul %0.4s, %1.4s, %2.4s", "fmul %0.2d, %1.2d, %2.2d"); break;
        case DIV: V("fdiv %0.4s, %1.4s, %2.4s", "fdiv %0.2d, %1.2d, %2.2d"); break;
        case FMA: V("fmla %0.4s, %1.4s, %2.4s", "fmla %0.2d, %1.2d, %2.2d"); break;
        default: V("fmls %0.4s, %1.4s, %2.4s", "fmls %0.2d, %1.2d, %2.2d"); break;
        }
    }
#undef V
    memcpy(r, &z, 16);
}

static uint64_t lane_of(const uint64_t v[2], int is64, int i)
{
    return is64 ? v[i] : (uint32_t)(v[i / 2] >> (32 * (i % 2)));
}

/* One vector instruction checked against its lanes; hashes the lanes. */
static void check(int op, int is64, int by_elem, uint64_t fpcr, const uint64_t a[2],
                  const uint64_t b[2], const uint64_t acc[2])
{
    uint64_t r[2], vflags, sflags = 0;
    int n = is64 ? 2 : 4;

    set_fpcr(fpcr);
    set_fpsr(0x10);
    vector(op, is64, by_elem, a, b, acc, r);
    vflags = get_fpsr();
    for (int i = 0; i < n; i++) {
        uint64_t y = lane_of(b, is64, by_elem ? 1 : i);
        set_fpsr(0x10);
        uint64_t s = scalar(op, is64, lane_of(a, is64, i), y, lane_of(acc, is64, i));
        sflags |= get_fpsr();
        lanes_checked++;
        if (s != lane_of(r, is64, i)) {
            if (mismatches++ < 5)
                fprintf(stderr, "%s%s f%d fpcr %#llx lane %d: vector %#llx scalar %#llx\n",
                        op_name[op], by_elem ? " (elem)" : "", is64 ? 64 : 32,
                        (unsigned long long)fpcr, i, (unsigned long long)lane_of(r, is64, i),
                        (unsigned long long)s);
        }
        hash_result(is64, lane_of(r, is64, i));
    }
    if (sflags != vflags && mismatches++ < 5)
        fprintf(stderr, "%s f%d fpcr %#llx: FPSR vector %#llx scalar %#llx\n", op_name[op],
                is64 ? 64 : 32, (unsigned long long)fpcr, (unsigned long long)vflags,
                (unsigned long long)sflags);
    set_fpcr(0);
}
#else
/* The host: the same IEEE operations natively. */
static uint64_t host_op(int op, int is64, uint64_t a, uint64_t b, uint64_t acc)
{
    if (is64) {
        volatile double x, y, z;
        double r;
        memcpy((double *)&x, &a, 8); memcpy((double *)&y, &b, 8); memcpy((double *)&z, &acc, 8);
        switch (op) {
        case ADD: r = x + y; break;
        case SUB: r = x - y; break;
        case MUL: r = x * y; break;
        case DIV: r = x / y; break;
        case FMA: r = fma(x, y, z); break;
        default: r = fma(-x, y, z); break;
        }
        memcpy(&a, &r, 8);
        return a;
    }
    volatile float x, y, z;
    float r;
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b, c32 = (uint32_t)acc;
    memcpy((float *)&x, &a32, 4); memcpy((float *)&y, &b32, 4); memcpy((float *)&z, &c32, 4);
    switch (op) {
    case ADD: r = x + y; break;
    case SUB: r = x - y; break;
    case MUL: r = x * y; break;
    case DIV: r = x / y; break;
    case FMA: r = fmaf(x, y, z); break;
    default: r = fmaf(-x, y, z); break;
    }
    memcpy(&a32, &r, 4);
    return a32;
}

static uint64_t lane_of(const uint64_t v[2], int is64, int i)
{
    return is64 ? v[i] : (uint32_t)(v[i / 2] >> (32 * (i % 2)));
}

static const int host_mode[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };

static void check(int op, int is64, int by_elem, uint64_t fpcr, const uint64_t a[2],
                  const uint64_t b[2], const uint64_t acc[2])
{
    int n = is64 ? 2 : 4;

    fesetround(host_mode[fpcr >> 22 & 3]);
    for (int i = 0; i < n; i++) {
        uint64_t y = lane_of(b, is64, by_elem ? 1 : i);
        lanes_checked++;
        hash_result(is64, host_op(op, is64, lane_of(a, is64, i), y, lane_of(acc, is64, i)));
    }
    fesetround(FE_TONEAREST);
}
#endif

int main(void)
{
    /* FPCR: RMode 23:22 (RN, RP, RM, RZ), FZ bit 24. */
    static const uint64_t fpcrs[] = { 0, 1u << 22, 2u << 22, 3u << 22, 1u << 24 };

    for (unsigned f = 0; f < sizeof(fpcrs) / sizeof(fpcrs[0]); f++) {
        for (int is64 = 0; is64 < 2; is64++) {
            for (int op = 0; op < NOPS; op++) {
                for (int by_elem = 0; by_elem < 2; by_elem++) {
                    if (by_elem && op != MUL && op != FMA && op != FMS)
                        continue;
                    hash = 0xcbf29ce484222325ull;
                    lanes_checked = 0;
                    for (int k = 0; k < 1500; k++) {
                        uint64_t a[2], b[2], acc[2];
                        for (int h = 0; h < 2; h++) {
                            a[h] = is64 ? operand(1) : operand(0) | operand(0) << 32;
                            b[h] = is64 ? operand(1) : operand(0) | operand(0) << 32;
                            acc[h] = is64 ? operand(1) : operand(0) | operand(0) << 32;
                        }
                        check(op, is64, by_elem, fpcrs[f], a, b, acc);
                    }
                    /* FZ flushes differently from x86's FTZ/DAZ: no host hash */
                    if (fpcrs[f] & 1u << 24)
                        printf("%s%s f%d fpcr %#x: %llu lanes\n", op_name[op],
                               by_elem ? " by element" : "", is64 ? 64 : 32,
                               (unsigned)fpcrs[f], (unsigned long long)lanes_checked);
                    else
                        printf("%s%s f%d fpcr %#x: %llu lanes, hash %016llx\n", op_name[op],
                               by_elem ? " by element" : "", is64 ? 64 : 32,
                               (unsigned)fpcrs[f], (unsigned long long)lanes_checked,
                               (unsigned long long)hash);
                }
            }
        }
    }
    printf("lanes unlike the scalar instruction: %llu\n", (unsigned long long)mismatches);
    return 0;
}
