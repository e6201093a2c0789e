/* crypto.c - AES-128, SHA-1, SHA-256 and 64x64 carry-less products, for the
   differential test (cdiff.exp).  On AArch64 the ACLE intrinsics of the
   cryptographic extension (AESE/AESD/AESMC/AESIMC, SHA1*, SHA256*,
   PMULL .1Q); elsewhere plain C, which is the oracle.  The output holds the
   FIPS-197 C.1 ciphertext 69c4e0d86a7b0430d8cdb78070b4c55a and the
   FIPS 180-4 example digests of "abc" and of the 448-bit message.
   cdiff-cflags-aarch64: -march=armv8-a+crypto  */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __aarch64__
#include <arm_neon.h>
#endif

/* ---- AES-128 ---- */

static uint8_t sbox[256], inv_sbox[256];

/* The S-box through logarithms to the generator 3, then the affine map. */
static void make_sbox(void)
{
    uint8_t exp[256], log[256];
    uint8_t x = 1;

    for (int i = 0; i < 255; i++) {
        exp[i] = x;
        log[x] = (uint8_t) i;
        x = (uint8_t) (x ^ (x << 1) ^ (x & 0x80 ? 0x1b : 0));   /* x * 3 */
    }
    for (int v = 0; v < 256; v++) {
        uint8_t inv = v ? exp[(255 - log[v]) % 255] : 0, s = 0x63;
        for (int bit = 0; bit < 8; bit++) {
            int b = ((inv >> bit) ^ (inv >> ((bit + 4) % 8)) ^ (inv >> ((bit + 5) % 8)) ^
                     (inv >> ((bit + 6) % 8)) ^ (inv >> ((bit + 7) % 8))) & 1;
            s ^= (uint8_t) (b << bit);
        }
        sbox[v] = s;
        inv_sbox[s] = (uint8_t) v;
    }
}

static void expand_key(const uint8_t key[16], uint8_t rk[11][16])
{
    uint8_t rcon = 1;

    memcpy(rk[0], key, 16);
    for (int r = 1; r <= 10; r++) {
        const uint8_t *p = rk[r - 1];
        uint8_t t[4] = { sbox[p[13]], sbox[p[14]], sbox[p[15]], sbox[p[12]] };
        t[0] ^= rcon;
        rcon = (uint8_t) ((rcon << 1) ^ (rcon & 0x80 ? 0x1b : 0));
        for (int i = 0; i < 16; i++)
            rk[r][i] = p[i] ^ (i < 4 ? t[i] : rk[r][i - 4]);
    }
}

#ifndef __aarch64__
static uint8_t xt(uint8_t a) { return (uint8_t) ((a << 1) ^ (a & 0x80 ? 0x1b : 0)); }
static uint8_t mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    for (; b; b >>= 1, a = xt(a))
        if (b & 1)
            r ^= a;
    return r;
}
static void mix(uint8_t s[16], const uint8_t k[4])
{
    for (int c = 0; c < 4; c++) {
        uint8_t col[4];
        memcpy(col, s + 4 * c, 4);
        for (int r = 0; r < 4; r++)
            s[4 * c + r] = mul(k[0], col[r]) ^ mul(k[1], col[(r + 1) % 4]) ^
                           mul(k[2], col[(r + 2) % 4]) ^ mul(k[3], col[(r + 3) % 4]);
    }
}
static void sub_shift(uint8_t s[16], int dir, const uint8_t *box)
{
    uint8_t t[16];
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++)
            t[r + 4 * c] = box[s[r + 4 * ((c + dir * r + 8) % 4)]];
    memcpy(s, t, 16);
}
#endif

static void aes_encrypt(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
#ifdef __aarch64__
    uint8x16_t s = vld1q_u8(in);
    for (int r = 0; r < 9; r++)
        s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk[r])));
    s = veorq_u8(vaeseq_u8(s, vld1q_u8(rk[9])), vld1q_u8(rk[10]));
    vst1q_u8(out, s);
#else
    static const uint8_t k[4] = { 2, 3, 1, 1 };
    uint8_t s[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ rk[0][i];
    for (int r = 1; r <= 10; r++) {
        sub_shift(s, 1, sbox);
        if (r < 10)
            mix(s, k);
        for (int i = 0; i < 16; i++)
            s[i] ^= rk[r][i];
    }
    memcpy(out, s, 16);
#endif
}

