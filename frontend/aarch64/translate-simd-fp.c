/*
 * translate-simd-fp.c - A64 Advanced SIMD floating point, vector and scalar
 * (Arm ARM C7.2: FADD (vector) ... FRSQRTS; a64-simd-fp.decode).
 *
 * Each instruction is one call of the a64_vfp helper (helper-simd-fp.c)
 * with an operation and the operand word of translate-simd.h; the helper
 * does the lanes with fpu/ under FPCR.  The field "size" of these groups is
 * a:sz, where sz selects single (0) or double (1) lanes and a picks one of
 * two operations; single and double are the formats implemented (FEAT_FP16
 * is not), and a vector of doubles needs Q = 1.  Each trans_ function
 * checks the encoding before it emits anything, so false (UDEF) leaves no
 * IR behind.
 */
#include "config.h"

#include "fpu/fpu.h"
#include "frontend/aarch64/translate-fp.h"
#include "frontend/aarch64/translate-simd.h"

#include "decode-a64-simd-fp.c.inc"

bool a64_decode_simd_fp(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd_fp(s, insn);
}

static void gen_vfp(DisasContext *s, enum A64VfpOp op, uint64_t desc)
{
    IRTempIdx args[3] = { IR_TEMP_ENV, tconst(s, IR_TYPE_I64, (uint64_t)op),
                          tconst(s, IR_TYPE_I64, desc) };

    ir_emit_call(s->b, &a64_helper_vfp, 0, args);
}

/* log2 of the lane size in bytes for sz (0 single, 1 double). */
static int lane_size(int size)
{
    return 2 + (size & 1);
}

/* A vector of doubles needs Q = 1. */
static bool vector_ok(const arg_simd *a)
{
    return a->q || !(a->size & 1);
}

/* ---- three same ------------------------------------------------------------------- */

#define NO VFP_COUNT

/* opcode 11xxx (opc = xxx) -> operation for [opc][U][a] */
static const enum A64VfpOp ops_3same[8][2][2] = {
    { { VFP_MAXNM, VFP_MINNM }, { VFP_MAXNMP, VFP_MINNMP } },
    { { VFP_MLA, VFP_MLS }, { NO, NO } },
    { { VFP_ADD, VFP_SUB }, { VFP_ADDP, VFP_ABD } },
    { { VFP_MULX, NO }, { VFP_MUL, NO } },
    { { VFP_CMEQ, NO }, { VFP_CMGE, VFP_CMGT } },
    { { NO, NO }, { VFP_ACGE, VFP_ACGT } },
    { { VFP_MAX, VFP_MIN }, { VFP_MAXP, VFP_MINP } },
    { { VFP_RECPS, VFP_RSQRTS }, { VFP_DIV, NO } },
};

static bool trans_FP_3same(DisasContext *s, arg_simd *a)
{
    enum A64VfpOp op = ops_3same[a->opc][a->u][a->size >> 1];

    if (op == NO || !vector_ok(a))
        return false;
    gen_vfp(s, op, simd_desc(a->rd, a->rn, a->rm, lane_size(a->size), a->q, 0));
    return true;
}

/* The scalar forms: FMULX, FCMEQ/FCMGE/FCMGT, FACGE/FACGT, FABD, FRECPS,
   FRSQRTS. */
