/*
 * translate-simd.c - A64 data processing, SIMD and FP (op0 = x111): the
 * Advanced SIMD integer instructions and the FP register moves (Arm ARM
 * C4.1.95; semantics in C7.2).
 *
 * Moves, immediates and bitwise operations are IR on the two 64-bit halves
 * of a register; lane-wise arithmetic calls the a64_simd helper
 * (helper-simd.c) with an operation number and an operand word.  Each
 * trans_ function checks the encoding completely before it emits anything,
 * so returning false (UDEF) leaves no IR behind.  Reserved encodings
 * (size 11 with Q = 0 for vector forms, and the like) are UDEF.
 */
#include "config.h"

#include "frontend/aarch64/translate-simd.h"

#include "decode-a64-simd.c.inc"

bool a64_decode_simd(DisasContext *s, uint32_t insn)
{
    return decode_a64_simd(s, insn);
}

/* ---- register file access ------------------------------------------------- */

static void emit_ld(DisasContext *s, IROpcode opc, IRTempIdx d, int32_t off)
{
    uint64_t args[3] = { d, IR_TEMP_ENV, (uint64_t)(int64_t)off };

    ir_emit(s->b, opc, IR_TYPE_I64, args, 3);
}

static void emit_st(DisasContext *s, IROpcode opc, IRTempIdx v, int32_t off)
{
    uint64_t args[3] = { v, IR_TEMP_ENV, (uint64_t)(int64_t)off };

    ir_emit(s->b, opc, IR_TYPE_I64, args, 3);
}

IRTempIdx simd_ld64(DisasContext *s, int n, int half)
{
    IRTempIdx d = new_tmp(s, IR_TYPE_I64);

    emit_ld(s, IR_OP_ld, d, a64_vreg_off(n, 8 * half));
    return d;
}

void simd_st64(DisasContext *s, int n, int half, IRTempIdx v)
{
    emit_st(s, IR_OP_st, v, a64_vreg_off(n, 8 * half));
}

void simd_st64i(DisasContext *s, int n, int half, uint64_t v)
{
    simd_st64(s, n, half, tconst(s, IR_TYPE_I64, v));
}

IRTempIdx simd_ld_lane(DisasContext *s, int n, int byte, int size)
{
    static const IROpcode opc[4] = { IR_OP_ld8u, IR_OP_ld16u, IR_OP_ld32u, IR_OP_ld };
    IRTempIdx d = new_tmp(s, IR_TYPE_I64);

    emit_ld(s, opc[size], d, a64_vreg_off(n, byte));
    return d;
}

void simd_st_lane(DisasContext *s, int n, int byte, int size, IRTempIdx v)
{
    static const IROpcode opc[4] = { IR_OP_st8, IR_OP_st16, IR_OP_st32, IR_OP_st };

    emit_st(s, opc[size], v, a64_vreg_off(n, byte));
}

static void gen_helper_desc(DisasContext *s, enum A64SimdOp op, uint64_t desc)
{
    IRTempIdx args[3] = { IR_TEMP_ENV, tconst(s, IR_TYPE_I64, (uint64_t)op),
                          tconst(s, IR_TYPE_I64, desc) };

    ir_emit_call(s->b, &a64_helper_simd, 0, args);
}

void simd_gen_helper(DisasContext *s, enum A64SimdOp op, int rd, int rn, int rm, int size,
                     int q, unsigned imm)
{
    gen_helper_desc(s, op, simd_desc(rd, rn, rm, size, q, imm));
}

/* The value x (size bytes) repeated over 64 bits. */
static IRTempIdx gen_replicate(DisasContext *s, IRTempIdx x, int size)
{
    static const uint64_t rep[4] = { 0x0101010101010101u, 0x0001000100010001u,
                                     0x0000000100000001u, 1 };
    static const IROpcode ext[3] = { IR_OP_ext8u, IR_OP_ext16u, IR_OP_ext32u };
    IRTempIdx t = new_tmp(s, IR_TYPE_I64);

    if (size == 3) {
        ir_gen_mov(s->b, IR_TYPE_I64, t, x);
        return t;
    }
    ir_gen_op1(s->b, ext[size], IR_TYPE_I64, t, x);
    ir_gen_op2(s->b, IR_OP_mul, IR_TYPE_I64, t, t, tconst(s, IR_TYPE_I64, rep[size]));
    return t;
}

/* Write one 64-bit value to Vd's low half, and to the high half or zero. */
static void gen_write_dup(DisasContext *s, int rd, IRTempIdx v, int q)
{
    simd_st64(s, rd, 0, v);
    if (q)
        simd_st64(s, rd, 1, v);
    else
        simd_st64i(s, rd, 1, 0);
}

/* ---- copy: DUP, INS, UMOV, SMOV --------------------------------------------- */

/* imm5's lowest set bit is the element size; the index is above it. */
static int copy_size(int imm5)
{
    return imm5 & 15 ? __builtin_ctz((unsigned)imm5) : -1;
}