static void aes_decrypt(uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16])
{
#ifdef __aarch64__
    uint8x16_t s = vaesdq_u8(vld1q_u8(in), vld1q_u8(rk[10]));
    for (int r = 9; r >= 1; r--)
        s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(vld1q_u8(rk[r])));
    vst1q_u8(out, veorq_u8(s, vld1q_u8(rk[0])));
#else
    static const uint8_t k[4] = { 14, 11, 13, 9 };
    uint8_t s[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ rk[10][i];
    for (int r = 9; r >= 0; r--) {
        sub_shift(s, -1, inv_sbox);
        for (int i = 0; i < 16; i++)
            s[i] ^= rk[r][i];
        if (r > 0)
            mix(s, k);
    }
    memcpy(out, s, 16);
#endif
}

/* ---- SHA-1 and SHA-256 (one 64-byte block) ---- */

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
static const uint32_t K1[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };

#ifndef __aarch64__
static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static uint32_t be32(const uint8_t *p) { return (uint32_t) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
#endif

static void sha256_block(uint32_t st[8], const uint8_t *p)
{
#ifdef __aarch64__
    uint32x4_t s0 = vld1q_u32(st), s1 = vld1q_u32(st + 4), abcd = s0, efgh = s1, msg[4];
    for (int i = 0; i < 4; i++)
        msg[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
    for (int i = 0; i < 16; i++) {
        uint32x4_t tmp = vaddq_u32(msg[i % 4], vld1q_u32(K256 + 4 * i)), t = abcd;
        if (i < 12)
            msg[i % 4] = vsha256su1q_u32(vsha256su0q_u32(msg[i % 4], msg[(i + 1) % 4]),
                                         msg[(i + 2) % 4], msg[(i + 3) % 4]);
        abcd = vsha256hq_u32(abcd, efgh, tmp);
        efgh = vsha256h2q_u32(efgh, t, tmp);
    }
    vst1q_u32(st, vaddq_u32(s0, abcd));
    vst1q_u32(st + 4, vaddq_u32(s1, efgh));
#else
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 64; i++)
        w[i] = w[i - 16] + (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 7] +
               (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10));
    memcpy(v, st, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + K256[i] + w[i];
        uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint32_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        st[i] += v[i];
#endif
}

static void sha1_block(uint32_t st[5], const uint8_t *p)
{
#ifdef __aarch64__
    uint32x4_t abcd = vld1q_u32(st), abcd0 = abcd, msg[4];
    uint32_t e0 = st[4], e1;
    for (int i = 0; i < 4; i++)
        msg[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
    for (int i = 0; i < 20; i++) {
        uint32x4_t tmp = vaddq_u32(msg[i % 4], vdupq_n_u32(K1[i / 5]));
        e1 = vsha1h_u32(vgetq_lane_u32(abcd, 0));
        abcd = i < 5 ? vsha1cq_u32(abcd, e0, tmp) : i < 10 ? vsha1pq_u32(abcd, e0, tmp)
             : i < 15 ? vsha1mq_u32(abcd, e0, tmp) : vsha1pq_u32(abcd, e0, tmp);
        if (i < 16)
            msg[i % 4] = vsha1su1q_u32(vsha1su0q_u32(msg[i % 4], msg[(i + 1) % 4], msg[(i + 2) % 4]),
                                       msg[(i + 3) % 4]);
        e0 = e1;
    }
    vst1q_u32(st, vaddq_u32(abcd0, abcd));
    st[4] += e0;
#else
    uint32_t w[80], a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    for (int i = 0; i < 16; i++)
        w[i] = be32(p + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 80; i++) {
        uint32_t f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d
                   : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
        uint32_t t = rol(a, 5) + f + e + K1[i / 20] + w[i];
        e = d, d = c, c = rol(b, 30), b = a, a = t;
    }
    st[0] += a, st[1] += b, st[2] += c, st[3] += d, st[4] += e;
#endif
}

/* Padding of FIPS 180-4 5.1.1 (both hashes), then the blocks. */
static void hash(const uint8_t *msg, size_t len, int sha1, uint32_t *st)
{
    static const uint32_t h256[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    static const uint32_t h1[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
    uint8_t blk[128];
    size_t done = 0;

    memcpy(st, sha1 ? h1 : h256, sha1 ? sizeof h1 : sizeof h256);
    for (; len - done >= 64; done += 64)
        sha1 ? sha1_block(st, msg + done) : sha256_block(st, msg + done);
    size_t rest = len - done, n = rest < 56 ? 64 : 128;
    memset(blk, 0, sizeof blk);
    memcpy(blk, msg + done, rest);
    blk[rest] = 0x80;
    for (int i = 0; i < 8; i++)
        blk[n - 1 - i] = (uint8_t) (((uint64_t) len * 8) >> (8 * i));
    for (size_t o = 0; o < n; o += 64)
        sha1 ? sha1_block(st, blk + o) : sha256_block(st, blk + o);
}

/* ---- carry-less multiply ---- */

static void clmul(uint64_t a, uint64_t b, uint64_t r[2])
{
#ifdef __aarch64__
    poly128_t p = vmull_p64((poly64_t) a, (poly64_t) b);
    memcpy(r, &p, 16);
#else
    r[0] = r[1] = 0;
    for (int i = 0; i < 64; i++)
        if (b >> i & 1) {
            r[0] ^= a << i;
            r[1] ^= i ? a >> (64 - i) : 0;
        }
#endif
}

static void hex(const char *what, const uint8_t *p, size_t n)
{
    printf("%s ", what);
    for (size_t i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

static uint8_t big[3000];

int main(void)
{
    uint8_t key[16], pt[16], ct[16], back[16], rk[11][16];
    uint32_t st[8];
    uint64_t seed = 0x0123456789abcdefULL;

    make_sbox();
    for (int i = 0; i < 16; i++) {
        key[i] = (uint8_t) i;
        pt[i] = (uint8_t) (i * 0x11);
    }
    expand_key(key, rk);
    aes_encrypt(rk, pt, ct);
    hex("aes128 fips-197 c.1", ct, 16);
    aes_decrypt(rk, ct, back);
    hex("aes128 decrypt", back, 16);
    for (int k = 0; k < 32; k++) {
        for (int i = 0; i < 16; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            key[i] = (uint8_t) (seed >> 56);
            pt[i] = (uint8_t) (seed >> 48);
        }
        expand_key(key, rk);
        aes_encrypt(rk, pt, ct);
        aes_decrypt(rk, ct, back);
        printf("aes %2d ", k);
        hex(memcmp(back, pt, 16) ? "MISMATCH" : "ok", ct, 16);
    }

    static const char *msgs[] = {
        "abc", "", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    };
    for (int m = 0; m < 3; m++) {
        for (int sha1 = 0; sha1 < 2; sha1++) {
            hash((const uint8_t *) msgs[m], strlen(msgs[m]), sha1, st);
            printf("%s(\"%s\") ", sha1 ? "sha1" : "sha256", msgs[m]);
            for (int i = 0; i < (sha1 ? 5 : 8); i++)
                printf("%08x", st[i]);
            printf("\n");
        }
    }
    for (size_t i = 0; i < sizeof big; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        big[i] = (uint8_t) (seed >> 33);
    }
    for (size_t len = 0; len < sizeof big; len += 137) {
        for (int sha1 = 0; sha1 < 2; sha1++) {
            hash(big, len, sha1, st);
            printf("%s %zu ", sha1 ? "sha1" : "sha256", len);
            for (int i = 0; i < (sha1 ? 5 : 8); i++)
                printf("%08x", st[i]);
            printf("\n");
        }
    }
    static const uint64_t edge[] = { 0, 1, ~0ULL, 1ULL << 63, 0x87, 0xc200000000000000ULL };
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++) {
            uint64_t r[2];
            clmul(edge[i], edge[j], r);
            printf("clmul %d %d %016llx%016llx\n", i, j, (unsigned long long) r[1],
                   (unsigned long long) r[0]);
        }
    for (int k = 0; k < 16; k++) {
        uint64_t r[2], a, b;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        a = seed;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        b = seed;
        clmul(a, b, r);
        printf("clmul %016llx %016llx %016llx%016llx\n", (unsigned long long) a,
               (unsigned long long) b, (unsigned long long) r[1], (unsigned long long) r[0]);
    }
    return 0;
}
