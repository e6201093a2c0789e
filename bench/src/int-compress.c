/* int-compress: an LZ77 compressor with a hash-chain match finder, and its
 * decompressor, over pseudo-random text with repetitions (compression-like
 * integer work: hashing, byte compares, branches). */
#include <string.h>

#include "bench.h"

#define N (1 << 20)
#define HBITS 14
#define WINDOW 4096

static unsigned char in[N], out[N + N / 8 + 16], back[N];
static int head[1 << HBITS], prev[N];

static unsigned hash3(const unsigned char *p)
{
    return ((unsigned)(p[0] << 16 | p[1] << 8 | p[2]) * 2654435761u) >> (32 - HBITS);
}

/* Token stream: 0 LEN BYTES... (literals) or 1 LENGTH DIST_LO DIST_HI. */
static size_t compress(const unsigned char *src, size_t n, unsigned char *dst)
{
    size_t i = 0, o = 0, lit = 0;

    memset(head, -1, sizeof(head));
    while (i < n) {
        int best = 0, bestd = 0;
        if (i + 3 <= n) {
            unsigned h = hash3(src + i);
            int cand = head[h], tries = 16;
            while (cand >= 0 && i - (size_t)cand <= WINDOW && tries--) {
                int l = 0;
                while (i + l < n && l < 255 && src[cand + l] == src[i + l])
                    l++;
                if (l > best) {
                    best = l;
                    bestd = (int)(i - (size_t)cand);
                }
                cand = prev[cand];
            }
            prev[i] = head[h];
            head[h] = (int)i;
        }
        if (best >= 4) {
            if (lit) {
                dst[o++] = 0;
                dst[o++] = (unsigned char)lit;
                memcpy(dst + o, src + i - lit, lit);
                o += lit;
                lit = 0;
            }
            dst[o++] = 1;
            dst[o++] = (unsigned char)best;
            dst[o++] = (unsigned char)bestd;
            dst[o++] = (unsigned char)(bestd >> 8);
            for (int k = 1; k < best && i + k + 3 <= n; k++) {
                unsigned h = hash3(src + i + k);
                prev[i + k] = head[h];
                head[h] = (int)(i + k);
            }
            i += best;
        } else {
            i++;
            if (++lit == 255) {
                dst[o++] = 0;
                dst[o++] = (unsigned char)lit;
                memcpy(dst + o, src + i - lit, lit);
                o += lit;
                lit = 0;
            }
        }
    }
    if (lit) {
        dst[o++] = 0;
        dst[o++] = (unsigned char)lit;
        memcpy(dst + o, src + n - lit, lit);
        o += lit;
    }
    return o;
}

static size_t decompress(const unsigned char *src, size_t n, unsigned char *dst)
{
    size_t i = 0, o = 0;

    while (i < n) {
        if (src[i] == 0) {
            size_t l = src[i + 1];
            memcpy(dst + o, src + i + 2, l);
            o += l;
            i += 2 + l;
        } else {
            size_t l = src[i + 1], d = src[i + 2] | (size_t)src[i + 3] << 8;
            for (size_t k = 0; k < l; k++, o++)
                dst[o] = dst[o - d];
            i += 4;
        }
    }
    return o;
}

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 12);
    static const char *words[] = { "the ", "quick ", "brown ", "fox ", "jumps ", "over ",
                                   "lazy ", "dog ", "emulator ", "translation ", "block ",
                                   "cache ", "\n", "register ", "guest ", "host " };
    uint64_t seed = 42, h = 0;

    for (size_t i = 0; i < N;) {
        uint64_t r = bench_rand(&seed);
        const char *w = words[r & 15];
        if ((r >> 8) % 7 == 0) {
            in[i++] = (unsigned char)(r >> 16);
            continue;
        }
        while (*w && i < N)
            in[i++] = (unsigned char)*w++;
    }
    for (long r = 0; r < rounds; r++) {
        in[(size_t)r * 7919 % N] ^= (unsigned char)r;
        size_t c = compress(in, N, out);
        size_t d = decompress(out, c, back);
        if (d != N || memcmp(in, back, N)) {
            printf("int-compress: MISMATCH\n");
            return 1;
        }
        h = bench_mix(h, c);
    }
    printf("int-compress: %016llx\n", (unsigned long long)h);
    return 0;
}