static bool trans_SIMD_copy(DisasContext *s, arg_SIMD_copy *a)
{
    int size = copy_size(a->imm5), idx;
    IRTempIdx v;

    if (size < 0)
        return false;
    idx = a->imm5 >> (size + 1);
    if (a->op) {
        /* INS (element): Vd.T[imm5 index] = Vn.T[imm4 >> size] */
        if (!a->q)
            return false;
        v = simd_ld_lane(s, a->rn, (a->imm4 >> size) << size, size);
        simd_st_lane(s, a->rd, idx << size, size, v);
        return true;
    }
    switch (a->imm4) {
    case 0: /* DUP (element) */
        if (size == 3 && !a->q)
            return false;
        v = simd_ld_lane(s, a->rn, idx << size, size);
        gen_write_dup(s, a->rd, gen_replicate(s, v, size), a->q);
        return true;
    case 1: /* DUP (general) */
        if (size == 3 && !a->q)
            return false;
        gen_write_dup(s, a->rd, gen_replicate(s, cpu_reg(s, a->rn), size), a->q);
        return true;
    case 3: /* INS (general) */
        if (!a->q)
            return false;
        simd_st_lane(s, a->rd, idx << size, size, cpu_reg(s, a->rn));
        return true;
    case 5: { /* SMOV: Wd for B/H (Q = 0), Xd for B/H/S (Q = 1) */
        static const IROpcode sx[3] = { IR_OP_ext8s, IR_OP_ext16s, IR_OP_ext32s };
        if (size > (a->q ? 2 : 1))
            return false;
        v = simd_ld_lane(s, a->rn, idx << size, size);
        ir_gen_op1(s->b, sx[size], IR_TYPE_I64, v, v);
        if (!a->q)
            ir_gen_op1(s->b, IR_OP_ext32u, IR_TYPE_I64, v, v);
        write_reg(s, a->rd, true, v);
        return true;
    }
    case 7: /* UMOV: Wd for B/H/S (Q = 0), Xd for D (Q = 1) */
        if (a->q ? size != 3 : size > 2)
            return false;
        write_reg(s, a->rd, true, simd_ld_lane(s, a->rn, idx << size, size));
        return true;
    default:
        return false;
    }
}

/* DUP (element, scalar), alias MOV Bd/Hd/Sd/Dd, Vn.T[i]. */
static bool trans_SIMD_dup_s(DisasContext *s, arg_SIMD_dup_s *a)
{
    int size = copy_size(a->imm5);
    IRTempIdx v;

    if (size < 0)
        return false;
    v = simd_ld_lane(s, a->rn, (a->imm5 >> (size + 1)) << size, size);
    simd_st64(s, a->rd, 0, v);
    simd_st64i(s, a->rd, 1, 0);
    return true;
}

/* ---- modified immediate --------------------------------------------------------- */

/* VFPExpandImm (Arm ARM J1.3.3) for single (size 2) and double (size 3). */
static uint64_t vfp_expand_imm(unsigned imm8, int size)
{
    uint64_t sign = (imm8 >> 7) & 1, b6 = (imm8 >> 6) & 1, frac = imm8 & 15;
    uint64_t e54 = (imm8 >> 4) & 3;

    if (size == 2) {
        uint64_t exp = ((b6 ^ 1) << 7) | (b6 ? 0x7cu : 0) | e54;
        return (sign << 31) | (exp << 23) | (frac << 19);
    }
    uint64_t exp = ((b6 ^ 1) << 10) | (b6 ? 0x3fcu : 0) | e54;
    return (sign << 63) | (exp << 52) | (frac << 48);
}

/*
 * AdvSIMDExpandImm (Arm ARM J1.3.3): the 64-bit pattern for op, cmode and
 * imm8; false for the reserved cmode 1111 with op = 1 and Q = 0.
 */
static bool simd_expand_imm(int op, int cmode, unsigned imm8, int q, uint64_t *out)
{
    uint64_t i8 = imm8, v;

    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
        v = (i8 << (8 * (cmode >> 1))) * 0x0000000100000001u;
        break;
    case 4: case 5:
        v = (i8 << (8 * (cmode & 2 ? 1 : 0))) * 0x0001000100010001u;
        break;
    case 6:
        v = (cmode & 1 ? (i8 << 16) | 0xffff : (i8 << 8) | 0xff) * 0x0000000100000001u;
        break;
    default:
        if (!(cmode & 1) && !op) {
            v = i8 * 0x0101010101010101u;
        } else if (!(cmode & 1)) {
            v = 0;
            for (int i = 0; i < 8; i++)
                if (imm8 & (1u << i))
                    v |= UINT64_C(0xff) << (8 * i);
        } else if (!op) {
            v = vfp_expand_imm(imm8, 2) * 0x0000000100000001u;
        } else {
            if (!q)
                return false;
            v = vfp_expand_imm(imm8, 3);
        }
        break;
    }
    *out = v;
    return true;
}

/* MOVI, MVNI, ORR, BIC (vector, immediate) and FMOV (vector, immediate). */
static bool trans_SIMD_modimm(DisasContext *s, arg_SIMD_modimm *a)
{
    unsigned imm8 = (unsigned)(a->abc << 5 | a->defgh);
    int cmode = a->cmode;
    bool shifted = cmode < 12;   /* cmode 0-7: 32-bit, 8-11: 16-bit shifted */
    uint64_t imm;

    if (a->o2 || !simd_expand_imm(a->op, cmode, imm8, a->q, &imm))
        return false;
    if (shifted && (cmode & 1)) {
        /* ORR (op = 0) or BIC (op = 1) with the immediate. */
        for (int h = 0; h < (a->q ? 2 : 1); h++) {
            IRTempIdx v = simd_ld64(s, a->rd, h);
            ir_gen_op2(s->b, a->op ? IR_OP_andc : IR_OP_or, IR_TYPE_I64, v, v,
                       tconst(s, IR_TYPE_I64, imm));
            simd_st64(s, a->rd, h, v);
        }
        if (!a->q)
            simd_st64i(s, a->rd, 1, 0);
        return true;
    }
    /* MVNI: the shifted and the MSL forms with op = 1 invert the pattern. */
    if (a->op && cmode < 14)
        imm = ~imm;
    simd_st64i(s, a->rd, 0, imm);
    simd_st64i(s, a->rd, 1, a->q ? imm : 0);
    return true;
}

/* ---- shifts by immediate ------------------------------------------------------ */

/*
 * SHL and USHR of any lane size, and SSHR of 64-bit lanes, by an immediate,
 * on the halves: shifting the whole half moves bits into the next lane,
 * which the mask of the bits each lane keeps takes out again.  false for
 * the other shifts (the helper does them).
 */
