/*
 * translate-dp-imm.c - A64 data processing (immediate): PC-relative
 * addressing, add/subtract, logical, move wide, bitfield and extract
 * (Arm ARM C4.1.86; per-instruction semantics in C6.2).
 *
 * Every immediate is decoded at translation time, so the IR sees plain
 * constants; the aliases (MOV, LSL, ASR, UXTB, BFI...) are the base
 * instructions with particular fields and need no code of their own.
 */
#include "config.h"

#include "frontend/aarch64/translate.h"

#include "decode-a64-dp-imm.c.inc"

bool a64_decode_dp_imm(DisasContext *s, uint32_t insn)
{
    return decode_a64_dp_imm(s, insn);
}

/* ---- PC-relative addressing ------------------------------------------------ */

static bool trans_ADR(DisasContext *s, arg_pcrel *a)
{
    write_reg(s, a->rd, true, tconst(s, IR_TYPE_I64, s->pc + (int64_t)a->imm));
    return true;
}

/* ADRP: the 4 KiB page of pc plus imm pages. */
static bool trans_ADRP(DisasContext *s, arg_pcrel *a)
{
    uint64_t base = s->pc & ~UINT64_C(0xfff);

    write_reg(s, a->rd, true, tconst(s, IR_TYPE_I64, base + ((uint64_t)(int64_t)a->imm << 12)));
    return true;
}

/* ---- add/subtract (immediate) ------------------------------------------------- */

/* Rn is SP-form; Rd is SP-form unless the flags are set (then XZR). */
static bool gen_addsub_imm(DisasContext *s, arg_addsub_imm *a, bool sub, bool set_flags)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n = read_reg_sp(s, a->rn, a->sf);
    IRTempIdx imm = tconst(s, t, (uint64_t)a->imm << (a->sh ? 12 : 0));
    IRTempIdx res;

    if (set_flags) {
        res = sub ? gen_sub_cc(s, t, n, imm) : gen_add_cc(s, t, n, imm, false, true);
        write_reg(s, a->rd, a->sf, res);
    } else {
        res = new_tmp(s, t);
        ir_gen_op2(s->b, sub ? IR_OP_sub : IR_OP_add, t, res, n, imm);
        write_reg_sp(s, a->rd, a->sf, res);
    }
    return true;
}

static bool trans_ADD_i(DisasContext *s, arg_addsub_imm *a) { return gen_addsub_imm(s, a, false, false); }
static bool trans_ADDS_i(DisasContext *s, arg_addsub_imm *a) { return gen_addsub_imm(s, a, false, true); }
static bool trans_SUB_i(DisasContext *s, arg_addsub_imm *a) { return gen_addsub_imm(s, a, true, false); }
static bool trans_SUBS_i(DisasContext *s, arg_addsub_imm *a) { return gen_addsub_imm(s, a, true, true); }

/* ---- logical (immediate) --------------------------------------------------------- */

static bool gen_logic_imm(DisasContext *s, arg_logic_imm *a, IROpcode op, bool set_flags)
{
    IRType t = sf_type(a->sf);
    uint64_t wmask, tmask;
    IRTempIdx n, res;

    if (!a->sf && a->n)
        return false;
    if (!a64_decode_bit_masks(a->n, (unsigned)a->imms, (unsigned)a->immr, true,
                              a->sf ? 64 : 32, &wmask, &tmask))
        return false;
    n = read_reg(s, a->rn, a->sf);
    res = new_tmp(s, t);
    ir_gen_op2(s->b, op, t, res, n, tconst(s, t, wmask));
    if (set_flags) {
        gen_logic_flags(s, t, res);
        write_reg(s, a->rd, a->sf, res);
    } else {
        write_reg_sp(s, a->rd, a->sf, res);
    }
    return true;
}

static bool trans_AND_i(DisasContext *s, arg_logic_imm *a) { return gen_logic_imm(s, a, IR_OP_and, false); }
static bool trans_ORR_i(DisasContext *s, arg_logic_imm *a) { return gen_logic_imm(s, a, IR_OP_or, false); }
static bool trans_EOR_i(DisasContext *s, arg_logic_imm *a) { return gen_logic_imm(s, a, IR_OP_xor, false); }
static bool trans_ANDS_i(DisasContext *s, arg_logic_imm *a) { return gen_logic_imm(s, a, IR_OP_and, true); }

/* ---- move wide ------------------------------------------------------------------ */

static bool gen_movw(DisasContext *s, arg_movw *a, bool invert)
{
    uint64_t v;

    if (!a->sf && a->hw >= 2)
        return false;
    v = (uint64_t)a->imm << (16 * a->hw);
    if (invert)
        v = ~v;
    write_reg(s, a->rd, a->sf, tconst(s, sf_type(a->sf), v));
    return true;
}

static bool trans_MOVN(DisasContext *s, arg_movw *a) { return gen_movw(s, a, true); }
static bool trans_MOVZ(DisasContext *s, arg_movw *a) { return gen_movw(s, a, false); }

