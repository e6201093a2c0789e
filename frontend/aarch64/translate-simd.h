/*
 * translate-simd.h - what the SIMD&FP translator files share: access to the
 * vector register file in env and the one run-time helper that does the
 * lane-wise integer operations.
 *
 * Invariants:
 *  - V registers are not IR globals: translated code reaches them with
 *    ld/st on env at offsetof(AArch64Env, v) + 16 * n (+ 8 for bits
 *    127:64), so nothing about them is cached across instructions;
 *  - a lane at byte offset i of a register is at host byte offset i, which
 *    holds because the host is little-endian (checked at compile time);
 *  - an instruction that writes a scalar or a 64-bit vector zeroes the rest
 *    of the 128-bit register (Arm ARM: V[] writes of less than 128 bits);
 *  - the SIMD helper reads and writes env->v (and FPSR.QC) only, never an
 *    IR global, so it
 *    is called with no IR_CALL_* flag: not PURE (it has a side effect on
 *    env memory, it must be neither deleted nor folded), and no
 *    READS/WRITES_GLOBALS because it touches no global.  Every operand it
 *    needs from a general register is passed as an argument instead.
 */
#ifndef REMU_AARCH64_TRANSLATE_SIMD_H
#define REMU_AARCH64_TRANSLATE_SIMD_H

#include <stddef.h>
#include <string.h>

#include "frontend/aarch64/translate.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the SIMD register layout assumes a little-endian host"
#endif

static inline int32_t a64_vreg_off(int n, int byte)
{
    return (int32_t)(offsetof(AArch64Env, v) + 16 * (size_t)n + (size_t)byte);
}

/*
 * A vector register's 16 bytes as a helper holds them: lane i of
 * 1 << size bytes is at byte offset i << size (the little-endian layout
 * above).  The fixed-size copies compile to plain loads and stores.
 */
typedef union SimdReg {
    uint8_t b[16];
    uint64_t d[2];
} SimdReg;

static inline uint64_t simd_lane(const SimdReg *v, int size, int i)
{
    const uint8_t *p = v->b + ((size_t)i << size);
    uint16_t h;
    uint32_t w;
    uint64_t d;

    switch (size) {
    case 0:
        return *p;
    case 1:
        memcpy(&h, p, 2);
        return h;
    case 2:
        memcpy(&w, p, 4);
        return w;
    default:
        memcpy(&d, p, 8);
        return d;
    }
}

static inline void simd_set_lane(SimdReg *v, int size, int i, uint64_t x)
{
    uint8_t *p = v->b + ((size_t)i << size);
    uint16_t h = (uint16_t)x;
    uint32_t w = (uint32_t)x;

    switch (size) {
    case 0:
        *p = (uint8_t)x;
        break;
    case 1:
        memcpy(p, &h, 2);
        break;
    case 2:
        memcpy(p, &w, 4);
        break;
    default:
        memcpy(p, &x, 8);
        break;
    }
}

/* 64-bit half (0 = bits 63:0) of Vn as a new i64 temp, and its store. */
IRTempIdx simd_ld64(DisasContext *s, int n, int half);
void simd_st64(DisasContext *s, int n, int half, IRTempIdx v);
void simd_st64i(DisasContext *s, int n, int half, uint64_t v);
/* Lane of 1 << size bytes at byte offset byte, zero-extended to i64. */
IRTempIdx simd_ld_lane(DisasContext *s, int n, int byte, int size);
void simd_st_lane(DisasContext *s, int n, int byte, int size, IRTempIdx v);

