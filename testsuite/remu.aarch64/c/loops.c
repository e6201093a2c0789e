/* loops.c - integer loops that -O3 auto-vectorizes (sum, xor, byte
   compare, min/max, widening), setjmp/longjmp and malloc/free churn, for
   the differential test (cdiff.exp).  The exit status is computed.  */
#include <inttypes.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 4099 };   /* not a multiple of the vector length: tails matter */

static uint8_t b8[N], c8[N];
static int16_t s16[N];
static int32_t s32[N], t32[N];
static uint64_t u64[N];

static uint32_t seed = 12345;

static uint32_t lcg(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

__attribute__((noinline)) static uint64_t sum8(const uint8_t *p, int n)
{
    uint64_t s = 0;
    for (int i = 0; i < n; i++) {
        s += p[i];
    }
    return s;
}

__attribute__((noinline)) static int32_t sum16(const int16_t *p, int n)
{
    int32_t s = 0;
    for (int i = 0; i < n; i++) {
        s += p[i];
    }
    return s;
}

__attribute__((noinline)) static uint32_t xor32(const int32_t *p, int n)
{
    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
        x ^= (uint32_t) p[i];
    }
    return x;
}

__attribute__((noinline)) static int count_eq(const uint8_t *a, const uint8_t *b, int n)
{
    int c = 0;
    for (int i = 0; i < n; i++) {
        c += a[i] == b[i];
    }
    return c;
}

__attribute__((noinline)) static void minmax(const int32_t *p, int n, int32_t *mn, int32_t *mx)
{
    int32_t lo = p[0], hi = p[0];
    for (int i = 1; i < n; i++) {
        lo = p[i] < lo ? p[i] : lo;
        hi = p[i] > hi ? p[i] : hi;
    }
    *mn = lo;
    *mx = hi;
}

__attribute__((noinline)) static void saxpy(int32_t *d, const int32_t *a, const int16_t *b,
                                            int32_t k, int n)
{
    for (int i = 0; i < n; i++) {
        d[i] = a[i] * k + b[i] - (a[i] >> 3) + (int32_t) ((uint32_t) a[i] >> 29);
    }
}

__attribute__((noinline)) static void absdiff(uint8_t *d, const uint8_t *a, const uint8_t *b, int n)
{
    for (int i = 0; i < n; i++) {
        d[i] = a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    }
}

__attribute__((noinline)) static uint64_t dot(const int16_t *a, const int32_t *b, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++) {
        s += (int64_t) a[i] * b[i];
    }
    return (uint64_t) s;
}

static jmp_buf jb;
static int depth_reached;

__attribute__((noinline)) static void dive(int depth, int target)
{
    volatile signed char pad[64];
    pad[depth % 64] = (signed char) depth;
    if (depth > 100000) {
        return;
    }
    if (depth >= target) {
        depth_reached = depth + pad[depth % 64] - depth;
        longjmp(jb, target + 1);
    }
    dive(depth + 1, target);
    pad[0] = 0;
}

int main(int argc, char **argv)
{
    (void) argv;
    static uint64_t acc;   /* static: live across setjmp */

    for (int i = 0; i < N; i++) {
        b8[i] = (uint8_t) lcg();
        c8[i] = (i % 5) ? b8[i] : (uint8_t) lcg();
        s16[i] = (int16_t) lcg();
        s32[i] = (int32_t) (lcg() * 2654435761u);
        u64[i] = ((uint64_t) lcg() << 32) | lcg();
    }
    for (int n = 0; n <= N; n += (n < 40 ? 1 : 197)) {
        int32_t mn = 0, mx = 0;
        if (n > 0) {
            minmax(s32, n, &mn, &mx);
        }
        saxpy(t32, s32, s16, n - 17, n);
        absdiff(c8 + N / 2, b8, c8, n < N / 2 ? n : N / 2);
        printf("n %d sum8 %" PRIu64 " sum16 %" PRId32 " xor %08" PRIx32 " eq %d min %" PRId32
               " max %" PRId32 " saxpy %08" PRIx32 " dot %016" PRIx64 " abs %" PRIu64 "\n",
               n, sum8(b8, n), sum16(s16, n), xor32(s32, n), count_eq(b8, c8, n), mn, mx,
               xor32(t32, n), dot(s16, s32, n), sum8(c8 + N / 2, n < N / 2 ? n : N / 2));
        acc += sum8(b8, n) + xor32(t32, n);
    }

    /* setjmp/longjmp out of recursion of many depths. */
    for (int target = 0; target < 200; target += 13) {
        volatile int tries = 0;
        int r = setjmp(jb);
        tries++;
        if (r == 0) {
            dive(0, target);
        }
        printf("longjmp %d returned %d tries %d depth %d\n", target, r, tries, depth_reached);
        acc += (uint64_t) r;
    }

    /* malloc/free churn: blocks of many sizes with content checks. */
    enum { SLOTS = 257 };
    unsigned char *slot[SLOTS] = {0};
    size_t size[SLOTS] = {0};
    int bad = 0;
    for (int round = 0; round < 6000; round++) {
        int k = (int) (lcg() % SLOTS);
        if (slot[k]) {
            for (size_t i = 0; i < size[k]; i++) {
                bad += slot[k][i] != (unsigned char) (k + i);
            }
            if (round % 3 == 0) {
                free(slot[k]);
                slot[k] = NULL;
                continue;
            }
            size_t ns = (lcg() % 40 == 0) ? 100000 + lcg() % 100000 : lcg() % 700;
            unsigned char *p = realloc(slot[k], ns + 1);
            for (size_t i = size[k] < ns ? size[k] : ns; i < ns; i++) {
                p[i] = (unsigned char) (k + i);
            }
            slot[k] = p;
            size[k] = ns;
        } else {
            size[k] = (lcg() % 40 == 0) ? 70000 + lcg() % 100000 : lcg() % 500;
            slot[k] = (round & 1) ? malloc(size[k] + 1) : calloc(size[k] + 1, 1);
            for (size_t i = 0; i < size[k]; i++) {
                slot[k][i] = (unsigned char) (k + i);
            }
        }
        if (round % 500 == 0) {
            printf("churn %d bad %d\n", round, bad);
        }
    }
    size_t total = 0;
    for (int k = 0; k < SLOTS; k++) {
        total += size[k] * (slot[k] != NULL);
        free(slot[k]);
    }
    printf("churn done bad %d live bytes %zu\n", bad, total);

    printf("acc %016" PRIx64 "\n", acc);
    return bad ? 1 : (int) (acc % 100) + argc;   /* below 128: not a signal */
}
