/* intedge.c - integer edge cases for the differential test (cdiff.exp):
   wrapping arithmetic under -fwrapv, shifts by 0 and width-1, division
   and remainder signs (INT_MIN / -1 avoided: undefined in C), __int128
   multiply/divide/shift, the bit builtins (clz, ctz, popcount, parity,
   bswap, ffs, clrsb), overflow builtins, bitfields read and written
   through a union-free struct, and unsigned/signed conversions.  Inputs
   are the edge values crossed with a fixed-seed sequence.  The native run
   is the oracle.
   cdiff-cflags: -fwrapv  */
#include <stdint.h>
#include <stdio.h>
#include <limits.h>

static uint64_t h = 0xcbf29ce484222325ull;
static void mixv(uint64_t v)
{
    for (int i = 0; i < 8; i++)
        h = (h ^ ((v >> (8 * i)) & 0xff)) * 0x100000001b3ull;
}
static void show(const char *what)
{
    printf("%-20s %016llx\n", what, (unsigned long long) h);
    h = 0xcbf29ce484222325ull;
}

struct bits {
    unsigned a : 3;
    signed b : 5;
    unsigned c : 12;
    signed d : 17;
    unsigned long long e : 40;
    signed long long f : 23;
};

static uint64_t vals[64];
static int nvals;

