/*
 * translate-dp-reg.c - A64 data processing (register): logical and
 * add/subtract with shifted or extended operands, add/subtract with carry,
 * conditional compare and select, 1- and 2-source operations, multiplies
 * and divides (Arm ARM C4.1.88; semantics in C6.2).
 *
 * The IR's division results for x / 0 (0) and MIN / -1 (MIN) are exactly
 * those of UDIV/SDIV (C6.2 "SDIV": "if the divisor is zero the result is
 * zero"; the overflowing quotient wraps), so division needs no checks.
 */
#include "config.h"

#include "frontend/aarch64/translate.h"

#include "decode-a64-dp-reg.c.inc"

bool a64_decode_dp_reg(DisasContext *s, uint32_t insn)
{
    return decode_a64_dp_reg(s, insn);
}

static void gen_op2(DisasContext *s, IROpcode op, IRType t, IRTempIdx d, IRTempIdx a, IRTempIdx b)
{
    ir_gen_op2(s->b, op, t, d, a, b);
}

/* ShiftReg: Rm shifted by a constant (LSL, LSR, ASR, ROR = shift 0..3). */
static IRTempIdx gen_shifted_reg(DisasContext *s, bool sf, int rm, int shift, int amount)
{
    static const IROpcode ops[4] = { IR_OP_shl, IR_OP_shr, IR_OP_sar, IR_OP_rotr };
    IRType t = sf_type(sf);
    IRTempIdx m = read_reg(s, rm, sf), r;

    if (amount == 0)
        return m;
    r = new_tmp(s, t);
    gen_op2(s, ops[shift], t, r, m, tconst(s, t, (uint64_t)amount));
    return r;
}

/* ---- logical (shifted register) ---------------------------------------------- */

static bool gen_logic_reg(DisasContext *s, arg_logic_shift *a, IROpcode op, bool set_flags)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n, m, res;

    if (!a->sf && (a->imm & 0x20))
        return false;
    n = read_reg(s, a->rn, a->sf);
    m = gen_shifted_reg(s, a->sf, a->rm, a->shift, a->imm);
    res = new_tmp(s, t);
    gen_op2(s, op, t, res, n, m);
    if (set_flags)
        gen_logic_flags(s, t, res);
    write_reg(s, a->rd, a->sf, res);
    return true;
}

static bool trans_AND_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_and, false); }
static bool trans_BIC_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_andc, false); }
static bool trans_ORR_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_or, false); }
static bool trans_ORN_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_orc, false); }
static bool trans_EOR_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_xor, false); }
static bool trans_EON_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_eqv, false); }
static bool trans_ANDS_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_and, true); }
static bool trans_BICS_r(DisasContext *s, arg_logic_shift *a) { return gen_logic_reg(s, a, IR_OP_andc, true); }

/* ---- add/subtract -------------------------------------------------------------- */

/* Write a + b or a - b to Rd (SP-form only without flags, when rd_sp). */
static void gen_addsub(DisasContext *s, bool sf, int rd, bool rd_sp, IRTempIdx n, IRTempIdx m,
                       bool sub, bool set_flags)
{
    IRType t = sf_type(sf);
    IRTempIdx res;

    if (set_flags) {
        res = sub ? gen_sub_cc(s, t, n, m) : gen_add_cc(s, t, n, m, false, true);
        write_reg(s, rd, sf, res);
        return;
    }
    res = new_tmp(s, t);
    gen_op2(s, sub ? IR_OP_sub : IR_OP_add, t, res, n, m);
    if (rd_sp)
        write_reg_sp(s, rd, sf, res);
    else
        write_reg(s, rd, sf, res);
}

/* Shifted register: ROR (shift 3) is reserved, and register 31 is XZR. */
static bool gen_addsub_reg(DisasContext *s, arg_addsub_shift *a, bool sub, bool set_flags)
{
    IRTempIdx n, m;

    if (a->shift == 3 || (!a->sf && (a->imm & 0x20)))
        return false;
    n = read_reg(s, a->rn, a->sf);
    m = gen_shifted_reg(s, a->sf, a->rm, a->shift, a->imm);
    gen_addsub(s, a->sf, a->rd, false, n, m, sub, set_flags);
    return true;
}

static bool trans_ADD_r(DisasContext *s, arg_addsub_shift *a) { return gen_addsub_reg(s, a, false, false); }
static bool trans_ADDS_r(DisasContext *s, arg_addsub_shift *a) { return gen_addsub_reg(s, a, false, true); }
static bool trans_SUB_r(DisasContext *s, arg_addsub_shift *a) { return gen_addsub_reg(s, a, true, false); }
static bool trans_SUBS_r(DisasContext *s, arg_addsub_shift *a) { return gen_addsub_reg(s, a, true, true); }

