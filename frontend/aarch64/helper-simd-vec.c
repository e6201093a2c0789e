/*
 * helper-simd-vec.c - whole-register fast paths of the a64_simd helper.
 *
 * helper-simd.c computes every Advanced SIMD operation lane by lane, which
 * is exact but costs a switch and a loop per lane.  The common lane-wise
 * operations are written here once more on GCC vector types (16-byte
 * vectors of 8-, 16- and 32-bit lanes), which the compiler turns into host
 * vector instructions (SSE2 on x86_64, NEON on an aarch64 host) or, on a
 * host without them, into plain code.  simd_exec_vec takes the plain
 * vector forms of these operations and returns false for anything else,
 * which then goes lane by lane.  The semantics are the Arm ARM's (C7.2),
 * the same as helper-simd.c's; the kat/simd-*.S tests run through both,
 * since each operation is here for some forms only (no scalar or by-element
 * forms, saturating ones only on a full Q register).
 *
 * Lanes are in memory order (lane 0 lowest), the element order of a vector
 * type on a little-endian host; a big-endian host takes the lane-by-lane
 * path for everything.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "frontend/aarch64/cpu.h"
#include "frontend/aarch64/translate-simd.h"

#define FPSR_QC (1u << 27)

typedef uint8_t vu8 __attribute__((vector_size(16)));
typedef int8_t vs8 __attribute__((vector_size(16)));
typedef uint16_t vu16 __attribute__((vector_size(16)));
typedef int16_t vs16 __attribute__((vector_size(16)));
typedef uint32_t vu32 __attribute__((vector_size(16)));
typedef int32_t vs32 __attribute__((vector_size(16)));
typedef uint64_t vu64 __attribute__((vector_size(16)));

/* (m & a) | (~m & b), m all ones or all zeros in each lane. */
#define SEL(m, a, b) (((m) & (a)) | (~(m) & (b)))

/*
 * Lane-wise three-same (and two-register misc) operations on vectors of U (unsigned lanes of type
 * UT) and S (the same lanes signed).  *qc gets a lane mask of the lanes that
 * saturated.  Comparisons give all ones or zero per lane, as CMxx do.
 */
#define BINOPS(U, S, UT)                                                        \
    static bool binop_##U(enum A64SimdOp op, U n, U m, U d, U *r, U *qc)        \
    {                                                                           \
        const S sn = (S)n, sm = (S)m;                                           \
        const U smin = (U){0} + (UT)((UT)1 << (sizeof(UT) * 8 - 1));            \
        U s, o;                                                                 \
                                                                                \
        switch (op) {                                                           \
        case SOP_MUL: *r = n * m; return true;                                  \
        case SOP_MLA: *r = d + n * m; return true;                              \
        case SOP_MLS: *r = d - n * m; return true;                              \
        case SOP_CMEQ: *r = (U)(n == m); return true;                           \
        case SOP_CMHI: *r = (U)(n > m); return true;                            \
        case SOP_CMHS: *r = (U)(n >= m); return true;                           \
        case SOP_CMGT: *r = (U)(sn > sm); return true;                          \
        case SOP_CMGE: *r = (U)(sn >= sm); return true;                         \
        case SOP_CMTST: *r = (U)((n & m) != 0); return true;                    \
        case SOP_UMAX: *r = SEL((U)(n > m), n, m); return true;                 \
        case SOP_UMIN: *r = SEL((U)(n < m), n, m); return true;                 \
        case SOP_SMAX: *r = SEL((U)(sn > sm), n, m); return true;               \
        case SOP_SMIN: *r = SEL((U)(sn < sm), n, m); return true;               \
        case SOP_UABD: *r = SEL((U)(n > m), n - m, m - n); return true;         \
        /* two-register misc: m is not an operand */                            \
        case SOP_CMEQ0: *r = (U)(n == 0); return true;                          \
        case SOP_CMGT0: *r = (U)(sn > 0); return true;                          \
        case SOP_CMGE0: *r = (U)(sn >= 0); return true;                         \
        case SOP_CMLE0: *r = (U)(sn <= 0); return true;                         \
        case SOP_CMLT0: *r = (U)(sn < 0); return true;                          \
        case SOP_ABS: *r = SEL((U)(sn < 0), -n, n); return true;                \
        case SOP_NEG: *r = -n; return true;                                     \
        case SOP_NOT: *r = ~n; return true;                                     \
        case SOP_SABD: *r = SEL((U)(sn > sm), n - m, m - n); return true;       \
        case SOP_UQADD:                                                         \
            s = n + m;                                                          \
            o = (U)(s < n);                     /* carried out: all ones */     \
            *r = s | o;                                                         \
            *qc = o;                                                            \
            return true;                                                        \
        case SOP_UQSUB:                                                         \
            o = (U)(n < m);                     /* borrowed: zero */            \
            *r = (n - m) & ~o;                                                  \
            *qc = o;                                                            \
            return true;                                                        \
        case SOP_SQADD: case SOP_SQSUB:                                         \
            /* overflow: the operands' signs agree (ADD) or differ (SUB) and  \
               the result's sign is not the first operand's */                  \
            s = op == SOP_SQADD ? n + m : n - m;                                \
            o = (op == SOP_SQADD ? ~(n ^ m) : (n ^ m)) & (n ^ s);               \
            o = (U)((S)o < 0);                                                  \
            /* MIN when n < 0, MAX otherwise */                                 \
            *r = SEL(o, SEL((U)(sn < 0), smin, ~smin), s);                      \
            *qc = o;                                                            \
            return true;                                                        \
        default:                                                                \
            return false;                                                       \
        }                                                                       \
    }

