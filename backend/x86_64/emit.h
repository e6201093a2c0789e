/*
 * emit.h - x86_64 instruction encoders.
 *
 * Every encoder appends bytes to an X86Code buffer.  Names say the format,
 * in the Intel SDM's operand notation (Vol. 2, ch. 2 and the opcode maps in
 * appendix A): G = the ModRM.reg register, E = the ModRM.rm register or
 * memory operand, v = 32 or 64 bits (REX.W), b = byte, I = immediate.
 *
 * An opcode is an int: the opcode byte in bits 0..7 plus P_* flags for the
 * prefixes and escape bytes it needs, so one encoder handles every
 * instruction of one operand format.
 *
 * Invariant of the buffer: writes past cap are dropped and set `full`, so
 * code generation can run to the end and report BACKEND_ERR_FULL once.
 */
#ifndef REMU_BACKEND_X86_64_EMIT_H
#define REMU_BACKEND_X86_64_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct X86Code {
    uint8_t *rw;        /* write through here */
    uintptr_t rx;       /* the same bytes as executed */
    size_t pos, cap;
    bool full;
} X86Code;

enum {
    R_AX, R_CX, R_DX, R_BX, R_SP, R_BP, R_SI, R_DI,
    R_8, R_9, R_10, R_11, R_12, R_13, R_14, R_15,
};

/* Prefix / escape flags combined with an opcode byte. */
#define P_0F      0x100     /* two-byte opcode: 0F xx */
#define P_0F38    0x200     /* three-byte opcode: 0F 38 xx */
#define P_0F3A    0x400     /* three-byte opcode: 0F 3A xx */
#define P_66      0x800     /* operand-size prefix (16-bit ops) */
#define P_F3      0x1000    /* REP prefix used as opcode extension */
#define P_F2      0x2000
#define P_W       0x4000    /* REX.W: 64-bit operand size */
#define P_BYTE_R  0x8000    /* ModRM.reg is a byte register */
#define P_BYTE_RM 0x10000   /* ModRM.rm is a byte register */

/* One- and two-byte opcodes used by the code generator. */
#define OPC_ARITH_EvIz  0x81        /* group 1, /digit = ARITH_* */
#define OPC_ARITH_EvIb  0x83
#define OPC_ARITH_EvGv  0x01        /* + (ARITH_* << 3) */
#define OPC_ARITH_GvEv  0x03        /* + (ARITH_* << 3) */
#define OPC_MOV_EbGb    0x88
#define OPC_MOV_EvGv    0x89
#define OPC_MOV_GvEv    0x8b
#define OPC_MOV_EbIb    0xc6
#define OPC_MOV_EvIz    0xc7
#define OPC_MOVL_Iv     0xb8        /* + register */
#define OPC_LEA         0x8d
#define OPC_MOVSLQ      (0x63 | P_W)
#define OPC_MOVZBL      (0xb6 | P_0F)
#define OPC_MOVZWL      (0xb7 | P_0F)
#define OPC_MOVSBL      (0xbe | P_0F)
#define OPC_MOVSWL      (0xbf | P_0F)
#define OPC_TEST_EvGv   0x85
#define OPC_GRP3_Ev     0xf7        /* /0 TEST Iz, /2 NOT, /3 NEG, /4 MUL, /5 IMUL, /6 DIV, /7 IDIV */
#define OPC_IMUL_GvEv   (0xaf | P_0F)
#define OPC_IMUL_GvEvIz 0x69
#define OPC_SHIFT_EvIb  0xc1        /* group 2, /digit = SHIFT_* */
#define OPC_SHIFT_EvCL  0xd3
#define OPC_SHRD_EvGvIb (0xac | P_0F)
#define OPC_BSWAP       (0xc8 | P_0F) /* + register */
#define OPC_BSF         (0xbc | P_0F)
#define OPC_BSR         (0xbd | P_0F)
#define OPC_TZCNT       (0xbc | P_0F | P_F3)
#define OPC_LZCNT       (0xbd | P_0F | P_F3)
#define OPC_POPCNT      (0xb8 | P_0F | P_F3)
#define OPC_SETCC       (0x90 | P_0F) /* + condition */
#define OPC_CMOVCC      (0x40 | P_0F) /* + condition */
#define OPC_JCC_long    (0x80 | P_0F) /* + condition, rel32 */
#define OPC_JCC_short   0x70        /* + condition, rel8 */
#define OPC_JMP_long    0xe9
#define OPC_JMP_short   0xeb
#define OPC_CALL_Jz     0xe8
#define OPC_GRP5        0xff        /* /2 CALL Ev, /4 JMP Ev */
#define OPC_PUSH_r      0x50
#define OPC_POP_r       0x58
#define OPC_RET         0xc3
#define OPC_CQO         (0x99 | P_W)
#define OPC_CDQ         0x99
#define OPC_MOVBE_GyMy  (0xf0 | P_0F38)
#define OPC_MOVBE_MyGy  (0xf1 | P_0F38)

