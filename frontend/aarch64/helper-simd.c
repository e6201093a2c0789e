/*
 * helper-simd.c - the run-time helper of the Advanced SIMD integer
 * instructions that are too long to spell out in IR (Arm ARM C7.2).
 *
 * a64_simd(env, op, desc) works on copies: every source register is read
 * into a local vector before the destination is written, so Rd may equal
 * any source.  Lanes are addressed by byte offset inside the 16-byte
 * register (translate-simd.h: the host is little-endian).  A result of 64
 * bits or less (Q = 0, scalars, across-lane results) zeroes bits 127:64 and
 * above; the "2" forms of the narrowing operations (Q = 1) write bits
 * 127:64 and keep bits 63:0.
 */
#include "config.h"

#include <string.h>

#include "frontend/aarch64/translate-simd.h"

static int64_t sext(uint64_t x, int size)
{
    unsigned sh = 64 - (8u << size);

    return (int64_t)(x << sh) >> sh;
}

static uint64_t emask(int size)
{
    return size >= 3 ? UINT64_MAX : (UINT64_C(1) << (8 << size)) - 1;
}

static SimdReg vget(const AArch64Env *e, int n)
{
    SimdReg v;

    memcpy(v.b, e->v[n & 31], 16);
    return v;
}

/* The low bytes (1, 2, 4, 8 or 16) of v into Vn, the rest zeroed; as two
 * 8-byte stores, the way translated code reads registers back. */
static void vput(AArch64Env *e, int n, const SimdReg *v, int bytes)
{
    uint64_t lo, hi = 0;

    memcpy(&lo, v->b, 8);
    if (bytes > 8)
        memcpy(&hi, v->b + 8, 8);
    else if (bytes < 8)
        lo &= (UINT64_C(1) << (8 * bytes)) - 1;
    e->v[n][0] = lo;
    e->v[n][1] = hi;
}

/* Right shift of a size-byte lane by 1..esize bits (esize allowed). */
static uint64_t shr(uint64_t x, unsigned sh)
{
    return sh >= 64 ? 0 : x >> sh;
}

static uint64_t sar(int64_t x, unsigned sh)
{
    return (uint64_t)(sh >= 64 ? x >> 63 : x >> sh);
}

#define FPSR_QC (1u << 27)

/*
 * The saturating add/sub of two size-byte lanes: the exact result in 128
 * bits, clamped to the lane's signed or unsigned range; *sat is set when
 * it was clamped (FPSR.QC, cumulative).
 */
static uint64_t saturate(enum A64SimdOp op, int size, uint64_t a, uint64_t b, bool *sat)
{
    unsigned w = 8u << size;
    __int128 r, lo, hi;

    if (op == SOP_SQADD || op == SOP_SQSUB) {
        __int128 x = sext(a, size), y = sext(b, size);
        r = op == SOP_SQADD ? x + y : x - y;
        lo = -((__int128)1 << (w - 1));
        hi = ((__int128)1 << (w - 1)) - 1;
    } else {
        __int128 x = (__int128)a, y = (__int128)b;
        r = op == SOP_UQADD ? x + y : x - y;
        lo = 0;
        hi = ((__int128)1 << w) - 1;
    }
    if (r < lo || r > hi) {
        *sat = true;
        r = r < lo ? lo : hi;
    }
    return (uint64_t)r & emask(size);
}