BINOPS(vu8, vs8, uint8_t)
BINOPS(vu16, vs16, uint16_t)
BINOPS(vu32, vs32, uint32_t)

/* Shifts right by immediate (1 .. esize), with accumulate for xSRA. */
#define SHIFTS(U, S, UT)                                                        \
    static bool shift_##U(enum A64SimdOp op, U n, U d, unsigned sh, U *r)       \
    {                                                                           \
        const unsigned w = sizeof(UT) * 8;                                      \
        U x;                                                                    \
                                                                                \
        switch (op) {                                                           \
        case SOP_SSHR: case SOP_SSRA:                                           \
            x = (U)((S)n >> (int)(sh < w ? sh : w - 1));                        \
            break;                                                              \
        case SOP_USHR: case SOP_USRA:                                           \
            x = sh < w ? n >> (int)sh : (U){0};                                 \
            break;                                                              \
        default:                                                                \
            return false;                                                       \
        }                                                                       \
        *r = op == SOP_SSRA || op == SOP_USRA ? d + x : x;                      \
        return true;                                                            \
    }

SHIFTS(vu8, vs8, uint8_t)
SHIFTS(vu16, vs16, uint16_t)
SHIFTS(vu32, vs32, uint32_t)

/* UADDLP/SADDLP (acc false) and UADALP/SADALP: pairs of lanes of type N
 * added into lanes twice as wide, W. */
#define PAIRS(W, WS, H)                                                         \
    static void pairs_##W(bool sign, bool acc, W n, W d, W *r)                  \
    {                                                                           \
        const int h = H;                                                        \
        W lo, hi;                                                               \
                                                                                \
        if (sign) {                                                             \
            lo = (W)(((WS)(n << h)) >> h);                                      \
            hi = (W)((WS)n >> h);                                               \
        } else {                                                                \
            lo = n & ((W){0} + (uint16_t)((1u << h) - 1)); /* h < 16 */        \
            hi = n >> h;                                                        \
        }                                                                       \
        *r = (acc ? d : (W){0}) + lo + hi;                                      \
    }

PAIRS(vu16, vs16, 8)
PAIRS(vu32, vs32, 16)

static void pairs_vu64(bool sign, bool acc, vu64 n, vu64 d, vu64 *r)
{
    vu64 lo, hi;

    if (sign) {
        for (int i = 0; i < 2; i++) {
            lo[i] = (uint64_t)(int64_t)(int32_t)(uint32_t)n[i];
            hi[i] = (uint64_t)((int64_t)n[i] >> 32);
        }
    } else {
        lo = n & (vu64){0xffffffffu, 0xffffffffu};
        hi = n >> 32;
    }
    *r = (acc ? d : (vu64){0, 0}) + lo + hi;
}

