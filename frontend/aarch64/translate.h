/*
 * translate.h - what the AArch64 translator files share.
 *
 * The A64 decoder is generated from four pattern files, one per instruction
 * group of the Arm ARM's top-level encoding table (C4.1 "A64 instruction set
 * encoding"): data processing (immediate), data processing (register),
 * branches/exception generation/system, loads and stores.  Each group's
 * translate-*.c includes its generated decoder and exports one
 * a64_decode_GROUP() function; translate.c dispatches on op0 (bits 28:25).
 *
 * Invariants:
 *  - the IR globals are declared in the order of enum A64Global, so a
 *    global's temp index is its position (env is temp 0);
 *  - every gen_* function reads all its source registers before it writes
 *    any destination or flag, so Rd == Rn and similar overlaps are safe;
 *  - register 31 is XZR or SP depending on the operand: cpu_reg() gives
 *    XZR (reads zero, writes discarded), cpu_reg_sp() gives SP;
 *  - 32-bit (sf = 0) operations compute in i32 and write the destination
 *    zero-extended; the flags keep the 64-bit convention of cpu.h (nf and
 *    vf are the 32-bit results sign-extended, zf the result zero-extended);
 *  - a trans_* function that returns false leaves no IR behind: the
 *    dispatcher then raises EXCP_A64_UDEF for the instruction.
 */
#ifndef REMU_AARCH64_TRANSLATE_H
#define REMU_AARCH64_TRANSLATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/cpu.h"
#include "frontend/aarch64/cpu.h"
#include "ir/ir.h"

/* Temp indices of the IR globals (declaration order, env is 0). */
enum A64Global {
    A64_G_PC = 1,
    A64_G_X0,                       /* x0..x30 follow */
    A64_G_SP = A64_G_X0 + 31,
    A64_G_NF, A64_G_ZF, A64_G_CF, A64_G_VF,
    A64_G_TPIDR,
    A64_G_CC_OP, A64_G_CC_A, A64_G_CC_B,
    A64_G_COUNT
};

/* How the current instruction leaves the block. */
typedef enum A64DisasJump {
    A64_DISAS_NEXT,                 /* fall through to the next insn */
    A64_DISAS_EXIT,                 /* end with pc = next insn; exit_tb */
    A64_DISAS_NORETURN,             /* the block exit is already emitted */
} A64DisasJump;

typedef struct DisasContext {
    IRBlock *b;
    CPU *cpu;
    uint64_t pc;                    /* address of the current insn */
    uint64_t next_pc;               /* pc + 4 */
    A64DisasJump is_jmp;
    unsigned next_slot;             /* goto_tb slots used so far */
    /* Superblocks (gen_cond_branch): may the next insn still join this block? */
    int nb_insns, max_insns;
    uint64_t page_end;
    int cc_static;                  /* the A64CCOp in cc_op now, -1 if unknown */
} DisasContext;

/* A condition as "a cond b" on two i64 values (translate-flags.c). */
typedef struct A64Compare {
    IRCond cond;
    IRTempIdx a, b;
} A64Compare;

/* ---- translate.c: registers, flags, exits ---------------------------- */

IRTempIdx cpu_reg(DisasContext *s, int r);          /* i64, XZR for 31 */
/* True while a conditional branch may be a side exit of this block. */
bool a64_can_side_exit(const DisasContext *s);
IRTempIdx cpu_reg_sp(DisasContext *s, int r);       /* i64, SP for 31 */
/* Read a register as i64 (sf = 1) or i32 (sf = 0) into a new temp. */
IRTempIdx read_reg(DisasContext *s, int r, bool sf);
IRTempIdx read_reg_sp(DisasContext *s, int r, bool sf);
/* Write v (i64 when sf, else i32 zero-extended) to register r. */
void write_reg(DisasContext *s, int r, bool sf, IRTempIdx v);
void write_reg_sp(DisasContext *s, int r, bool sf, IRTempIdx v);

static inline IRType sf_type(bool sf) { return sf ? IR_TYPE_I64 : IR_TYPE_I32; }
IRTempIdx new_tmp(DisasContext *s, IRType t);
/* Address Xn|SP + extend(Rm, option) << shift for the register-offset
 * load/store forms (option: 2 UXTW, 3 LSL, 6 SXTW, 7 SXTX). */