/* VEX-encoded BMI1/BMI2 opcodes: map and pp are in the flags. */
#define OPC_ANDN        (0xf2 | P_0F38)         /* G = ~V & E */
#define OPC_SHLX        (0xf7 | P_0F38 | P_66)  /* G = E << V */
#define OPC_SARX        (0xf7 | P_0F38 | P_F3)
#define OPC_SHRX        (0xf7 | P_0F38 | P_F2)
#define OPC_MULX        (0xf6 | P_0F38 | P_F2)  /* G:V = rdx * E (G high) */
#define OPC_RORX        (0xf0 | P_0F3A | P_F2)  /* G = E ror imm8 */

enum { ARITH_ADD, ARITH_OR, ARITH_ADC, ARITH_SBB, ARITH_AND, ARITH_SUB, ARITH_XOR, ARITH_CMP };
enum { SHIFT_ROL = 0, SHIFT_ROR = 1, SHIFT_SHL = 4, SHIFT_SHR = 5, SHIFT_SAR = 7 };
enum { GRP3_TEST = 0, GRP3_NOT = 2, GRP3_NEG = 3, GRP3_MUL = 4, GRP3_IMUL = 5,
       GRP3_DIV = 6, GRP3_IDIV = 7 };
enum { GRP5_CALL = 2, GRP5_JMP = 4 };

/* Condition codes (the low nibble of Jcc/SETcc/CMOVcc). */
enum {
    CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A,
    CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G,
};

static inline void emit_byte(X86Code *c, uint8_t v)
{
    if (c->pos < c->cap)
        c->rw[c->pos] = v;
    else
        c->full = true;
    c->pos++;
}

static inline void emit_u16(X86Code *c, uint16_t v)
{
    emit_byte(c, (uint8_t)v);
    emit_byte(c, (uint8_t)(v >> 8));
}

static inline void emit_u32(X86Code *c, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        emit_byte(c, (uint8_t)(v >> (8 * i)));
}

static inline void emit_u64(X86Code *c, uint64_t v)
{
    emit_u32(c, (uint32_t)v);
    emit_u32(c, (uint32_t)(v >> 32));
}

/* Overwrite 4 bytes already emitted (label fix-ups). */
static inline void emit_patch_u32(X86Code *c, size_t at, uint32_t v)
{
    if (at + 4 <= c->cap && at + 4 <= c->pos)
        memcpy(c->rw + at, &v, 4);
}

static inline uintptr_t emit_rx_here(const X86Code *c)
{
    return c->rx + c->pos;
}

static inline bool fits_i8(int64_t v) { return v == (int8_t)v; }
static inline bool fits_i32(int64_t v) { return v == (int32_t)v; }

/*
 * Prefixes, REX and opcode bytes:
 *   [66] [F2|F3] [REX = 0100 W R X B] [0F [38|3A]] opcode
 * REX.R extends ModRM.reg, REX.X extends SIB.index, REX.B extends ModRM.rm
 * or SIB.base.  A REX byte with no bit set is still needed when a byte
 * operand is spl/bpl/sil/dil (numbers 4..7), which without REX mean ah..bh.
 * r, rm and index are full register numbers (index < 0: none).
 */
