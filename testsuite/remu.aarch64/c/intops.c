/* intops.c - integer edge cases for the differential test (cdiff.exp).
   Integer-only on purpose: remu-aarch64 does not translate FP yet.
   Operands come through volatile variables so that the compiler cannot
   fold them away at -O2/-O3; no signed overflow or oversized shift (UB).  */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int64_t vals[] = {
    0, 1, -1, 2, -2, 3, -3, 7, -7, 100, -100, 12345, -98765,
    INT32_MAX, INT32_MIN, (int64_t) INT32_MAX + 1, UINT32_MAX,
    INT64_MAX, INT64_MIN, INT64_MIN + 1, 0x0123456789abcdefLL, -0x0fedcba987654321LL,
};
#define NVALS (sizeof vals / sizeof vals[0])

static uint64_t mix;

static void out(const char *what, int i, int j, uint64_t v)
{
    mix = (mix ^ v) * 0x100000001b3ULL;
    printf("%s %d %d %016llx\n", what, i, j, (unsigned long long) v);
}

int main(int argc, char **argv)
{
    (void) argv;
    for (unsigned i = 0; i < NVALS; i++) {
        int64_t a = vals[i];
        uint64_t ua = (uint64_t) a;
        int32_t a32 = (int32_t) (uint32_t) ua;
        out("neg", i, 0, 0 - ua);
        out("not", i, 0, ~ua);
        out("clz", i, 0, ua ? (uint64_t) __builtin_clzll(ua) : 64);
        out("ctz", i, 0, ua ? (uint64_t) __builtin_ctzll(ua) : 64);
        out("pop", i, 0, (uint64_t) __builtin_popcountll(ua));
        out("clz32", i, 0, (uint32_t) ua ? (uint64_t) __builtin_clz((uint32_t) ua) : 32);
        out("pop32", i, 0, (uint64_t) __builtin_popcount((uint32_t) ua));
        out("bswap", i, 0, __builtin_bswap64(ua));
        out("bswap32", i, 0, __builtin_bswap32((uint32_t) ua));
        out("sext8", i, 0, (uint64_t) (int64_t) (int8_t) ua);
        out("sext16", i, 0, (uint64_t) (int64_t) (int16_t) ua);
        out("sext32", i, 0, (uint64_t) (int64_t) a32);
        out("abs32", i, 0, a32 == INT32_MIN ? 0 : (uint64_t) abs(a32));
        out("lowbit", i, 0, ua & (0 - ua));
        out("isolate0", i, 0, ~ua & (ua + 1));
        for (int s = 0; s < 64; s += 7) {
            out("shl", i, s, ua << s);
            out("lsr", i, s, ua >> s);
            out("asr", i, s, (uint64_t) (a >> s));
            out("ror", i, s, s ? (ua >> s) | (ua << (64 - s)) : ua);
            out("shl32", i, s, (uint32_t) ua << (s & 31));
            out("asr32", i, s, (uint64_t) (int64_t) (a32 >> (s & 31)));
        }
        for (unsigned j = 0; j < NVALS; j++) {
            int64_t b = vals[j];
            uint64_t ub = (uint64_t) b;
            int32_t b32 = (int32_t) (uint32_t) ub;
            out("add", i, j, ua + ub);
            out("sub", i, j, ua - ub);
            out("mul", i, j, ua * ub);
            out("mulhu", i, j, (uint64_t) (((unsigned __int128) ua * ub) >> 64));
            out("mulhs", i, j, (uint64_t) (((__int128) a * b) >> 64));
            out("mul32", i, j, (uint32_t) ua * (uint32_t) ub);
            out("lt", i, j, a < b);
            out("ltu", i, j, ua < ub);
            out("and", i, j, ua & ub);
            out("orn", i, j, ua | ~ub);
            out("eor", i, j, ua ^ ub);
            if (ub != 0) {
                out("divu", i, j, ua / ub);
                out("remu", i, j, ua % ub);
            }
            if (b != 0 && !(a == INT64_MIN && b == -1)) {
                out("divs", i, j, (uint64_t) (a / b));
                out("rems", i, j, (uint64_t) (a % b));
            }
            if (b32 != 0 && !(a32 == INT32_MIN && b32 == -1)) {
                out("divs32", i, j, (uint64_t) (int64_t) (a32 / b32));
                out("rems32", i, j, (uint64_t) (int64_t) (a32 % b32));
            }
            if ((uint32_t) ub != 0) {
                out("divu32", i, j, (uint32_t) ua / (uint32_t) ub);
            }
            int64_t r;
            out("ovf_add", i, j, __builtin_add_overflow(a, b, &r));
            out("ovf_mul", i, j, __builtin_mul_overflow(a, b, &r));
            out("min", i, j, (uint64_t) (a < b ? a : b));
            out("maxu", i, j, ua > ub ? ua : ub);
        }
    }
    printf("mix %016llx\n", (unsigned long long) mix);
    return (int) (mix % 97) + argc;
}
