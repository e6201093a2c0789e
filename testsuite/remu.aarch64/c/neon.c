/* neon.c - integer Advanced SIMD through arm_neon.h for the differential
   test (cdiff.exp).  Each operation is written twice: with the intrinsics
   under __aarch64__, and as a plain C loop with the semantics the Arm ARM
   gives the instruction otherwise.  The native (x86_64) build runs the
   plain C, so it is the oracle for the intrinsics run under remu-aarch64.
   The inputs come from a fixed-seed generator, with the edge values
   (0, 1, -1, the minimum and maximum of each type) mixed in; each test
   prints a digest of its results.  Integer only.  */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __aarch64__
#include <arm_neon.h>
#endif

#define N 256   /* elements of each input array (bytes: 4 * N) */

static uint8_t A[4 * N], B[4 * N], C[4 * N];
static uint64_t seed = 0x2545f4914f6cdd1dull;

static uint64_t next(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static void fill(uint8_t *p)
{
    static const uint8_t edges[] = { 0, 1, 0xff, 0x80, 0x7f, 0xfe, 0x81, 2 };
    for (int i = 0; i < 4 * N; i++)
        p[i] = (i % 11 < 3) ? edges[(i / 11) % 8] : (uint8_t) next();
}

static uint64_t digest_state;
static void dg(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        digest_state = (digest_state ^ b[i]) * 0x100000001b3ull;
}

static void report(const char *name)
{
    printf("%-24s %016llx\n", name, (unsigned long long) digest_state);
    digest_state = 0xcbf29ce484222325ull;
}

/* Element accessors by type over the byte arrays. */
#define AS(T, arr) ((T *) (void *) (arr))

static int8_t sat8(int v) { return v > 127 ? 127 : v < -128 ? -128 : (int8_t) v; }
static uint8_t usat8(int v) { return v > 255 ? 255 : v < 0 ? 0 : (uint8_t) v; }
static int16_t sat16(int32_t v) { return v > 32767 ? 32767 : v < -32768 ? -32768 : (int16_t) v; }
static int32_t sat32(int64_t v) { return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t) v; }

