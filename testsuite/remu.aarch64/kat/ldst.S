/*
 * ldst.S - known answers for loads and stores of general registers: every
 * size and sign, unsigned offset, unscaled, pre/post-index with writeback,
 * register offset (UXTW/SXTW/LSL), literal, pairs (LDP/STP/LDPSW/LDNP/
 * STNP), exclusives (byte to doubleword, pairs, success and failure),
 * LDAR/STLR, PRFM and DC ZVA (Arm ARM C6.2; DCZID_EL0 in D19).
 * Scratch memory is a 256-byte buffer on the stack, base in x19.
 */
#include "kat.h"

kat_main:
    sub sp, sp, #256
    mov x19, sp
    ldr x21, =0x8877665544332211

    /* Stores of each size, read back as a doubleword */
    str x21, [x19]
    strb wzr, [x19, #1]
    strh wzr, [x19, #4]
    ldr x20, [x19]
    CHECK("strb strh over str", x20, 0x8877000044330011)
    ldr w22, =0xaabbccdd
    str w22, [x19, #8]
    str wzr, [x19, #12]
    ldr x20, [x19, #8]
    CHECK("str w", x20, 0xaabbccdd)

    /* Loads: zero- and sign-extended */
    str x21, [x19]
    ldrb w20, [x19, #7]
    CHECK("ldrb", x20, 0x88)
    ldrsb x20, [x19, #7]
    CHECK("ldrsb x", x20, 0xffffffffffffff88)
    ldrsb w20, [x19, #7]
    CHECK("ldrsb w", x20, 0xffffff88)
    ldrh w20, [x19, #6]
    CHECK("ldrh", x20, 0x8877)
    ldrsh x20, [x19, #6]
    CHECK("ldrsh x", x20, 0xffffffffffff8877)
    ldrsh w20, [x19, #6]
    CHECK("ldrsh w", x20, 0xffff8877)
    ldr w20, [x19, #4]
    CHECK("ldr w", x20, 0x88776655)
    ldrsw x20, [x19, #4]
    CHECK("ldrsw", x20, 0xffffffff88776655)
    ldrsb x20, [x19]
    CHECK("ldrsb positive", x20, 0x11)

    /* Unscaled (LDUR/STUR) with negative and odd offsets */
    add x22, x19, #16
    stur x21, [x22, #-15]
    ldur x20, [x22, #-15]
    CHECK("stur/ldur misaligned", x20, 0x8877665544332211)
    ldurh w20, [x22, #-14]
    CHECK("ldurh", x20, 0x3322)
    ldursw x20, [x22, #-11]
    CHECK("ldursw", x20, 0xffffffff88776655)

    /* Pre-index and post-index write the base back */
    str x21, [x19, #32]
    add x22, x19, #24
    ldr x20, [x22, #8]!
    CHECK("ldr pre value", x20, 0x8877665544332211)
    sub x23, x22, x19
    CHECK("ldr pre writeback", x23, 32)
    ldrb w20, [x22], #-3
    CHECK("ldrb post value", x20, 0x11)
    sub x23, x22, x19
    CHECK("ldrb post writeback", x23, 29)
    mov w24, #0x5a
    strb w24, [x22, #1]!
    ldrb w20, [x19, #30]
    CHECK("strb pre", x20, 0x5a)
    str x21, [x22], #10
    sub x23, x22, x19
    CHECK("str post writeback", x23, 40)
    ldur x20, [x19, #30]
    CHECK("str post value", x20, 0x8877665544332211)

    /* Register offset */
    str x21, [x19, #48]
    mov x23, #6
    ldr x20, [x19, x23, lsl #3]
    CHECK("ldr lsl #3", x20, 0x8877665544332211)
    add x22, x19, #52
    mov w23, #-1
    ldr w20, [x22, w23, sxtw #2]
    CHECK("ldr w sxtw #2", x20, 0x44332211)
    mov w23, #51
    ldrb w20, [x19, w23, uxtw]
    CHECK("ldrb uxtw", x20, 0x44)
    mov x23, #-2
    add x22, x19, #56
    ldrsh x20, [x22, x23]
    CHECK("ldrsh reg", x20, 0xffffffffffff8877)
    mov x23, #-1
    strh w24, [x22, x23, lsl #1]
    ldrh w20, [x19, #54]
    CHECK("strh lsl #1", x20, 0x5a)
    mov x23, #1
    prfm pldl1keep, [x19, x23]
    prfm pstl2strm, [x19, #64]
    prfum pldl1keep, [x19, #-1]

    /* Literal loads */
    ldr x20, lit64
    CHECK("ldr literal x", x20, 0x0123456789abcdef)
    ldr w20, lit32
    CHECK("ldr literal w", x20, 0xfedcba98)
    ldrsw x20, lit32
    CHECK("ldrsw literal", x20, 0xfffffffffedcba98)
    prfm pldl1keep, lit64

    /* Pairs */
    mov x23, #0x1111
    mov x24, #0x2222
    stp x23, x24, [x19, #64]
    ldp x25, x26, [x19, #64]
    CHECK("stp/ldp first", x25, 0x1111)
    CHECK("stp/ldp second", x26, 0x2222)
    ldr x20, [x19, #72]
    CHECK("stp layout", x20, 0x2222)
    add x22, x19, #96
    stp x24, x23, [x22, #-16]!
    sub x20, x22, x19
    CHECK("stp pre writeback", x20, 80)
    ldp x25, x26, [x22], #32
    CHECK("ldp post first", x25, 0x2222)
    CHECK("ldp post second", x26, 0x1111)
    sub x20, x22, x19
    CHECK("ldp post writeback", x20, 112)
    mov w23, #-2
    mov w24, #0x7fffffff
    stp w23, w24, [x19, #128]
    ldp w25, w26, [x19, #128]
    CHECK("ldp w first", x25, 0xfffffffe)
    CHECK("ldp w second", x26, 0x7fffffff)
    ldpsw x25, x26, [x19, #128]
    CHECK("ldpsw first", x25, -2)
    CHECK("ldpsw second", x26, 0x7fffffff)
    ldr x20, [x19, #128]
    CHECK("stp w layout", x20, 0x7ffffffffffffffe)
    stnp x21, xzr, [x19, #144]
    ldnp x25, x26, [x19, #144]
    CHECK("stnp/ldnp first", x25, 0x8877665544332211)
    CHECK("stnp/ldnp second", x26, 0)
    /* SP as the base */
    stp x21, x23, [sp, #-16]!
    ldr x20, [sp], #16
    CHECK("stp/ldr sp base", x20, 0x8877665544332211)
    sub x20, sp, x19
    CHECK("sp restored", x20, 0)

    /* Exclusives: LDXR then STXR to the same address succeeds (status 0) */
    add x22, x19, #160
    str x21, [x22]
    ldxr x20, [x22]
    add x20, x20, #1
    stxr w23, x20, [x22]
    CHECK("stxr status success", x23, 0)
    ldr x20, [x22]
    CHECK("stxr stored", x20, 0x8877665544332212)
    /* A second STXR without LDXR fails (the first one cleared the monitor) */
    mov x20, #5
    stxr w23, x20, [x22]
    CHECK("stxr status without ldxr", x23, 1)
    ldr x20, [x22]
    CHECK("failed stxr stores nothing", x20, 0x8877665544332212)
    /* CLREX between them makes the store fail */
    ldxr x20, [x22]
    clrex
    stxr w23, x20, [x22]
    CHECK("stxr after clrex", x23, 1)
    /*
     * Byte, halfword and word forms, acquire/release variants.  CHECK
     * makes a system call, and taking an exception clears the monitor, so
     * each LDXR/STXR pair runs before the values are checked.
     */
    mov w24, #0xab
    ldxrb w20, [x22]
    stxrb w23, w24, [x22]
    CHECK("ldxrb value", x20, 0x12)
    CHECK("stxrb status", x23, 0)
    ldaxrh w20, [x22]
    stlxrh w23, wzr, [x22]
    CHECK("ldaxrh value", x20, 0x22ab)
    CHECK("stlxrh status", x23, 0)
    ldxr w20, [x22]
    stlxr w23, w24, [x22]
    CHECK("ldxr w value", x20, 0x44330000)
    CHECK("stlxr w status", x23, 0)
    ldr x20, [x22]
    CHECK("exclusive sizes stored", x20, 0x88776655000000ab)
    /* An SVC between LDXR and STXR clears the monitor */
    ldxr x20, [x22]
    CHECK("ldxr before svc", x20, 0x88776655000000ab)
    stxr w23, x20, [x22]
    CHECK("stxr after svc fails", x23, 1)
    /* Pairs */
    add x27, x19, #64
    ldxp x25, x26, [x27]
    stxp w23, x26, x25, [x27]
    CHECK("stxp status", x23, 0)
    ldp x25, x26, [x19, #64]
    CHECK("stxp swapped first", x25, 0x2222)
    CHECK("stxp swapped second", x26, 0x1111)
    add x27, x19, #128
    ldaxp w25, w26, [x27]
    stlxp w23, w26, w25, [x27]
    CHECK("ldaxp w first", x25, 0xfffffffe)
    CHECK("ldaxp w second", x26, 0x7fffffff)
    CHECK("stlxp w status", x23, 0)
    ldr x20, [x19, #128]
    CHECK("stlxp w stored", x20, 0xfffffffe7fffffff)
    /* Load-acquire / store-release */
    stlr x21, [x22]
    ldar x20, [x22]
    CHECK("stlr/ldar", x20, 0x8877665544332211)
    stlrb wzr, [x22]
    ldarh w20, [x22]
    CHECK("stlrb/ldarh", x20, 0x2200)
    stlrh w24, [x22, #0]
    ldar w20, [x22]
    CHECK("stlrh/ldar w", x20, 0x443300ab)

    /*
     * DC ZVA zeroes the aligned block of 4 << DCZID_EL0.BS bytes (BS = 4:
     * 64 bytes) containing the address.
     */
    mrs x20, dczid_el0
    CHECK("dczid_el0", x20, 4)
    add x22, x19, #63
    and x22, x22, #~63          /* 64-byte aligned, inside the buffer */
    mov x23, #-1
    stp x23, x23, [x22, #-16]
    stp x23, x23, [x22]
    stp x23, x23, [x22, #48]
    stp x23, x23, [x22, #64]
    add x24, x22, #37
    dc zva, x24
    ldr x20, [x22, #-8]
    CHECK("dc zva keeps below", x20, -1)
    ldr x20, [x22]
    CHECK("dc zva first", x20, 0)
    ldr x20, [x22, #56]
    CHECK("dc zva last", x20, 0)
    ldr x20, [x22, #64]
    CHECK("dc zva keeps above", x20, -1)

    add sp, sp, #256
    KAT_END
    .ltorg

    .balign 8
lit64: .quad 0x0123456789abcdef
lit32: .word 0xfedcba98
