/*
 * helper-crypto.c - the run-time helper of the Advanced SIMD cryptographic
 * extension instructions (Arm ARM C7.2; FEAT_AES: AESE AESD AESMC AESIMC,
 * FEAT_SHA1: SHA1C SHA1P SHA1M SHA1H SHA1SU0 SHA1SU1, FEAT_SHA256: SHA256H
 * SHA256H2 SHA256SU0 SHA256SU1).  PMULL of doublewords (FEAT_PMULL) is in
 * helper-simd.c with the other long multiplies.
 *
 * a64_crypto(env, op, desc) reads its source registers into locals before
 * it writes Vd, like a64_simd (translate-simd.h), and touches only env->v.
 * The AES state is the 128-bit register with byte i in row i % 4, column
 * i / 4 (FIPS-197 section 3.4, as the Arm pseudocode lays it out).
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "frontend/aarch64/translate-simd.h"

/* ---- AES ------------------------------------------------------------------ */

static uint8_t aes_sbox[256], aes_inv_sbox[256];
static pthread_once_t aes_once = PTHREAD_ONCE_INIT;

/* Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2). */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;

    while (b) {
        if (b & 1)
            r ^= a;
        a = (uint8_t)((a << 1) ^ (a & 0x80 ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

/* The S-box from its definition (FIPS-197 5.1.1): the multiplicative
   inverse (0 for 0), then the affine transformation with constant 0x63. */
static void aes_init_tables(void)
{
    for (int x = 0; x < 256; x++) {
        uint8_t inv = 0, s;
        for (int y = 1; y < 256 && x; y++) {
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1) {
                inv = (uint8_t)y;
                break;
            }
        }
        s = inv;
        for (int k = 1; k < 5; k++)
            s ^= (uint8_t)((inv << k) | (inv >> (8 - k)));
        s ^= 0x63;
        aes_sbox[x] = s;
        aes_inv_sbox[s] = (uint8_t)x;
    }
}

/* AESE/AESD: AddRoundKey (Vd ^ Vn), then (Inv)ShiftRows and (Inv)SubBytes. */
static void aes_round(uint8_t *d, const uint8_t *n, bool decrypt)
{
    uint8_t x[16];

    pthread_once(&aes_once, aes_init_tables);
    for (int i = 0; i < 16; i++)
        x[i] = d[i] ^ n[i];
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
            int src = decrypt ? (c - r + 4) % 4 : (c + r) % 4;
            uint8_t b = x[r + 4 * src];
            d[r + 4 * c] = decrypt ? aes_inv_sbox[b] : aes_sbox[b];
        }
    }
}

/* AESMC/AESIMC: (Inv)MixColumns of Vn (FIPS-197 5.1.3, 5.3.3). */
static void aes_mix(uint8_t *d, const uint8_t *n, bool inverse)
{
    static const uint8_t fwd[4] = { 2, 3, 1, 1 }, inv[4] = { 14, 11, 13, 9 };
    const uint8_t *k = inverse ? inv : fwd;

    for (int c = 0; c < 4; c++) {
        const uint8_t *col = n + 4 * c;
        for (int r = 0; r < 4; r++)
            d[4 * c + r] = gf_mul(k[0], col[r]) ^ gf_mul(k[1], col[(r + 1) % 4]) ^
                           gf_mul(k[2], col[(r + 2) % 4]) ^ gf_mul(k[3], col[(r + 3) % 4]);
    }
}

/* ---- SHA-1 and SHA-256 (FIPS 180-4 4.1, 4.2) -------------------------------- */

static uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror32(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }
static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }
static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }

/*
 * SHA1C/SHA1P/SHA1M: four rounds on X = Vd (a, b, c, d in lanes 0-3) and
 * Y = Sn (e) with the four schedule words of Vm; after each round the
 * 160-bit Y:X rotates left by 32 bits.
 */
static void sha1_rounds(uint32_t x[4], uint32_t y, const uint32_t w[4], enum A64CryptoOp op)
{
    for (int e = 0; e < 4; e++) {
        uint32_t t = op == COP_SHA1C   ? sha_choose(x[1], x[2], x[3])
                     : op == COP_SHA1P ? sha_parity(x[1], x[2], x[3])
                                       : sha_majority(x[1], x[2], x[3]);
        uint32_t top;
        y = y + rol32(x[0], 5) + t + w[e];
        x[1] = rol32(x[1], 30);
        top = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = top;
    }
}