int main(void)
{
    fill(A);
    fill(B);
    fill(C);
    digest_state = 0xcbf29ce484222325ull;

    /* add, sub, mul (16 x 8-bit, 8 x 16-bit, 4 x 32-bit, 2 x 64-bit) */
    for (int i = 0; i < 4 * N; i += 16) {
        uint8_t r8[16], s8[16], m8[16];
        uint16_t r16[8], m16[8];
        uint32_t m32[4];
        uint64_t r64[2];
#ifdef __aarch64__
        vst1q_u8(r8, vaddq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_u8(s8, vsubq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_u8(m8, vmulq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_u16(r16, vaddq_u16(vld1q_u16(AS(uint16_t, A + i)), vld1q_u16(AS(uint16_t, B + i))));
        vst1q_u16(m16, vmlaq_u16(vld1q_u16(AS(uint16_t, C + i)), vld1q_u16(AS(uint16_t, A + i)),
                                 vld1q_u16(AS(uint16_t, B + i))));
        vst1q_u32(m32, vmlsq_u32(vld1q_u32(AS(uint32_t, C + i)), vld1q_u32(AS(uint32_t, A + i)),
                                 vld1q_u32(AS(uint32_t, B + i))));
        vst1q_u64(r64, vsubq_u64(vld1q_u64(AS(uint64_t, A + i)), vld1q_u64(AS(uint64_t, B + i))));
#else
        for (int j = 0; j < 16; j++) {
            r8[j] = A[i + j] + B[i + j];
            s8[j] = A[i + j] - B[i + j];
            m8[j] = A[i + j] * B[i + j];
        }
        for (int j = 0; j < 8; j++) {
            r16[j] = AS(uint16_t, A + i)[j] + AS(uint16_t, B + i)[j];
            m16[j] = AS(uint16_t, C + i)[j] + AS(uint16_t, A + i)[j] * AS(uint16_t, B + i)[j];
        }
        for (int j = 0; j < 4; j++)
            m32[j] = AS(uint32_t, C + i)[j] - AS(uint32_t, A + i)[j] * AS(uint32_t, B + i)[j];
        for (int j = 0; j < 2; j++)
            r64[j] = AS(uint64_t, A + i)[j] - AS(uint64_t, B + i)[j];
#endif
        dg(r8, 16); dg(s8, 16); dg(m8, 16); dg(r16, 16); dg(m16, 16); dg(m32, 16); dg(r64, 16);
    }
    report("add sub mul mla mls");

    /* min, max, abs, neg, abd, compares (signed and unsigned) */
    for (int i = 0; i < 4 * N; i += 16) {
        int8_t mn[16], mx[16], ab[16], ad[16];
        uint8_t cgt[16], ceq[16], cle[16], umx[16];
        int32_t smn[4];
        uint16_t cgt16[8];
        const int8_t *a = AS(int8_t, A + i), *b = AS(int8_t, B + i);
#ifdef __aarch64__
        int8x16_t va = vld1q_s8(a), vb = vld1q_s8(b);
        vst1q_s8(mn, vminq_s8(va, vb));
        vst1q_s8(mx, vmaxq_s8(va, vb));
        vst1q_s8(ab, vabsq_s8(va));
        vst1q_s8(ad, vabdq_s8(va, vb));
        vst1q_u8(cgt, vcgtq_s8(va, vb));
        vst1q_u8(ceq, vceqq_s8(va, vb));
        vst1q_u8(cle, vcleq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_u8(umx, vmaxq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_s32(smn, vminq_s32(vld1q_s32(AS(int32_t, A + i)), vld1q_s32(AS(int32_t, B + i))));
        vst1q_u16(cgt16, vcgtq_u16(vld1q_u16(AS(uint16_t, A + i)), vld1q_u16(AS(uint16_t, B + i))));
#else
        for (int j = 0; j < 16; j++) {
            mn[j] = a[j] < b[j] ? a[j] : b[j];
            mx[j] = a[j] > b[j] ? a[j] : b[j];
            ab[j] = (int8_t) (a[j] < 0 ? -a[j] : a[j]);     /* ABS(-128) = -128 */
            ad[j] = (int8_t) (a[j] > b[j] ? a[j] - b[j] : b[j] - a[j]);
            cgt[j] = a[j] > b[j] ? 0xff : 0;
            ceq[j] = a[j] == b[j] ? 0xff : 0;
            cle[j] = A[i + j] <= B[i + j] ? 0xff : 0;
            umx[j] = A[i + j] > B[i + j] ? A[i + j] : B[i + j];
        }
        for (int j = 0; j < 4; j++) {
            int32_t x = AS(int32_t, A + i)[j], y = AS(int32_t, B + i)[j];
            smn[j] = x < y ? x : y;
        }
        for (int j = 0; j < 8; j++)
            cgt16[j] = AS(uint16_t, A + i)[j] > AS(uint16_t, B + i)[j] ? 0xffff : 0;
#endif
        dg(mn, 16); dg(mx, 16); dg(ab, 16); dg(ad, 16); dg(cgt, 16); dg(ceq, 16); dg(cle, 16);
        dg(umx, 16); dg(smn, 16); dg(cgt16, 16);
    }
    report("min max abs abd cmp");

    /* saturating add/sub, saturating doubling multiply high */
    for (int i = 0; i < 4 * N; i += 16) {
        int8_t qa[16], qs[16];
        uint8_t uqa[16], uqs[16];
        int16_t qdm[8];
        int32_t qa32[4];
        const int8_t *a = AS(int8_t, A + i), *b = AS(int8_t, B + i);
#ifdef __aarch64__
        vst1q_s8(qa, vqaddq_s8(vld1q_s8(a), vld1q_s8(b)));
        vst1q_s8(qs, vqsubq_s8(vld1q_s8(a), vld1q_s8(b)));
        vst1q_u8(uqa, vqaddq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_u8(uqs, vqsubq_u8(vld1q_u8(A + i), vld1q_u8(B + i)));
        vst1q_s16(qdm, vqdmulhq_s16(vld1q_s16(AS(int16_t, A + i)), vld1q_s16(AS(int16_t, B + i))));
        vst1q_s32(qa32, vqaddq_s32(vld1q_s32(AS(int32_t, A + i)), vld1q_s32(AS(int32_t, B + i))));
#else
        for (int j = 0; j < 16; j++) {
            qa[j] = sat8(a[j] + b[j]);
            qs[j] = sat8(a[j] - b[j]);
            uqa[j] = usat8(A[i + j] + B[i + j]);
            uqs[j] = usat8(A[i + j] - B[i + j]);
        }
        for (int j = 0; j < 8; j++)
            qdm[j] = sat16((int32_t) ((2LL * AS(int16_t, A + i)[j] * AS(int16_t, B + i)[j]) >> 16));
        for (int j = 0; j < 4; j++)
            qa32[j] = sat32((int64_t) AS(int32_t, A + i)[j] + AS(int32_t, B + i)[j]);
#endif
        dg(qa, 16); dg(qs, 16); dg(uqa, 16); dg(uqs, 16); dg(qdm, 16); dg(qa32, 16);
    }
    report("saturating");

    /* shifts: immediate, by register (signed counts), rounding, shift-insert */
    for (int i = 0; i < 4 * N; i += 16) {
        uint16_t shl[8], ushr[8], ushl[8];
        int16_t sshr[8], rshr[8];
        uint8_t sri[16];
        const int16_t *a = AS(int16_t, A + i);
        const uint16_t *ua = AS(uint16_t, A + i);
        int16_t cnt[8];
        for (int j = 0; j < 8; j++)
            cnt[j] = (int16_t) ((int8_t) B[i + j] % 20);   /* -19..19: both directions, past the width */
#ifdef __aarch64__
        vst1q_u16(shl, vshlq_n_u16(vld1q_u16(ua), 5));
        vst1q_u16(ushr, vshrq_n_u16(vld1q_u16(ua), 3));
        vst1q_s16(sshr, vshrq_n_s16(vld1q_s16(a), 15));
        vst1q_s16(rshr, vrshrq_n_s16(vld1q_s16(a), 4));
        vst1q_u16(ushl, vshlq_u16(vld1q_u16(ua), vld1q_s16(cnt)));
        vst1q_u8(sri, vsriq_n_u8(vld1q_u8(B + i), vld1q_u8(A + i), 3));
#else
        for (int j = 0; j < 8; j++) {
            shl[j] = (uint16_t) (ua[j] << 5);
            ushr[j] = ua[j] >> 3;
            sshr[j] = (int16_t) (a[j] >> 15);
            rshr[j] = (int16_t) ((a[j] + 8) >> 4);
            int c = cnt[j];
            ushl[j] = c >= 16 || c <= -16 ? 0 : c >= 0 ? (uint16_t) (ua[j] << c) : ua[j] >> -c;
        }
        for (int j = 0; j < 16; j++)
            sri[j] = (uint8_t) ((B[i + j] & 0xe0) | (A[i + j] >> 3));
#endif
        dg(shl, 16); dg(ushr, 16); dg(sshr, 16); dg(rshr, 16); dg(ushl, 16); dg(sri, 16);
    }
    report("shifts");

    /* widening and narrowing: movl, mull, addw, movn, qmovn, shrn, addhn */
    for (int i = 0; i < 4 * N; i += 16) {
        uint16_t wl[8], ml[8];
        int32_t sml[4], aw[4];
        uint8_t n8[8], qn8[8], sh8[8];
        int8_t sqn[8];
        uint16_t hn[4];
        const uint16_t *ua = AS(uint16_t, A + i);
        const int16_t *sa = AS(int16_t, A + i), *sb = AS(int16_t, B + i);
#ifdef __aarch64__
        vst1q_u16(wl, vmovl_u8(vld1_u8(A + i)));
        vst1q_u16(ml, vmull_u8(vld1_u8(A + i), vld1_u8(B + i)));
        vst1q_s32(sml, vmull_s16(vld1_s16(sa), vld1_s16(sb)));
        vst1q_s32(aw, vaddw_s16(vld1q_s32(AS(int32_t, C + i)), vld1_s16(sa)));
        vst1_u8(n8, vmovn_u16(vld1q_u16(ua)));
        vst1_u8(qn8, vqmovn_u16(vld1q_u16(ua)));
        vst1_s8(sqn, vqmovn_s16(vld1q_s16(sa)));
        vst1_u8(sh8, vshrn_n_u16(vld1q_u16(ua), 6));
        vst1_u16(hn, vaddhn_u32(vld1q_u32(AS(uint32_t, A + i)), vld1q_u32(AS(uint32_t, B + i))));
#else
        for (int j = 0; j < 8; j++) {
            wl[j] = A[i + j];
            ml[j] = (uint16_t) (A[i + j] * B[i + j]);
            n8[j] = (uint8_t) ua[j];
            qn8[j] = ua[j] > 255 ? 255 : (uint8_t) ua[j];
            sqn[j] = sat8(sa[j]);
            sh8[j] = (uint8_t) (ua[j] >> 6);
        }
        for (int j = 0; j < 4; j++) {
            sml[j] = (int32_t) sa[j] * sb[j];
            aw[j] = (int32_t) ((uint32_t) AS(int32_t, C + i)[j] + (uint32_t) (int32_t) sa[j]);
            hn[j] = (uint16_t) (((uint64_t) AS(uint32_t, A + i)[j] + AS(uint32_t, B + i)[j]) >> 16);
        }
#endif
        dg(wl, 16); dg(ml, 16); dg(sml, 16); dg(aw, 16); dg(n8, 8); dg(qn8, 8); dg(sqn, 8);
        dg(sh8, 8); dg(hn, 8);
    }
    report("widen narrow");

    /* permutes: zip, uzp, trn, ext, rev, table lookups (tbl with indices
       past the table giving 0, tbx keeping the destination) */
    for (int i = 0; i < 4 * N - 32; i += 16) {
        uint8_t z1[16], z2[16], u1[16], t2[16], ex[16], rv[16], tb[16], tx[16];
        uint8_t idx[16];
        for (int j = 0; j < 16; j++)
            idx[j] = C[i + j] % 40;     /* 0..39 over a 32-byte table */
#ifdef __aarch64__
        uint8x16_t a = vld1q_u8(A + i), b = vld1q_u8(B + i);
        vst1q_u8(z1, vzip1q_u8(a, b));
        vst1q_u8(z2, vzip2q_u8(a, b));
        vst1q_u8(u1, vuzp1q_u8(a, b));
        vst1q_u8(t2, vtrn2q_u8(a, b));
        vst1q_u8(ex, vextq_u8(a, b, 5));
        vst1q_u8(rv, vrev32q_u8(a));
        uint8x16x2_t tab = { { vld1q_u8(A + i), vld1q_u8(A + i + 16) } };
        vst1q_u8(tb, vqtbl2q_u8(tab, vld1q_u8(idx)));
        vst1q_u8(tx, vqtbx2q_u8(b, tab, vld1q_u8(idx)));
#else
        for (int j = 0; j < 8; j++) {
            z1[2 * j] = A[i + j];
            z1[2 * j + 1] = B[i + j];
            z2[2 * j] = A[i + 8 + j];
            z2[2 * j + 1] = B[i + 8 + j];
            u1[j] = A[i + 2 * j];
            u1[8 + j] = B[i + 2 * j];
            t2[2 * j] = A[i + 2 * j + 1];
            t2[2 * j + 1] = B[i + 2 * j + 1];
        }
        for (int j = 0; j < 16; j++) {
            ex[j] = j + 5 < 16 ? A[i + j + 5] : B[i + j + 5 - 16];
            rv[j] = A[i + (j & ~3) + (3 - (j & 3))];
            tb[j] = idx[j] < 32 ? A[i + idx[j]] : 0;
            tx[j] = idx[j] < 32 ? A[i + idx[j]] : B[i + j];
        }
#endif
        dg(z1, 16); dg(z2, 16); dg(u1, 16); dg(t2, 16); dg(ex, 16); dg(rv, 16); dg(tb, 16); dg(tx, 16);
    }
    report("permutes tables");

    /* reductions and pairwise: addv, maxv, minv, addlv, paddl, padd, cnt, clz */
    for (int i = 0; i < 4 * N; i += 16) {
        uint32_t red[8];
        uint16_t pl[8];
        uint8_t pa[16], ct[16], cz[16];
#ifdef __aarch64__
        uint8x16_t a = vld1q_u8(A + i);
        red[0] = vaddvq_u8(a);
        red[1] = vmaxvq_u8(a);
        red[2] = (uint32_t) (int32_t) vminvq_s8(vreinterpretq_s8_u8(a));
        red[3] = vaddlvq_u8(a);
        red[4] = (uint32_t) vaddlvq_s16(vld1q_s16(AS(int16_t, A + i)));
        red[5] = vaddvq_u32(vld1q_u32(AS(uint32_t, B + i)));
        red[6] = vmaxvq_u16(vld1q_u16(AS(uint16_t, B + i)));
        red[7] = (uint32_t) vminvq_s32(vld1q_s32(AS(int32_t, C + i)));
        vst1q_u16(pl, vpaddlq_u8(a));
        vst1q_u8(pa, vpaddq_u8(a, vld1q_u8(B + i)));
        vst1q_u8(ct, vcntq_u8(a));
        vst1q_u8(cz, vclzq_u8(vld1q_u8(B + i)));
#else
        uint8_t s8 = 0, mx = 0;
        int8_t mn = 127;
        uint32_t l = 0, s32 = 0;
        int32_t sl = 0, mn32 = INT32_MAX;
        uint16_t mx16 = 0;
        for (int j = 0; j < 16; j++) {
            s8 += A[i + j];
            mx = A[i + j] > mx ? A[i + j] : mx;
            mn = (int8_t) A[i + j] < mn ? (int8_t) A[i + j] : mn;
            l += A[i + j];
        }
        for (int j = 0; j < 8; j++) {
            sl += AS(int16_t, A + i)[j];
            mx16 = AS(uint16_t, B + i)[j] > mx16 ? AS(uint16_t, B + i)[j] : mx16;
            pl[j] = (uint16_t) (A[i + 2 * j] + A[i + 2 * j + 1]);
            pa[j] = (uint8_t) (A[i + 2 * j] + A[i + 2 * j + 1]);
            pa[8 + j] = (uint8_t) (B[i + 2 * j] + B[i + 2 * j + 1]);
        }
        for (int j = 0; j < 4; j++) {
            s32 += AS(uint32_t, B + i)[j];
            mn32 = AS(int32_t, C + i)[j] < mn32 ? AS(int32_t, C + i)[j] : mn32;
        }
        for (int j = 0; j < 16; j++) {
            ct[j] = (uint8_t) __builtin_popcount(A[i + j]);
            cz[j] = B[i + j] ? (uint8_t) (__builtin_clz(B[i + j]) - 24) : 8;
        }
        red[0] = s8; red[1] = mx; red[2] = (uint32_t) (int32_t) mn; red[3] = (uint16_t) l;
        red[4] = (uint32_t) sl; red[5] = s32; red[6] = mx16; red[7] = (uint32_t) mn32;
#endif
        dg(red, 32); dg(pl, 16); dg(pa, 16); dg(ct, 16); dg(cz, 16);
    }
    report("reductions pairwise");

    /* bitwise: and, orr, eor, bic, orn, bsl, not, tst, dup, by-element mul */
    for (int i = 0; i < 4 * N; i += 16) {
        uint8_t an[16], oo[16], eo[16], bc[16], on[16], bs[16], nt[16], ts[16];
        uint16_t dp[8], me[8];
        const uint16_t *ua = AS(uint16_t, A + i);
        uint16_t k = AS(uint16_t, B + i)[3];
#ifdef __aarch64__
        uint8x16_t a = vld1q_u8(A + i), b = vld1q_u8(B + i), c = vld1q_u8(C + i);
        vst1q_u8(an, vandq_u8(a, b));
        vst1q_u8(oo, vorrq_u8(a, b));
        vst1q_u8(eo, veorq_u8(a, b));
        vst1q_u8(bc, vbicq_u8(a, b));
        vst1q_u8(on, vornq_u8(a, b));
        vst1q_u8(bs, vbslq_u8(c, a, b));
        vst1q_u8(nt, vmvnq_u8(a));
        vst1q_u8(ts, vtstq_u8(a, b));
        vst1q_u16(dp, vdupq_n_u16(k));
        uint16x4_t kv = vld1_u16(AS(uint16_t, B + i));
        vst1q_u16(me, vmulq_lane_u16(vld1q_u16(ua), kv, 3));
#else
        for (int j = 0; j < 16; j++) {
            uint8_t x = A[i + j], y = B[i + j], z = C[i + j];
            an[j] = x & y;
            oo[j] = x | y;
            eo[j] = x ^ y;
            bc[j] = x & (uint8_t) ~y;
            on[j] = x | (uint8_t) ~y;
            bs[j] = (uint8_t) ((z & x) | (~z & y));
            nt[j] = (uint8_t) ~x;
            ts[j] = (x & y) ? 0xff : 0;
        }
        for (int j = 0; j < 8; j++) {
            dp[j] = k;
            me[j] = (uint16_t) (ua[j] * k);
        }
#endif
        dg(an, 16); dg(oo, 16); dg(eo, 16); dg(bc, 16); dg(on, 16); dg(bs, 16); dg(nt, 16);
        dg(ts, 16); dg(dp, 16); dg(me, 16);
    }
    report("bitwise dup by-element");

    /* structure loads/stores: ld2/st3/ld4 de-interleave and interleave */
    {
        uint8_t out3[48 * 8], d0[16 * 8], d3[16 * 8];
        for (int blk = 0; blk < 8; blk++) {
            const uint8_t *src = A + 64 * blk;
#ifdef __aarch64__
            uint8x16x4_t q4 = vld4q_u8(src);
            vst1q_u8(d0 + 16 * blk, q4.val[0]);
            vst1q_u8(d3 + 16 * blk, q4.val[3]);
            uint8x16x3_t q3 = { { vld1q_u8(B + 48 * blk), vld1q_u8(B + 48 * blk + 16),
                                  vld1q_u8(B + 48 * blk + 32) } };
            vst3q_u8(out3 + 48 * blk, q3);
#else
            for (int j = 0; j < 16; j++) {
                d0[16 * blk + j] = src[4 * j];
                d3[16 * blk + j] = src[4 * j + 3];
                for (int r = 0; r < 3; r++)
                    out3[48 * blk + 3 * j + r] = B[48 * blk + 16 * r + j];
            }
#endif
        }
        dg(out3, sizeof out3); dg(d0, sizeof d0); dg(d3, sizeof d3);
    }
    report("ld4 st3");
    return 0;
}
