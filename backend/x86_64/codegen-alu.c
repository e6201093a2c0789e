/*
 * codegen-alu.c - x86_64 code for the integer IR ops.
 *
 * Each op loads its inputs through the register allocator (constants become
 * immediates where the instruction has an immediate form), picks an output
 * register (the register of an input that dies here when the instruction is
 * two-operand, so no copy is needed), and emits.  i32 ops use 32-bit
 * operand size, which zero-extends the result: the allocator's invariant
 * that i32 values have a zero upper half holds by construction.
 *
 * Semantics that x86 does not give directly and that are handled here:
 *  - division by zero and MIN / -1 never fault: x/0 = 0, x%0 = x,
 *    MIN/-1 = MIN, MIN%-1 = 0 (explicit checks before div/idiv);
 *  - shift and rotate counts are already taken modulo the operand width by
 *    the hardware (SDM Vol. 2B SAL/SAR/SHL/SHR: count masked to 5 or 6 bits),
 *    which is exactly the IR rule;
 *  - clz/ctz of zero yield the second input (lzcnt/tzcnt set CF for a zero
 *    source; bsr/bsf set ZF and leave the destination undefined);
 *  - no flags are live across the register allocator: it only emits mov,
 *    loads and stores, so a compare may be followed by allocation.
 */
#include "config.h"

#include "backend/x86_64/x86.h"

#define A(i) ((IRTempIdx)op->args[i])

static bool is_const(X86Gen *s, IRTempIdx t)
{
    return s->b->temps[t].kind == IR_TEMP_CONST;
}

static uint64_t cval(X86Gen *s, IRTempIdx t)
{
    return s->b->temps[t].val;
}

static int pw(bool w)
{
    return w ? P_W : 0;
}

int x86_cond_cc(IRCond c)
{
    static const int cc[IR_COND_COUNT] = {
        [IR_COND_EQ] = CC_E, [IR_COND_NE] = CC_NE,
        [IR_COND_LT] = CC_L, [IR_COND_GE] = CC_GE, [IR_COND_LE] = CC_LE, [IR_COND_GT] = CC_G,
        [IR_COND_LTU] = CC_B, [IR_COND_GEU] = CC_AE, [IR_COND_LEU] = CC_BE, [IR_COND_GTU] = CC_A,
        [IR_COND_TSTEQ] = CC_E, [IR_COND_TSTNE] = CC_NE,
    };
    return cc[c];
}

/* Short forward branch: returns where its rel8 is, for jmp8_here. */
static size_t jcc8(X86Gen *s, int cc)
{
    emit_byte(&s->c, (uint8_t)(OPC_JCC_short + cc));
    emit_byte(&s->c, 0);
    return s->c.pos - 1;
}

static size_t jmp8(X86Gen *s)
{
    emit_byte(&s->c, OPC_JMP_short);
    emit_byte(&s->c, 0);
    return s->c.pos - 1;
}

static void jmp8_here(X86Gen *s, size_t at)
{
    if (at < s->c.cap)
        s->c.rw[at] = (uint8_t)(s->c.pos - (at + 1));
}

/*
 * Compare for a condition (not never/always): cmp a, b or, for tsteq/tstne,
 * test a, b.  A constant first operand is swapped into the immediate slot;
 * comparing with 0 uses test r, r, which sets every flag the 16 conditions
 * read exactly as cmp r, 0 would (CF = OF = 0).
 */
int x86_gen_compare(X86Gen *s, const IROp *op, IRTempIdx a, IRTempIdx b, IRCond cond)
{
    bool w = op->type == IR_TYPE_I64;

    if (is_const(s, a) && !is_const(s, b)) {
        IRTempIdx t = a;
        a = b;
        b = t;
        cond = ir_cond_swap(cond);
    }
    Opnd ob = ra_in_opnd(s, b, w);
    int ra = ra_in(s, a, ALLOC_ALL);

    if (cond == IR_COND_TSTEQ || cond == IR_COND_TSTNE) {
        if (ob.is_imm) {
            emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_TEST, ra);
            emit_u32(&s->c, (uint32_t)ob.imm);
        } else {
            emit_opc_modrm(&s->c, OPC_TEST_EvGv | pw(w), ob.reg, ra);
        }
    } else if (ob.is_imm && ob.imm == 0) {
        emit_opc_modrm(&s->c, OPC_TEST_EvGv | pw(w), ra, ra);
    } else if (ob.is_imm) {
        emit_arith_ri(&s->c, w, ARITH_CMP, ra, (int32_t)ob.imm);
    } else {
        emit_arith_rr(&s->c, w, ARITH_CMP, ra, ob.reg);
    }
    return x86_cond_cc(cond);
}

/* ---- add, sub, logic, mul ------------------------------------------------ */