/*
 * ExtendReg (C6.2 "ADD (extended register)"): the low 8, 16, 32 or 64 bits
 * of Rm (option<1:0>), sign-extended when option<2>, then shifted left by
 * imm3 (at most 4).  Rn and, without flags, Rd are SP-form.
 */
static bool gen_addsub_ext(DisasContext *s, arg_addsub_ext *a, bool sub, bool set_flags)
{
    static const IROpcode ext[8] = {
        IR_OP_ext8u, IR_OP_ext16u, IR_OP_ext32u, IR_OP_mov,
        IR_OP_ext8s, IR_OP_ext16s, IR_OP_ext32s, IR_OP_mov,
    };
    IRType t = sf_type(a->sf);
    IRTempIdx n, m64, m;

    if (a->imm > 4)
        return false;
    n = read_reg_sp(s, a->rn, a->sf);
    m64 = new_tmp(s, IR_TYPE_I64);
    ir_gen_op1(s->b, ext[a->option], IR_TYPE_I64, m64, cpu_reg(s, a->rm));
    if (a->imm)
        gen_op2(s, IR_OP_shl, IR_TYPE_I64, m64, m64, tconst(s, IR_TYPE_I64, (uint64_t)a->imm));
    if (t == IR_TYPE_I64) {
        m = m64;
    } else {
        m = new_tmp(s, t);
        ir_gen_op1(s->b, IR_OP_extrl_i64_i32, t, m, m64);
    }
    gen_addsub(s, a->sf, a->rd, true, n, m, sub, set_flags);
    return true;
}

static bool trans_ADD_x(DisasContext *s, arg_addsub_ext *a) { return gen_addsub_ext(s, a, false, false); }
static bool trans_ADDS_x(DisasContext *s, arg_addsub_ext *a) { return gen_addsub_ext(s, a, false, true); }
static bool trans_SUB_x(DisasContext *s, arg_addsub_ext *a) { return gen_addsub_ext(s, a, true, false); }
static bool trans_SUBS_x(DisasContext *s, arg_addsub_ext *a) { return gen_addsub_ext(s, a, true, true); }

/* ADC/SBC: Rn + Rm + C, and Rn + NOT(Rm) + C (C6.2 "SBC"). */
static bool gen_adc(DisasContext *s, arg_adc *a, bool sub, bool set_flags)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n = read_reg(s, a->rn, a->sf), m = read_reg(s, a->rm, a->sf), res;

    if (sub) {
        IRTempIdx nm = new_tmp(s, t);
        ir_gen_op1(s->b, IR_OP_not, t, nm, m);
        m = nm;
    }
    res = gen_add_cc(s, t, n, m, true, set_flags);
    write_reg(s, a->rd, a->sf, res);
    return true;
}

static bool trans_ADC(DisasContext *s, arg_adc *a) { return gen_adc(s, a, false, false); }
static bool trans_ADCS(DisasContext *s, arg_adc *a) { return gen_adc(s, a, false, true); }
static bool trans_SBC(DisasContext *s, arg_adc *a) { return gen_adc(s, a, true, false); }
static bool trans_SBCS(DisasContext *s, arg_adc *a) { return gen_adc(s, a, true, true); }

/* ---- conditional compare and select --------------------------------------------- */

/*
 * CCMP/CCMN (C6.2 "CCMP (register)"): if the condition holds, the flags of
 * Rn - op (CCMN: Rn + op), else the immediate nzcv.  The condition is
 * evaluated into a temp first, the compare's flags are made explicit, and
 * each flag is selected with movcond: no branch, so the block stays one
 * basic block.
 */
static bool gen_ccmp(DisasContext *s, bool sf, int rn, IRTempIdx m, int cond, int nzcv, bool cmp)
{
    IRType t = sf_type(sf);
    A64Compare c = a64_test_cc(s, cond);
    IRTempIdx ok = new_tmp(s, IR_TYPE_I64), zero = tconst(s, IR_TYPE_I64, 0);
    IRTempIdx n = read_reg(s, rn, sf);
    const uint64_t imm[4] = {
        (nzcv & 8) ? UINT64_MAX : 0, (nzcv & 4) ? 0 : 1,
        (nzcv & 2) ? 1 : 0, (nzcv & 1) ? UINT64_MAX : 0,
    };

    if (c.cond == IR_COND_ALWAYS) {
        if (cmp)
            gen_sub_cc(s, t, n, m);
        else
            gen_add_cc(s, t, n, m, false, true);
        return true;
    }
    ir_gen_setcond(s->b, IR_TYPE_I64, c.cond, ok, c.a, c.b);
    if (cmp)
        gen_sub_cc(s, t, n, m);
    else
        gen_add_cc(s, t, n, m, false, true);
    gen_flags_explicit(s);
    for (int i = 0; i < 4; i++) {
        IRTempIdx g = A64_G_NF + i;
        ir_gen_movcond(s->b, IR_TYPE_I64, IR_COND_NE, g, ok, zero, g,
                       tconst(s, IR_TYPE_I64, imm[i]));
    }
    return true;
}