/* The operations of the helper a64_simd(env, op, desc). */
enum A64SimdOp {
    /* elementwise binary (three same) */
    SOP_ADD, SOP_SUB, SOP_MUL, SOP_MLA, SOP_MLS,
    SOP_CMEQ, SOP_CMHI, SOP_CMHS, SOP_CMGT, SOP_CMGE, SOP_CMTST,
    SOP_SMAX, SOP_SMIN, SOP_UMAX, SOP_UMIN, SOP_SABD, SOP_UABD, SOP_SSHL, SOP_USHL,
    SOP_SHADD, SOP_UHADD, SOP_SRHADD, SOP_URHADD, SOP_SHSUB, SOP_UHSUB,
    SOP_SQADD, SOP_UQADD, SOP_SQSUB, SOP_UQSUB,     /* saturating: set FPSR.QC */
    /* pairwise over the concatenation Vm:Vn */
    SOP_ADDP, SOP_SMAXP, SOP_SMINP, SOP_UMAXP, SOP_UMINP,
    /* unary (two-register misc) */
    SOP_CMEQ0, SOP_CMGT0, SOP_CMGE0, SOP_CMLE0, SOP_CMLT0, SOP_ABS, SOP_NEG,
    SOP_CNT, SOP_NOT, SOP_RBIT, SOP_REV16, SOP_REV32, SOP_REV64, SOP_XTN,
    SOP_UADDLP, SOP_SADDLP,
    /* across lanes, result in a scalar */
    SOP_ADDV, SOP_SMAXV, SOP_SMINV, SOP_UMAXV, SOP_UMINV, SOP_UADDLV, SOP_SADDLV,
    /* shifts by immediate (imm = shift count) */
    SOP_SSHR, SOP_USHR, SOP_SSRA, SOP_USRA, SOP_SHL, SOP_SHRN, SOP_RSHRN,
    SOP_SRSHR, SOP_URSHR, SOP_SRSRA, SOP_URSRA, SOP_SRI, SOP_SLI,
    SOP_SQXTN, SOP_UQXTN, SOP_SQXTUN,               /* saturating: set FPSR.QC */
    SOP_SADALP, SOP_UADALP,
    SOP_SSHLL, SOP_USHLL,
    /* permutes and tables (imm = EXT byte index, TBL length) */
    SOP_UZP1, SOP_UZP2, SOP_ZIP1, SOP_ZIP2, SOP_TRN1, SOP_TRN2, SOP_EXT,
    SOP_TBL, SOP_TBX,
    /* three different: long, wide and narrowing high */
    SOP_SADDL, SOP_UADDL, SOP_SSUBL, SOP_USUBL, SOP_SMULL, SOP_UMULL,
    SOP_SMLAL, SOP_UMLAL, SOP_SMLSL, SOP_UMLSL, SOP_SABAL, SOP_UABAL, SOP_SABDL, SOP_UABDL,
    SOP_SADDW, SOP_UADDW, SOP_SSUBW, SOP_USUBW,
    SOP_ADDHN, SOP_SUBHN, SOP_RADDHN, SOP_RSUBHN,
    /* scalar ADDP Dd, Vn.2D */
    SOP_ADDP_S,
    /* elementwise with rounding or saturation (three same; Vd is the
       accumulator of SUQADD/USQADD); the saturating ones set FPSR.QC */
    SOP_SRSHL, SOP_URSHL, SOP_SQSHL, SOP_UQSHL, SOP_SQRSHL, SOP_UQRSHL,
    SOP_SQDMULH, SOP_SQRDMULH, SOP_PMUL,
    SOP_CLS, SOP_CLZ, SOP_SQABS, SOP_SQNEG, SOP_SUQADD, SOP_USQADD,
    /* saturating shifts by immediate (imm = shift count): left, and right
       narrowing (with rounding for the R forms) */
    SOP_SQSHLI, SOP_UQSHLI, SOP_SQSHLU,
    SOP_SQSHRN, SOP_SQRSHRN, SOP_UQSHRN, SOP_UQRSHRN, SOP_SQSHRUN, SOP_SQRSHRUN,
    /* long: saturating doubling multiplies (QC) and polynomial multiplies
       (PMULL of bytes, and of doublewords into 128 bits: FEAT_PMULL) */
    SOP_SQDMULL, SOP_SQDMLAL, SOP_SQDMLSL, SOP_PMULL, SOP_PMULL64,
    SOP_COUNT
};

/*
 * The helper's operand word: registers, element size (log2 bytes), Q and an
 * immediate.  For the long/narrow forms size is the narrow element's.  With
 * SIMD_DESC_ELEM the second operand is lane imm of Vm replicated to every
 * lane (the "by element" forms); with SIMD_DESC_SCALAR only lane 0 is
 * computed (the scalar forms).
 */
#define SIMD_DESC_ELEM (UINT64_C(1) << 18)
/* Scalar forms of elementwise operations: lane 0 only, the rest zeroed. */
#define SIMD_DESC_SCALAR (UINT64_C(1) << 19)

static inline uint64_t simd_desc(int rd, int rn, int rm, int size, int q, unsigned imm)
{
    return (uint64_t)rd | (uint64_t)rn << 5 | (uint64_t)rm << 10 | (uint64_t)size << 15 |
           (uint64_t)q << 17 | (uint64_t)imm << 32;
}

/* helper-simd-vec.c: the whole-register fast path of a64_simd, false if
 * it does not take (op, desc). */
bool simd_exec_vec(AArch64Env *e, enum A64SimdOp op, uint64_t desc);
void simd_gen_helper(DisasContext *s, enum A64SimdOp op, int rd, int rn, int rm, int size,
                     int q, unsigned imm);

extern IRHelper a64_helper_simd;

/* The operations of the crypto helper a64_crypto(env, op, desc), desc as
   for a64_simd (helper-crypto.c). */
enum A64CryptoOp {
    COP_AESE, COP_AESD, COP_AESMC, COP_AESIMC,
    COP_SHA1C, COP_SHA1P, COP_SHA1M, COP_SHA1SU0, COP_SHA256H, COP_SHA256H2, COP_SHA256SU1,
    COP_SHA1H, COP_SHA1SU1, COP_SHA256SU0,
    COP_COUNT
};

extern IRHelper a64_helper_crypto;

bool a64_decode_simd(DisasContext *s, uint32_t insn);
bool a64_decode_ldst_simd(DisasContext *s, uint32_t insn);

#endif
