/* mem-stream: STREAM-like copy, scale, add and triad over 3 x 16 MiB of
 * 64-bit integers, plus memcpy and memset of the same buffers
 * (memory bandwidth, the libc's string functions). */
#include <string.h>

#include "bench.h"

#define N (2 << 20)

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 20);
    uint64_t *a = malloc(N * 8), *b = malloc(N * 8), *c = malloc(N * 8), h = 0;

    if (!a || !b || !c)
        return 1;
    for (long i = 0; i < N; i++) {
        a[i] = (uint64_t)i;
        b[i] = (uint64_t)i * 3;
        c[i] = 0;
    }
    for (long r = 0; r < rounds; r++) {
        for (long i = 0; i < N; i++)
            c[i] = a[i];
        for (long i = 0; i < N; i++)
            b[i] = 3 * c[i];
        for (long i = 0; i < N; i++)
            c[i] = a[i] + b[i];
        for (long i = 0; i < N; i++)
            a[i] = b[i] + 3 * c[i];
        memcpy(c, a, N * 8);
        memset(b, (int)r, N * 8 / 2);
        h = bench_mix(h, a[r * 1000] ^ b[r] ^ c[N - 1 - r]);
    }
    printf("mem-stream: %016llx\n", (unsigned long long)h);
    free(a);
    free(b);
    free(c);
    return 0;
}
