/*
 * translate-fp.h - what translate-fp.c and helper-fp.c share: the scalar FP
 * helpers and their operand word.
 *
 * The helpers are value-based (operands in as raw bits, the result out), so
 * that IR floating-point ops can replace them later.  They read env->fpcr
 * and OR the exception flags into env->fpsr, and touch no IR global, so they
 * are called with no IR_CALL_* flag (not PURE: they write env->fpsr).
 */
#ifndef REMU_AARCH64_TRANSLATE_FP_H
#define REMU_AARCH64_TRANSLATE_FP_H

#include "frontend/aarch64/translate.h"

enum A64FPOp {
    /* a64_fp2(env, desc, a, b) */
    FP2_ADD, FP2_SUB, FP2_MUL, FP2_DIV, FP2_MAX, FP2_MIN, FP2_MAXNM, FP2_MINNM,
    FP2_NMUL,
    /* a64_fp1(env, desc, a) */
    FP1_SQRT, FP1_RINT, FP1_CVT, FP1_TOINT, FP1_FROMINT,
    /* a64_fp3(env, desc, addend, a, b): addend + a * b after the negations */
    FP3_MADD,
};

/*
 * The operand word: op, the source format and destination format as log2
 * bytes (1 half, 2 single, 3 double), a rounding mode (enum FPURounding, or
 * FP_ROUND_FPCR), FRINTX's inexact, fixed-point fraction bits, the integer's
 * width and signedness, FMA negations, FCCMP's alternative nzcv.
 */
#define FP_ROUND_FPCR 7
#define FP_EXACT (1u << 15)
#define FP_INT64 (1u << 23)
#define FP_SIGNED (1u << 24)
#define FP_NEG_ADDEND (1u << 25)
#define FP_NEG_PRODUCT (1u << 26)
#define FP_SIGNALLING (1u << 27)     /* FCMPE, FCCMPE */

static inline uint32_t fp_desc(enum A64FPOp op, int size, int dsize, int rounding)
{
    return (uint32_t)op | (uint32_t)size << 8 | (uint32_t)dsize << 10 |
           (uint32_t)rounding << 12;
}

static inline uint32_t fp_desc_fbits(int fbits)
{
    return (uint32_t)fbits << 16;
}

extern IRHelper a64_helper_fp1, a64_helper_fp2, a64_helper_fp3, a64_helper_fpcmp;

/* For the helpers (helper-fp.c): the fpu/ status of env's FPCR, and the
 * format of log2 size bytes (1 half, 2 single, 3 double). */
struct FPUStatus;
struct FPUFormat;
void a64_fpu_status(struct FPUStatus *st, const AArch64Env *env);
const struct FPUFormat *a64_fpu_format(unsigned size);
/* FPCR.RMode as an enum FPURounding, without building a status. */
int a64_fpcr_rounding(const AArch64Env *env);

bool a64_decode_fp(DisasContext *s, uint32_t insn);

/*
 * Advanced SIMD floating point (translate-simd-fp.c, helper-simd-fp.c):
 * the operations of the helper a64_vfp(env, op, desc), desc as for a64_simd
 * (translate-simd.h: registers, size = log2 bytes of the lanes, Q, imm,
 * SIMD_DESC_SCALAR for lane 0 only, SIMD_DESC_ELEM for lane imm of Vm in
 * every lane).  Like a64_simd it reads and writes env->v, and env->fpsr.
 */
enum A64VfpOp {
    /* elementwise binary, d = n op m; MLA/MLS accumulate into d */
    VFP_ADD, VFP_SUB, VFP_MUL, VFP_DIV, VFP_MAX, VFP_MIN, VFP_MAXNM, VFP_MINNM,
    VFP_MULX, VFP_ABD, VFP_MLA, VFP_MLS, VFP_RECPS, VFP_RSQRTS,
    VFP_CMEQ, VFP_CMGE, VFP_CMGT, VFP_ACGE, VFP_ACGT,
    /* pairwise: over the concatenation Vm:Vn, or Vn's two lanes (scalar) */
    VFP_ADDP, VFP_MAXP, VFP_MINP, VFP_MAXNMP, VFP_MINNMP,
    /* across the four lanes of Vn */
    VFP_MAXV, VFP_MINV, VFP_MAXNMV, VFP_MINNMV,
    /* unary; imm: VFP_IMM_* below */
    VFP_ABS, VFP_NEG, VFP_SQRT, VFP_RINT, VFP_TOINT, VFP_FROMINT,
    VFP_CMEQ0, VFP_CMGE0, VFP_CMGT0, VFP_CMLE0, VFP_CMLT0,
    VFP_RECPE, VFP_RSQRTE, VFP_RECPX, VFP_URECPE, VFP_URSQRTE,
    /* between lane sizes (size: the wider lanes; Q: the upper half) */
    VFP_CVTN, VFP_CVTXN, VFP_CVTL,
    VFP_COUNT
};

/* imm of VFP_RINT/VFP_TOINT/VFP_FROMINT: rounding (enum FPURounding or
 * FP_ROUND_FPCR) in bits 2:0, FRINTX's inexact, signedness, fraction bits. */
#define VFP_IMM_EXACT (1u << 3)
#define VFP_IMM_SIGNED (1u << 4)
#define VFP_IMM_FBITS(n) ((unsigned)(n) << 8)

extern IRHelper a64_helper_vfp;

bool a64_decode_simd_fp(DisasContext *s, uint32_t insn);

#endif