/* Elementwise binary operation on size-byte lanes, result truncated. */
static uint64_t binop(enum A64SimdOp op, int size, uint64_t a, uint64_t b, uint64_t d)
{
    int64_t sa = sext(a, size), sb = sext(b, size);

    switch (op) {
    /* Halving forms: the exact sum or difference shifted right by one
       (lanes are at most 32 bits here, so 64-bit arithmetic is exact). */
    case SOP_SHADD: return (uint64_t)((sa + sb) >> 1);
    case SOP_UHADD: return (a + b) >> 1;
    case SOP_SRHADD: return (uint64_t)((sa + sb + 1) >> 1);
    case SOP_URHADD: return (a + b + 1) >> 1;
    case SOP_SHSUB: return (uint64_t)((sa - sb) >> 1);
    case SOP_UHSUB: return (uint64_t)((int64_t)(a - b) >> 1);
    case SOP_ADD: case SOP_ADDP: case SOP_ADDP_S: return a + b;
    case SOP_SUB: return a - b;
    case SOP_MUL: return a * b;
    case SOP_MLA: return d + a * b;
    case SOP_MLS: return d - a * b;
    case SOP_CMEQ: return a == b ? UINT64_MAX : 0;
    case SOP_CMHI: return a > b ? UINT64_MAX : 0;
    case SOP_CMHS: return a >= b ? UINT64_MAX : 0;
    case SOP_CMGT: return sa > sb ? UINT64_MAX : 0;
    case SOP_CMGE: return sa >= sb ? UINT64_MAX : 0;
    case SOP_CMTST: return (a & b) ? UINT64_MAX : 0;
    case SOP_SMAX: case SOP_SMAXP: return sa > sb ? a : b;
    case SOP_SMIN: case SOP_SMINP: return sa < sb ? a : b;
    case SOP_UMAX: case SOP_UMAXP: return a > b ? a : b;
    case SOP_UMIN: case SOP_UMINP: return a < b ? a : b;
    case SOP_SABD: return sa > sb ? (uint64_t)sa - (uint64_t)sb : (uint64_t)sb - (uint64_t)sa;
    case SOP_UABD: return a > b ? a - b : b - a;
    case SOP_SSHL: case SOP_USHL: {
        /* Shift by the signed low byte of b: left if positive, else right;
           a shift of the lane width or more gives 0 (SSHL right: the sign). */
        int sh = (int8_t)b;
        unsigned w = 8u << size;
        if (sh >= 0)
            return (unsigned)sh >= w ? 0 : a << sh;
        if (op == SOP_SSHL)
            return sar(sa, (unsigned)-sh >= w ? 63 : (unsigned)-sh);
        return (unsigned)-sh >= w ? 0 : a >> -sh;
    }
    default: return 0;
    }
}

/* x clamped to the signed (or unsigned) range of a size-byte lane. */
static uint64_t sat_lane(__int128 x, int size, bool is_signed, bool *sat)
{
    unsigned w = 8u << size;
    __int128 lo = is_signed ? -((__int128)1 << (w - 1)) : 0;
    __int128 hi = is_signed ? ((__int128)1 << (w - 1)) - 1 : ((__int128)1 << w) - 1;

    if (x < lo || x > hi) {
        *sat = true;
        x = x < lo ? lo : hi;
    }
    return (uint64_t)x & emask(size);
}

/*
 * The shift by register of SRSHL/URSHL/SQSHL/UQSHL/SQRSHL/UQRSHL (Arm ARM
 * C7.2: shift = SInt(Vm<7:0>), left if positive, else right, with rounding
 * for the R forms), computed exactly in 128 bits, then saturated (Q forms)
 * or truncated to the lane.
 */
static uint64_t shift_reg(int size, uint64_t a, uint64_t b, bool is_signed, bool round,
                          bool saturating, bool *sat)
{
    int sh = (int8_t)b;
    unsigned w = 8u << size;
    __int128 x = is_signed ? (__int128)sext(a, size) : (__int128)a;

    if (sh >= 0) {
        if (x == 0)
            return 0;
        if ((unsigned)sh >= w) {
            /* every bit leaves the lane: 0, or saturation for nonzero x */
            if (!saturating)
                return 0;
            return sat_lane(x < 0 ? -((__int128)1 << 100) : (__int128)1 << 100, size, is_signed,
                            sat);
        }
        x = (__int128)((unsigned __int128)x << sh);
    } else {
        unsigned n = (unsigned)-sh;
        if (n > 64)
            /* (x + 2^(n-1)) >> n is 0 for every lane value; so is x >> n,
               except that a negative x gives -1 */
            x = !round && x < 0 ? -1 : 0;
        else
            x = (x + (round ? (__int128)1 << (n - 1) : 0)) >> n;
    }
    return saturating ? sat_lane(x, size, is_signed, sat) : (uint64_t)x & emask(size);
}