static bool gen_swar_shift(DisasContext *s, enum A64SimdOp op, int rd, int rn, int size, int q,
                           unsigned sh)
{
    const IRType t = IR_TYPE_I64;
    unsigned esize = 8u << size;
    uint64_t lane = esize == 64 ? UINT64_MAX : (UINT64_C(1) << esize) - 1, keep = 0;
    IRTempIdx res[2];
    int halves = q ? 2 : 1;

    if (!(op == SOP_SHL || op == SOP_USHR || (op == SOP_SSHR && size == 3)))
        return false;
    if (op != SOP_SSHR && !(op == SOP_USHR && sh == esize))
        for (unsigned i = 0; i < 64; i += esize)
            keep |= (op == SOP_SHL ? (lane << sh) & lane : lane >> sh) << i;
    for (int h = 0; h < halves; h++) {
        IRTempIdx v = simd_ld64(s, rn, h), r = new_tmp(s, t);
        if (op == SOP_SSHR) {
            ir_gen_op2(s->b, IR_OP_sar, t, r, v, tconst(s, t, sh < 63 ? sh : 63));
        } else if (op == SOP_USHR && sh == esize) {
            ir_gen_movi(s->b, t, r, 0);
        } else {
            ir_gen_op2(s->b, op == SOP_SHL ? IR_OP_shl : IR_OP_shr, t, r, v, tconst(s, t, sh));
            ir_gen_op2(s->b, IR_OP_and, t, r, r, tconst(s, t, keep));
        }
        res[h] = r;
    }
    for (int h = 0; h < halves; h++)
        simd_st64(s, rd, h, res[h]);
    if (!q)
        simd_st64i(s, rd, 1, 0);
    return true;
}

static bool gen_shift(DisasContext *s, arg_shimm *a, bool scalar)
{
    int size, immhb = a->immh << 3 | a->immb;
    int esize;

    if (a->immh == 0)
        return false;
    size = 31 - __builtin_clz((unsigned)a->immh);
    esize = 8 << size;
    if (a->opc == 12 || a->opc == 14) {
        /* SQSHLU (U = 1, opcode 01100), SQSHL/UQSHL (opcode 01110): every size */
        enum A64SimdOp op = a->opc == 12 ? SOP_SQSHLU : a->u ? SOP_UQSHLI : SOP_SQSHLI;
        if ((a->opc == 12 && !a->u) || (!scalar && size == 3 && !a->q))
            return false;
        gen_helper_desc(s, op, simd_desc(a->rd, a->rn, 0, size, a->q, (unsigned)(immhb - esize)) |
                                   (scalar ? SIMD_DESC_SCALAR : 0));
        return true;
    }
    if (a->opc == 18 || a->opc == 19 || ((a->opc == 16 || a->opc == 17) && a->u)) {
        /* SQSHRN/UQSHRN (10010), SQRSHRN/UQRSHRN (10011), SQSHRUN (U = 1,
           10000), SQRSHRUN (U = 1, 10001): narrow to size, scalar too */
        static const enum A64SimdOp nops[4][2] = {
            { SOP_COUNT, SOP_SQSHRUN }, { SOP_COUNT, SOP_SQRSHRUN },
            { SOP_SQSHRN, SOP_UQSHRN }, { SOP_SQRSHRN, SOP_UQRSHRN },
        };
        if (size == 3)
            return false;
        gen_helper_desc(s, nops[a->opc - 16][a->u],
                        simd_desc(a->rd, a->rn, 0, size, a->q, (unsigned)(2 * esize - immhb)) |
                            (scalar ? SIMD_DESC_SCALAR : 0));
        return true;
    }
    if (scalar) {
        /* The other scalar shifts by immediate: D registers only. */
        if (size != 3)
            return false;
        static const enum A64SimdOp sops[6][2] = {
            { SOP_SSHR, SOP_USHR }, { SOP_SSRA, SOP_USRA }, { SOP_SRSHR, SOP_URSHR },
            { SOP_SRSRA, SOP_URSRA }, { SOP_COUNT, SOP_SRI }, { SOP_SHL, SOP_SLI },
        };
        if (a->opc > 10 || (a->opc & 1) || sops[a->opc / 2][a->u] == SOP_COUNT)
            return false;
        simd_gen_helper(s, sops[a->opc / 2][a->u], a->rd, a->rn, 0, 3, 0,
                        (unsigned)(a->opc == 10 ? immhb - esize : 2 * esize - immhb));
        return true;
    }
    switch (a->opc) {
    case 0: case 2: case 4: case 6: case 8: {
        /* SSHR/USHR, SSRA/USRA, SRSHR/URSHR, SRSRA/URSRA, SRI (U = 1) */
        static const enum A64SimdOp rops[5][2] = {
            { SOP_SSHR, SOP_USHR }, { SOP_SSRA, SOP_USRA }, { SOP_SRSHR, SOP_URSHR },
            { SOP_SRSRA, SOP_URSRA }, { SOP_COUNT, SOP_SRI },
        };
        enum A64SimdOp op = rops[a->opc / 2][a->u];
        if (op == SOP_COUNT || (size == 3 && !a->q))
            return false;
        if (!gen_swar_shift(s, op, a->rd, a->rn, size, a->q, (unsigned)(2 * esize - immhb)))
            simd_gen_helper(s, op, a->rd, a->rn, 0, size, a->q, (unsigned)(2 * esize - immhb));
        return true;
    }
    case 10:
        /* SHL (U = 0), SLI (U = 1) */
        if (size == 3 && !a->q)
            return false;
        if (a->u || !gen_swar_shift(s, SOP_SHL, a->rd, a->rn, size, a->q,
                                    (unsigned)(immhb - esize)))
            simd_gen_helper(s, a->u ? SOP_SLI : SOP_SHL, a->rd, a->rn, 0, size, a->q,
                            (unsigned)(immhb - esize));
        return true;
    case 16: case 17:
        /* SHRN/RSHRN (U = 0; U = 1, SQSHRUN/SQRSHRUN, is above): narrow size. */
        if (size == 3)
            return false;
        simd_gen_helper(s, a->opc == 16 ? SOP_SHRN : SOP_RSHRN, a->rd, a->rn, 0, size, a->q,
                        (unsigned)(2 * esize - immhb));
        return true;
    case 20:
        /* SSHLL/USHLL (and the SXTL/UXTL aliases). */
        if (size == 3)
            return false;
        simd_gen_helper(s, a->u ? SOP_USHLL : SOP_SSHLL, a->rd, a->rn, 0, size, a->q,
                        (unsigned)(immhb - esize));
        return true;
    default:
        return false;
    }
}