static void gen_arith(X86Gen *s, const IROp *op, int aop)
{
    bool w = op->type == IR_TYPE_I64;
    bool comm = ir_op_def(op)->flags & IR_OPF_COMMUTATIVE;
    int ai = 1, bi = 2;

    if (comm && is_const(s, A(1)) && !is_const(s, A(2))) {
        ai = 2;
        bi = 1;
    }
    Opnd ob = ra_in_opnd(s, A(bi), w);
    if (is_const(s, A(ai)) && !ob.is_imm) {
        /* constant first operand of a non-commutative op: load it straight
         * into the output register */
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        emit_movi(&s->c, w, rd, cval(s, A(ai)));
        emit_arith_rr(&s->c, w, aop, rd, ob.reg);
        return;
    }
    int ra = ra_in(s, A(ai), ALLOC_ALL);
    int reuse = ra_reuse(s, op, ai);

    if (reuse < 0 && comm && !ob.is_imm && ra_reuse(s, op, bi) >= 0) {
        int t = ra;
        reuse = ra_reuse(s, op, bi);
        ra = ob.reg;
        ob.reg = t;
    }
    if (aop == ARITH_SUB && ob.is_imm && ob.imm != INT32_MIN) {
        aop = ARITH_ADD;
        ob.imm = -ob.imm;
    }
    if (aop == ARITH_ADD && reuse < 0) {
        /* three-operand add: lea d, [a + b] / [a + imm] */
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        if (rd == ra) {
            if (ob.is_imm)
                emit_arith_ri(&s->c, w, ARITH_ADD, rd, (int32_t)ob.imm);
            else
                emit_arith_rr(&s->c, w, ARITH_ADD, rd, ob.reg);
        } else if (ob.is_imm) {
            emit_opc_modrm_offset(&s->c, OPC_LEA | pw(w), rd, ra, (int32_t)ob.imm);
        } else {
            emit_opc_modrm_sib(&s->c, OPC_LEA | pw(w), rd, ra, ob.reg, 0, 0);
        }
        return;
    }
    int rd = ra_out(s, A(0), reuse, ALLOC_ALL);
    if (comm && rd == ob.reg && !ob.is_imm && rd != ra) {
        /* d already holds b (d is b's global): only commutative ops get here */
        emit_arith_rr(&s->c, w, aop, rd, ra);
        return;
    }
    emit_mov_rr(&s->c, w, rd, ra);
    if (ob.is_imm)
        emit_arith_ri(&s->c, w, aop, rd, (int32_t)ob.imm);
    else
        emit_arith_rr(&s->c, w, aop, rd, ob.reg);
}

static void gen_mul(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    int ai = 1, bi = 2;

    if (is_const(s, A(1)) && !is_const(s, A(2))) {
        ai = 2;
        bi = 1;
    }
    Opnd ob = ra_in_opnd(s, A(bi), w);
    int ra = ra_in(s, A(ai), ALLOC_ALL);

    if (ob.is_imm) {
        int rd = ra_out(s, A(0), ra_reuse(s, op, ai), ALLOC_ALL);
        emit_opc_modrm(&s->c, OPC_IMUL_GvEvIz | pw(w), rd, ra);
        emit_u32(&s->c, (uint32_t)ob.imm);
        return;
    }
    int reuse = ra_reuse(s, op, ai);
    if (reuse < 0 && ra_reuse(s, op, bi) >= 0) {
        int t = ra;
        reuse = ra_reuse(s, op, bi);
        ra = ob.reg;
        ob.reg = t;
    }
    int rd = ra_out(s, A(0), reuse, ALLOC_ALL);
    if (rd == ob.reg && rd != ra) {
        emit_opc_modrm(&s->c, OPC_IMUL_GvEv | pw(w), rd, ra);
        return;
    }
    emit_mov_rr(&s->c, w, rd, ra);
    emit_opc_modrm(&s->c, OPC_IMUL_GvEv | pw(w), rd, ob.reg);
}

/* neg / not: group 3 on a copy. */
static void gen_unary_grp3(X86Gen *s, const IROp *op, int ext)
{
    bool w = op->type == IR_TYPE_I64;
    int ra = ra_in(s, A(1), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);

    emit_mov_rr(&s->c, w, rd, ra);
    emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), ext, rd);
}