/* SHA256H (part1: the new X, lanes a-d) and SHA256H2 (the new Y, e-h). */
static void sha256_rounds(uint32_t out[4], const uint32_t x0[4], const uint32_t y0[4],
                          const uint32_t w[4], bool part1)
{
    uint32_t x[4], y[4];

    memcpy(x, x0, sizeof(x));
    memcpy(y, y0, sizeof(y));
    for (int e = 0; e < 4; e++) {
        uint32_t chs = sha_choose(y[0], y[1], y[2]);
        uint32_t maj = sha_majority(x[0], x[1], x[2]);
        uint32_t t = y[3] + (ror32(y[0], 6) ^ ror32(y[0], 11) ^ ror32(y[0], 25)) + chs + w[e];
        uint32_t xtop, ytop;
        x[3] = t + x[3];
        y[3] = t + (ror32(x[0], 2) ^ ror32(x[0], 13) ^ ror32(x[0], 22)) + maj;
        /* Y:X rotated left by 32 bits */
        xtop = x[3];
        ytop = y[3];
        memmove(x + 1, x, 3 * sizeof(uint32_t));
        memmove(y + 1, y, 3 * sizeof(uint32_t));
        x[0] = ytop;
        y[0] = xtop;
    }
    memcpy(out, part1 ? x : y, 4 * sizeof(uint32_t));
}

static void crypto_exec(AArch64Env *e, enum A64CryptoOp op, uint64_t desc)
{
    int rd = desc & 31, rn = (desc >> 5) & 31, rm = (desc >> 10) & 31;
    union { uint8_t b[16]; uint32_t w[4]; } d, n, m, r;

    memcpy(d.b, e->v[rd], 16);
    memcpy(n.b, e->v[rn], 16);
    memcpy(m.b, e->v[rm], 16);
    memset(&r, 0, sizeof(r));
    switch (op) {
    case COP_AESE: case COP_AESD:
        r = d;
        aes_round(r.b, n.b, op == COP_AESD);
        break;
    case COP_AESMC: case COP_AESIMC:
        aes_mix(r.b, n.b, op == COP_AESIMC);
        break;
    case COP_SHA1C: case COP_SHA1P: case COP_SHA1M:
        r = d;
        sha1_rounds(r.w, n.w[0], m.w, op);
        break;
    case COP_SHA1H:
        r.w[0] = rol32(n.w[0], 30);
        break;
    case COP_SHA1SU0:
        /* (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm */
        r.w[0] = d.w[2] ^ d.w[0] ^ m.w[0];
        r.w[1] = d.w[3] ^ d.w[1] ^ m.w[1];
        r.w[2] = n.w[0] ^ d.w[2] ^ m.w[2];
        r.w[3] = n.w[1] ^ d.w[3] ^ m.w[3];
        break;
    case COP_SHA1SU1: {
        /* T = Vd ^ (Vn >> 32); each word rotated by 1, the top one also
           xor'ed with T<31:0> rotated by 2 */
        uint32_t t[4] = { d.w[0] ^ n.w[1], d.w[1] ^ n.w[2], d.w[2] ^ n.w[3], d.w[3] };
        for (int i = 0; i < 4; i++)
            r.w[i] = rol32(t[i], 1);
        r.w[3] ^= rol32(t[0], 2);
        break;
    }
    case COP_SHA256H:
        sha256_rounds(r.w, d.w, n.w, m.w, true);
        break;
    case COP_SHA256H2:
        sha256_rounds(r.w, n.w, d.w, m.w, false);
        break;
    case COP_SHA256SU0: {
        /* T = Vn<31:0> : Vd<127:32>; sigma0 of each word plus Vd */
        uint32_t t[4] = { d.w[1], d.w[2], d.w[3], n.w[0] };
        for (int i = 0; i < 4; i++)
            r.w[i] = (ror32(t[i], 7) ^ ror32(t[i], 18) ^ (t[i] >> 3)) + d.w[i];
        break;
    }
    case COP_SHA256SU1: {
        /* T0 = Vm<31:0> : Vn<127:32>; sigma1 of Vm<127:64>, then of the
           first two results */
        uint32_t t0[4] = { n.w[1], n.w[2], n.w[3], m.w[0] };
        for (int i = 0; i < 4; i++) {
            uint32_t x = i < 2 ? m.w[i + 2] : r.w[i - 2];
            r.w[i] = (ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10)) + d.w[i] + t0[i];
        }
        break;
    }
    default:
        break;
    }
    memcpy(e->v[rd], r.b, 16);
}

static void helper_crypto(CPUCommon *env, uint64_t op, uint64_t desc)
{
    crypto_exec((AArch64Env *)env, (enum A64CryptoOp)op, desc);
}

IRHelper a64_helper_crypto = {
    .name = "a64_crypto", .fn = (void *)helper_crypto, .ret = IR_TYPE_VOID,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = 0,
};