/* The elementwise operations that round or saturate (set *sat for QC). */
static uint64_t satop(enum A64SimdOp op, int size, uint64_t a, uint64_t b, uint64_t d,
                      bool *sat)
{
    unsigned w = 8u << size;
    __int128 sa = sext(a, size), sb = sext(b, size);

    switch (op) {
    case SOP_SRSHL: return shift_reg(size, a, b, true, true, false, sat);
    case SOP_URSHL: return shift_reg(size, a, b, false, true, false, sat);
    case SOP_SQSHL: return shift_reg(size, a, b, true, false, true, sat);
    case SOP_UQSHL: return shift_reg(size, a, b, false, false, true, sat);
    case SOP_SQRSHL: return shift_reg(size, a, b, true, true, true, sat);
    case SOP_UQRSHL: return shift_reg(size, a, b, false, true, true, sat);
    /* (2 * a * b (+ rounding)) >> esize, saturated: only MIN * MIN overflows */
    case SOP_SQDMULH: return sat_lane((2 * sa * sb) >> w, size, true, sat);
    case SOP_SQRDMULH:
        return sat_lane((2 * sa * sb + ((__int128)1 << (w - 1))) >> w, size, true, sat);
    case SOP_PMUL: {
        uint64_t r = 0;
        for (unsigned i = 0; i < w; i++)
            if ((b >> i) & 1)
                r ^= a << i;
        return r & emask(size);
    }
    case SOP_CLS: case SOP_CLZ: {
        /* CLS counts the bits below the sign bit equal to it */
        uint64_t x = op == SOP_CLZ ? a : (a ^ (a >> 1)) & (emask(size) >> 1);
        unsigned n = 0, top = op == SOP_CLZ ? w : w - 1;
        while (n < top && !((x >> (top - 1 - n)) & 1))
            n++;
        return n;
    }
    /* by immediate: b is the shift count, 0 .. esize - 1 */
    case SOP_SQSHLI: return shift_reg(size, a, b, true, false, true, sat);
    case SOP_UQSHLI: return shift_reg(size, a, b, false, false, true, sat);
    case SOP_SQSHLU: return sat_lane((__int128)sa * ((__int128)1 << b), size, false, sat);
    case SOP_SQABS: return sat_lane(sa < 0 ? -sa : sa, size, true, sat);
    case SOP_SQNEG: return sat_lane(-sa, size, true, sat);
    /* SUQADD: signed Vd + unsigned Vn; USQADD: unsigned Vd + signed Vn */
    case SOP_SUQADD: return sat_lane(sext(d, size) + (__int128)a, size, true, sat);
    case SOP_USQADD: return sat_lane((__int128)(d & emask(size)) + sa, size, false, sat);
    default: return 0;
    }
}

static uint64_t unop(enum A64SimdOp op, int size, uint64_t a)
{
    int64_t sa = sext(a, size);

    switch (op) {
    case SOP_CMEQ0: return a == 0 ? UINT64_MAX : 0;
    case SOP_CMGT0: return sa > 0 ? UINT64_MAX : 0;
    case SOP_CMGE0: return sa >= 0 ? UINT64_MAX : 0;
    case SOP_CMLE0: return sa <= 0 ? UINT64_MAX : 0;
    case SOP_CMLT0: return sa < 0 ? UINT64_MAX : 0;
    case SOP_ABS: return sa < 0 ? -(uint64_t)sa : (uint64_t)sa;
    case SOP_NEG: return -a;
    case SOP_CNT: return (uint64_t)__builtin_popcountll(a);
    case SOP_NOT: return ~a;
    case SOP_RBIT: {
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            r |= ((a >> i) & 1) << (7 - i);
        return r;
    }
    default: return 0;
    }
}

