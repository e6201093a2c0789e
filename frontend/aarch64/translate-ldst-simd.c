/*
 * translate-ldst-simd.c - A64 loads and stores of the SIMD&FP registers:
 * B/H/S/D/Q single registers in every addressing mode, pairs, and the
 * multiple and single structure forms LD1-LD4/ST1-ST4 and LD1R-LD4R (Arm
 * ARM C4.1.66, C4.1.67; semantics in C7.2).
 *
 * Order within one instruction, as for the general registers
 * (translate-ldst.c): every memory access is made first, loaded values are
 * kept in temps, so a fault leaves all registers untouched and the pc at
 * the instruction; then the base is written back, then the V registers.
 * Memory is little-endian; 128-bit accesses are two 64-bit accesses, low
 * half first, and SIMD accesses have no alignment requirement.
 */
#include "config.h"

#include "frontend/aarch64/translate-simd.h"

#include "decode-a64-ldst-simd.c.inc"

bool a64_decode_ldst_simd(DisasContext *s, uint32_t insn)
{
    return decode_a64_ldst_simd(s, insn);
}

static IRTempIdx add_const(DisasContext *s, IRTempIdx base, int64_t off)
{
    IRTempIdx a = new_tmp(s, IR_TYPE_I64);

    ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, a, base, tconst(s, IR_TYPE_I64, (uint64_t)off));
    return a;
}

/* A whole-register load of 1 << scale bytes (scale 4: Q) into vals[0..1]. */
static void gen_vload(DisasContext *s, int scale, IRTempIdx addr, IRTempIdx vals[2])
{
    vals[0] = new_tmp(s, IR_TYPE_I64);
    ir_gen_guest_ld(s->b, IR_TYPE_I64, vals[0], addr, (unsigned)(scale > 3 ? 3 : scale));
    vals[1] = 0;
    if (scale == 4) {
        vals[1] = new_tmp(s, IR_TYPE_I64);
        ir_gen_guest_ld(s->b, IR_TYPE_I64, vals[1], add_const(s, addr, 8), IR_MO_64);
    }
}

/* Write a loaded scalar or Q register: the bits above it are zeroed. */
static void gen_vwrite(DisasContext *s, int rt, IRTempIdx vals[2])
{
    simd_st64(s, rt, 0, vals[0]);
    if (vals[1])
        simd_st64(s, rt, 1, vals[1]);
    else
        simd_st64i(s, rt, 1, 0);
}

static void gen_vstore(DisasContext *s, int scale, int rt, IRTempIdx addr)
{
    ir_gen_guest_st(s->b, IR_TYPE_I64, simd_ld64(s, rt, 0), addr,
                    (unsigned)(scale > 3 ? 3 : scale));
    if (scale == 4)
        ir_gen_guest_st(s->b, IR_TYPE_I64, simd_ld64(s, rt, 1), add_const(s, addr, 8), IR_MO_64);
}

/* size:opc -> access size (log2 bytes, 4 for Q), or -1 if unallocated. */
static int vldst_scale(int size, int opc)
{
    if (opc & 2)
        return size == 0 ? 4 : -1;
    return size;
}

/* index: 1 pre-index, 0 offset, -1 post-index (both indexed forms write back). */
static bool gen_vldst_single(DisasContext *s, int scale, bool load, int rn, int rt, int64_t off,
                             int index)
{
    IRTempIdx base = cpu_reg_sp(s, rn), addr, vals[2];

    addr = add_const(s, base, index < 0 ? 0 : off);
    if (load)
        gen_vload(s, scale, addr, vals);
    else
        gen_vstore(s, scale, rt, addr);
    if (index > 0)
        ir_gen_mov(s->b, IR_TYPE_I64, base, addr);
    else if (index < 0)
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, addr, tconst(s, IR_TYPE_I64, (uint64_t)off));
    if (load)
        gen_vwrite(s, rt, vals);
    return true;
}

static bool trans_VLDR_lit(DisasContext *s, arg_VLDR_lit *a)
{
    IRTempIdx vals[2];

    if (a->opc == 3)
        return false;
    gen_vload(s, a->opc + 2, tconst(s, IR_TYPE_I64, s->pc + (uint64_t)((int64_t)a->imm * 4)),
              vals);
    gen_vwrite(s, a->rt, vals);
    return true;
}

static bool trans_VLDST_ui(DisasContext *s, arg_vldst *a)
{
    int scale = vldst_scale(a->size, a->opc);

    if (scale < 0)
        return false;
    return gen_vldst_single(s, scale, a->opc & 1, a->rn, a->rt, (int64_t)a->imm << scale, 0);
}