/*
 * Long and wide forms (three different, SSHLL/USHLL): the size lanes of one
 * 8-byte half of a register widen to lanes twice as wide, W (signed: WS),
 * through the half-register vector types HU/HS; the arithmetic is then
 * exact in W, as the lane loop's is in 64 bits.
 */
typedef uint8_t vu8h __attribute__((vector_size(8)));
typedef int8_t vs8h __attribute__((vector_size(8)));
typedef uint16_t vu16h __attribute__((vector_size(8)));
typedef int16_t vs16h __attribute__((vector_size(8)));
typedef uint32_t vu32h __attribute__((vector_size(8)));
typedef int32_t vs32h __attribute__((vector_size(8)));
typedef int64_t vs64 __attribute__((vector_size(16)));

#define LONGOPS(W, WS, HU, HS)                                                  \
    static W widen_##W(uint64_t half, bool sg)                                  \
    {                                                                           \
        HU u;                                                                   \
        HS s;                                                                   \
        memcpy(&u, &half, 8);                                                   \
        memcpy(&s, &half, 8);                                                   \
        return sg ? (W)__builtin_convertvector(s, WS) : __builtin_convertvector(u, W); \
    }                                                                           \
                                                                                \
    static bool long_##W(enum A64SimdOp op, bool sg, W a, W b, W d, unsigned sh, W *r) \
    {                                                                           \
        W abd = sg ? SEL((W)((WS)a > (WS)b), a - b, b - a)                      \
                   : SEL((W)(a > b), a - b, b - a);                             \
                                                                                \
        switch (op) {                                                           \
        case SOP_SSHLL: case SOP_USHLL: *r = a << sh; return true;              \
        case SOP_SADDL: case SOP_UADDL: case SOP_SADDW: case SOP_UADDW:         \
            *r = a + b; return true;                                            \
        case SOP_SSUBL: case SOP_USUBL: case SOP_SSUBW: case SOP_USUBW:         \
            *r = a - b; return true;                                            \
        case SOP_SMULL: case SOP_UMULL: *r = a * b; return true;                \
        case SOP_SMLAL: case SOP_UMLAL: *r = d + a * b; return true;            \
        case SOP_SMLSL: case SOP_UMLSL: *r = d - a * b; return true;            \
        case SOP_SABDL: case SOP_UABDL: *r = abd; return true;                  \
        case SOP_SABAL: case SOP_UABAL: *r = d + abd; return true;              \
        default: return false;                                                  \
        }                                                                       \
    }

LONGOPS(vu16, vs16, vu8h, vs8h)
LONGOPS(vu32, vs32, vu16h, vs16h)
LONGOPS(vu64, vs64, vu32h, vs32h)

static bool is_long_op(enum A64SimdOp op, bool *sg, bool *wide)
{
    switch (op) {
    case SOP_SSHLL: case SOP_SADDL: case SOP_SSUBL: case SOP_SMULL: case SOP_SMLAL:
    case SOP_SMLSL: case SOP_SABAL: case SOP_SABDL:
        *sg = true, *wide = false;
        return true;
    case SOP_USHLL: case SOP_UADDL: case SOP_USUBL: case SOP_UMULL: case SOP_UMLAL:
    case SOP_UMLSL: case SOP_UABAL: case SOP_UABDL:
        *sg = false, *wide = false;
        return true;
    case SOP_SADDW: case SOP_SSUBW:
        *sg = true, *wide = true;
        return true;
    case SOP_UADDW: case SOP_USUBW:
        *sg = false, *wide = true;
        return true;
    default:
        return false;
    }
}

/* A long or wide operation into Vd (always 128 bits): q picks the upper
 * half of the narrow operands (the "2" forms). */