static bool trans_SIMD_shift(DisasContext *s, arg_shimm *a)
{
    return gen_shift(s, a, false);
}

static bool trans_SIMD_shift_s(DisasContext *s, arg_shimm *a)
{
    return gen_shift(s, a, true);
}

/* ---- vector x indexed element --------------------------------------------------------- */

/*
 * MUL/MLA/MLS and the long SMULL/UMULL/SMLAL/UMLAL/SMLSL/UMLSL by element:
 * H (16-bit lanes, index H:L:M, Vm in V0-V15) or S (index H:L, Vm = M:Rm).
 * The FP and saturating doubling forms of the group are left out.
 */
/* The lane index (H:L:M for H, H:L for S) and Vm (V0-V15 for H) of a
   by-element form. */
static void elem_index(const arg_elem *a, int *idx, int *rm)
{
    if (a->size == 1) {
        *idx = a->h << 2 | a->l << 1 | a->m;
        *rm = a->rm;
    } else {
        *idx = a->h << 1 | a->l;
        *rm = a->m << 4 | a->rm;
    }
}

/* SQDMULH, SQRDMULH, SQDMLAL, SQDMLSL, SQDMULL (by element, scalar): H or S. */
static bool trans_SIMD_elem_s(DisasContext *s, arg_elem *a)
{
    static const enum A64SimdOp ops[16] = {
        [3] = SOP_SQDMLAL, [7] = SOP_SQDMLSL, [11] = SOP_SQDMULL,
        [12] = SOP_SQDMULH, [13] = SOP_SQRDMULH,
    };
    int idx, rm;

    if (a->u || !ops[a->opc] || (a->size != 1 && a->size != 2))
        return false;
    elem_index(a, &idx, &rm);
    gen_helper_desc(s, ops[a->opc], simd_desc(a->rd, a->rn, rm, a->size, 0, (unsigned)idx) |
                                         SIMD_DESC_ELEM | SIMD_DESC_SCALAR);
    return true;
}

static bool trans_SIMD_elem(DisasContext *s, arg_elem *a)
{
    static const enum A64SimdOp ops[16][2] = {
        { SOP_COUNT, SOP_MLA }, { SOP_COUNT, SOP_COUNT },
        { SOP_SMLAL, SOP_UMLAL }, { SOP_SQDMLAL, SOP_COUNT },
        { SOP_COUNT, SOP_MLS }, { SOP_COUNT, SOP_COUNT },
        { SOP_SMLSL, SOP_UMLSL }, { SOP_SQDMLSL, SOP_COUNT },
        { SOP_MUL, SOP_COUNT }, { SOP_COUNT, SOP_COUNT },
        { SOP_SMULL, SOP_UMULL }, { SOP_SQDMULL, SOP_COUNT },
        { SOP_SQDMULH, SOP_COUNT }, { SOP_SQRDMULH, SOP_COUNT },
        { SOP_COUNT, SOP_COUNT }, { SOP_COUNT, SOP_COUNT },
    };
    enum A64SimdOp op = ops[a->opc][a->u];
    int rm, idx;
    uint64_t desc;

    if (op == SOP_COUNT || (a->size != 1 && a->size != 2))
        return false;
    elem_index(a, &idx, &rm);
    desc = simd_desc(a->rd, a->rn, rm, a->size, a->q, (unsigned)idx) | SIMD_DESC_ELEM;
    gen_helper_desc(s, op, desc);
    return true;
}

/* ---- SWAR fast paths ---------------------------------------------------------------- */

/*
 * A few lane-wise operations are short enough to do inline on the 64-bit
 * halves (SIMD within a register): with H the lanes' top bits and L = ~H,
 *   a + b  = ((a & L) + (b & L)) ^ ((a ^ b) & H)      (no carry across lanes)
 *   a - b  = ((a | H) - (b & L)) ^ ((a ^ ~b) & H)     (no borrow across lanes)
 *   lane == 0:  H & ~(((t & L) + L) | t)  has the top bit of each zero lane,
 * and a lane's top bit becomes an all-ones lane by (x >> (w - 1)) * (2^w - 1),
 * which cannot carry.  ADD, SUB, CMEQ, CMTST and CMEQ #0 of every size use
 * them; the rest calls the helper.
 */
static const uint64_t lane_top[4] = { 0x8080808080808080u, 0x8000800080008000u,
                                      0x8000000080000000u, 0x8000000000000000u };