/* andc (a & ~b), orc (a | ~b): complement b into the scratch register. */
static void gen_logic_c(X86Gen *s, const IROp *op, int aop)
{
    bool w = op->type == IR_TYPE_I64;
    Opnd ob = ra_in_opnd(s, A(2), w);
    int ra = ra_in(s, A(1), ALLOC_ALL);

    if (ob.is_imm) {
        int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
        emit_mov_rr(&s->c, w, rd, ra);
        emit_arith_ri(&s->c, w, aop, rd, (int32_t)~ob.imm);
        return;
    }
    if (aop == ARITH_AND && have(X86_FEAT_BMI1)) {
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        emit_vex_modrm(&s->c, OPC_ANDN | pw(w), rd, ob.reg, ra);  /* rd = ~b & a */
        return;
    }
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
    emit_mov_rr(&s->c, w, X86_REG_TMP, ob.reg);
    emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_NOT, X86_REG_TMP);
    emit_mov_rr(&s->c, w, rd, ra);
    emit_arith_rr(&s->c, w, aop, rd, X86_REG_TMP);
}

/* eqv, nand, nor: the logic op, then not. */
static void gen_logic_not(X86Gen *s, const IROp *op, int aop)
{
    bool w = op->type == IR_TYPE_I64;

    gen_arith(s, op, aop);
    emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_NOT, s->ts[A(0)].reg);
}

/* ---- shifts and rotates --------------------------------------------------- */

static void gen_shift(X86Gen *s, const IROp *op, int sop)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned bits = w ? 64 : 32;

    if (is_const(s, A(2))) {
        unsigned c = (unsigned)cval(s, A(2)) & (bits - 1);
        int ra = ra_in(s, A(1), ALLOC_ALL);
        if ((sop == SHIFT_ROL || sop == SHIFT_ROR) && c && have(X86_FEAT_BMI2)) {
            int rd = ra_out(s, A(0), -1, ALLOC_ALL);
            emit_vex_modrm(&s->c, OPC_RORX | pw(w), rd, 0, ra);
            emit_byte(&s->c, (uint8_t)(sop == SHIFT_ROR ? c : (bits - c) & (bits - 1)));
            return;
        }
        int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
        emit_mov_rr(&s->c, w, rd, ra);
        if (c)
            emit_shift_ri(&s->c, w, sop, rd, (int)c);
        return;
    }
    if (have(X86_FEAT_BMI2) && sop != SHIFT_ROL && sop != SHIFT_ROR) {
        int rb = ra_in(s, A(2), ALLOC_ALL);
        int ra = ra_in(s, A(1), ALLOC_ALL);
        int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
        int opc = sop == SHIFT_SHL ? OPC_SHLX : sop == SHIFT_SHR ? OPC_SHRX : OPC_SARX;
        emit_vex_modrm(&s->c, opc | pw(w), rd, rb, ra);
        return;
    }
    /* count in cl */
    ra_claim(s, R_CX);
    ra_copy_to(s, A(2), R_CX, w);
    int ra = ra_in(s, A(1), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
    emit_mov_rr(&s->c, w, rd, ra);
    emit_opc_modrm(&s->c, OPC_SHIFT_EvCL | pw(w), sop, rd);
}

/* ---- multiply high, double-word results, division ---------------------------- */

/* mulsh, muluh, muls2, mulu2: lo (or -1) and hi outputs. */
static void gen_mul_wide(X86Gen *s, const IROp *op, bool sign, int lo_arg, int hi_arg,
                         int a_arg)
{
    bool w = op->type == IR_TYPE_I64;
    IRTempIdx a = A(a_arg), b = A(a_arg + 1);

    if (!sign && have(X86_FEAT_BMI2)) {
        ra_claim(s, R_DX);
        ra_copy_to(s, a, R_DX, w);
        int rb = ra_in(s, b, ALLOC_ALL);
        int rlo = ra_scratch(s, ALLOC_ALL);
        int rhi = ra_scratch(s, ALLOC_ALL);
        emit_vex_modrm(&s->c, OPC_MULX | pw(w), rhi, rlo, rb);
        if (lo_arg >= 0)
            ra_bind(s, A(lo_arg), rlo);
        ra_bind(s, A(hi_arg), rhi);
        return;
    }
    ra_claim(s, R_AX);
    ra_claim(s, R_DX);
    ra_copy_to(s, a, R_AX, w);
    int rb = ra_in(s, b, ALLOC_ALL);
    emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), sign ? GRP3_IMUL : GRP3_MUL, rb);
    if (lo_arg >= 0)
        ra_bind(s, A(lo_arg), R_AX);
    ra_bind(s, A(hi_arg), R_DX);
}