static bool trans_CCMN_r(DisasContext *s, arg_ccmp_r *a)
{
    return gen_ccmp(s, a->sf, a->rn, read_reg(s, a->rm, a->sf), a->cond, a->nzcv, false);
}

static bool trans_CCMP_r(DisasContext *s, arg_ccmp_r *a)
{
    return gen_ccmp(s, a->sf, a->rn, read_reg(s, a->rm, a->sf), a->cond, a->nzcv, true);
}

static bool trans_CCMN_i(DisasContext *s, arg_ccmp_i *a)
{
    return gen_ccmp(s, a->sf, a->rn, tconst(s, sf_type(a->sf), (uint64_t)a->imm), a->cond, a->nzcv, false);
}

static bool trans_CCMP_i(DisasContext *s, arg_ccmp_i *a)
{
    return gen_ccmp(s, a->sf, a->rn, tconst(s, sf_type(a->sf), (uint64_t)a->imm), a->cond, a->nzcv, true);
}

/*
 * CSEL/CSINC/CSINV/CSNEG: Rd = cond ? Rn : f(Rm).  Computed in 64 bits; the
 * low 32 bits of f(Rm) are right for the W forms, and write_reg zero-extends.
 */
static bool gen_csel(DisasContext *s, arg_csel *a, IROpcode op)
{
    const IRType t = IR_TYPE_I64;
    A64Compare c = a64_test_cc(s, a->cond);
    IRTempIdx n = cpu_reg(s, a->rn), m = cpu_reg(s, a->rm), res = new_tmp(s, t);

    if (op == IR_OP_add) {
        IRTempIdx x = new_tmp(s, t);
        gen_op2(s, IR_OP_add, t, x, m, tconst(s, t, 1));
        m = x;
    } else if (op != IR_OP_mov) {
        IRTempIdx x = new_tmp(s, t);
        ir_gen_op1(s->b, op, t, x, m);
        m = x;
    }
    if (c.cond == IR_COND_ALWAYS)
        ir_gen_mov(s->b, t, res, n);
    else
        ir_gen_movcond(s->b, t, c.cond, res, c.a, c.b, n, m);
    if (a->sf) {
        write_reg(s, a->rd, true, res);
    } else {
        IRTempIdx r32 = new_tmp(s, IR_TYPE_I32);
        ir_gen_op1(s->b, IR_OP_extrl_i64_i32, IR_TYPE_I32, r32, res);
        write_reg(s, a->rd, false, r32);
    }
    return true;
}

static bool trans_CSEL(DisasContext *s, arg_csel *a) { return gen_csel(s, a, IR_OP_mov); }
static bool trans_CSINC(DisasContext *s, arg_csel *a) { return gen_csel(s, a, IR_OP_add); }
static bool trans_CSINV(DisasContext *s, arg_csel *a) { return gen_csel(s, a, IR_OP_not); }
static bool trans_CSNEG(DisasContext *s, arg_csel *a) { return gen_csel(s, a, IR_OP_neg); }

/* ---- 2-source: divide and variable shifts ---------------------------------------- */

/* The IR takes shift counts modulo the width, as LSLV etc. do. */
static bool gen_dp2(DisasContext *s, arg_dp2 *a, IROpcode op)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n = read_reg(s, a->rn, a->sf), m = read_reg(s, a->rm, a->sf);
    IRTempIdx res = new_tmp(s, t);

    gen_op2(s, op, t, res, n, m);
    write_reg(s, a->rd, a->sf, res);
    return true;
}

static bool trans_UDIV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_divu); }
static bool trans_SDIV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_div); }
static bool trans_LSLV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_shl); }
static bool trans_LSRV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_shr); }
static bool trans_ASRV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_sar); }
static bool trans_RORV(DisasContext *s, arg_dp2 *a) { return gen_dp2(s, a, IR_OP_rotr); }

