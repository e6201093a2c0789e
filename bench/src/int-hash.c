/* int-hash: FNV-1a, a multiply-rotate hash and CRC-32 (table driven) over a
 * buffer, many times (integer multiply, rotates, table loads). */
#include "bench.h"

#define N (1 << 16)

static unsigned char buf[N];
static uint32_t crc_table[256];

static uint64_t rotl(uint64_t x, int r) { return x << r | x >> (64 - r); }

int main(int argc, char **argv)
{
    long rounds = bench_scale(argc, argv, 1000);
    uint64_t seed = 7, fnv = 0, mr = 0;
    uint32_t crc = 0;

    for (int i = 0; i < N; i++)
        buf[i] = (unsigned char)bench_rand(&seed);
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    for (long r = 0; r < rounds; r++) {
        uint64_t f = 0xcbf29ce484222325ULL, m = (uint64_t)r;
        uint32_t c = 0xffffffffu;
        buf[r % N]++;
        for (int i = 0; i < N; i++) {
            f = (f ^ buf[i]) * 0x100000001b3ULL;
            c = crc_table[(c ^ buf[i]) & 0xff] ^ (c >> 8);
        }
        for (int i = 0; i + 8 <= N; i += 8) {
            uint64_t w = 0;
            for (int k = 0; k < 8; k++)
                w |= (uint64_t)buf[i + k] << (8 * k);
            m = rotl(m ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
        }
        fnv ^= f;
        mr = bench_mix(mr, m);
        crc ^= ~c;
    }
    printf("int-hash: %016llx %016llx %08x\n", (unsigned long long)fnv,
           (unsigned long long)mr, crc);
    return 0;
}