static bool trans_FP_3same_s(DisasContext *s, arg_simd *a)
{
    enum A64VfpOp op = ops_3same[a->opc][a->u][a->size >> 1];

    switch (op) {
    case VFP_MULX: case VFP_CMEQ: case VFP_CMGE: case VFP_CMGT: case VFP_ACGE:
    case VFP_ACGT: case VFP_ABD: case VFP_RECPS: case VFP_RSQRTS:
        break;
    default:
        return false;
    }
    gen_vfp(s, op, simd_desc(a->rd, a->rn, a->rm, lane_size(a->size), 0, 0) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- two-register misc ------------------------------------------------------------ */

/*
 * The FP rows of the group, opcode -> {operation, imm} for [U][a]; the
 * rounding of FRINT* and FCVT*: N nearest-even, P up, M down, Z zero, A
 * nearest-away, I and the int->FP conversions FPCR's.
 */
typedef struct FPMisc {
    enum A64VfpOp op;
    unsigned imm;
    bool scalar;        /* exists as a scalar instruction too */
} FPMisc;

#define RM(r) ((unsigned)(r))
#define TOINT(r, sg) { VFP_TOINT, RM(r) | ((sg) ? VFP_IMM_SIGNED : 0), true }

static bool fp_misc(int opc, int u, int a, FPMisc *m)
{
    static const FPMisc none = { NO, 0, false };

    *m = none;
    switch (opc << 2 | u << 1 | a) {
    case 12 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_CMGT0, 0, true }; break;
    case 12 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_CMGE0, 0, true }; break;
    case 13 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_CMEQ0, 0, true }; break;
    case 13 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_CMLE0, 0, true }; break;
    case 14 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_CMLT0, 0, true }; break;
    case 15 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_ABS, 0, false }; break;
    case 15 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_NEG, 0, false }; break;
    case 31 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_SQRT, 0, false }; break;
    case 22 << 2 | 0 << 1 | 0: *m = (FPMisc){ VFP_CVTN, 0, false }; break;
    case 22 << 2 | 1 << 1 | 0: *m = (FPMisc){ VFP_CVTXN, 0, true }; break;
    case 23 << 2 | 0 << 1 | 0: *m = (FPMisc){ VFP_CVTL, 0, false }; break;
    case 24 << 2 | 0 << 1 | 0: *m = (FPMisc){ VFP_RINT, RM(FPU_RNE), false }; break;
    case 24 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_RINT, RM(FPU_RUP), false }; break;
    case 25 << 2 | 0 << 1 | 0: *m = (FPMisc){ VFP_RINT, RM(FPU_RDOWN), false }; break;
    case 25 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_RINT, RM(FPU_RZERO), false }; break;
    case 24 << 2 | 1 << 1 | 0: *m = (FPMisc){ VFP_RINT, RM(FPU_RNA), false }; break;
    case 25 << 2 | 1 << 1 | 0:
        *m = (FPMisc){ VFP_RINT, RM(FP_ROUND_FPCR) | VFP_IMM_EXACT, false };
        break;
    case 25 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_RINT, RM(FP_ROUND_FPCR), false }; break;
    case 26 << 2 | 0 << 1 | 0: *m = (FPMisc)TOINT(FPU_RNE, 1); break;
    case 26 << 2 | 0 << 1 | 1: *m = (FPMisc)TOINT(FPU_RUP, 1); break;
    case 27 << 2 | 0 << 1 | 0: *m = (FPMisc)TOINT(FPU_RDOWN, 1); break;
    case 27 << 2 | 0 << 1 | 1: *m = (FPMisc)TOINT(FPU_RZERO, 1); break;
    case 28 << 2 | 0 << 1 | 0: *m = (FPMisc)TOINT(FPU_RNA, 1); break;
    case 26 << 2 | 1 << 1 | 0: *m = (FPMisc)TOINT(FPU_RNE, 0); break;
    case 26 << 2 | 1 << 1 | 1: *m = (FPMisc)TOINT(FPU_RUP, 0); break;
    case 27 << 2 | 1 << 1 | 0: *m = (FPMisc)TOINT(FPU_RDOWN, 0); break;
    case 27 << 2 | 1 << 1 | 1: *m = (FPMisc)TOINT(FPU_RZERO, 0); break;
    case 28 << 2 | 1 << 1 | 0: *m = (FPMisc)TOINT(FPU_RNA, 0); break;
    case 29 << 2 | 0 << 1 | 0:
        *m = (FPMisc){ VFP_FROMINT, RM(FP_ROUND_FPCR) | VFP_IMM_SIGNED, true };
        break;
    case 29 << 2 | 1 << 1 | 0: *m = (FPMisc){ VFP_FROMINT, RM(FP_ROUND_FPCR), true }; break;
    case 28 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_URECPE, 0, false }; break;
    case 28 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_URSQRTE, 0, false }; break;
    case 29 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_RECPE, 0, true }; break;
    case 29 << 2 | 1 << 1 | 1: *m = (FPMisc){ VFP_RSQRTE, 0, true }; break;
    case 31 << 2 | 0 << 1 | 1: *m = (FPMisc){ VFP_RECPX, 0, true }; break;
    default: return false;
    }
    return true;
}

static bool trans_FP_2misc(DisasContext *s, arg_simd *a)
{
    FPMisc m;

    if (!fp_misc(a->opc, a->u, a->size >> 1, &m) || m.op == VFP_RECPX)
        return false;
    switch (m.op) {
    case VFP_CVTN: case VFP_CVTL:
        /* Q selects the half: single <-> double (sz = 1), half <-> single. */
        break;
    case VFP_CVTXN:
        if (!(a->size & 1))
            return false;
        break;
    case VFP_URECPE: case VFP_URSQRTE:
        if (a->size & 1)
            return false;
        break;
    default:
        if (!vector_ok(a))
            return false;
        break;
    }
    gen_vfp(s, m.op, simd_desc(a->rd, a->rn, 0, lane_size(a->size), a->q, m.imm));
    return true;
}

