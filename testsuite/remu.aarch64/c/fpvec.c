/*
 * fpvec.c - floating-point loops that GCC vectorizes at -O3 for AArch64
 * (FADD/FSUB/FMUL/FDIV/FSQRT on 4S and 2D lanes, FCMxx masks with BSL,
 * FABS/FNEG, FCVTZS/FCVTZU/SCVTF/UCVTF, FCVTL/FCVTN between float and
 * double) and runs scalar at -O0.  IEEE 754 gives these one correctly
 * rounded answer, so the native build is the oracle; NaNs print as "nan"
 * only (their sign and payload differ between x86 and Arm by design).
 * Contraction is off on both sides: x86 without FMA would not fuse.
 */
/* cdiff-cflags: -ffp-contract=off -fno-math-errno */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 64

static float fa[N], fb[N], fr[N];
static double da[N], db[N], dr[N];
static int32_t ir[N];
static uint32_t ur[N];
static int64_t lr[N];

static uint32_t fbits(float x)
{
    uint32_t u;
    memcpy(&u, &x, 4);
    return u;
}

static uint64_t dbits(double x)
{
    uint64_t u;
    memcpy(&u, &x, 8);
    return u;
}

static unsigned long hash;

static void put_f(const char *what, const float *v)
{
    printf("%s:", what);
    for (int i = 0; i < N; i++) {
        if (v[i] != v[i])
            printf(" nan");
        else
            printf(" %08x", fbits(v[i]));
    }
    printf("\n");
}

static void put_d(const char *what, const double *v)
{
    printf("%s:", what);
    for (int i = 0; i < N; i++) {
        if (v[i] != v[i])
            printf(" nan");
        else
            printf(" %016llx", (unsigned long long)dbits(v[i]));
    }
    printf("\n");
}

static void put_i(const char *what, const void *v, int size)
{
    printf("%s:", what);
    for (int i = 0; i < N; i++) {
        if (size == 4)
            printf(" %08x", ((const uint32_t *)v)[i]);
        else
            printf(" %016llx", (unsigned long long)((const uint64_t *)v)[i]);
    }
    printf("\n");
}

/* Values that exercise rounding: odd fractions, large and tiny
   magnitudes, denormals, zeros of both signs, infinities. */
static void init(void)
{
    static const double special[] = {
        0.0, -0.0, 1.0, -1.0, 1e-310, -4.9e-324, 1e308, -1.7e308,
        1.0 / 3, 2.0 / 3, 1e-40, 3.4e38, 16777217.0, -2147483649.5, 4294967296.75, 0.5,
    };
    uint64_t x = 0x9e3779b97f4a7c15u;

    for (int i = 0; i < N; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if (i < 16) {
            da[i] = special[i];
            db[i] = special[15 - i] * 3.0;
        } else {
            da[i] = (double)(int64_t)(x >> 11) / (double)(1u << (i % 40));
            db[i] = (double)(int64_t)(x << 7 >> 20) / 977.0 + 0.1;
        }
        if (i == 20)
            db[i] = 1.0 / 0.0;
        if (i == 21)
            da[i] = -1.0 / 0.0;
    }
    for (int i = 0; i < N; i++) {
        fa[i] = (float)da[i];
        fb[i] = (float)db[i];
    }
}

#define LOOP(expr) for (int i = 0; i < N; i++) expr

int main(void)
{
    init();
    LOOP(fr[i] = fa[i] + fb[i]); put_f("f add", fr);
    LOOP(fr[i] = fa[i] - fb[i]); put_f("f sub", fr);
    LOOP(fr[i] = fa[i] * fb[i]); put_f("f mul", fr);
    LOOP(fr[i] = fa[i] / fb[i]); put_f("f div", fr);
    LOOP(fr[i] = __builtin_sqrtf(fa[i] < 0 ? -fa[i] : fa[i])); put_f("f sqrt", fr);
    LOOP(fr[i] = fa[i] * fb[i] + fa[i]); put_f("f mul add", fr);
    LOOP(fr[i] = fa[i] > fb[i] ? fa[i] : fb[i]); put_f("f select gt", fr);
    LOOP(fr[i] = fa[i] <= fb[i] ? -fa[i] : fb[i]); put_f("f select le", fr);
    LOOP(fr[i] = __builtin_fabsf(fa[i]) - fb[i]); put_f("f abs", fr);
    LOOP(ir[i] = (fa[i] == fb[i]) + (fa[i] < 1.0f) * 2); put_i("f compare", ir, 4);
    LOOP(ir[i] = fa[i] > 2e9f || fa[i] < -2e9f || fa[i] != fa[i] ? 7 : (int32_t)fa[i]);
    put_i("f to int32", ir, 4);
    LOOP(ur[i] = fa[i] >= 0 && fa[i] < 4e9f ? (uint32_t)fa[i] : 3); put_i("f to uint32", ur, 4);
    LOOP(fr[i] = (float)(int32_t)(uint32_t)dbits(da[i])); put_f("int32 to f", fr);
    LOOP(fr[i] = (float)(uint32_t)dbits(db[i])); put_f("uint32 to f", fr);

    LOOP(dr[i] = da[i] + db[i]); put_d("d add", dr);
    LOOP(dr[i] = da[i] - db[i]); put_d("d sub", dr);
    LOOP(dr[i] = da[i] * db[i]); put_d("d mul", dr);
    LOOP(dr[i] = da[i] / db[i]); put_d("d div", dr);
    LOOP(dr[i] = __builtin_sqrt(da[i] < 0 ? -da[i] : da[i])); put_d("d sqrt", dr);
    LOOP(dr[i] = da[i] < db[i] ? da[i] * 2 : db[i] / 4); put_d("d select lt", dr);
    LOOP(dr[i] = -(da[i] * db[i])); put_d("d neg", dr);
    LOOP(lr[i] = da[i] > 9e18 || da[i] < -9e18 || da[i] != da[i] ? 5 : (int64_t)da[i]);
    put_i("d to int64", lr, 8);
    LOOP(dr[i] = (double)(int64_t)dbits(db[i])); put_d("int64 to d", dr);
    LOOP(dr[i] = (double)dbits(da[i])); put_d("uint64 to d", dr);

    LOOP(dr[i] = (double)fa[i] * fb[i]); put_d("f to d widen", dr);
    LOOP(fr[i] = (float)(da[i] * db[i])); put_f("d to f narrow", fr);
    LOOP(fr[i] = (float)da[i] + (float)db[i]); put_f("d to f narrow add", fr);
    return 0;
}
