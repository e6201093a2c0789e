/* vecloops.c - integer loops that gcc auto-vectorizes at -O3, for the differential test
   (cdiff.exp): dot products of every width, byte transforms (clamp,
   average, absolute difference, lookup-free case mapping), histograms,
   min/max/index reductions, strided and gathered access, prefix
   operations, saturating and widening arithmetic, conditional stores,
   and reversal.  Lengths that are not multiples of the vector length, and
   misaligned starts, exercise the vector loops' tails.  The native run is
   the oracle.  (A -march=armv8.2-a+dotprod variant would add gcc's
   SDOT/UDOT form of the dot products; remu-aarch64 does not implement
   FEAT_DotProd yet.)  */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 1021 };

static uint8_t u8a[N + 64], u8b[N + 64], u8o[N + 64];
static int8_t s8a[N], s8b[N];
static int16_t s16a[N], s16b[N], s16o[N];
static uint16_t u16o[N];
static int32_t s32a[N], s32b[N], s32o[N];
static int64_t s64a[N], s64o[N];
static uint32_t idx[N];

static uint64_t h = 0xcbf29ce484222325ull;
static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
}
static void mixv(uint64_t v)
{
    mix(&v, sizeof v);
}
static void show(const char *what)
{
    printf("%-28s %016llx\n", what, (unsigned long long) h);
    h = 0xcbf29ce484222325ull;
}

#define NOINLINE __attribute__((noinline))

NOINLINE static int32_t dot_s8(const int8_t *a, const int8_t *b, int n)
{
    int32_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}
NOINLINE static uint32_t dot_u8(const uint8_t *a, const uint8_t *b, int n)
{
    uint32_t s = 0;
    for (int i = 0; i < n; i++)
        s += (uint32_t) a[i] * b[i];
    return s;
}
NOINLINE static int64_t dot_s16(const int16_t *a, const int16_t *b, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++)
        s += (int32_t) a[i] * b[i];
    return s;
}
NOINLINE static int64_t dot_s32(const int32_t *a, const int32_t *b, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++)
        s += (int64_t) a[i] * b[i];
    return s;
}

NOINLINE static void clamp_avg(uint8_t *o, const uint8_t *a, const uint8_t *b, int n)
{
    for (int i = 0; i < n; i++) {
        int v = (a[i] + b[i] + 1) >> 1;
        o[i] = v < 16 ? 16 : v > 235 ? 235 : (uint8_t) v;
    }
}
NOINLINE static uint32_t sad(const uint8_t *a, const uint8_t *b, int n)
{
    uint32_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return s;
}
NOINLINE static void upcase(uint8_t *o, const uint8_t *a, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = (a[i] >= 'a' && a[i] <= 'z') ? a[i] - 32 : a[i];
}
NOINLINE static void histogram(uint32_t *hist, const uint8_t *a, int n)
{
    for (int i = 0; i < n; i++)
        hist[a[i]]++;
}
NOINLINE static void minmax(const int32_t *a, int n, int32_t *mn, int32_t *mx, int *imx)
{
    int32_t lo = a[0], hi = a[0];
    int at = 0;
    for (int i = 0; i < n; i++) {
        lo = a[i] < lo ? a[i] : lo;
        hi = a[i] > hi ? a[i] : hi;
    }
    for (int i = 0; i < n; i++)
        if (a[i] == hi) {
            at = i;
            break;
        }
    *mn = lo;
    *mx = hi;
    *imx = at;
}
NOINLINE static uint64_t strided(const int32_t *a, int n, int stride)
{
    uint64_t s = 0;
    for (int i = 0; i < n; i += stride)
        s += (uint32_t) a[i];
    return s;
}
NOINLINE static void stride2_split(int16_t *o, const int16_t *a, int n)
{
    for (int i = 0; i < n / 2; i++) {
        o[i] = a[2 * i] + a[2 * i + 1];
        o[n / 2 + i] = a[2 * i] - a[2 * i + 1];
    }
}
NOINLINE static int64_t gather(const int32_t *a, const uint32_t *ix, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[ix[i]];
    return s;
}
NOINLINE static void scatter_cond(int32_t *o, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] > b[i])
            o[i] = a[i] - b[i];
}
NOINLINE static void sat_add16(int16_t *o, const int16_t *a, const int16_t *b, int n)
{
    for (int i = 0; i < n; i++) {
        int32_t v = a[i] + b[i];
        o[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : (int16_t) v;
    }
}
NOINLINE static void widen_mul(uint16_t *o, const uint8_t *a, const uint8_t *b, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = (uint16_t) (a[i] * b[i]);
}
NOINLINE static void narrow_shift(uint8_t *o, const int32_t *a, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = (uint8_t) (a[i] >> 7);
}
NOINLINE static void reverse64(int64_t *o, const int64_t *a, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = a[n - 1 - i] ^ (a[i] << 3);
}
NOINLINE static void shifts_var(int32_t *o, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = (a[i] >> (b[i] & 31)) + (int32_t) ((uint32_t) a[i] << ((b[i] >> 8) & 31));
}
NOINLINE static uint32_t popcount_sum(const uint32_t *a, int n)
{
    uint32_t s = 0;
    for (int i = 0; i < n; i++)
        s += (uint32_t) __builtin_popcount(a[i]);
    return s;
}
NOINLINE static void prefix_xor(uint8_t *o, const uint8_t *a, int n)
{
    uint8_t x = 0;
    for (int i = 0; i < n; i++)
        o[i] = x ^= a[i];
}
NOINLINE static int count_eq(const uint8_t *a, const uint8_t *b, int n)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += a[i] == b[i];
    return c;
}
NOINLINE static void mul_hi32(int32_t *o, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = (int32_t) (((int64_t) a[i] * b[i]) >> 32);
}
NOINLINE static void div_const(int32_t *o, const int32_t *a, int n)
{
    for (int i = 0; i < n; i++)
        o[i] = a[i] / 7 + a[i] % 13;
}