static IRTempIdx gen_swar_op(DisasContext *s, enum A64SimdOp op, int size, IRTempIdx a,
                             IRTempIdx b)
{
    IRBlock *bl = s->b;
    const IRType t = IR_TYPE_I64;
    IRTempIdx hi = tconst(s, t, lane_top[size]), lo = tconst(s, t, ~lane_top[size]);
    IRTempIdx r = new_tmp(s, t), x = new_tmp(s, t), y = new_tmp(s, t);

    if (size == 3 && (op == SOP_ADD || op == SOP_SUB)) {
        /* one lane per half: no carry to stop */
        ir_gen_op2(bl, op == SOP_ADD ? IR_OP_add : IR_OP_sub, t, r, a, b);
        return r;
    }
    switch (op) {
    case SOP_ADD:
        ir_gen_op2(bl, IR_OP_and, t, x, a, lo);
        ir_gen_op2(bl, IR_OP_and, t, y, b, lo);
        ir_gen_op2(bl, IR_OP_add, t, r, x, y);
        ir_gen_op2(bl, IR_OP_xor, t, x, a, b);
        ir_gen_op2(bl, IR_OP_and, t, x, x, hi);
        ir_gen_op2(bl, IR_OP_xor, t, r, r, x);
        return r;
    case SOP_SUB:
        ir_gen_op2(bl, IR_OP_or, t, x, a, hi);
        ir_gen_op2(bl, IR_OP_and, t, y, b, lo);
        ir_gen_op2(bl, IR_OP_sub, t, r, x, y);
        ir_gen_op2(bl, IR_OP_eqv, t, x, a, b);
        ir_gen_op2(bl, IR_OP_and, t, x, x, hi);
        ir_gen_op2(bl, IR_OP_xor, t, r, r, x);
        return r;
    default: {
        /* CMEQ: a ^ b == 0; CMEQ #0: a == 0; CMTST: a & b != 0 */
        IRTempIdx v = a;
        if (op == SOP_CMEQ || op == SOP_CMTST) {
            v = new_tmp(s, t);
            ir_gen_op2(bl, op == SOP_CMEQ ? IR_OP_xor : IR_OP_and, t, v, a, b);
        }
        ir_gen_op2(bl, IR_OP_and, t, x, v, lo);
        ir_gen_op2(bl, IR_OP_add, t, x, x, lo);
        ir_gen_op2(bl, IR_OP_or, t, x, x, v);
        ir_gen_op2(bl, IR_OP_andc, t, x, hi, x);
        ir_gen_op2(bl, IR_OP_shr, t, x, x, tconst(s, t, (8u << size) - 1));
        if (size == 3)
            ir_gen_op1(bl, IR_OP_neg, t, r, x);
        else
            ir_gen_op2(bl, IR_OP_mul, t, r, x,
                       tconst(s, t, (UINT64_C(1) << (8 << size)) - 1));
        if (op == SOP_CMTST)
            ir_gen_op1(bl, IR_OP_not, t, r, r);
        return r;
    }
    }
}

/* Vd = op(Vn, Vm) by halves; false if op has no SWAR form here. */
static bool gen_swar(DisasContext *s, enum A64SimdOp op, int rd, int rn, int rm, int size,
                     int q)
{
    IRTempIdx res[2];
    int halves = q ? 2 : 1;

    if (op != SOP_ADD && op != SOP_SUB && op != SOP_CMEQ && op != SOP_CMTST &&
        op != SOP_CMEQ0)
        return false;
    for (int h = 0; h < halves; h++)
        res[h] = gen_swar_op(s, op, size, simd_ld64(s, rn, h),
                             op == SOP_CMEQ0 ? 0 : simd_ld64(s, rm, h));
    for (int h = 0; h < halves; h++)
        simd_st64(s, rd, h, res[h]);
    if (!q)
        simd_st64i(s, rd, 1, 0);
    return true;
}

/* ---- three same ------------------------------------------------------------------ */

/* AND/BIC/ORR/ORN/EOR/BSL/BIT/BIF on the 64-bit halves. */
static void gen_logic(DisasContext *s, arg_simd *a)
{
    static const IROpcode plain[4] = { IR_OP_and, IR_OP_andc, IR_OP_or, IR_OP_orc };
    IRBlock *b = s->b;
    const IRType t = IR_TYPE_I64;
    int halves = a->q ? 2 : 1;
    IRTempIdx res[2];

    for (int h = 0; h < halves; h++) {
        IRTempIdx n = simd_ld64(s, a->rn, h), m = simd_ld64(s, a->rm, h);
        IRTempIdx r = new_tmp(s, t);
        if (!a->u) {
            ir_gen_op2(b, plain[a->size], t, r, n, m);
        } else if (a->size == 0) {
            ir_gen_op2(b, IR_OP_xor, t, r, n, m);
        } else {
            IRTempIdx d = simd_ld64(s, a->rd, h), x = new_tmp(s, t);
            if (a->size == 1) {
                /* BSL: d ? n : m, bitwise = m ^ ((n ^ m) & d) */
                ir_gen_op2(b, IR_OP_xor, t, x, n, m);
                ir_gen_op2(b, IR_OP_and, t, x, x, d);
                ir_gen_op2(b, IR_OP_xor, t, r, x, m);
            } else {
                /* BIT: insert n where m is set; BIF: where m is clear. */
                ir_gen_op2(b, IR_OP_xor, t, x, d, n);
                ir_gen_op2(b, a->size == 2 ? IR_OP_and : IR_OP_andc, t, x, x, m);
                ir_gen_op2(b, IR_OP_xor, t, r, d, x);
            }
        }
        res[h] = r;
    }
    for (int h = 0; h < halves; h++)
        simd_st64(s, a->rd, h, res[h]);
    if (!a->q)
        simd_st64i(s, a->rd, 1, 0);
}