/* ---- 2-source: CRC32 (FEAT_CRC32) ----------------------------------------------- */

/*
 * CRC32{C}{B,H,W,X} Wd, Wn, {W,X}m: the reflected CRC of the low 8 << sz
 * bits of Rm, least significant bit first, onto the 32-bit accumulator Wn,
 * with no initial or final inversion (Arm ARM C6.2 CRC32B: BitReverse of the
 * polynomial division).  bytes_poly = bytes << 32 | reflected polynomial:
 * 0xEDB88320 for CRC-32 (ISO-HDLC, 0x04C11DB7), 0x82F63B78 for CRC-32C
 * (Castagnoli, 0x1EDC6F41).
 */
static uint64_t helper_crc32(uint64_t acc, uint64_t val, uint64_t bytes_poly)
{
    uint32_t crc = (uint32_t)acc, poly = (uint32_t)bytes_poly;
    unsigned bytes = (unsigned)(bytes_poly >> 32);

    for (unsigned i = 0; i < bytes; i++) {
        crc ^= (uint8_t)(val >> (8 * i));
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (poly & (0u - (crc & 1)));
    }
    return crc;
}

IRHelper a64_helper_crc32 = {
    .name = "a64_crc32", .fn = (void *)helper_crc32, .ret = IR_TYPE_I64,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = IR_CALL_PURE,
};

/* sf must be 1 for the X form (sz = 3) and 0 for the others. */
static bool trans_CRC32(DisasContext *s, arg_CRC32 *a)
{
    uint64_t poly = a->c ? 0x82F63B78u : 0xEDB88320u;
    IRTempIdx res = new_tmp(s, IR_TYPE_I64);

    if (a->sf != (a->sz == 3))
        return false;
    IRTempIdx args[3] = { cpu_reg(s, a->rn), cpu_reg(s, a->rm),
                          tconst(s, IR_TYPE_I64, (uint64_t)1 << a->sz << 32 | poly) };
    ir_emit_call(s->b, &a64_helper_crc32, res, args);
    write_reg(s, a->rd, true, res);
    return true;
}

/* ---- 1-source: bit and byte reversal, leading bits ------------------------------ */

/* x = ((x >> k) & m) | ((x & m) << k): swap adjacent k-bit groups. */
static void gen_swap_groups(DisasContext *s, IRType t, IRTempIdx x, unsigned k, uint64_t m)
{
    IRTempIdx hi = new_tmp(s, t), lo = new_tmp(s, t), mask = tconst(s, t, m);
    IRTempIdx sh = tconst(s, t, k);

    gen_op2(s, IR_OP_shr, t, hi, x, sh);
    gen_op2(s, IR_OP_and, t, hi, hi, mask);
    gen_op2(s, IR_OP_and, t, lo, x, mask);
    gen_op2(s, IR_OP_shl, t, lo, lo, sh);
    gen_op2(s, IR_OP_or, t, x, hi, lo);
}

/* RBIT: reverse the bits within each byte, then the bytes. */
static bool trans_RBIT(DisasContext *s, arg_dp1 *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx x = new_tmp(s, t);

    ir_gen_mov(s->b, t, x, read_reg(s, a->rn, a->sf));
    gen_swap_groups(s, t, x, 1, UINT64_C(0x5555555555555555));
    gen_swap_groups(s, t, x, 2, UINT64_C(0x3333333333333333));
    gen_swap_groups(s, t, x, 4, UINT64_C(0x0f0f0f0f0f0f0f0f));
    ir_gen_op1(s->b, a->sf ? IR_OP_bswap64 : IR_OP_bswap32, t, x, x);
    write_reg(s, a->rd, a->sf, x);
    return true;
}

static bool trans_REV16(DisasContext *s, arg_dp1 *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx x = new_tmp(s, t);

    ir_gen_mov(s->b, t, x, read_reg(s, a->rn, a->sf));
    gen_swap_groups(s, t, x, 8, UINT64_C(0x00ff00ff00ff00ff));
    write_reg(s, a->rd, a->sf, x);
    return true;
}

/* REV32 (X) and REV (W): bytes reversed within each 32-bit word. */
static bool trans_REV32(DisasContext *s, arg_dp1 *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx x = new_tmp(s, t);

    if (a->sf) {
        ir_gen_op1(s->b, IR_OP_bswap64, t, x, cpu_reg(s, a->rn));
        gen_op2(s, IR_OP_rotr, t, x, x, tconst(s, t, 32));
    } else {
        ir_gen_op1(s->b, IR_OP_bswap32, t, x, read_reg(s, a->rn, false));
    }
    write_reg(s, a->rd, a->sf, x);
    return true;
}