static bool trans_VLDST_i9(DisasContext *s, arg_VLDST_i9 *a)
{
    static const int index[4] = { 0, -1, 0, 1 };
    int scale = vldst_scale(a->size, a->opc);

    if (scale < 0 || a->idx == 2)
        return false;
    return gen_vldst_single(s, scale, a->opc & 1, a->rn, a->rt, a->imm, index[a->idx]);
}

/* Register offset: Rm extended by option (UXTW, LSL, SXTW, SXTX), shifted by S. */
static bool trans_VLDST_r(DisasContext *s, arg_VLDST_r *a)
{
    int scale = vldst_scale(a->size, a->opc);
    IRTempIdx addr, vals[2];

    if (scale < 0 || !(a->option & 2))
        return false;
    addr = gen_regoffset_addr(s, a->rn, a->rm, a->option, a->s ? scale : 0);
    if (a->opc & 1) {
        gen_vload(s, scale, addr, vals);
        gen_vwrite(s, a->rt, vals);
    } else {
        gen_vstore(s, scale, a->rt, addr);
    }
    return true;
}

/* LDP/STP/LDNP/STNP of S (opc 00), D (01) and Q (10) registers. */
static bool trans_VLDSTP(DisasContext *s, arg_vpair *a)
{
    static const int index[4] = { 0, -1, 0, 1 };
    int scale = a->opc + 2, ix = index[a->idx];
    int64_t off = (int64_t)a->imm * ((int64_t)1 << scale);
    IRTempIdx base = cpu_reg_sp(s, a->rn), addr, addr2, v1[2], v2[2];

    if (a->opc == 3)
        return false;
    addr = add_const(s, base, ix < 0 ? 0 : off);
    addr2 = add_const(s, addr, (int64_t)1 << scale);
    if (a->l) {
        gen_vload(s, scale, addr, v1);
        gen_vload(s, scale, addr2, v2);
    } else {
        gen_vstore(s, scale, a->rt, addr);
        gen_vstore(s, scale, a->rt2, addr2);
    }
    if (ix > 0)
        ir_gen_mov(s->b, IR_TYPE_I64, base, addr);
    else if (ix < 0)
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, addr, tconst(s, IR_TYPE_I64, (uint64_t)off));
    if (a->l) {
        gen_vwrite(s, a->rt, v1);
        gen_vwrite(s, a->rt2, v2);
    }
    return true;
}

/* ---- structures ---------------------------------------------------------------- */

/* Post-index writeback: Rm = 31 adds the bytes transferred, else Xm. */
static void gen_post(DisasContext *s, int rn, int rm, int64_t bytes)
{
    IRTempIdx base = cpu_reg_sp(s, rn);

    if (rm == 31)
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, base, tconst(s, IR_TYPE_I64, (uint64_t)bytes));
    else
        ir_gen_op2(s->b, IR_OP_add, IR_TYPE_I64, base, base, cpu_reg(s, rm));
}

/*
 * Multiple structures: opcode gives the repeat count and the structure
 * elements (LD1 of 1-4 registers: rpt registers, selem 1; LD2/3/4: rpt 1).
 * Element e of structure member k is at addr + (e * selem + k) * ebytes in
 * register Rt + k; for selem 1 each register is 8 or 16 contiguous bytes.
 */