static bool trans_SIMD_3same(DisasContext *s, arg_simd *a)
{
    /* opcode -> operation for U = 0 and U = 1 (SOP_COUNT: not here), and
       whether the operation has 64-bit lanes */
    static const struct { int opc; enum A64SimdOp op[2]; bool d; } tab[] = {
        { 0, { SOP_SHADD, SOP_UHADD }, false }, { 1, { SOP_SQADD, SOP_UQADD }, true },
        { 2, { SOP_SRHADD, SOP_URHADD }, false }, { 4, { SOP_SHSUB, SOP_UHSUB }, false },
        { 5, { SOP_SQSUB, SOP_UQSUB }, true },
        { 6, { SOP_CMGT, SOP_CMHI }, true }, { 7, { SOP_CMGE, SOP_CMHS }, true },
        { 8, { SOP_SSHL, SOP_USHL }, true }, { 9, { SOP_SQSHL, SOP_UQSHL }, true },
        { 10, { SOP_SRSHL, SOP_URSHL }, true }, { 11, { SOP_SQRSHL, SOP_UQRSHL }, true },
        { 12, { SOP_SMAX, SOP_UMAX }, false }, { 13, { SOP_SMIN, SOP_UMIN }, false },
        { 14, { SOP_SABD, SOP_UABD }, false },
        { 16, { SOP_ADD, SOP_SUB }, true }, { 17, { SOP_CMTST, SOP_CMEQ }, true },
        { 18, { SOP_MLA, SOP_MLS }, false }, { 19, { SOP_MUL, SOP_PMUL }, false },
        { 20, { SOP_SMAXP, SOP_UMAXP }, false }, { 21, { SOP_SMINP, SOP_UMINP }, false },
        { 22, { SOP_SQDMULH, SOP_SQRDMULH }, false }, { 23, { SOP_ADDP, SOP_COUNT }, true },
    };
    enum A64SimdOp op = SOP_COUNT;
    bool has_d = false;

    if (a->opc == 3) {
        gen_logic(s, a);
        return true;
    }
    for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
        if (tab[i].opc == a->opc) {
            op = tab[i].op[a->u];
            has_d = tab[i].d;
        }
    }
    /* 64-bit lanes (size 11, only with Q = 1) exist for some operations. */
    if (op == SOP_COUNT || (a->size == 3 && (!a->q || !has_d)))
        return false;
    /* PMUL has bytes only; SQDMULH/SQRDMULH halfwords and words only. */
    if ((op == SOP_PMUL && a->size != 0) ||
        ((op == SOP_SQDMULH || op == SOP_SQRDMULH) && (a->size == 0 || a->size == 3)))
        return false;
    if (!gen_swar(s, op, a->rd, a->rn, a->rm, a->size, a->q))
        simd_gen_helper(s, op, a->rd, a->rn, a->rm, a->size, a->q, 0);
    return true;
}