int main(void)
{
    static const uint64_t edges[] = { 0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
                                      0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                      0x7fffffffffffffffull, 0x8000000000000000ull,
                                      0xffffffffffffffffull, 0xfffffffffffffffeull,
                                      0x123456789abcdef0ull, 0x0f0f0f0f0f0f0f0full };
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++)
        vals[nvals++] = edges[i];
    uint64_t s = 88172645463325252ull;
    while (nvals < 64) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        vals[nvals++] = s >> (s & 63);
    }

    for (int i = 0; i < nvals; i++)
        for (int j = 0; j < nvals; j++) {
            uint64_t x = vals[i], y = vals[j];
            int32_t a = (int32_t) x, b = (int32_t) y;
            int64_t la = (int64_t) x, lb = (int64_t) y;
            mixv((uint64_t) (a + b)); mixv((uint64_t) (a - b)); mixv((uint64_t) (a * b));
            mixv((uint64_t) (la + lb)); mixv((uint64_t) (la * lb)); mixv(x * y);
            mixv((uint64_t) (int16_t) (x + y)); mixv((uint64_t) (int8_t) (x * y));
        }
    show("wrapping");

    for (int i = 0; i < nvals; i++)
        for (int j = 0; j < nvals; j++) {
            uint64_t x = vals[i], y = vals[j];
            int32_t a = (int32_t) x, b = (int32_t) y;
            int64_t la = (int64_t) x, lb = (int64_t) y;
            if (y) {
                mixv(x / y); mixv(x % y);
            }
            if ((uint32_t) y) {
                mixv((uint32_t) x / (uint32_t) y); mixv((uint32_t) x % (uint32_t) y);
            }
            if (b && !(a == INT32_MIN && b == -1)) {
                mixv((uint64_t) (a / b)); mixv((uint64_t) (a % b));
            }
            if (lb && !(la == INT64_MIN && lb == -1)) {
                mixv((uint64_t) (la / lb)); mixv((uint64_t) (la % lb));
            }
        }
    show("division");

    for (int i = 0; i < nvals; i++)
        for (int sh = 0; sh < 64; sh++) {
            uint64_t x = vals[i];
            int64_t sx = (int64_t) x;
            mixv(x << sh); mixv(x >> sh); mixv((uint64_t) (sx >> sh));
            mixv((x << sh) | (x >> ((64 - sh) & 63)));
            if (sh < 32) {
                uint32_t w = (uint32_t) x;
                mixv(w << sh); mixv(w >> sh); mixv((uint64_t) ((int32_t) w >> sh));
            }
        }
    show("shifts");

    for (int i = 0; i < nvals; i++) {
        uint64_t x = vals[i];
        uint32_t w = (uint32_t) x;
        mixv((uint64_t) (x ? __builtin_clzll(x) : 64));
        mixv((uint64_t) (x ? __builtin_ctzll(x) : 64));
        mixv((uint64_t) (w ? __builtin_clz(w) : 32));
        mixv((uint64_t) __builtin_popcountll(x));
        mixv((uint64_t) __builtin_parityll(x));
        mixv(__builtin_bswap64(x));
        mixv(__builtin_bswap32(w));
        mixv(__builtin_bswap16((uint16_t) x));
        mixv((uint64_t) __builtin_ffsll((long long) x));
        mixv((uint64_t) __builtin_clrsbll((long long) x));
        mixv((uint64_t) __builtin_clrsb((int) w));
        uint64_t rev = 0;
        for (int b = 0; b < 64; b++)
            rev |= ((x >> b) & 1) << (63 - b);
        mixv(rev);
    }
    show("bit builtins");

    int ovf = 0;
    for (int i = 0; i < nvals; i++)
        for (int j = 0; j < nvals; j++) {
            int64_t r64;
            uint64_t u64;
            int32_t r32;
            ovf += __builtin_add_overflow((int64_t) vals[i], (int64_t) vals[j], &r64);
            mixv((uint64_t) r64);
            ovf += __builtin_mul_overflow((int64_t) vals[i], (int64_t) vals[j], &r64);
            mixv((uint64_t) r64);
            ovf += __builtin_mul_overflow(vals[i], vals[j], &u64);
            mixv(u64);
            ovf += __builtin_sub_overflow((int32_t) vals[i], (int32_t) vals[j], &r32);
            mixv((uint64_t) r32);
        }
    mixv((uint64_t) ovf);
    show("overflow builtins");

    for (int i = 0; i < nvals; i++)
        for (int j = 0; j < nvals; j += 3) {
            unsigned __int128 x = ((unsigned __int128) vals[i] << 64) | vals[j];
            unsigned __int128 y = (unsigned __int128) vals[j] * vals[(i + j) % nvals];
            __int128 sx = (__int128) x;
            mixv((uint64_t) (x * y)); mixv((uint64_t) ((x * y) >> 64));
            if (y) {
                unsigned __int128 q = x / y, r = x % y;
                mixv((uint64_t) q); mixv((uint64_t) (q >> 64)); mixv((uint64_t) r);
            }
            __int128 sy = (__int128) y | 1;
            if (!(sy == -1 && sx == (__int128) ((unsigned __int128) 1 << 127))) {
                mixv((uint64_t) (sx / sy)); mixv((uint64_t) ((sx % sy) >> 64));
            }
            mixv((uint64_t) (sx >> (j % 128))); mixv((uint64_t) (x << (i % 128) >> 64));
            mixv((uint64_t) (x > y) | ((uint64_t) (sx < (__int128) y) << 1));
        }
    show("__int128");

    struct bits bf = { 0 };
    for (int i = 0; i < nvals; i++) {
        uint64_t x = vals[i];
        bf.a = (unsigned) x;
        bf.b = (int) (x >> 3);
        bf.c = (unsigned) (x >> 8);
        bf.d = (int) (x >> 20);
        bf.e = x >> 5;
        bf.f = (long long) (x >> 30);
        mixv(bf.a); mixv((uint64_t) (int64_t) bf.b); mixv(bf.c); mixv((uint64_t) (int64_t) bf.d);
        mixv(bf.e); mixv((uint64_t) (int64_t) bf.f);
        bf.b += 3;
        bf.d -= 100000;
        bf.e *= 3;
        mixv((uint64_t) (int64_t) bf.b); mixv((uint64_t) (int64_t) bf.d); mixv(bf.e);
    }
    show("bitfields");

    for (int i = 0; i < nvals; i++) {
        uint64_t x = vals[i];
        mixv((uint64_t) (int64_t) (int8_t) x); mixv((uint64_t) (uint8_t) x);
        mixv((uint64_t) (int64_t) (int16_t) x); mixv((uint64_t) (int64_t) (int32_t) x);
        mixv((uint64_t) ((int32_t) x < 0)); mixv((uint64_t) ((uint32_t) x > 0x7fffffffu));
        mixv((uint64_t) ((int64_t) x < (int64_t) vals[(i + 1) % nvals]));
        mixv((uint64_t) (x < vals[(i + 1) % nvals]));
    }
    show("conversions");
    return 0;
}