static bool trans_FP_2misc_s(DisasContext *s, arg_simd *a)
{
    FPMisc m;

    if (!fp_misc(a->opc, a->u, a->size >> 1, &m) || !m.scalar)
        return false;
    if (m.op == VFP_CVTXN && !(a->size & 1))
        return false;
    gen_vfp(s, m.op, simd_desc(a->rd, a->rn, 0, lane_size(a->size), 0, m.imm) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- across lanes, scalar pairwise ---------------------------------------------------- */

/* FMAXNMV/FMINNMV (opcode 01100), FMAXV/FMINV (01111): U = 1, 4S only. */
static bool trans_FP_across(DisasContext *s, arg_simd *a)
{
    enum A64VfpOp op;

    if (!a->u || !a->q || (a->size & 1))
        return false;
    if (a->opc == 12)
        op = a->size >> 1 ? VFP_MINNMV : VFP_MAXNMV;
    else if (a->opc == 15)
        op = a->size >> 1 ? VFP_MINV : VFP_MAXV;
    else
        return false;
    gen_vfp(s, op, simd_desc(a->rd, a->rn, 0, 2, 1, 0));
    return true;
}

/* FMAXNMP/FMINNMP (01100), FADDP (01101), FMAXP/FMINP (01111) of the two
   lanes of Vn: U = 1 (U = 0 is FP16). */
static bool trans_FP_pair_s(DisasContext *s, arg_simd *a)
{
    enum A64VfpOp op;
    int hi = a->size >> 1;

    if (!a->u)
        return false;
    if (a->opc == 12)
        op = hi ? VFP_MINNMP : VFP_MAXNMP;
    else if (a->opc == 13 && !hi)
        op = VFP_ADDP;
    else if (a->opc == 15)
        op = hi ? VFP_MINP : VFP_MAXP;
    else
        return false;
    gen_vfp(s, op, simd_desc(a->rd, a->rn, 0, lane_size(a->size), 0, 0) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- shift by immediate: fixed-point conversions ------------------------------------ */

/* SCVTF/UCVTF (opcode 11100) and FCVTZS/FCVTZU (11111) with immh:immb
   giving the lane size (01xx single, 1xxx double) and the fraction bits. */
static bool gen_fixed(DisasContext *s, arg_shimm *a, bool scalar)
{
    int immhb = a->immh << 3 | a->immb, size, fbits;
    enum A64VfpOp op;
    unsigned imm;

    if (a->opc == 28) {
        op = VFP_FROMINT;
        imm = RM(FP_ROUND_FPCR);
    } else if (a->opc == 31) {
        op = VFP_TOINT;
        imm = RM(FPU_RZERO);
    } else {
        return false;
    }
    if (a->immh & 8)
        size = 3;
    else if (a->immh & 4)
        size = 2;
    else
        return false;           /* FP16, or the modified-immediate space */
    if (size == 3 && !a->q && !scalar)
        return false;
    fbits = (16 << size) - immhb;
    imm |= (a->u ? 0 : VFP_IMM_SIGNED) | VFP_IMM_FBITS(fbits);
    gen_vfp(s, op, simd_desc(a->rd, a->rn, 0, size, a->q, imm) | (scalar ? SIMD_DESC_SCALAR : 0));
    return true;
}

static bool trans_FP_shift(DisasContext *s, arg_shimm *a)
{
    return gen_fixed(s, a, false);
}

static bool trans_FP_shift_s(DisasContext *s, arg_shimm *a)
{
    return gen_fixed(s, a, true);
}

/* ---- by element: FMLA, FMLS, FMUL, FMULX ----------------------------------------------- */

static bool gen_fp_elem(DisasContext *s, arg_elem *a, bool scalar)
{
    enum A64VfpOp op;
    int idx, rm = a->m << 4 | a->rm;

    if (a->opc == 1 && !a->u)
        op = VFP_MLA;
    else if (a->opc == 5 && !a->u)
        op = VFP_MLS;
    else if (a->opc == 9)
        op = a->u ? VFP_MULX : VFP_MUL;
    else
        return false;
    if (a->size == 2) {
        idx = a->h << 1 | a->l;
    } else if (a->size == 3) {
        /* one index bit for doubles; L = 1 is reserved, and so is a
           vector of one double */
        if (a->l || (!scalar && !a->q))
            return false;
        idx = a->h;
    } else {
        return false;           /* FP16 (size 00) or reserved */
    }
    gen_vfp(s, op, simd_desc(a->rd, a->rn, rm, a->size, a->q, (unsigned)idx) |
                       SIMD_DESC_ELEM | (scalar ? SIMD_DESC_SCALAR : 0));
    return true;
}

static bool trans_FP_elem(DisasContext *s, arg_elem *a)
{
    return gen_fp_elem(s, a, false);
}

static bool trans_FP_elem_s(DisasContext *s, arg_elem *a)
{
    return gen_fp_elem(s, a, true);
}