static bool trans_VLDST_mult(DisasContext *s, arg_vmult *a)
{
    static const int rpt_tab[16] = { [0] = 1, [2] = 4, [4] = 1, [6] = 3, [7] = 1, [8] = 1, [10] = 2 };
    static const int selem_tab[16] = { [0] = 4, [2] = 1, [4] = 3, [6] = 1, [7] = 1, [8] = 2, [10] = 1 };
    int rpt = rpt_tab[a->opcode], selem = selem_tab[a->opcode];
    int ebytes = 1 << a->size, regbytes = a->q ? 16 : 8, elems = regbytes / ebytes;
    IRTempIdx base, addr, vals[4][16][2];
    int nregs = rpt * selem;

    if (!rpt || (a->size == 3 && !a->q && selem > 1))
        return false;
    base = cpu_reg_sp(s, a->rn);
    addr = new_tmp(s, IR_TYPE_I64);
    ir_gen_mov(s->b, IR_TYPE_I64, addr, base);
    if (selem == 1) {
        for (int r = 0; r < rpt; r++) {
            int rt = (a->rt + r) & 31;
            for (int h = 0; h < regbytes / 8; h++) {
                IRTempIdx ea = add_const(s, addr, r * regbytes + 8 * h);
                if (a->l) {
                    vals[r][h][0] = new_tmp(s, IR_TYPE_I64);
                    ir_gen_guest_ld(s->b, IR_TYPE_I64, vals[r][h][0], ea, IR_MO_64);
                } else {
                    ir_gen_guest_st(s->b, IR_TYPE_I64, simd_ld64(s, rt, h), ea, IR_MO_64);
                }
            }
        }
    } else {
        for (int e = 0; e < elems; e++) {
            for (int k = 0; k < selem; k++) {
                int rt = (a->rt + k) & 31;
                IRTempIdx ea = add_const(s, addr, (int64_t)(e * selem + k) * ebytes);
                if (a->l) {
                    vals[k][e][0] = new_tmp(s, IR_TYPE_I64);
                    ir_gen_guest_ld(s->b, IR_TYPE_I64, vals[k][e][0], ea, (unsigned)a->size);
                } else {
                    ir_gen_guest_st(s->b, IR_TYPE_I64, simd_ld_lane(s, rt, e * ebytes, a->size),
                                    ea, (unsigned)a->size);
                }
            }
        }
    }
    if (a->post)
        gen_post(s, a->rn, a->rm, (int64_t)nregs * regbytes);
    if (!a->l)
        return true;
    for (int r = 0; r < nregs; r++) {
        int rt = (a->rt + r) & 31;
        if (selem == 1) {
            simd_st64(s, rt, 0, vals[r][0][0]);
            if (a->q)
                simd_st64(s, rt, 1, vals[r][1][0]);
        } else {
            for (int e = 0; e < elems; e++)
                simd_st_lane(s, rt, e * ebytes, a->size, vals[r][e][0]);
        }
        if (!a->q)
            simd_st64i(s, rt, 1, 0);
    }
    return true;
}

/*
 * Single structure: one element of each of selem registers (opcode<0>:R
 * + 1) at lane index from Q:S:size, or with opcode 11x (LD1R-LD4R) one
 * element replicated to every lane.
 */
static bool trans_VLDST_single(DisasContext *s, arg_vsing *a)
{
    int scale = a->opcode >> 1, selem = ((a->opcode & 1) << 1 | a->r) + 1, index = 0;
    bool replicate = false;
    IRTempIdx addr, vals[4];

    switch (scale) {
    case 3:
        if (!a->l || a->s)
            return false;
        scale = a->size;
        replicate = true;
        break;
    case 0:
        index = a->q << 3 | a->s << 2 | a->size;
        break;
    case 1:
        if (a->size & 1)
            return false;
        index = a->q << 2 | a->s << 1 | a->size >> 1;
        break;
    default:
        if (a->size & 2)
            return false;
        if (!(a->size & 1)) {
            index = a->q << 1 | a->s;
        } else {
            if (a->s)
                return false;
            index = a->q;
            scale = 3;
        }
        break;
    }
    addr = new_tmp(s, IR_TYPE_I64);
    ir_gen_mov(s->b, IR_TYPE_I64, addr, cpu_reg_sp(s, a->rn));
    for (int k = 0; k < selem; k++) {
        IRTempIdx ea = add_const(s, addr, (int64_t)k << scale);
        int rt = (a->rt + k) & 31;
        if (a->l) {
            vals[k] = new_tmp(s, IR_TYPE_I64);
            ir_gen_guest_ld(s->b, IR_TYPE_I64, vals[k], ea, (unsigned)scale);
        } else {
            ir_gen_guest_st(s->b, IR_TYPE_I64, simd_ld_lane(s, rt, index << scale, scale), ea,
                            (unsigned)scale);
        }
    }
    if (a->post)
        gen_post(s, a->rn, a->rm, (int64_t)selem << scale);
    if (!a->l)
        return true;
    for (int k = 0; k < selem; k++) {
        int rt = (a->rt + k) & 31;
        if (replicate) {
            static const uint64_t rep[4] = { 0x0101010101010101u, 0x0001000100010001u,
                                             0x0000000100000001u, 1 };
            IRTempIdx v = new_tmp(s, IR_TYPE_I64);
            ir_gen_op2(s->b, IR_OP_mul, IR_TYPE_I64, v, vals[k],
                       tconst(s, IR_TYPE_I64, rep[scale]));
            simd_st64(s, rt, 0, v);
            if (a->q)
                simd_st64(s, rt, 1, v);
            else
                simd_st64i(s, rt, 1, 0);
        } else {
            simd_st_lane(s, rt, index << scale, scale, vals[k]);
        }
    }
    return true;
}
