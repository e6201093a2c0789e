/* int-sort: qsort from libc (indirect calls to a comparator) and an
 * in-place introsort-like quicksort on 64-bit keys, then binary searches. */
#include "bench.h"

#define N 300000

static uint64_t a[N], b[N];

static int cmp_u64(const void *x, const void *y)
{
    uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
    return p < q ? -1 : p > q;
}

static void quicksort(uint64_t *v, long lo, long hi)
{
    while (hi - lo > 16) {
        uint64_t p = v[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p)
                i++;
            while (v[j] > p)
                j--;
            if (i <= j) {
                uint64_t t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    for (long i = lo + 1; i <= hi; i++) {
        uint64_t x = v[i];
        long j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 3);
    uint64_t seed = 1234, h = 0;

    for (long r = 0; r < rounds; r++) {
        for (long i = 0; i < N; i++)
            a[i] = b[i] = bench_rand(&seed) % 1000000007u;
        qsort(a, N, sizeof(a[0]), cmp_u64);
        quicksort(b, 0, N - 1);
        for (long i = 0; i < N; i++)
            if (a[i] != b[i]) {
                printf("int-sort: MISMATCH\n");
                return 1;
            }
        for (long i = 0; i < N; i += 3) {
            uint64_t key = bench_rand(&seed) % 1000000007u;
            uint64_t *p = bsearch(&key, a, N, sizeof(a[0]), cmp_u64);
            h = bench_mix(h, p ? (uint64_t)(p - a) : key);
        }
        h = bench_mix(h, a[N / 2]);
    }
    printf("int-sort: %016llx\n", (unsigned long long)h);
    return 0;
}