int main(void)
{
    uint32_t s = 12345;
    for (int i = 0; i < N + 64; i++) {
        s = s * 1103515245u + 12345u;
        u8a[i] = (uint8_t) (s >> 16);
        u8b[i] = (uint8_t) (s >> 24);
    }
    for (int i = 0; i < N; i++) {
        s = s * 1103515245u + 12345u;
        s8a[i] = (int8_t) (s >> 8);
        s8b[i] = (int8_t) (s >> 20);
        s16a[i] = (int16_t) (s >> 3);
        s16b[i] = (int16_t) (s >> 13);
        s32a[i] = (int32_t) s;
        s = s * 1103515245u + 12345u;
        s32b[i] = (int32_t) s;
        s64a[i] = ((int64_t) s32a[i] << 32) ^ s32b[i];
        idx[i] = s % N;
    }
    s8a[5] = s8b[5] = -128;
    s16a[7] = s16b[7] = INT16_MIN;
    s16a[8] = s16b[8] = INT16_MAX;
    s32a[9] = INT32_MIN;
    s32b[9] = INT32_MIN;

    for (int n = N - 5; n <= N; n++) {
        for (int off = 0; off < 3; off++) {
            mixv((uint64_t) dot_s8(s8a + off, s8b, n - off));
            mixv(dot_u8(u8a + off, u8b + 1, n - off));
            mixv((uint64_t) dot_s16(s16a + off, s16b, n - off));
            mixv((uint64_t) dot_s32(s32a, s32b + off, n - off));
        }
    }
    show("dot products");

    for (int off = 0; off < 17; off += 5) {
        clamp_avg(u8o, u8a + off, u8b, N);
        mix(u8o, N);
        mixv(sad(u8a + off, u8b, N - off));
        upcase(u8o, u8a + off, N);
        mix(u8o, N);
        mixv((uint64_t) count_eq(u8a + off, u8b, N));
        prefix_xor(u8o, u8a + off, N);
        mix(u8o, N);
    }
    show("byte transforms");

    uint32_t hist[256] = { 0 };
    histogram(hist, u8a, N + 64);
    histogram(hist, u8b + 3, N);
    mix(hist, sizeof hist);
    show("histogram");

    int32_t mn, mx;
    int at;
    for (int n = 1; n < N; n = n * 2 + 1) {
        minmax(s32a, n, &mn, &mx, &at);
        mixv((uint64_t) mn);
        mixv((uint64_t) mx);
        mixv((uint64_t) at);
    }
    show("min max index");

    for (int st = 1; st <= 9; st++)
        mixv(strided(s32a, N, st));
    stride2_split(s16o, s16a, N - 1);
    mix(s16o, sizeof s16o);
    mixv((uint64_t) gather(s32a, idx, N));
    show("strided gathered");

    memcpy(s32o, s32b, sizeof s32o);
    scatter_cond(s32o, s32a, s32b, N);
    mix(s32o, sizeof s32o);
    sat_add16(s16o, s16a, s16b, N);
    mix(s16o, sizeof s16o);
    widen_mul(u16o, u8a, u8b, N);
    mix(u16o, sizeof u16o);
    narrow_shift(u8o, s32a, N);
    mix(u8o, N);
    reverse64(s64o, s64a, N);
    mix(s64o, sizeof s64o);
    shifts_var(s32o, s32a, s32b, N);
    mix(s32o, sizeof s32o);
    mixv(popcount_sum((const uint32_t *) s32a, N));
    mul_hi32(s32o, s32a, s32b, N);
    mix(s32o, sizeof s32o);
    div_const(s32o, s32a, N);
    mix(s32o, sizeof s32o);
    show("saturate widen narrow misc");
    return 0;
}