IRTempIdx gen_regoffset_addr(DisasContext *s, int rn, int rm, int option, int shift);
IRTempIdx tconst(DisasContext *s, IRType t, uint64_t v);

/* ---- translate-flags.c: NZCV, lazily ---------------------------------- */

/* The flags of a logical op (ANDS, BICS, TST): N, Z from res, C = V = 0. */
void gen_logic_flags(DisasContext *s, IRType t, IRTempIdx res);
/* res = a + b (+ carry-in C when with_carry), setting NZCV when set_flags. */
IRTempIdx gen_add_cc(DisasContext *s, IRType t, IRTempIdx a, IRTempIdx b,
                     bool with_carry, bool set_flags);
/* res = a - b, flags as SUBS (the carry is NOT borrow). */
IRTempIdx gen_sub_cc(DisasContext *s, IRType t, IRTempIdx a, IRTempIdx b);
/* Set the flags from an immediate nzcv (CCMP's alternative). */
void gen_set_nzcv_imm(DisasContext *s, unsigned nzcv);
/* Make the globals nf, zf, cf, vf hold the flags (to read or merge them). */
void gen_flags_explicit(DisasContext *s);
/* d = NZCV packed in bits 31:28; the flags from bits 31:28 of v. */
void gen_get_nzcv(DisasContext *s, IRTempIdx d);
void gen_set_nzcv(DisasContext *s, IRTempIdx v);
/* ConditionHolds(cond) as a compare. */
A64Compare a64_test_cc(DisasContext *s, int cond);
extern IRHelper a64_helper_flags_explicit;

/* Block exits. */
void gen_goto_tb(DisasContext *s, uint64_t dest);
void gen_exception(DisasContext *s, int excp, uint64_t pc, uint64_t addr);
void gen_exception_udef(DisasContext *s);

/* DecodeBitMasks (Arm ARM shared pseudocode J1.1.3): false if reserved. */
bool a64_decode_bit_masks(bool n, unsigned imms, unsigned immr, bool immediate,
                          unsigned width, uint64_t *wmask, uint64_t *tmask);

/* ---- the group decoders ---------------------------------------------- */

bool a64_decode_dp_imm(DisasContext *s, uint32_t insn);
bool a64_decode_dp_reg(DisasContext *s, uint32_t insn);
bool a64_decode_branch(DisasContext *s, uint32_t insn);
bool a64_decode_ldst(DisasContext *s, uint32_t insn);

/* Helpers registered by translate.c and used by the groups. */
extern IRHelper a64_helper_exception, a64_helper_stxr, a64_helper_stxp,
    a64_helper_cntvct, a64_helper_ic_ivau;

/* The lock of 16-byte atomic updates (STXP, CASP of doublewords). */
extern pthread_mutex_t a64_pair_lock;

/* ---- helper-atomic.c: FEAT_LSE ---------------------------------------- */

/* The operations of LD<op>/SWP, numbered as opc (o3 = 0) of the encoding. */
enum A64AtomicOp {
    A64_ATOMIC_ADD, A64_ATOMIC_CLR, A64_ATOMIC_EOR, A64_ATOMIC_SET,
    A64_ATOMIC_SMAX, A64_ATOMIC_SMIN, A64_ATOMIC_UMAX, A64_ATOMIC_UMIN,
    A64_ATOMIC_SWP,
};

/* The low 8 << size bits. */
static inline uint64_t size_mask(int size)
{
    return size >= 3 ? UINT64_MAX : (UINT64_C(1) << (8 << size)) - 1;
}

/* a64_atomic(addr, val, op << 2 | size) -> old value;
 * a64_cas(addr, cmp, val, size) -> old value;
 * a64_casp64(env, addr, cmp_lo, cmp_hi, val_lo, val_hi), old pair in
 * env->atomic_pair. */
extern IRHelper a64_helper_atomic, a64_helper_cas, a64_helper_casp64;

/* translate-dp-reg.c: a64_crc32(acc, val, bytes << 32 | reflected polynomial). */
extern IRHelper a64_helper_crc32;

#endif