static inline void emit_opc(X86Code *c, int opc, int r, int rm, int index)
{
    int rex = 0;

    if (opc & P_66)
        emit_byte(c, 0x66);
    if (opc & P_F3)
        emit_byte(c, 0xf3);
    else if (opc & P_F2)
        emit_byte(c, 0xf2);
    if (opc & P_W)
        rex |= 8;
    rex |= (r & 8) >> 1;
    rex |= index >= 0 ? (index & 8) >> 2 : 0;
    rex |= (rm & 8) >> 3;
    if (((opc & P_BYTE_R) && r >= 4) || ((opc & P_BYTE_RM) && rm >= 4))
        rex |= 0x40;
    if (rex)
        emit_byte(c, (uint8_t)(0x40 | rex));
    if (opc & (P_0F | P_0F38 | P_0F3A)) {
        emit_byte(c, 0x0f);
        if (opc & P_0F38)
            emit_byte(c, 0x38);
        else if (opc & P_0F3A)
            emit_byte(c, 0x3a);
    }
    emit_byte(c, (uint8_t)opc);
}

/*
 * Register-direct ModRM:  mod=11 | reg (3) | rm (3)
 *   [prefixes] opcode 11rrrmmm
 */
static inline void emit_opc_modrm(X86Code *c, int opc, int r, int rm)
{
    emit_opc(c, opc, r, rm, -1);
    emit_byte(c, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/*
 * Memory ModRM with optional SIB and displacement:
 *   ModRM = mod (2) | reg (3) | rm (3)      mod 00: no disp, 01: disp8, 10: disp32
 *   SIB   = scale (2) | index (3) | base (3) present when rm = 100
 * Quirks: rm=100 (rsp, r12) always needs a SIB; base 101 (rbp, r13) with
 * mod 00 would mean RIP-relative, so those bases always carry a disp8.
 * index < 0 means none (SIB index field 100); rsp cannot be an index.
 */
static inline void emit_opc_modrm_sib(X86Code *c, int opc, int r, int base, int index,
                                      int shift, int32_t disp)
{
    int mod = disp == 0 && (base & 7) != R_BP ? 0 : fits_i8(disp) ? 1 : 2;

    emit_opc(c, opc, r, base, index);
    if (index < 0 && (base & 7) != R_SP) {
        emit_byte(c, (uint8_t)(mod << 6 | (r & 7) << 3 | (base & 7)));
    } else {
        emit_byte(c, (uint8_t)(mod << 6 | (r & 7) << 3 | 4));
        emit_byte(c, (uint8_t)(shift << 6 | (index < 0 ? 4 : index & 7) << 3 | (base & 7)));
    }
    if (mod == 1)
        emit_byte(c, (uint8_t)disp);
    else if (mod == 2)
        emit_u32(c, (uint32_t)disp);
}

static inline void emit_opc_modrm_offset(X86Code *c, int opc, int r, int base, int32_t disp)
{
    emit_opc_modrm_sib(c, opc, r, base, -1, 0, disp);
}

/*
 * RIP-relative memory operand:  mod=00 rm=101 disp32, the displacement
 * counted from the end of the instruction; imm_bytes is the size of any
 * immediate that follows the displacement.
 */
static inline void emit_opc_modrm_rip(X86Code *c, int opc, int r, uintptr_t target,
                                      int imm_bytes)
{
    emit_opc(c, opc, r, 0, -1);
    emit_byte(c, (uint8_t)((r & 7) << 3 | 5));
    emit_u32(c, (uint32_t)(target - (emit_rx_here(c) + 4 + imm_bytes)));
}

/*
 * VEX three-byte prefix (BMI1/BMI2):
 *   C4 | R' X' B' m-mmmm | W v'v'v'v' L pp | opcode | ModRM (mod=11)
 * R', X', B' and v'v'v'v' are stored inverted; m-mmmm 00010 = 0F38,
 * 00011 = 0F3A; pp 00 none, 01 66, 10 F3, 11 F2; L = 0 (scalar).
 */
static inline void emit_vex_modrm(X86Code *c, int opc, int r, int v, int rm)
{
    int map = (opc & P_0F3A) ? 3 : (opc & P_0F38) ? 2 : 1;
    int pp = (opc & P_66) ? 1 : (opc & P_F3) ? 2 : (opc & P_F2) ? 3 : 0;

    emit_byte(c, 0xc4);
    emit_byte(c, (uint8_t)((~r & 8) << 4 | 0x40 | (~rm & 8) << 2 | map));
    emit_byte(c, (uint8_t)((opc & P_W ? 0x80 : 0) | (~v & 15) << 3 | pp));
    emit_byte(c, (uint8_t)opc);
    emit_byte(c, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/*
 * Register in the low opcode bits (push/pop/bswap/mov r32,imm):
 *   [REX.B] opcode+r
 */
static inline void emit_opc_reg(X86Code *c, int opc, int r)
{
    emit_opc(c, opc + (r & 7), 0, r, -1);
}

/* ---- a few whole instructions ----------------------------------------- */

/* mov r, r; nothing when dst == src (i32 values already have a zero upper
 * half, see regalloc.c). */
static inline void emit_mov_rr(X86Code *c, bool w, int dst, int src)
{
    if (dst != src)
        emit_opc_modrm(c, OPC_MOV_GvEv | (w ? P_W : 0), dst, src);
}

/*
 * Load an immediate, shortest form; never touches the flags:
 *   B8+r id        mov r32, imm32 (zero-extends)
 *   REX.W C7 /0 id mov r64, simm32
 *   REX.W B8+r io  movabs r64, imm64
 */
static inline void emit_movi(X86Code *c, bool w, int r, uint64_t v)
{
    if (!w || v == (uint32_t)v) {
        emit_opc_reg(c, OPC_MOVL_Iv, r);
        emit_u32(c, (uint32_t)v);
    } else if (fits_i32((int64_t)v)) {
        emit_opc_modrm(c, OPC_MOV_EvIz | P_W, 0, r);
        emit_u32(c, (uint32_t)v);
    } else {
        emit_opc_reg(c, OPC_MOVL_Iv | P_W, r);
        emit_u64(c, v);
    }
}

/* Group-1 arithmetic with an immediate: 83 /op ib or 81 /op id. */
static inline void emit_arith_ri(X86Code *c, bool w, int aop, int r, int32_t imm)
{
    if (fits_i8(imm)) {
        emit_opc_modrm(c, OPC_ARITH_EvIb | (w ? P_W : 0), aop, r);
        emit_byte(c, (uint8_t)imm);
    } else {
        emit_opc_modrm(c, OPC_ARITH_EvIz | (w ? P_W : 0), aop, r);
        emit_u32(c, (uint32_t)imm);
    }
}

/* Group-1 arithmetic register to register: (op << 3) + 3 /r, G op= E. */
static inline void emit_arith_rr(X86Code *c, bool w, int aop, int dst, int src)
{
    emit_opc_modrm(c, (OPC_ARITH_GvEv + (aop << 3)) | (w ? P_W : 0), dst, src);
}

/* Shift by an immediate: C1 /op ib. */
static inline void emit_shift_ri(X86Code *c, bool w, int sop, int r, int count)
{
    emit_opc_modrm(c, OPC_SHIFT_EvIb | (w ? P_W : 0), sop, r);
    emit_byte(c, (uint8_t)count);
}

/* Multi-byte NOPs (SDM Vol. 2B, NOP: "recommended multi-byte sequence"). */
static inline void emit_nops(X86Code *c, int n)
{
    static const uint8_t nop[4][4] = {
        { 0x90 }, { 0x66, 0x90 }, { 0x0f, 0x1f, 0x00 }, { 0x0f, 0x1f, 0x40, 0x00 },
    };
    while (n > 0) {
        int k = n > 4 ? 4 : n;
        for (int i = 0; i < k; i++)
            emit_byte(c, nop[k - 1][i]);
        n -= k;
    }
}

/* jmp/jcc rel32 to a known RX target. */
static inline void emit_jmp_to(X86Code *c, uintptr_t target)
{
    emit_byte(c, OPC_JMP_long);
    emit_u32(c, (uint32_t)(target - (emit_rx_here(c) + 4)));
}

#endif