static void gen_div(X86Gen *s, const IROp *op, bool sign, bool rem)
{
    bool w = op->type == IR_TYPE_I64;
    size_t to_zero, to_div = 0, done1 = 0, done2;

    ra_claim(s, R_AX);
    ra_claim(s, R_DX);
    ra_copy_to(s, A(1), R_AX, w);
    int rb = ra_in(s, A(2), ALLOC_ALL);

    emit_opc_modrm(&s->c, OPC_TEST_EvGv | pw(w), rb, rb);
    to_zero = jcc8(s, CC_E);
    if (sign) {
        /* b == -1: a / -1 = -a (wrapping: MIN stays MIN), a % -1 = 0; idiv
         * would fault on MIN / -1. */
        emit_arith_ri(&s->c, w, ARITH_CMP, rb, -1);
        to_div = jcc8(s, CC_NE);
        if (rem)
            emit_opc_modrm(&s->c, OPC_ARITH_GvEv + (ARITH_XOR << 3), R_DX, R_DX);
        else
            emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_NEG, R_AX);
        done1 = jmp8(s);
        jmp8_here(s, to_div);
        emit_opc(&s->c, w ? OPC_CQO : OPC_CDQ, 0, 0, -1);
        emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_IDIV, rb);
    } else {
        emit_opc_modrm(&s->c, OPC_ARITH_GvEv + (ARITH_XOR << 3), R_DX, R_DX);
        emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_DIV, rb);
    }
    done2 = jmp8(s);
    jmp8_here(s, to_zero);
    /* b == 0: a / 0 = 0, a % 0 = a */
    if (rem)
        emit_mov_rr(&s->c, true, R_DX, R_AX);
    else
        emit_opc_modrm(&s->c, OPC_ARITH_GvEv + (ARITH_XOR << 3), R_AX, R_AX);
    if (sign)
        jmp8_here(s, done1);
    jmp8_here(s, done2);
    ra_bind(s, A(0), rem ? R_DX : R_AX);
}

static void gen_addsub2(X86Gen *s, const IROp *op, bool sub)
{
    bool w = op->type == IR_TYPE_I64;
    Opnd obl = ra_in_opnd(s, A(4), w);
    Opnd obh = ra_in_opnd(s, A(5), w);
    int ral = ra_in(s, A(2), ALLOC_ALL);
    int rah = ra_in(s, A(3), ALLOC_ALL);
    int rlo = ra_scratch(s, ALLOC_ALL);
    int rhi = ra_scratch(s, ALLOC_ALL);

    emit_mov_rr(&s->c, w, rlo, ral);
    emit_mov_rr(&s->c, w, rhi, rah);
    if (obl.is_imm)
        emit_arith_ri(&s->c, w, sub ? ARITH_SUB : ARITH_ADD, rlo, (int32_t)obl.imm);
    else
        emit_arith_rr(&s->c, w, sub ? ARITH_SUB : ARITH_ADD, rlo, obl.reg);
    if (obh.is_imm)
        emit_arith_ri(&s->c, w, sub ? ARITH_SBB : ARITH_ADC, rhi, (int32_t)obh.imm);
    else
        emit_arith_rr(&s->c, w, sub ? ARITH_SBB : ARITH_ADC, rhi, obh.reg);
    ra_bind(s, A(0), rlo);
    ra_bind(s, A(1), rhi);
}

/* ---- bit counting ------------------------------------------------------------ */

static void gen_clz_ctz(X86Gen *s, const IROp *op, bool clz)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned bits = w ? 64 : 32;
    int ra = ra_in(s, A(1), ALLOC_ALL);

    if (clz ? have(X86_FEAT_LZCNT) : have(X86_FEAT_BMI1)) {
        /* lzcnt/tzcnt give the width for 0 and set CF then */
        bool plain = is_const(s, A(2)) && ir_trunc(op->type, cval(s, A(2))) == bits;
        int rb = plain ? -1 : ra_in(s, A(2), ALLOC_ALL);
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        emit_opc_modrm(&s->c, (clz ? OPC_LZCNT : OPC_TZCNT) | pw(w), rd, ra);
        if (!plain)
            emit_opc_modrm(&s->c, (OPC_CMOVCC + CC_B) | pw(w), rd, rb);
        return;
    }
    int rb = ra_in(s, A(2), ALLOC_ALL);
    int rd = ra_out(s, A(0), -1, ALLOC_ALL);
    if (clz) {
        /* bsr gives the index of the top set bit; clz = index ^ (width - 1) */
        emit_opc_modrm(&s->c, OPC_BSR | pw(w), rd, ra);
        emit_arith_ri(&s->c, w, ARITH_XOR, rd, (int32_t)(bits - 1));
        emit_opc_modrm(&s->c, OPC_TEST_EvGv | pw(w), ra, ra);
    } else {
        emit_opc_modrm(&s->c, OPC_BSF | pw(w), rd, ra);
    }
    emit_opc_modrm(&s->c, (OPC_CMOVCC + CC_E) | pw(w), rd, rb);
}