static bool trans_REV64(DisasContext *s, arg_dp1 *a)
{
    IRTempIdx x = new_tmp(s, IR_TYPE_I64);

    if (!a->sf)
        return false;
    ir_gen_op1(s->b, IR_OP_bswap64, IR_TYPE_I64, x, cpu_reg(s, a->rn));
    write_reg(s, a->rd, true, x);
    return true;
}

static bool trans_CLZ(DisasContext *s, arg_dp1 *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx x = new_tmp(s, t);

    gen_op2(s, IR_OP_clz, t, x, read_reg(s, a->rn, a->sf), tconst(s, t, ir_type_bits(t)));
    write_reg(s, a->rd, a->sf, x);
    return true;
}

/*
 * CLS counts the bits after the sign bit that equal it: bit i of
 * x ^ (x >> 1, arithmetic) is set where bits i and i+1 differ, and its top
 * bit is always clear, so CLS(x) = CLZ(x ^ (x >> 1)) - 1.
 */
static bool trans_CLS(DisasContext *s, arg_dp1 *a)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n = read_reg(s, a->rn, a->sf), x = new_tmp(s, t);

    gen_op2(s, IR_OP_sar, t, x, n, tconst(s, t, 1));
    gen_op2(s, IR_OP_xor, t, x, x, n);
    gen_op2(s, IR_OP_clz, t, x, x, tconst(s, t, ir_type_bits(t)));
    gen_op2(s, IR_OP_sub, t, x, x, tconst(s, t, 1));
    write_reg(s, a->rd, a->sf, x);
    return true;
}

/* ---- 3-source: multiply-add ---------------------------------------------------- */

static bool gen_madd(DisasContext *s, arg_dp3 *a, bool sub)
{
    IRType t = sf_type(a->sf);
    IRTempIdx n = read_reg(s, a->rn, a->sf), m = read_reg(s, a->rm, a->sf);
    IRTempIdx acc = read_reg(s, a->ra, a->sf), p = new_tmp(s, t);

    gen_op2(s, IR_OP_mul, t, p, n, m);
    gen_op2(s, sub ? IR_OP_sub : IR_OP_add, t, p, acc, p);
    write_reg(s, a->rd, a->sf, p);
    return true;
}

static bool trans_MADD(DisasContext *s, arg_dp3 *a) { return gen_madd(s, a, false); }
static bool trans_MSUB(DisasContext *s, arg_dp3 *a) { return gen_madd(s, a, true); }

/* SMADDL etc.: Xa +/- Wn * Wm with the W operands sign- or zero-extended. */
static bool gen_maddl(DisasContext *s, arg_dp3 *a, bool is_signed, bool sub)
{
    const IRType t = IR_TYPE_I64;
    IROpcode ext = is_signed ? IR_OP_ext32s : IR_OP_ext32u;
    IRTempIdx n = new_tmp(s, t), m = new_tmp(s, t), p = new_tmp(s, t);

    ir_gen_op1(s->b, ext, t, n, cpu_reg(s, a->rn));
    ir_gen_op1(s->b, ext, t, m, cpu_reg(s, a->rm));
    gen_op2(s, IR_OP_mul, t, p, n, m);
    gen_op2(s, sub ? IR_OP_sub : IR_OP_add, t, p, cpu_reg(s, a->ra), p);
    write_reg(s, a->rd, true, p);
    return true;
}

static bool trans_SMADDL(DisasContext *s, arg_dp3 *a) { return gen_maddl(s, a, true, false); }
static bool trans_SMSUBL(DisasContext *s, arg_dp3 *a) { return gen_maddl(s, a, true, true); }
static bool trans_UMADDL(DisasContext *s, arg_dp3 *a) { return gen_maddl(s, a, false, false); }
static bool trans_UMSUBL(DisasContext *s, arg_dp3 *a) { return gen_maddl(s, a, false, true); }

/* SMULH/UMULH: the high 64 bits of the 128-bit product (Ra is ignored). */
static bool gen_mulh(DisasContext *s, arg_dp3 *a, IROpcode op)
{
    IRTempIdx p = new_tmp(s, IR_TYPE_I64);

    gen_op2(s, op, IR_TYPE_I64, p, cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    write_reg(s, a->rd, true, p);
    return true;
}

static bool trans_SMULH(DisasContext *s, arg_dp3 *a) { return gen_mulh(s, a, IR_OP_mulsh); }
static bool trans_UMULH(DisasContext *s, arg_dp3 *a) { return gen_mulh(s, a, IR_OP_muluh); }
