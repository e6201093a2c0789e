/*
 * dp-imm.S - known answers for data processing (immediate): ADD/SUB
 * (immediate, with shift, SP forms), the flags of ADDS/SUBS, logical
 * immediates (DecodeBitMasks), MOVZ/MOVN/MOVK, ADR/ADRP, the bitfield moves
 * and their aliases, EXTR.  Expected values follow the pseudocode of the
 * Arm ARM (C6.2 per instruction, J1.1.3 AddWithCarry / DecodeBitMasks).
 */
#include "kat.h"

kat_main:
    /* ADD (immediate) with LSL #12: 1 + 0x123000 */
    mov x19, #1
    add x20, x19, #0x123, lsl #12
    CHECK("add imm lsl12", x20, 0x123001)
    /* SUB (immediate) */
    sub x20, x19, #2
    CHECK("sub imm negative", x20, -1)
    /* 32-bit ADD wraps and zero-extends: 0xffffffff + 2 = 0x1_00000001 -> 1 */
    mov w19, #-1
    add w20, w19, #2
    CHECK("add w wraps", x20, 1)
    /* SP forms: Rn = 31 is SP for ADD (immediate); MOV x, sp is ADD #0 */
    mov x19, sp
    add x20, sp, #16
    sub x20, x20, x19
    CHECK("add sp imm", x20, 16)
    sub sp, sp, #32
    mov x21, sp
    add sp, sp, #32
    sub x21, x19, x21
    CHECK("sub sp imm", x21, 32)

    /*
     * ADDS flags, AddWithCarry(x, y, 0):
     *  0x7fff...ffff + 1 = 0x8000...0000: signed overflow (two positives
     *  give a negative) -> V; top bit set -> N; no unsigned carry -> C = 0.
     */
    mov x19, #0x7fffffffffffffff
    adds x20, x19, #1
    CHECK_NZCV("adds overflow flags NV", NZCV_N | NZCV_V)
    CHECK("adds overflow value", x20, 0x8000000000000000)
    /* -1 + 1 = 0 with an unsigned carry out, no signed overflow: Z C */
    mov x19, #-1
    adds x20, x19, #1
    CHECK_NZCV("adds carry flags ZC", NZCV_Z | NZCV_C)
    /* 32-bit SUBS: 0 - 1 = 0xffffffff; borrow so C = 0; N from bit 31 */
    mov w19, #0
    subs w20, w19, #1
    CHECK_NZCV("subs w flags N", NZCV_N)
    CHECK("subs w value", x20, 0xffffffff)
    /* 0x80000000 - 1 = 0x7fffffff: signed overflow (V), no borrow (C) */
    mov w19, #0x80000000
    subs w20, w19, #1
    CHECK_NZCV("subs w overflow flags CV", NZCV_C | NZCV_V)
    CHECK("subs w overflow value", x20, 0x7fffffff)
    /* CMP equal: Z and C (no borrow) */
    mov x19, #42
    cmp x19, #42
    CHECK_NZCV("cmp equal ZC", NZCV_Z | NZCV_C)
    /* CMN x, #1 with x = -1: the ADDS above with Rd = XZR */
    mov x19, #-1
    cmn x19, #1
    CHECK_NZCV("cmn carry ZC", NZCV_Z | NZCV_C)
    /* ADDS w: 0xffffffff + 1 carries out of bit 31 */
    mov w19, #-1
    adds w20, w19, #1
    CHECK_NZCV("adds w carry ZC", NZCV_Z | NZCV_C)

    /*
     * Logical immediates.  0xaaaaaaaaaaaaaaaa is N=0 immr=1 imms=111100:
     * NOT(imms) = 000011 so len = 1, esize 2, S = 0 (one 1), R = 1: the
     * element 01 rotated right by 1 is 10, replicated.
     */
    orr x20, xzr, #0xaaaaaaaaaaaaaaaa
    CHECK("orr imm esize2", x20, 0xaaaaaaaaaaaaaaaa)
    /* 0x00ff00ff00ff00ff: esize 16, S = 7 (eight ones), R = 0 */
    orr x20, xzr, #0x00ff00ff00ff00ff
    CHECK("orr imm esize16", x20, 0x00ff00ff00ff00ff)
    /* 0xfffffffffffffff0: N=1, esize 64, S = 59 (60 ones), R = 4 */
    mov x19, #-1
    and x20, x19, #0xfffffffffffffff0
    CHECK("and imm esize64", x20, 0xfffffffffffffff0)
    /* 32-bit: 0x55555555 has esize 2; the W result is zero-extended */
    orr w20, wzr, #0x55555555
    CHECK("orr w imm", x20, 0x55555555)
    mov x19, #0x0f0f
    eor x20, x19, #0xff
    CHECK("eor imm", x20, 0x0ff0)
    /* ANDS sets N and Z from the result, C = V = 0 */
    mov x19, #-1
    ands x20, x19, #0x8000000000000000
    CHECK_NZCV("ands imm flags N", NZCV_N)
    mov x19, #4
    tst w19, #3
    CHECK_NZCV("tst imm flags Z", NZCV_Z)
    /* AND (immediate) may write SP */
    mov x21, sp
    mov x19, sp
    sub x19, x19, #40
    mov sp, x19
    and sp, x19, #0xfffffffffffffff0
    mov x20, sp
    mov sp, x21
    sub x20, x21, x20
    CHECK("and imm to sp", x20, 48)

    /* Move wide */
    movz x20, #0x1234, lsl #32
    CHECK("movz lsl32", x20, 0x0000123400000000)
    movn x20, #0
    CHECK("movn x 0", x20, -1)
    movn w20, #0
    CHECK("movn w 0", x20, 0xffffffff)
    movn x20, #0x1234, lsl #16
    CHECK("movn lsl16", x20, 0xffffffffedcbffff)
    mov x20, #-1
    movk x20, #0xbeef, lsl #16
    CHECK("movk lsl16", x20, 0xffffffffbeefffff)
    mov x20, #-1
    movk w20, #0x1234
    CHECK("movk w zero-extends", x20, 0xffff1234)

    /* ADR/ADRP against the absolute address from the literal pool */
    adr x20, kat_main
    ldr x21, =kat_main
    sub x20, x20, x21
    CHECK("adr", x20, 0)
    adrp x20, far_label
    ldr x21, =far_label
    and x21, x21, #~0xfff
    sub x20, x20, x21
    CHECK("adrp", x20, 0)

    /* Bitfield moves (SBFM/UBFM/BFM aliases) on 0x80f0 */
    mov x19, #0x80f0
    sxth x20, w19
    CHECK("sxth", x20, 0xffffffffffff80f0)
    sxtb x20, w19
    CHECK("sxtb", x20, 0xfffffffffffffff0)
    sxtb w20, w19
    CHECK("sxtb w", x20, 0xfffffff0)
    uxtb w20, w19
    CHECK("uxtb", x20, 0xf0)
    sxtw x20, w19
    CHECK("sxtw positive", x20, 0x80f0)
    lsl x20, x19, #56
    CHECK("lsl imm", x20, 0xf000000000000000)
    lsl w20, w19, #20
    CHECK("lsl w imm", x20, 0x0f000000)
    lsr w20, w19, #4
    CHECK("lsr w imm", x20, 0x80f)
    mov x21, #0x8000000000000000
    asr x20, x21, #63
    CHECK("asr imm", x20, -1)
    mov w21, #0x80000000
    asr w20, w21, #31
    CHECK("asr w imm", x20, 0xffffffff)
    /* UBFX #4, #8: (0x80f0 >> 4) & 0xff */
    ubfx x20, x19, #4, #8
    CHECK("ubfx", x20, 0x0f)
    /* SBFX #8, #8: the byte 0x80, sign-extended */
    sbfx x20, x19, #8, #8
    CHECK("sbfx", x20, 0xffffffffffffff80)
    /* SBFIZ #4, #8: 0xf0 is -16 as a byte, times 16 */
    sbfiz x20, x19, #4, #8
    CHECK("sbfiz", x20, 0xffffffffffffff00)
    /* UBFIZ w #28, #4: the low nibble (0) at bit 28, then 0xf0 -> bits 31:28 = 0 */
    mov w19, #0x80f3
    ubfiz w20, w19, #28, #4
    CHECK("ubfiz w", x20, 0x30000000)
    mov x19, #0x80f0
    /* BFI #16, #8 keeps the other bits of the destination */
    mov x20, #0x1111111111111111
    bfi x20, x19, #16, #8
    CHECK("bfi", x20, 0x1111111111f01111)
    /* BFXIL #4, #8: bits 11:4 of the source into bits 7:0 */
    mov x20, #0x1111111111111111
    bfxil x20, x19, #4, #8
    CHECK("bfxil", x20, 0x111111111111110f)
    /* BFM w: BFI w20, w19, #24, #8 on 0xaaaaaaaa; X bits 63:32 cleared */
    mov x20, #-1
    movk w20, #0xaaaa
    bfi w20, w19, #24, #8
    CHECK("bfi w", x20, 0xf0ffaaaa)

    /* EXTR: bits 71:8 of x19:x22 */
    ldr x19, =0x1122334455667788
    ldr x22, =0x99aabbccddeeff00
    extr x20, x19, x22, #8
    CHECK("extr", x20, 0x8899aabbccddeeff)
    /* ROR (immediate) is EXTR with Rn == Rm */
    mov w19, #0x80f1
    ror w20, w19, #4
    CHECK("ror w imm", x20, 0x1000080f)
    extr x20, x19, x22, #0
    CHECK("extr lsb 0", x20, 0x99aabbccddeeff00)
    KAT_END

    .ltorg
    .balign 4096
far_label:
    nop