static void gen_ctpop(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    int ra = ra_in(s, A(1), ALLOC_ALL);

    if (have(X86_FEAT_POPCNT)) {
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        emit_opc_modrm(&s->c, OPC_POPCNT | pw(w), rd, ra);
        return;
    }
    /* Bit-parallel count: pairs, nibbles, bytes, then sum the bytes with a
     * multiply by 0x0101...01 whose top byte collects the total. */
    uint64_t m1 = 0x5555555555555555ull, m2 = 0x3333333333333333ull;
    uint64_t m4 = 0x0f0f0f0f0f0f0f0full, h01 = 0x0101010101010101ull;
    int rk = ra_scratch(s, ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
    int t = X86_REG_TMP;

    emit_mov_rr(&s->c, w, rd, ra);
    emit_mov_rr(&s->c, w, t, rd);
    emit_shift_ri(&s->c, w, SHIFT_SHR, t, 1);
    emit_movi(&s->c, w, rk, m1);
    emit_arith_rr(&s->c, w, ARITH_AND, t, rk);
    emit_arith_rr(&s->c, w, ARITH_SUB, rd, t);
    emit_movi(&s->c, w, rk, m2);
    emit_mov_rr(&s->c, w, t, rd);
    emit_shift_ri(&s->c, w, SHIFT_SHR, t, 2);
    emit_arith_rr(&s->c, w, ARITH_AND, t, rk);
    emit_arith_rr(&s->c, w, ARITH_AND, rd, rk);
    emit_arith_rr(&s->c, w, ARITH_ADD, rd, t);
    emit_mov_rr(&s->c, w, t, rd);
    emit_shift_ri(&s->c, w, SHIFT_SHR, t, 4);
    emit_arith_rr(&s->c, w, ARITH_ADD, rd, t);
    emit_movi(&s->c, w, rk, m4);
    emit_arith_rr(&s->c, w, ARITH_AND, rd, rk);
    emit_movi(&s->c, w, rk, h01);
    emit_opc_modrm(&s->c, OPC_IMUL_GvEv | pw(w), rd, rk);
    emit_shift_ri(&s->c, w, SHIFT_SHR, rd, w ? 56 : 24);
}

/* ---- byte swaps, extensions, bitfields ---------------------------------------- */

static void gen_bswap(X86Gen *s, const IROp *op, int size)
{
    int ra = ra_in(s, A(1), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);

    if (size == 16) {
        /* zero-extend the halfword, swap all 4 bytes, shift it back down */
        emit_opc_modrm(&s->c, OPC_MOVZWL, rd, ra);
        emit_opc_reg(&s->c, OPC_BSWAP, rd);
        emit_shift_ri(&s->c, false, SHIFT_SHR, rd, 16);
    } else {
        emit_mov_rr(&s->c, size == 64, rd, ra);
        emit_opc_reg(&s->c, OPC_BSWAP | (size == 64 ? P_W : 0), rd);
    }
}

/* movzx/movsx/movsxd/mov r32: opc is the extension instruction. */
static void gen_ext(X86Gen *s, const IROp *op, int opc)
{
    int ra = ra_in(s, A(1), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);

    /* An i32 in a register is already zero-extended (regalloc.c). */
    if (op->opc == IR_OP_extu_i32_i64 && rd == ra)
        return;
    emit_opc_modrm(&s->c, opc, rd, ra);
}

static void gen_mov(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    IRTempIdx d = A(0), a = A(1);

    if (d == a)
        return;
    if (is_const(s, a)) {
        int rd = ra_out(s, d, -1, ALLOC_ALL);
        emit_movi(&s->c, w, rd, cval(s, a));
        return;
    }
    int ra = ra_in(s, a, ALLOC_ALL);
    int reuse = ra_reuse(s, op, 1);
    if (reuse >= 0) {
        ra_bind(s, d, reuse);       /* the value changes name, no code */
        return;
    }
    int rd = ra_out(s, d, -1, ALLOC_ALL);
    emit_mov_rr(&s->c, w, rd, ra);
}

static void gen_extract(X86Gen *s, const IROp *op, bool sign)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned bits = w ? 64 : 32;
    unsigned pos = (unsigned)op->args[2], len = (unsigned)op->args[3];
    int ra = ra_in(s, A(1), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);

    if (pos == 0 && (len == 8 || len == 16 || (len == 32 && w))) {
        int opc;
        if (len == 32)
            opc = sign ? OPC_MOVSLQ : OPC_MOV_GvEv;
        else if (len == 16)
            opc = (sign ? OPC_MOVSWL : OPC_MOVZWL) | (sign ? pw(w) : 0);
        else
            opc = (sign ? OPC_MOVSBL : OPC_MOVZBL) | (sign ? pw(w) : 0) | P_BYTE_RM;
        emit_opc_modrm(&s->c, opc, rd, ra);
        return;
    }
    emit_mov_rr(&s->c, w, rd, ra);
    if (pos + len == bits) {
        emit_shift_ri(&s->c, w, sign ? SHIFT_SAR : SHIFT_SHR, rd, (int)pos);
    } else if (!sign && len <= 31) {
        if (pos)
            emit_shift_ri(&s->c, w, SHIFT_SHR, rd, (int)pos);
        emit_arith_ri(&s->c, w, ARITH_AND, rd, (int32_t)((1u << len) - 1));
    } else {
        emit_shift_ri(&s->c, w, SHIFT_SHL, rd, (int)(bits - pos - len));
        emit_shift_ri(&s->c, w, sign ? SHIFT_SAR : SHIFT_SHR, rd, (int)(bits - len));
    }
}

