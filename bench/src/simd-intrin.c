/* simd-intrin: hand-vectorized kernels through the target's intrinsics
 * (NEON on AArch64, SSE2 on x86, plain C elsewhere): sum of absolute
 * differences over 16x16 blocks (motion search) and a saturating 16-bit
 * blend.  All three versions compute identical integers. */
#include <string.h>

#include "bench.h"

#if defined(__aarch64__)
#include <arm_neon.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#define W 256
#define H 128

static uint8_t cur[H][W], ref[H][W];
static int16_t s16a[W * H], s16b[W * H];

static uint32_t sad16(const uint8_t *a, const uint8_t *b, int stride)
{
#if defined(__aarch64__)
    uint16x8_t acc = vdupq_n_u16(0);
    for (int y = 0; y < 16; y++) {
        uint8x16_t d = vabdq_u8(vld1q_u8(a + y * stride), vld1q_u8(b + y * stride));
        acc = vpadalq_u8(acc, d);
    }
    return vaddlvq_u16(acc);
#elif defined(__SSE2__)
    __m128i acc = _mm_setzero_si128();
    for (int y = 0; y < 16; y++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(a + y * stride));
        __m128i z = _mm_loadu_si128((const __m128i *)(b + y * stride));
        acc = _mm_add_epi64(acc, _mm_sad_epu8(x, z));
    }
    return (uint32_t)(_mm_cvtsi128_si32(acc) + _mm_cvtsi128_si32(_mm_srli_si128(acc, 8)));
#else
    uint32_t s = 0;
    for (int y = 0; y < 16; y++)
        for (int x = 0; x < 16; x++) {
            int d = a[y * stride + x] - b[y * stride + x];
            s += (uint32_t)(d < 0 ? -d : d);
        }
    return s;
#endif
}

static void blend(int16_t *a, const int16_t *b, int n)
{
#if defined(__aarch64__)
    for (int i = 0; i < n; i += 8)
        vst1q_s16(a + i, vqaddq_s16(vld1q_s16(a + i), vshrq_n_s16(vld1q_s16(b + i), 1)));
#elif defined(__SSE2__)
    for (int i = 0; i < n; i += 8) {
        __m128i x = _mm_loadu_si128((const __m128i *)(a + i));
        __m128i y = _mm_srai_epi16(_mm_loadu_si128((const __m128i *)(b + i)), 1);
        _mm_storeu_si128((__m128i *)(a + i), _mm_adds_epi16(x, y));
    }
#else
    for (int i = 0; i < n; i++) {
        int v = a[i] + (b[i] >> 1);
        a[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    }
#endif
}

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 300);
    uint64_t seed = 77, h = 0;

    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            ref[y][x] = (uint8_t)bench_rand(&seed);
            cur[y][x] = (uint8_t)(ref[(y + 3) % H][(x + 5) % W] + (bench_rand(&seed) & 7));
        }
    for (int i = 0; i < W * H; i++) {
        s16a[i] = (int16_t)bench_rand(&seed);
        s16b[i] = (int16_t)bench_rand(&seed);
    }
    for (long r = 0; r < rounds; r++) {
        /* For each 16x16 block of cur, the best match in a +-8 window of ref. */
        for (int by = 8; by + 24 <= H; by += 16)
            for (int bx = 8; bx + 24 <= W; bx += 16) {
                uint32_t best = UINT32_MAX;
                int bdx = 0, bdy = 0;
                for (int dy = -8; dy <= 8; dy++)
                    for (int dx = -8; dx <= 8; dx++) {
                        uint32_t s = sad16(&cur[by][bx], &ref[by + dy][bx + dx], W);
                        if (s < best) {
                            best = s;
                            bdx = dx;
                            bdy = dy;
                        }
                    }
                h = bench_mix(h, best << 10 | (uint32_t)(bdy + 8) << 5 | (uint32_t)(bdx + 8));
            }
        blend(s16a, s16b, W * H);
        h = bench_mix(h, (uint16_t)s16a[r * 97 % (W * H)]);
        cur[r % H][r % W] ^= 0x55;
    }
    printf("simd-intrin: %016llx\n", (unsigned long long)h);
    return 0;
}