static bool exec_long(AArch64Env *e, enum A64SimdOp op, int rd, int rn, int rm, int size, int q,
                      unsigned imm, bool sg, bool wide)
{
    vu64 nv = { e->v[rn][0], e->v[rn][1] }, d = { e->v[rd][0], e->v[rd][1] }, r;
    uint64_t nh = e->v[rn][q], mh = e->v[rm][q];
    bool ok;

    switch (size) {
    case 0:
        ok = long_vu16(op, sg, wide ? (vu16)nv : widen_vu16(nh, sg), widen_vu16(mh, sg),
                       (vu16)d, imm, (vu16 *)&r);
        break;
    case 1:
        ok = long_vu32(op, sg, wide ? (vu32)nv : widen_vu32(nh, sg), widen_vu32(mh, sg),
                       (vu32)d, imm, (vu32 *)&r);
        break;
    case 2:
        ok = long_vu64(op, sg, wide ? nv : widen_vu64(nh, sg), widen_vu64(mh, sg), d, imm, &r);
        break;
    default:
        return false;
    }
    if (ok)
        memcpy(e->v[rd], &r, 16);
    return ok;
}

/*
 * A register by its two 64-bit halves: translated code writes registers
 * that way (ldr q, inline ops), and one 16-byte load of what two 8-byte
 * stores just wrote stalls the host's store forwarding for many cycles.
 */
static vu8 load_v(const AArch64Env *e, int r)
{
    vu64 v = { e->v[r][0], e->v[r][1] };

    return (vu8)v;
}

bool simd_exec_vec(AArch64Env *e, enum A64SimdOp op, uint64_t desc)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    int rd = desc & 31, rn = (desc >> 5) & 31, rm = (desc >> 10) & 31;
    int size = (desc >> 15) & 3, q = (desc >> 17) & 1;
    unsigned imm = (unsigned)(desc >> 32);
    bool saturating = op == SOP_UQADD || op == SOP_UQSUB || op == SOP_SQADD || op == SOP_SQSUB;
    vu8 n, m, d, r, qc = { 0 };
    bool ok;

    bool sg, wide;

    if (desc & (SIMD_DESC_SCALAR | SIMD_DESC_ELEM))
        return false;
    if (is_long_op(op, &sg, &wide))
        return exec_long(e, op, rd, rn, rm, size, q, imm, sg, wide);
    /* Upper lanes of a 64-bit form are computed and dropped, so they must
     * not reach FPSR.QC. */
    if (saturating && !q)
        return false;
    n = load_v(e, rn);
    m = load_v(e, rm);
    d = load_v(e, rd);
    switch (op) {
    case SOP_SSHR: case SOP_USHR: case SOP_SSRA: case SOP_USRA:
        switch (size) {
        case 0: ok = shift_vu8(op, n, d, imm, &r); break;
        case 1: ok = shift_vu16(op, (vu16)n, (vu16)d, imm, (vu16 *)&r); break;
        case 2: ok = shift_vu32(op, (vu32)n, (vu32)d, imm, (vu32 *)&r); break;
        default: return false;
        }
        break;
    case SOP_UADDLP: case SOP_SADDLP: case SOP_UADALP: case SOP_SADALP: {
        bool sign = op == SOP_SADDLP || op == SOP_SADALP;
        bool acc = op == SOP_UADALP || op == SOP_SADALP;
        /* size is the source lane size */
        switch (size) {
        case 0: pairs_vu16(sign, acc, (vu16)n, (vu16)d, (vu16 *)&r); break;
        case 1: pairs_vu32(sign, acc, (vu32)n, (vu32)d, (vu32 *)&r); break;
        case 2: pairs_vu64(sign, acc, (vu64)n, (vu64)d, (vu64 *)&r); break;
        default: return false;
        }
        ok = true;
        break;
    }
    default:
        switch (size) {
        case 0: ok = binop_vu8(op, n, m, d, &r, &qc); break;
        case 1: ok = binop_vu16(op, (vu16)n, (vu16)m, (vu16)d, (vu16 *)&r, (vu16 *)&qc); break;
        case 2: ok = binop_vu32(op, (vu32)n, (vu32)m, (vu32)d, (vu32 *)&r, (vu32 *)&qc); break;
        default: return false;
        }
        break;
    }
    if (!ok)
        return false;
    if (!q)
        memset((uint8_t *)&r + 8, 0, 8);
    memcpy(e->v[rd], &r, 16);
    if (saturating && (((vu64)qc)[0] | ((vu64)qc)[1]))
        e->fpsr |= FPSR_QC;
    return true;
#else
    (void)e; (void)op; (void)desc;
    return false;
#endif
}