static void gen_deposit(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned bits = w ? 64 : 32;
    unsigned pos = (unsigned)op->args[3], len = (unsigned)op->args[4];
    int rb = ra_in(s, A(2), ALLOC_ALL);

    if (len == bits) {
        int rd = ra_out(s, A(0), ra_reuse(s, op, 2), ALLOC_ALL);
        emit_mov_rr(&s->c, w, rd, rb);
        return;
    }
    int ra = ra_in(s, A(1), ALLOC_ALL);
    uint64_t field = ((len == 64 ? 0 : (1ull << len)) - 1) << pos;
    uint64_t keep = ir_trunc(op->type, ~field);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);

    /* tmp = (b & mask(len)) << pos, through a left-then-right shift pair */
    emit_mov_rr(&s->c, w, X86_REG_TMP, rb);
    emit_shift_ri(&s->c, w, SHIFT_SHL, X86_REG_TMP, (int)(bits - len));
    emit_shift_ri(&s->c, w, SHIFT_SHR, X86_REG_TMP, (int)(bits - len - pos));
    emit_mov_rr(&s->c, w, rd, ra);
    if (fits_i32(w ? (int64_t)keep : (int32_t)keep)) {
        emit_arith_ri(&s->c, w, ARITH_AND, rd, (int32_t)keep);
    } else {
        int rk = ra_scratch(s, ALLOC_ALL);
        emit_movi(&s->c, w, rk, keep);
        emit_arith_rr(&s->c, w, ARITH_AND, rd, rk);
    }
    emit_arith_rr(&s->c, w, ARITH_OR, rd, X86_REG_TMP);
}

static void gen_extract2(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    unsigned pos = (unsigned)op->args[3];
    int rlo = ra_in(s, A(1), ALLOC_ALL);

    if (pos == 0) {
        int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
        emit_mov_rr(&s->c, w, rd, rlo);
        return;
    }
    int rhi = ra_in(s, A(2), ALLOC_ALL);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
    if (rd == rhi && rd != rlo) {
        emit_mov_rr(&s->c, w, X86_REG_TMP, rhi);
        rhi = X86_REG_TMP;
    }
    emit_mov_rr(&s->c, w, rd, rlo);
    /* shrd d, hi, pos: d = low bits of (hi:d) >> pos */
    emit_opc_modrm(&s->c, OPC_SHRD_EvGvIb | pw(w), rhi, rd);
    emit_byte(&s->c, (uint8_t)pos);
}

/* ---- conditionals ------------------------------------------------------------- */

static void gen_setcond(X86Gen *s, const IROp *op, bool neg)
{
    bool w = op->type == IR_TYPE_I64;
    IRCond cond = (IRCond)op->args[3];

    if (cond == IR_COND_NEVER || cond == IR_COND_ALWAYS) {
        int rd = ra_out(s, A(0), -1, ALLOC_ALL);
        emit_movi(&s->c, w, rd, cond == IR_COND_NEVER ? 0 : neg ? ~0ull : 1);
        return;
    }
    int cc = x86_gen_compare(s, op, A(1), A(2), cond);
    int rd = ra_out(s, A(0), -1, ALLOC_ALL);
    emit_opc_modrm(&s->c, (OPC_SETCC + cc) | P_BYTE_RM, 0, rd);
    emit_opc_modrm(&s->c, OPC_MOVZBL | P_BYTE_RM, rd, rd);
    if (neg)
        emit_opc_modrm(&s->c, OPC_GRP3_Ev | pw(w), GRP3_NEG, rd);
}

/* Load v (a constant or any temp) into rd; v was loaded by load_value
 * before rd was allocated, because rd may be v's own output register. */
static int load_value(X86Gen *s, IRTempIdx v)
{
    return is_const(s, v) ? -1 : ra_in(s, v, ALLOC_ALL);
}

static void move_value(X86Gen *s, bool w, int rd, IRTempIdx v, int rv)
{
    if (rv < 0)
        emit_movi(&s->c, w, rd, cval(s, v));
    else
        emit_mov_rr(&s->c, w, rd, rv);
}