/* Scalar ADD/SUB/CMxx on D registers. */
static bool trans_SIMD_3same_s(DisasContext *s, arg_simd *a)
{
    static const enum A64SimdOp ops[32][2] = {
        [6] = { SOP_CMGT, SOP_CMHI }, [7] = { SOP_CMGE, SOP_CMHS },
        [8] = { SOP_SSHL, SOP_USHL }, [1] = { SOP_SQADD, SOP_UQADD },
        [5] = { SOP_SQSUB, SOP_UQSUB }, [9] = { SOP_SQSHL, SOP_UQSHL },
        [10] = { SOP_SRSHL, SOP_URSHL }, [11] = { SOP_SQRSHL, SOP_UQRSHL },
        [16] = { SOP_ADD, SOP_SUB }, [17] = { SOP_CMTST, SOP_CMEQ },
        [22] = { SOP_SQDMULH, SOP_SQRDMULH },
    };
    bool sat = a->opc == 1 || a->opc == 5 || a->opc == 9 || a->opc == 11;

    /* The saturating forms exist for every size, SQDMULH/SQRDMULH for H and
       S; the others for D only. */
    if (a->opc == 22) {
        if (a->size == 0 || a->size == 3)
            return false;
    } else if (!(sat || a->opc == 6 || a->opc == 7 || a->opc == 8 || a->opc == 10 ||
                 a->opc == 16 || a->opc == 17) || (a->size != 3 && !sat)) {
        return false;
    }
    gen_helper_desc(s, ops[a->opc][a->u],
                    simd_desc(a->rd, a->rn, a->rm, a->size, 0, 0) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- three different ------------------------------------------------------------------ */

static bool trans_SIMD_3diff(DisasContext *s, arg_simd *a)
{
    /* opcode -> operation for U = 0 and U = 1; SOP_COUNT: not here
       (the saturating doubling and polynomial forms) */
    static const enum A64SimdOp ops[16][2] = {
        { SOP_SADDL, SOP_UADDL }, { SOP_SADDW, SOP_UADDW },
        { SOP_SSUBL, SOP_USUBL }, { SOP_SSUBW, SOP_USUBW },
        { SOP_ADDHN, SOP_RADDHN }, { SOP_SABAL, SOP_UABAL },
        { SOP_SUBHN, SOP_RSUBHN }, { SOP_SABDL, SOP_UABDL },
        { SOP_SMLAL, SOP_UMLAL }, { SOP_SQDMLAL, SOP_COUNT },
        { SOP_SMLSL, SOP_UMLSL }, { SOP_SQDMLSL, SOP_COUNT },
        { SOP_SMULL, SOP_UMULL }, { SOP_SQDMULL, SOP_COUNT },
        { SOP_PMULL, SOP_COUNT }, { SOP_COUNT, SOP_COUNT },
    };
    enum A64SimdOp op = ops[a->opc][a->u];

    /* PMULL: bytes, or doublewords (FEAT_PMULL); SQDMxxL: H and S only */
    if (op == SOP_PMULL && a->size != 1 && a->size != 2) {
        simd_gen_helper(s, a->size ? SOP_PMULL64 : SOP_PMULL, a->rd, a->rn, a->rm, a->size,
                        a->q, 0);
        return true;
    }
    if (op == SOP_PMULL ||
        ((op == SOP_SQDMLAL || op == SOP_SQDMLSL || op == SOP_SQDMULL) && a->size == 0))
        return false;
    if (a->size == 3 || op == SOP_COUNT)
        return false;
    simd_gen_helper(s, ops[a->opc][a->u], a->rd, a->rn, a->rm, a->size, a->q, 0);
    return true;
}

/* SQDMLAL, SQDMLSL, SQDMULL (scalar): H -> S or S -> D. */
static bool trans_SIMD_3diff_s(DisasContext *s, arg_simd *a)
{
    static const enum A64SimdOp ops[16] = {
        [9] = SOP_SQDMLAL, [11] = SOP_SQDMLSL, [13] = SOP_SQDMULL,
    };

    if (a->u || !ops[a->opc] || (a->size != 1 && a->size != 2))
        return false;
    gen_helper_desc(s, ops[a->opc],
                    simd_desc(a->rd, a->rn, a->rm, a->size, 0, 0) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- two-register misc -------------------------------------------------------------- */

static bool trans_SIMD_2misc(DisasContext *s, arg_simd *a)
{
    enum A64SimdOp op;
    int size = a->size;

    switch (a->opc << 1 | a->u) {
    case 0 << 1 | 0: op = SOP_REV64; if (size == 3) return false; break;
    case 0 << 1 | 1: op = SOP_REV32; if (size > 1) return false; break;
    case 1 << 1 | 0: op = SOP_REV16; if (size != 0) return false; break;
    case 2 << 1 | 0: op = SOP_SADDLP; if (size == 3) return false; break;
    case 2 << 1 | 1: op = SOP_UADDLP; if (size == 3) return false; break;
    case 6 << 1 | 0: op = SOP_SADALP; if (size == 3) return false; break;
    case 6 << 1 | 1: op = SOP_UADALP; if (size == 3) return false; break;
    case 5 << 1 | 0: op = SOP_CNT; if (size != 0) return false; break;
    case 3 << 1 | 0: op = SOP_SUQADD; break;
    case 3 << 1 | 1: op = SOP_USQADD; break;
    case 4 << 1 | 0: op = SOP_CLS; if (size == 3) return false; break;
    case 4 << 1 | 1: op = SOP_CLZ; if (size == 3) return false; break;
    case 7 << 1 | 0: op = SOP_SQABS; break;
    case 7 << 1 | 1: op = SOP_SQNEG; break;
    case 5 << 1 | 1:
        if (size > 1)
            return false;
        op = size ? SOP_RBIT : SOP_NOT;
        size = 0;
        break;
    case 8 << 1 | 0: op = SOP_CMGT0; break;
    case 8 << 1 | 1: op = SOP_CMGE0; break;
    case 9 << 1 | 0: op = SOP_CMEQ0; break;
    case 9 << 1 | 1: op = SOP_CMLE0; break;
    case 10 << 1 | 0: op = SOP_CMLT0; break;
    case 11 << 1 | 0: op = SOP_ABS; break;
    case 11 << 1 | 1: op = SOP_NEG; break;
    case 19 << 1 | 1:
        /* SHLL/SHLL2: widen and shift left by the element size */
        if (size == 3)
            return false;
        simd_gen_helper(s, SOP_USHLL, a->rd, a->rn, 0, size, a->q, 8u << size);
        return true;
    case 18 << 1 | 0: case 18 << 1 | 1: case 20 << 1 | 0: case 20 << 1 | 1:
        /* XTN, SQXTUN, SQXTN, UQXTN */
        if (size == 3)
            return false;
        op = a->opc == 18 ? (a->u ? SOP_SQXTUN : SOP_XTN) : (a->u ? SOP_UQXTN : SOP_SQXTN);
        simd_gen_helper(s, op, a->rd, a->rn, 0, size, a->q, 0);
        return true;
    default:
        return false;
    }
    if (size == 3 && !a->q)
        return false;
    if (!gen_swar(s, op, a->rd, a->rn, 0, size, a->q))
        simd_gen_helper(s, op, a->rd, a->rn, 0, size, a->q, 0);
    return true;
}

/* Scalar CMxx #0, ABS, NEG on D registers; SUQADD, USQADD, SQABS, SQNEG
   in every size. */
static bool trans_SIMD_2misc_s(DisasContext *s, arg_simd *a)
{
    enum A64SimdOp op;

    switch (a->opc << 1 | a->u) {
    case 3 << 1 | 0: op = SOP_SUQADD; goto any_size;
    case 3 << 1 | 1: op = SOP_USQADD; goto any_size;
    case 7 << 1 | 0: op = SOP_SQABS; goto any_size;
    case 7 << 1 | 1: op = SOP_SQNEG; goto any_size;
    case 18 << 1 | 1: case 20 << 1 | 0: case 20 << 1 | 1:
        /* SQXTUN, SQXTN, UQXTN (scalar): narrow to size */
        if (a->size == 3)
            return false;
        op = a->opc == 18 ? SOP_SQXTUN : a->u ? SOP_UQXTN : SOP_SQXTN;
        goto any_size;
    default: break;
    }
    if (a->size != 3)
        return false;
    switch (a->opc << 1 | a->u) {
    case 8 << 1 | 0: op = SOP_CMGT0; break;
    case 8 << 1 | 1: op = SOP_CMGE0; break;
    case 9 << 1 | 0: op = SOP_CMEQ0; break;
    case 9 << 1 | 1: op = SOP_CMLE0; break;
    case 10 << 1 | 0: op = SOP_CMLT0; break;
    case 11 << 1 | 0: op = SOP_ABS; break;
    case 11 << 1 | 1: op = SOP_NEG; break;
    default: return false;
    }
    simd_gen_helper(s, op, a->rd, a->rn, 0, 3, 0, 0);
    return true;
any_size:
    gen_helper_desc(s, op, simd_desc(a->rd, a->rn, 0, a->size, 0, 0) | SIMD_DESC_SCALAR);
    return true;
}

/* ---- across lanes and scalar pairwise ---------------------------------------------- */

static bool trans_SIMD_across(DisasContext *s, arg_simd *a)
{
    enum A64SimdOp op;

    switch (a->opc << 1 | a->u) {
    case 3 << 1 | 0: op = SOP_SADDLV; break;
    case 3 << 1 | 1: op = SOP_UADDLV; break;
    case 10 << 1 | 0: op = SOP_SMAXV; break;
    case 10 << 1 | 1: op = SOP_UMAXV; break;
    case 26 << 1 | 0: op = SOP_SMINV; break;
    case 26 << 1 | 1: op = SOP_UMINV; break;
    case 27 << 1 | 0: op = SOP_ADDV; break;
    default: return false;
    }
    /* At least four lanes: size 10 needs Q = 1, size 11 is reserved. */
    if (a->size == 3 || (a->size == 2 && !a->q))
        return false;
    simd_gen_helper(s, op, a->rd, a->rn, 0, a->size, a->q, 0);
    return true;
}

static bool trans_SIMD_pair_s(DisasContext *s, arg_simd *a)
{
    if (a->u || a->opc != 27 || a->size != 3)
        return false;
    simd_gen_helper(s, SOP_ADDP_S, a->rd, a->rn, 0, 3, 1, 0);
    return true;
}

/* ---- permutes, EXT, TBL ----------------------------------------------------------------- */

static bool trans_SIMD_perm(DisasContext *s, arg_simd *a)
{
    static const enum A64SimdOp ops[8] = {
        SOP_COUNT, SOP_UZP1, SOP_TRN1, SOP_ZIP1, SOP_COUNT, SOP_UZP2, SOP_TRN2, SOP_ZIP2,
    };

    if (ops[a->opc] == SOP_COUNT || (a->size == 3 && !a->q))
        return false;
    simd_gen_helper(s, ops[a->opc], a->rd, a->rn, a->rm, a->size, a->q, 0);
    return true;
}

static bool trans_SIMD_ext(DisasContext *s, arg_SIMD_ext *a)
{
    if (!a->q && a->imm4 >= 8)
        return false;
    simd_gen_helper(s, SOP_EXT, a->rd, a->rn, a->rm, 0, a->q, (unsigned)a->imm4);
    return true;
}

static bool trans_SIMD_tbl(DisasContext *s, arg_SIMD_tbl *a)
{
    simd_gen_helper(s, a->op ? SOP_TBX : SOP_TBL, a->rd, a->rn, a->rm, 0, a->q,
                    (unsigned)a->len);
    return true;
}

/* ---- cryptographic extension (FEAT_AES, FEAT_SHA1, FEAT_SHA256) ------------------------ */

static void gen_crypto(DisasContext *s, enum A64CryptoOp op, int rd, int rn, int rm)
{
    IRTempIdx args[3] = { IR_TEMP_ENV, tconst(s, IR_TYPE_I64, (uint64_t)op),
                          tconst(s, IR_TYPE_I64, simd_desc(rd, rn, rm, 0, 1, 0)) };

    ir_emit_call(s->b, &a64_helper_crypto, 0, args);
}

/* AESE (opcode 00100), AESD (00101), AESMC (00110), AESIMC (00111). */
static bool trans_CRYPTO_aes(DisasContext *s, arg_CRYPTO_aes *a)
{
    if (a->opc < 4 || a->opc > 7)
        return false;
    gen_crypto(s, (enum A64CryptoOp)(COP_AESE + a->opc - 4), a->rd, a->rn, 0);
    return true;
}

/* SHA1C SHA1P SHA1M SHA1SU0 SHA256H SHA256H2 SHA256SU1 (opcode 000..110). */
static bool trans_CRYPTO_sha3(DisasContext *s, arg_CRYPTO_sha3 *a)
{
    if (a->opc == 7)
        return false;
    gen_crypto(s, (enum A64CryptoOp)(COP_SHA1C + a->opc), a->rd, a->rn, a->rm);
    return true;
}

/* SHA1H (opcode 00000), SHA1SU1 (00001), SHA256SU0 (00010). */
static bool trans_CRYPTO_sha2(DisasContext *s, arg_CRYPTO_sha2 *a)
{
    if (a->opc > 2)
        return false;
    gen_crypto(s, (enum A64CryptoOp)(COP_SHA1H + a->opc), a->rd, a->rn, 0);
    return true;
}

/* ---- FP moves ------------------------------------------------------------------------- */

/*
 * FMOV between general and FP registers: type 00 with sf 0 (Wd <-> Sn),
 * type 01 with sf 1 (Xd <-> Dn), type 10 with sf 1 and rmode 01 (Xd <->
 * Vn.D[1], which leaves bits 63:0 alone); opcode 110 to general, 111 from.
 * The other rows of the group are conversions, left out.
 */
static bool trans_FMOV_gen(DisasContext *s, arg_fmovg *a)
{
    bool to_fp = a->opc == 7;
    IRTempIdx v;

    if (a->opc != 6 && a->opc != 7)
        return false;
    if (a->rmode == 0 && ((a->sf == 0 && a->type == 0) || (a->sf == 1 && a->type == 1))) {
        if (to_fp) {
            v = new_tmp(s, IR_TYPE_I64);
            if (a->sf)
                ir_gen_mov(s->b, IR_TYPE_I64, v, cpu_reg(s, a->rn));
            else
                ir_gen_op1(s->b, IR_OP_ext32u, IR_TYPE_I64, v, cpu_reg(s, a->rn));
            simd_st64(s, a->rd, 0, v);
            simd_st64i(s, a->rd, 1, 0);
        } else {
            write_reg(s, a->rd, true, simd_ld_lane(s, a->rn, 0, a->sf ? 3 : 2));
        }
        return true;
    }
    if (a->rmode == 1 && a->sf == 1 && a->type == 2) {
        if (to_fp)
            simd_st64(s, a->rd, 1, cpu_reg(s, a->rn));
        else
            write_reg(s, a->rd, true, simd_ld64(s, a->rn, 1));
        return true;
    }
    return false;
}

/* FMOV (scalar, immediate): single (type 00) or double (01). */
static bool trans_FMOV_imm(DisasContext *s, arg_FMOV_imm *a)
{
    if (a->type > 1)
        return false;
    simd_st64i(s, a->rd, 0, vfp_expand_imm((unsigned)a->imm8, a->type ? 3 : 2));
    simd_st64i(s, a->rd, 1, 0);
    return true;
}

/* FMOV (register): Sd = Sn or Dd = Dn, the rest zeroed. */
static bool trans_FMOV_reg(DisasContext *s, arg_FMOV_reg *a)
{
    if (a->type > 1)
        return false;
    IRTempIdx v = simd_ld_lane(s, a->rn, 0, a->type ? 3 : 2);
    simd_st64(s, a->rd, 0, v);
    simd_st64i(s, a->rd, 1, 0);
    return true;
}
