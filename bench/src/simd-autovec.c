/* simd-autovec: loops that compilers vectorize at -O3 (byte transforms,
 * integer dot products, saturating-looking clamps, float axpy and sums in
 * an order-preserving form). */
#include "bench.h"

#define N 4096

static uint8_t src[N], dst[N];
static int32_t ia[N], ib[N];
static float fa[N], fb[N];

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 40000);
    uint64_t seed = 11, h = 0;
    float fs = 0;

    for (int i = 0; i < N; i++) {
        src[i] = (uint8_t)bench_rand(&seed);
        ia[i] = (int32_t)(bench_rand(&seed) % 20001) - 10000;
        ib[i] = (int32_t)(bench_rand(&seed) % 20001) - 10000;
        fa[i] = (float)(ia[i] % 100) / 8.0f;
        fb[i] = (float)(ib[i] % 100) / 8.0f;
    }
    for (long r = 0; r < rounds; r++) {
        int64_t dot = 0;
        int32_t mx = 0;
        for (int i = 0; i < N; i++) {
            int v = src[i] * 3 / 2 + (int)r;
            dst[i] = (uint8_t)(v > 255 ? 255 : v);
        }
        for (int i = 0; i < N; i++)
            dot += (int64_t)ia[i] * ib[i];
        for (int i = 0; i < N; i++) {
            int32_t d = ia[i] - ib[i];
            d = d < 0 ? -d : d;
            mx = d > mx ? d : mx;
        }
        for (int i = 0; i < N; i++)
            fb[i] = fb[i] * 0.5f + fa[i];
        h = bench_mix(h, (uint64_t)dot ^ (uint64_t)mx ^ dst[r % N]);
        fs += fb[r % N];
    }
    printf("simd-autovec: %016llx %.6e\n", (unsigned long long)h, (double)fs);
    return 0;
}