static void gen_movcond(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;
    IRCond cond = (IRCond)op->args[5];

    if (cond == IR_COND_NEVER || cond == IR_COND_ALWAYS) {
        int vi = cond == IR_COND_ALWAYS ? 3 : 4;
        int rv = load_value(s, A(vi));
        int rd = ra_out(s, A(0), ra_reuse(s, op, vi), ALLOC_ALL);
        move_value(s, w, rd, A(vi), rv);
        return;
    }
    int rv1 = ra_in(s, A(3), ALLOC_ALL);
    int rv2 = load_value(s, A(4));
    int cc = x86_gen_compare(s, op, A(1), A(2), cond);
    int rd = ra_out(s, A(0), ra_reuse(s, op, 4), ALLOC_ALL);
    /* mov and movi leave the flags alone */
    move_value(s, w, rd, A(4), rv2);
    emit_opc_modrm(&s->c, (OPC_CMOVCC + cc) | pw(w), rd, rv1);
}

/* ---- host memory (ld / st relative to a host pointer) --------------------------- */

static void gen_host_ld(X86Gen *s, const IROp *op, int opc, int size)
{
    int64_t off = (int64_t)op->args[2];

    if (A(1) == IR_TEMP_ENV)
        ra_sync_env_range(s, off, size, false);
    int rbase = ra_in(s, A(1), ALLOC_ALL | REGMASK(X86_REG_ENV));
    if (!fits_i32(off)) {
        emit_movi(&s->c, true, X86_REG_TMP, (uint64_t)off);
        emit_arith_rr(&s->c, true, ARITH_ADD, X86_REG_TMP, rbase);
        rbase = X86_REG_TMP;
        off = 0;
    }
    int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
    emit_opc_modrm_offset(&s->c, opc, rd, rbase, (int32_t)off);
}

static void gen_host_st(X86Gen *s, const IROp *op, int size)
{
    bool w = op->type == IR_TYPE_I64;
    int64_t off = (int64_t)op->args[2];

    if (A(1) == IR_TEMP_ENV)
        ra_sync_env_range(s, off, size, true);
    Opnd ov = ra_in_opnd(s, A(0), w);
    int rbase = ra_in(s, A(1), ALLOC_ALL | REGMASK(X86_REG_ENV));
    if (!fits_i32(off)) {
        emit_movi(&s->c, true, X86_REG_TMP, (uint64_t)off);
        emit_arith_rr(&s->c, true, ARITH_ADD, X86_REG_TMP, rbase);
        rbase = X86_REG_TMP;
        off = 0;
    }
    int opc;
    if (ov.is_imm) {
        opc = size == 1 ? OPC_MOV_EbIb : size == 2 ? (OPC_MOV_EvIz | P_66)
            : size == 4 ? OPC_MOV_EvIz : (OPC_MOV_EvIz | P_W);
        emit_opc_modrm_offset(&s->c, opc, 0, rbase, (int32_t)off);
        if (size == 1)
            emit_byte(&s->c, (uint8_t)ov.imm);
        else if (size == 2)
            emit_u16(&s->c, (uint16_t)ov.imm);
        else
            emit_u32(&s->c, (uint32_t)ov.imm);
        return;
    }
    opc = size == 1 ? (OPC_MOV_EbGb | P_BYTE_R) : size == 2 ? (OPC_MOV_EvGv | P_66)
        : size == 4 ? OPC_MOV_EvGv : (OPC_MOV_EvGv | P_W);
    emit_opc_modrm_offset(&s->c, opc, ov.reg, rbase, (int32_t)off);
}

/* ---- dispatch ---------------------------------------------------------------- */