/* MOVK: insert imm16 at hw*16, keep the other bits. */
static bool trans_MOVK(DisasContext *s, arg_movw *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx d, res;

    if (!a->sf && a->hw >= 2)
        return false;
    d = read_reg(s, a->rd, a->sf);
    res = new_tmp(s, t);
    uint64_t args[5] = { res, d, tconst(s, t, (uint64_t)a->imm), (uint64_t)(16 * a->hw), 16 };
    ir_emit(s->b, IR_OP_deposit, t, args, 5);
    write_reg(s, a->rd, a->sf, res);
    return true;
}

/* ---- bitfield ------------------------------------------------------------------- */

typedef enum { BF_SIGNED, BF_INSERT, BF_UNSIGNED } BitfieldKind;

/*
 * SBFM/BFM/UBFM (C6.2 "SBFM", "BFM", "UBFM"), straight from the pseudocode:
 * bot = ROR(src, R) AND wmask (BFM keeps dst outside wmask), and the result
 * takes bot inside tmask and, outside it, zeros (UBFM), copies of src<S>
 * (SBFM) or dst (BFM).  With R, S and the masks constant, the optimizer
 * folds the masks, and the rotation by 0 disappears.
 */
static bool gen_bitfield(DisasContext *s, arg_bitfield *a, BitfieldKind kind)
{
    IRType t = sf_type(a->sf);
    IRBlock *b = s->b;
    unsigned width = a->sf ? 64 : 32;
    uint64_t wmask, tmask;
    IRTempIdx src, bot, res;

    if (a->n != a->sf || (!a->sf && ((a->immr | a->imms) & 0x20)))
        return false;
    if (!a64_decode_bit_masks(a->n, (unsigned)a->imms, (unsigned)a->immr, false, width,
                              &wmask, &tmask))
        return false;
    src = read_reg(s, a->rn, a->sf);
    bot = new_tmp(s, t);
    res = new_tmp(s, t);
    if (a->immr)
        ir_gen_op2(b, IR_OP_rotr, t, bot, src, tconst(s, t, (uint64_t)a->immr));
    else
        ir_gen_mov(b, t, bot, src);

    switch (kind) {
    case BF_UNSIGNED:
        ir_gen_op2(b, IR_OP_and, t, res, bot, tconst(s, t, wmask & tmask));
        break;
    case BF_SIGNED: {
        IRTempIdx top = new_tmp(s, t);
        uint64_t args[4] = { top, src, (uint64_t)a->imms, 1 };
        ir_emit(b, IR_OP_sextract, t, args, 4);
        ir_gen_op2(b, IR_OP_and, t, bot, bot, tconst(s, t, wmask & tmask));
        ir_gen_op2(b, IR_OP_andc, t, top, top, tconst(s, t, tmask));
        ir_gen_op2(b, IR_OP_or, t, res, top, bot);
        break;
    }
    case BF_INSERT: {
        IRTempIdx dst = read_reg(s, a->rd, a->sf), keep = new_tmp(s, t);
        /* bot = (dst & ~wmask) | (ror & wmask); res = (dst & ~tmask) | (bot & tmask) */
        ir_gen_op2(b, IR_OP_and, t, bot, bot, tconst(s, t, wmask));
        ir_gen_op2(b, IR_OP_andc, t, keep, dst, tconst(s, t, wmask));
        ir_gen_op2(b, IR_OP_or, t, bot, bot, keep);
        ir_gen_op2(b, IR_OP_and, t, bot, bot, tconst(s, t, tmask));
        ir_gen_op2(b, IR_OP_andc, t, keep, dst, tconst(s, t, tmask));
        ir_gen_op2(b, IR_OP_or, t, res, bot, keep);
        break;
    }
    }
    write_reg(s, a->rd, a->sf, res);
    return true;
}

static bool trans_SBFM(DisasContext *s, arg_bitfield *a) { return gen_bitfield(s, a, BF_SIGNED); }
static bool trans_BFM(DisasContext *s, arg_bitfield *a) { return gen_bitfield(s, a, BF_INSERT); }
static bool trans_UBFM(DisasContext *s, arg_bitfield *a) { return gen_bitfield(s, a, BF_UNSIGNED); }

/* ---- extract ------------------------------------------------------------------ */

/* EXTR: bits [lsb + width - 1 : lsb] of Rn:Rm (ROR when Rn == Rm). */
static bool trans_EXTR(DisasContext *s, arg_EXTR *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx lo, hi, res;

    if (a->n != a->sf || (!a->sf && (a->imms & 0x20)))
        return false;
    lo = read_reg(s, a->rm, a->sf);
    hi = read_reg(s, a->rn, a->sf);
    res = new_tmp(s, t);
    uint64_t args[4] = { res, lo, hi, (uint64_t)a->imms };
    ir_emit(s->b, IR_OP_extract2, t, args, 4);
    write_reg(s, a->rd, a->sf, res);
    return true;
}