static void simd_exec(AArch64Env *e, enum A64SimdOp op, uint64_t desc)
{
    int rd = desc & 31, rn = (desc >> 5) & 31, rm = (desc >> 10) & 31;
    int size = (desc >> 15) & 3, q = (desc >> 17) & 1;
    unsigned imm = (unsigned)(desc >> 32);
    int bytes = q ? 16 : 8, n = bytes >> size;
    SimdReg vn = vget(e, rn), vm = vget(e, rm), vd = vget(e, rd), r;
    uint64_t acc, x;

    memset(&r, 0, sizeof(r));
    if (desc & SIMD_DESC_SCALAR) {
        n = 1;
        bytes = 1 << size;
    }
    if (desc & SIMD_DESC_ELEM) {
        /* By element: lane imm of Vm in every lane of the second operand. */
        uint64_t x0 = simd_lane(&vm, size, (int)imm);
        for (int i = 0; i < (16 >> size); i++)
            simd_set_lane(&vm, size, i, x0);
    }
    switch (op) {
    case SOP_ADD: case SOP_SUB: case SOP_MUL: case SOP_MLA: case SOP_MLS:
    case SOP_CMEQ: case SOP_CMHI: case SOP_CMHS: case SOP_CMGT: case SOP_CMGE:
    case SOP_CMTST: case SOP_SMAX: case SOP_SMIN: case SOP_UMAX: case SOP_UMIN:
    case SOP_SABD: case SOP_UABD: case SOP_SSHL: case SOP_USHL:
    case SOP_SHADD: case SOP_UHADD: case SOP_SRHADD: case SOP_URHADD:
    case SOP_SHSUB: case SOP_UHSUB:
        for (int i = 0; i < n; i++)
            simd_set_lane(&r, size, i, binop(op, size, simd_lane(&vn, size, i), simd_lane(&vm, size, i),
                                        simd_lane(&vd, size, i)));
        vput(e, rd, &r, bytes);
        break;
    case SOP_SQADD: case SOP_UQADD: case SOP_SQSUB: case SOP_UQSUB: {
        bool sat = false;
        for (int i = 0; i < n; i++)
            simd_set_lane(&r, size, i, saturate(op, size, simd_lane(&vn, size, i), simd_lane(&vm, size, i), &sat));
        vput(e, rd, &r, bytes);
        if (sat)
            e->fpsr |= FPSR_QC;
        break;
    }
    case SOP_SRSHL: case SOP_URSHL: case SOP_SQSHL: case SOP_UQSHL: case SOP_SQRSHL:
    case SOP_UQRSHL: case SOP_SQDMULH: case SOP_SQRDMULH: case SOP_PMUL:
    case SOP_CLS: case SOP_CLZ: case SOP_SQABS: case SOP_SQNEG: case SOP_SUQADD:
    case SOP_USQADD: case SOP_SQSHLI: case SOP_UQSHLI: case SOP_SQSHLU: {
        bool sat = false, by_imm = op == SOP_SQSHLI || op == SOP_UQSHLI || op == SOP_SQSHLU;
        for (int i = 0; i < n; i++)
            simd_set_lane(&r, size, i, satop(op, size, simd_lane(&vn, size, i),
                                        by_imm ? imm : simd_lane(&vm, size, i),
                                        simd_lane(&vd, size, i), &sat));
        vput(e, rd, &r, bytes);
        if (sat)
            e->fpsr |= FPSR_QC;
        break;
    }
    case SOP_ADDP: case SOP_SMAXP: case SOP_SMINP: case SOP_UMAXP: case SOP_UMINP:
        /* Pairs of the concatenation: the lower half of the result from Vn. */
        for (int i = 0; i < n; i++) {
            const SimdReg *src = i < n / 2 ? &vn : &vm;
            int j = 2 * (i % (n / 2));
            simd_set_lane(&r, size, i, binop(op, size, simd_lane(src, size, j),
                                        simd_lane(src, size, j + 1), 0));
        }
        vput(e, rd, &r, bytes);
        break;
    case SOP_ADDP_S:
        simd_set_lane(&r, 3, 0, simd_lane(&vn, 3, 0) + simd_lane(&vn, 3, 1));
        vput(e, rd, &r, 8);
        break;
    case SOP_CMEQ0: case SOP_CMGT0: case SOP_CMGE0: case SOP_CMLE0: case SOP_CMLT0:
    case SOP_ABS: case SOP_NEG: case SOP_CNT: case SOP_NOT: case SOP_RBIT:
        for (int i = 0; i < n; i++)
            simd_set_lane(&r, size, i, unop(op, size, simd_lane(&vn, size, i)));
        vput(e, rd, &r, bytes);
        break;
    case SOP_REV16: case SOP_REV32: case SOP_REV64: {
        /* Reverse the size-byte lanes within each container. */
        int cont = op == SOP_REV16 ? 2 : op == SOP_REV32 ? 4 : 8;
        int per = cont >> size;
        for (int i = 0; i < n; i++)
            simd_set_lane(&r, size, i, simd_lane(&vn, size, (i / per) * per + (per - 1 - i % per)));
        vput(e, rd, &r, bytes);
        break;
    }
    case SOP_UADDLP: case SOP_SADDLP: case SOP_UADALP: case SOP_SADALP:
        /* Pairs widened and added (and accumulated into Vd's wide lanes). */
        for (int i = 0; i < n / 2; i++) {
            uint64_t a = simd_lane(&vn, size, 2 * i), b = simd_lane(&vn, size, 2 * i + 1);
            uint64_t acc0 = op == SOP_UADALP || op == SOP_SADALP ? simd_lane(&vd, size + 1, i) : 0;
            if (op == SOP_SADDLP || op == SOP_SADALP)
                x = (uint64_t)(sext(a, size) + sext(b, size));
            else
                x = a + b;
            simd_set_lane(&r, size + 1, i, (acc0 + x) & emask(size + 1));
        }
        vput(e, rd, &r, bytes);
        break;
    case SOP_XTN: case SOP_SHRN: case SOP_RSHRN:
    case SOP_ADDHN: case SOP_SUBHN: case SOP_RADDHN: case SOP_RSUBHN:
    case SOP_SQXTN: case SOP_UQXTN: case SOP_SQXTUN:
    case SOP_SQSHRN: case SOP_SQRSHRN: case SOP_UQSHRN: case SOP_UQRSHRN:
    case SOP_SQSHRUN: case SOP_SQRSHRUN: {
        /* Narrowing: 8 bytes of results from the 2 * size lanes of Vn (and
           Vm); the scalar forms make one. */
        int cnt = desc & SIMD_DESC_SCALAR ? 1 : 8 >> size;
        unsigned half = 8u << size;
        bool sat = false;
        for (int i = 0; i < cnt; i++) {
            unsigned __int128 a = simd_lane(&vn, size + 1, i), b = simd_lane(&vm, size + 1, i);
            unsigned __int128 w;
            int64_t sa = sext((uint64_t)a, size + 1);
            int64_t smax = (int64_t)(emask(size) >> 1), smin = -smax - 1;
            switch (op) {
            case SOP_XTN: w = a; break;
            case SOP_SQXTN:
                w = (uint64_t)(sa > smax ? smax : sa < smin ? smin : sa);
                sat |= sa > smax || sa < smin;
                break;
            case SOP_UQXTN:
                w = a > emask(size) ? emask(size) : a;
                sat |= a > emask(size);
                break;
            case SOP_SQXTUN:
                w = sa < 0 ? 0 : (uint64_t)sa > emask(size) ? emask(size) : (uint64_t)sa;
                sat |= sa < 0 || (uint64_t)sa > emask(size);
                break;
            case SOP_SQSHRN: case SOP_SQRSHRN: case SOP_SQSHRUN: case SOP_SQRSHRUN: {
                bool rnd = op == SOP_SQRSHRN || op == SOP_SQRSHRUN;
                __int128 v = ((__int128)sa + (rnd ? (__int128)1 << (imm - 1) : 0)) >> imm;
                w = sat_lane(v, size, op == SOP_SQSHRN || op == SOP_SQRSHRN, &sat);
                break;
            }
            case SOP_UQSHRN: case SOP_UQRSHRN: {
                __int128 v = (__int128)((a + (op == SOP_UQRSHRN ? (unsigned __int128)1 << (imm - 1)
                                                               : 0)) >> imm);
                w = sat_lane(v, size, false, &sat);
                break;
            }
            case SOP_SHRN: w = a >> imm; break;
            case SOP_RSHRN: w = (a + ((unsigned __int128)1 << (imm - 1))) >> imm; break;
            case SOP_ADDHN: w = (a + b) >> half; break;
            case SOP_SUBHN: w = (a - b) >> half; break;
            case SOP_RADDHN: w = (a + b + ((unsigned __int128)1 << (half - 1))) >> half; break;
            default: w = (a - b + ((unsigned __int128)1 << (half - 1))) >> half; break;
            }
            simd_set_lane(&r, size, i, (uint64_t)w & emask(size));
        }
        if (sat)
            e->fpsr |= FPSR_QC;
        if (q) {
            memcpy(vd.b + 8, r.b, 8);
            vput(e, rd, &vd, 16);
        } else {
            vput(e, rd, &r, 8);
        }
        break;
    }
    case SOP_ADDV: case SOP_SMAXV: case SOP_SMINV: case SOP_UMAXV: case SOP_UMINV:
        acc = simd_lane(&vn, size, 0);
        for (int i = 1; i < n; i++) {
            static const enum A64SimdOp pair[] = { SOP_ADD, SOP_SMAX, SOP_SMIN, SOP_UMAX, SOP_UMIN };
            acc = binop(pair[op - SOP_ADDV], size, acc, simd_lane(&vn, size, i), 0) & emask(size);
        }
        simd_set_lane(&r, size, 0, acc & emask(size));
        vput(e, rd, &r, 16);
        break;
    case SOP_UADDLV: case SOP_SADDLV:
        acc = 0;
        for (int i = 0; i < n; i++)
            acc += op == SOP_SADDLV ? (uint64_t)sext(simd_lane(&vn, size, i), size)
                                    : simd_lane(&vn, size, i);
        simd_set_lane(&r, size + 1, 0, acc & emask(size + 1));
        vput(e, rd, &r, 16);
        break;
    case SOP_SSHR: case SOP_USHR: case SOP_SSRA: case SOP_USRA: case SOP_SHL:
    case SOP_SRSHR: case SOP_URSHR: case SOP_SRSRA: case SOP_URSRA: case SOP_SRI: case SOP_SLI:
        for (int i = 0; i < n; i++) {
            uint64_t a = simd_lane(&vn, size, i), d = simd_lane(&vd, size, i), m = emask(size);
            /* Rounding (right shifts, imm >= 1): add 1 << (imm - 1) to the
               exact 128-bit value first. */
            __int128 rs = 0;
            unsigned __int128 ru = 0;
            if (imm) {
                rs = ((__int128)sext(a, size) + ((__int128)1 << (imm - 1))) >> imm;
                ru = ((unsigned __int128)a + ((unsigned __int128)1 << (imm - 1))) >> imm;
            }
            switch (op) {
            case SOP_SSHR: x = sar(sext(a, size), imm); break;
            case SOP_USHR: x = shr(a, imm); break;
            case SOP_SSRA: x = d + sar(sext(a, size), imm); break;
            case SOP_USRA: x = d + shr(a, imm); break;
            case SOP_SRSHR: x = (uint64_t)rs; break;
            case SOP_URSHR: x = (uint64_t)ru; break;
            case SOP_SRSRA: x = d + (uint64_t)rs; break;
            case SOP_URSRA: x = d + (uint64_t)ru; break;
            /* SRI/SLI: the shifted bits of Vn replace those of Vd. */
            case SOP_SRI: x = (d & ~shr(m, imm)) | shr(a, imm); break;
            case SOP_SLI: x = (d & ~(m << imm)) | (a << imm); break;
            default: x = a << imm; break;
            }
            simd_set_lane(&r, size, i, x & emask(size));
        }
        vput(e, rd, &r, bytes);
        break;
    case SOP_SSHLL: case SOP_USHLL:
    case SOP_SADDL: case SOP_UADDL: case SOP_SSUBL: case SOP_USUBL:
    case SOP_SMULL: case SOP_UMULL: case SOP_SMLAL: case SOP_UMLAL: case SOP_SMLSL:
    case SOP_UMLSL: case SOP_SABAL: case SOP_UABAL: case SOP_SABDL: case SOP_UABDL:
    case SOP_SADDW: case SOP_UADDW: case SOP_SSUBW: case SOP_USUBW: {
        /*
         * Long: the size lanes of one half of Vm (and of Vn, except for the
         * wide forms, whose Vn already has 2 * size lanes) widen to 2 * size;
         * the accumulating forms add to Vd's 2 * size lanes.
         */
        int cnt = 8 >> size, base = q ? cnt : 0;
        bool sg = op == SOP_SSHLL || op == SOP_SADDL || op == SOP_SSUBL || op == SOP_SMULL ||
                  op == SOP_SMLAL || op == SOP_SMLSL || op == SOP_SABAL || op == SOP_SABDL ||
                  op == SOP_SADDW || op == SOP_SSUBW;
        bool wide = op == SOP_SADDW || op == SOP_UADDW || op == SOP_SSUBW || op == SOP_USUBW;
        for (int i = 0; i < cnt; i++) {
            uint64_t a = wide ? simd_lane(&vn, size + 1, i) : simd_lane(&vn, size, base + i);
            uint64_t b = simd_lane(&vm, size, base + i), acc0 = simd_lane(&vd, size + 1, i);
            if (sg) {
                if (!wide)
                    a = (uint64_t)sext(a, size);
                b = (uint64_t)sext(b, size);
            }
            switch (op) {
            case SOP_SSHLL: case SOP_USHLL: x = a << imm; break;
            case SOP_SADDL: case SOP_UADDL: case SOP_SADDW: case SOP_UADDW: x = a + b; break;
            case SOP_SSUBL: case SOP_USUBL: case SOP_SSUBW: case SOP_USUBW: x = a - b; break;
            case SOP_SMLAL: case SOP_UMLAL: x = acc0 + a * b; break;
            case SOP_SMLSL: case SOP_UMLSL: x = acc0 - a * b; break;
            case SOP_SABDL: case SOP_UABDL: x = sg ? binop(SOP_SABD, 3, a, b, 0)
                                                   : binop(SOP_UABD, 3, a, b, 0); break;
            case SOP_SABAL: case SOP_UABAL: x = acc0 + (sg ? binop(SOP_SABD, 3, a, b, 0)
                                                           : binop(SOP_UABD, 3, a, b, 0)); break;
            default: x = a * b; break;
            }
            simd_set_lane(&r, size + 1, i, x & emask(size + 1));
        }
        vput(e, rd, &r, 16);
        break;
    }
    case SOP_SQDMULL: case SOP_SQDMLAL: case SOP_SQDMLSL: case SOP_PMULL: {
        /* Long, from one half of Vn and Vm (the scalar forms: lane 0) into
           2 * size lanes; the doubled product saturates, and so does the
           accumulation (each sets QC). */
        int cnt = desc & SIMD_DESC_SCALAR ? 1 : 8 >> size, base = q ? cnt : 0;
        bool sat = false;
        for (int i = 0; i < cnt; i++) {
            uint64_t a = simd_lane(&vn, size, base + i), b = simd_lane(&vm, size, base + i);
            if (op == SOP_PMULL) {
                x = 0;
                for (int k = 0; k < 8; k++)
                    if ((b >> k) & 1)
                        x ^= a << k;
            } else {
                x = sat_lane(2 * (__int128)sext(a, size) * sext(b, size), size + 1, true, &sat);
                if (op != SOP_SQDMULL) {
                    __int128 acc0 = sext(simd_lane(&vd, size + 1, i), size + 1), p = sext(x, size + 1);
                    x = sat_lane(op == SOP_SQDMLAL ? acc0 + p : acc0 - p, size + 1, true, &sat);
                }
            }
            simd_set_lane(&r, size + 1, i, x & emask(size + 1));
        }
        vput(e, rd, &r, desc & SIMD_DESC_SCALAR ? 2 << size : 16);
        if (sat)
            e->fpsr |= FPSR_QC;
        break;
    }
    case SOP_PMULL64: {
        /* 64 x 64 -> 128-bit carry-less product of Vn.D[q] and Vm.D[q] */
        uint64_t a = simd_lane(&vn, 3, q), b = simd_lane(&vm, 3, q), lo = 0, hi = 0;
        for (int k = 0; k < 64; k++) {
            if ((b >> k) & 1) {
                lo ^= a << k;
                hi ^= k ? a >> (64 - k) : 0;
            }
        }
        simd_set_lane(&r, 3, 0, lo);
        simd_set_lane(&r, 3, 1, hi);
        vput(e, rd, &r, 16);
        break;
    }
    case SOP_UZP1: case SOP_UZP2:
        for (int i = 0; i < n; i++) {
            int j = 2 * i + (op == SOP_UZP2);
            simd_set_lane(&r, size, i, j < n ? simd_lane(&vn, size, j) : simd_lane(&vm, size, j - n));
        }
        vput(e, rd, &r, bytes);
        break;
    case SOP_ZIP1: case SOP_ZIP2: {
        int base = op == SOP_ZIP2 ? n / 2 : 0;
        for (int i = 0; i < n / 2; i++) {
            simd_set_lane(&r, size, 2 * i, simd_lane(&vn, size, base + i));
            simd_set_lane(&r, size, 2 * i + 1, simd_lane(&vm, size, base + i));
        }
        vput(e, rd, &r, bytes);
        break;
    }
    case SOP_TRN1: case SOP_TRN2: {
        int p = op == SOP_TRN2;
        for (int i = 0; i < n / 2; i++) {
            simd_set_lane(&r, size, 2 * i, simd_lane(&vn, size, 2 * i + p));
            simd_set_lane(&r, size, 2 * i + 1, simd_lane(&vm, size, 2 * i + p));
        }
        vput(e, rd, &r, bytes);
        break;
    }
    case SOP_EXT:
        /* Bytes imm.. of Vm:Vn (Vn lowest), bytes wide. */
        for (int i = 0; i < bytes; i++) {
            int j = (int)imm + i;
            r.b[i] = j < bytes ? vn.b[j] : vm.b[j - bytes];
        }
        vput(e, rd, &r, bytes);
        break;
    case SOP_TBL: case SOP_TBX: {
        /* Table: imm + 1 consecutive registers from Rn (modulo 32); Vm are indices. */
        uint8_t tab[64];
        int len = ((int)imm + 1) * 16;
        for (int t = 0; t <= (int)imm; t++)
            memcpy(tab + 16 * t, e->v[(rn + t) & 31], 16);
        for (int i = 0; i < bytes; i++) {
            unsigned idx = vm.b[i];
            r.b[i] = idx < (unsigned)len ? tab[idx] : op == SOP_TBX ? vd.b[i] : 0;
        }
        vput(e, rd, &r, bytes);
        break;
    }
    default:
        break;
    }
}

static void helper_simd(CPUCommon *env, uint64_t op, uint64_t desc)
{
    if (!simd_exec_vec((AArch64Env *)env, (enum A64SimdOp)op, desc))
        simd_exec((AArch64Env *)env, (enum A64SimdOp)op, desc);
}

IRHelper a64_helper_simd = {
    .name = "a64_simd", .fn = (void *)helper_simd, .ret = IR_TYPE_VOID,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = 0,
};