bool x86_gen_alu(X86Gen *s, const IROp *op)
{
    bool w = op->type == IR_TYPE_I64;

    switch (op->opc) {
    case IR_OP_mov: gen_mov(s, op); break;
    case IR_OP_add: gen_arith(s, op, ARITH_ADD); break;
    case IR_OP_sub: gen_arith(s, op, ARITH_SUB); break;
    case IR_OP_and: gen_arith(s, op, ARITH_AND); break;
    case IR_OP_or: gen_arith(s, op, ARITH_OR); break;
    case IR_OP_xor: gen_arith(s, op, ARITH_XOR); break;
    case IR_OP_neg: gen_unary_grp3(s, op, GRP3_NEG); break;
    case IR_OP_not: gen_unary_grp3(s, op, GRP3_NOT); break;
    case IR_OP_mul: gen_mul(s, op); break;
    case IR_OP_mulsh: gen_mul_wide(s, op, true, -1, 0, 1); break;
    case IR_OP_muluh: gen_mul_wide(s, op, false, -1, 0, 1); break;
    case IR_OP_muls2: gen_mul_wide(s, op, true, 0, 1, 2); break;
    case IR_OP_mulu2: gen_mul_wide(s, op, false, 0, 1, 2); break;
    case IR_OP_add2: gen_addsub2(s, op, false); break;
    case IR_OP_sub2: gen_addsub2(s, op, true); break;
    case IR_OP_div: gen_div(s, op, true, false); break;
    case IR_OP_divu: gen_div(s, op, false, false); break;
    case IR_OP_rem: gen_div(s, op, true, true); break;
    case IR_OP_remu: gen_div(s, op, false, true); break;
    case IR_OP_andc: gen_logic_c(s, op, ARITH_AND); break;
    case IR_OP_orc: gen_logic_c(s, op, ARITH_OR); break;
    case IR_OP_eqv: gen_logic_not(s, op, ARITH_XOR); break;
    case IR_OP_nand: gen_logic_not(s, op, ARITH_AND); break;
    case IR_OP_nor: gen_logic_not(s, op, ARITH_OR); break;
    case IR_OP_shl: gen_shift(s, op, SHIFT_SHL); break;
    case IR_OP_shr: gen_shift(s, op, SHIFT_SHR); break;
    case IR_OP_sar: gen_shift(s, op, SHIFT_SAR); break;
    case IR_OP_rotl: gen_shift(s, op, SHIFT_ROL); break;
    case IR_OP_rotr: gen_shift(s, op, SHIFT_ROR); break;
    case IR_OP_clz: gen_clz_ctz(s, op, true); break;
    case IR_OP_ctz: gen_clz_ctz(s, op, false); break;
    case IR_OP_ctpop: gen_ctpop(s, op); break;
    case IR_OP_bswap16: gen_bswap(s, op, 16); break;
    case IR_OP_bswap32: gen_bswap(s, op, 32); break;
    case IR_OP_bswap64: gen_bswap(s, op, 64); break;
    case IR_OP_ext8s: gen_ext(s, op, OPC_MOVSBL | pw(w) | P_BYTE_RM); break;
    case IR_OP_ext8u: gen_ext(s, op, OPC_MOVZBL | P_BYTE_RM); break;
    case IR_OP_ext16s: gen_ext(s, op, OPC_MOVSWL | pw(w)); break;
    case IR_OP_ext16u: gen_ext(s, op, OPC_MOVZWL); break;
    case IR_OP_ext32s: gen_ext(s, op, OPC_MOVSLQ); break;
    case IR_OP_ext32u: gen_ext(s, op, OPC_MOV_GvEv); break;
    case IR_OP_extu_i32_i64: gen_ext(s, op, OPC_MOV_GvEv); break;
    case IR_OP_exts_i32_i64: gen_ext(s, op, OPC_MOVSLQ); break;
    case IR_OP_extrl_i64_i32: gen_ext(s, op, OPC_MOV_GvEv); break;
    case IR_OP_extrh_i64_i32: {
        int ra = ra_in(s, A(1), ALLOC_ALL);
        int rd = ra_out(s, A(0), ra_reuse(s, op, 1), ALLOC_ALL);
        emit_mov_rr(&s->c, true, rd, ra);
        emit_shift_ri(&s->c, true, SHIFT_SHR, rd, 32);
        break;
    }
    case IR_OP_extract: gen_extract(s, op, false); break;
    case IR_OP_sextract: gen_extract(s, op, true); break;
    case IR_OP_deposit: gen_deposit(s, op); break;
    case IR_OP_extract2: gen_extract2(s, op); break;
    case IR_OP_setcond: gen_setcond(s, op, false); break;
    case IR_OP_negsetcond: gen_setcond(s, op, true); break;
    case IR_OP_movcond: gen_movcond(s, op); break;
    case IR_OP_ld8u: gen_host_ld(s, op, OPC_MOVZBL, 1); break;
    case IR_OP_ld8s: gen_host_ld(s, op, OPC_MOVSBL | pw(w), 1); break;
    case IR_OP_ld16u: gen_host_ld(s, op, OPC_MOVZWL, 2); break;
    case IR_OP_ld16s: gen_host_ld(s, op, OPC_MOVSWL | pw(w), 2); break;
    case IR_OP_ld32u: gen_host_ld(s, op, OPC_MOV_GvEv, 4); break;
    case IR_OP_ld32s: gen_host_ld(s, op, OPC_MOVSLQ, 4); break;
    case IR_OP_ld: gen_host_ld(s, op, OPC_MOV_GvEv | pw(w), w ? 8 : 4); break;
    case IR_OP_st8: gen_host_st(s, op, 1); break;
    case IR_OP_st16: gen_host_st(s, op, 2); break;
    case IR_OP_st32: gen_host_st(s, op, 4); break;
    case IR_OP_st: gen_host_st(s, op, w ? 8 : 4); break;
    default:
        return false;
    }
    return true;
}
