/*
 * simd-ldst.S - known answers for loads and stores of SIMD&FP registers:
 * LDR/STR B/H/S/D/Q (unsigned offset, unscaled, pre/post-index, register
 * offset, literal), LDP/STP/LDNP/STNP of S/D/Q, LD1/ST1 of 1-4 registers,
 * LD2/LD3/LD4/ST2/ST3/ST4, LD1 single structure, LD1R, with immediate and
 * register post-index (Arm ARM C7.2).  Scratch memory: 256 bytes on the
 * stack at x19; the source pattern "bytes" holds 00 01 02 .. 3f.
 */
#include "kat.h"

#define CHECKV(name, vn, lo, hi) \
    mov x20, vn.d[0] ; mov x21, vn.d[1] ; CHECK(name " lo", x20, lo) ; CHECK(name " hi", x21, hi)

/* Byte i of the pattern is i, so 8 bytes from offset k read as a number: */
#define P(k) (0x0706050403020100 + (k) * 0x0101010101010101)

kat_main:
    sub sp, sp, #256
    mov x19, sp
    adr x22, bytes
    ldr q31, ones

    /* Scalar sizes: writes zero the rest of the register. */
    mov v0.16b, v31.16b
    ldr b0, [x22, #5]
    CHECKV("ldr b", v0, 0x05, 0)
    mov v0.16b, v31.16b
    ldr h0, [x22, #6]
    CHECKV("ldr h", v0, 0x0706, 0)
    ldr s0, [x22, #8]
    CHECKV("ldr s", v0, 0x0b0a0908, 0)
    ldr d0, [x22, #16]
    CHECKV("ldr d", v0, P(16), 0)
    ldr q0, [x22, #32]
    CHECKV("ldr q", v0, P(32), P(40))
    ldur q1, [x22, #3]
    CHECKV("ldur q misaligned", v1, P(3), P(11))
    ldur d1, [x22, #-0]
    CHECKV("ldur d", v1, P(0), 0)

    /* Stores of each size over a known doubleword. */
    str q31, [x19]
    str b0, [x19, #1]
    str h0, [x19, #4]
    ldr x23, [x19]
    CHECK("str b, str h", x23, 0xffff2120ffff20ff)
    str s0, [x19, #8]
    ldr x23, [x19, #8]
    CHECK("str s", x23, 0xffffffff23222120)
    str d0, [x19, #16]
    str q0, [x19, #32]
    ldp x23, x24, [x19, #32]
    CHECK("str q lo", x23, P(32))
    CHECK("str q hi", x24, P(40))
    stur q1, [x19, #-0]
    ldr x23, [x19]
    CHECK("stur d-sized q", x23, P(0))

    /* Pre- and post-index. */
    mov x24, x22
    ldr q2, [x24, #16]!
    CHECKV("ldr q pre", v2, P(16), P(24))
    sub x25, x24, x22
    CHECK("ldr q pre writeback", x25, 16)
    ldr s2, [x24], #-12
    CHECKV("ldr s post", v2, 0x13121110, 0)
    sub x25, x24, x22
    CHECK("ldr s post writeback", x25, 4)
    mov x24, x19
    str d0, [x24, #8]!
    str q0, [x24], #24
    sub x25, x24, x19
    CHECK("str post writeback", x25, 32)
    ldr x23, [x19, #16]
    CHECK("str q post value", x23, P(40))

    /* Register offset, scaled and extended. */
    mov x25, #3
    ldr q3, [x22, x25, lsl #4]
    CHECKV("ldr q reg lsl 4", v3, P(48), P(56))
    mov x25, #2
    ldr q3, [x22, x25, lsl #4]
    CHECKV("ldr q reg lsl 4 idx 2", v3, P(32), P(40))
    mov w25, #-1
    add x26, x22, #8
    ldr d3, [x26, w25, sxtw #3]
    CHECKV("ldr d reg sxtw", v3, P(0), 0)
    mov x25, #9
    ldr h3, [x22, x25]
    CHECKV("ldr h reg", v3, 0x0a09, 0)
    mov w25, #20
    str s0, [x19, w25, uxtw]
    ldr w23, [x19, #20]
    CHECK("str s reg uxtw", x23, 0x23222120)

    /* Literal */
    ldr s4, lit
    CHECKV("ldr s literal", v4, 0x89abcdef, 0)
    ldr d4, lit
    CHECKV("ldr d literal", v4, 0x0123456789abcdef, 0)

    /* Pairs */
    ldp q5, q6, [x22]
    CHECKV("ldp q first", v5, P(0), P(8))
    CHECKV("ldp q second", v6, P(16), P(24))
    ldp s5, s6, [x22, #8]
    CHECKV("ldp s first", v5, 0x0b0a0908, 0)
    CHECKV("ldp s second", v6, 0x0f0e0d0c, 0)
    mov x24, x22
    ldp d5, d6, [x24, #16]!
    CHECKV("ldp d pre first", v5, P(16), 0)
    CHECKV("ldp d pre second", v6, P(24), 0)
    ldnp q5, q6, [x24, #-16]
    CHECKV("ldnp q", v6, P(16), P(24))
    mov x24, x19
    stp q6, q0, [x24], #32
    sub x25, x24, x19
    CHECK("stp q post writeback", x25, 32)
    ldp x23, x25, [x19, #16]
    CHECK("stp q second lo", x23, P(32))
    CHECK("stp q second hi", x25, P(40))
    stp s0, s4, [x19, #-8]!
    ldr x23, [x19]
    CHECK("stp s pre", x23, 0x89abcdef23222120)
    add x19, x19, #8
    stnp d4, d0, [x19]
    ldr x23, [x19, #8]
    CHECK("stnp d", x23, P(32))

    /* LD1/ST1 multiple registers */
    mov x24, x22
    ld1 {v7.16b, v8.16b, v9.16b, v10.16b}, [x24], #64
    CHECKV("ld1 4 regs v7", v7, P(0), P(8))
    CHECKV("ld1 4 regs v10", v10, P(48), P(56))
    sub x25, x24, x22
    CHECK("ld1 4 regs post imm", x25, 64)
    mov v11.16b, v31.16b
    ld1 {v11.8b}, [x22]
    CHECKV("ld1 8b", v11, P(0), 0)
    ld1 {v11.2d, v12.2d}, [x22]
    CHECKV("ld1 2 regs second", v12, P(16), P(24))
    mov x24, x22
    mov x25, #5
    ld1 {v30.4h, v31.4h, v0.4h}, [x24], x25
    CHECKV("ld1 3 regs wraps v31", v31, P(8), 0)
    CHECKV("ld1 3 regs wraps v0", v0, P(16), 0)
    sub x25, x24, x22
    CHECK("ld1 post reg", x25, 5)
    ldr q31, ones
    st1 {v7.4s, v8.4s}, [x19]
    ldr x23, [x19, #24]
    CHECK("st1 2 regs", x23, P(24))
    st1 {v7.1d}, [x19], #8
    sub x19, x19, #8

    /* LD2/LD3/LD4 de-interleave: register k gets elements k, k + n, ...
       (LD3 16b: lane i of the first register is byte 3i, of the third
       3i + 2; LD4 8h: lane i of the second is halfword 4i + 1 = bytes
       8i + 2, 8i + 3); ST2/3/4 interleave them back. */
    ld2 {v12.8b, v13.8b}, [x22]
    CHECKV("ld2 8b even", v12, 0x0e0c0a0806040200, 0)
    CHECKV("ld2 8b odd", v13, 0x0f0d0b0907050301, 0)
    ld2 {v12.4s, v13.4s}, [x22]
    CHECKV("ld2 4s even", v12, 0x0b0a090803020100, 0x1b1a191813121110)
    ld3 {v14.16b, v15.16b, v16.16b}, [x22]
    CHECKV("ld3 16b first", v14, 0x15120f0c09060300, 0x2d2a2724211e1b18)
    CHECKV("ld3 16b third", v16, 0x1714110e0b080502, 0x2f2c292623201d1a)
    ld4 {v17.8h, v18.8h, v19.8h, v20.8h}, [x22]
    CHECKV("ld4 8h second", v18, 0x1b1a13120b0a0302, 0x3b3a33322b2a2322)
    mov x24, x19
    st4 {v17.8h, v18.8h, v19.8h, v20.8h}, [x24], #64
    ldp x23, x25, [x19, #48]
    CHECK("st4 roundtrip", x23, P(48))
    CHECK("st4 roundtrip hi", x25, P(56))
    sub x25, x24, x19
    CHECK("st4 post", x25, 64)
    st3 {v14.16b, v15.16b, v16.16b}, [x19]
    ldr x23, [x19, #40]
    CHECK("st3 roundtrip", x23, P(40))
    st2 {v12.2s, v13.2s}, [x19]
    ldr x23, [x19, #8]
    CHECK("st2 2s", x23, P(8))

    /* Single structure: one lane; LD1R replicates. */
    mov v21.16b, v31.16b
    ld1 {v21.b}[9], [x22]
    CHECKV("ld1 b lane", v21, -1, 0xffffffffffff00ff)
    ld1 {v21.s}[1], [x22]
    CHECKV("ld1 s lane", v21, 0x03020100ffffffff, 0xffffffffffff00ff)
    mov x24, x22
    ld1 {v21.d}[1], [x24], #8
    CHECKV("ld1 d lane", v21, 0x03020100ffffffff, P(0))
    sub x25, x24, x22
    CHECK("ld1 lane post", x25, 8)
    ld2 {v21.h, v22.h}[3], [x24]
    mov x23, v22.d[0]
    lsr x23, x23, #48
    CHECK("ld2 lane second", x23, 0x0b0a)
    st1 {v0.h}[2], [x19]
    ldrh w23, [x19]
    CHECK("st1 h lane", x23, 0x1514)
    ld1r {v23.8h}, [x22]
    CHECKV("ld1r 8h", v23, 0x0100010001000100, 0x0100010001000100)
    ld1r {v23.2s}, [x24]
    CHECKV("ld1r 2s", v23, 0x0b0a09080b0a0908, 0)
    ld2r {v23.16b, v24.16b}, [x22]
    CHECKV("ld2r second", v24, 0x0101010101010101, 0x0101010101010101)
    /* More single structures: LD3 lane with register post-index, ST4
       lane, LD3R, LD4 of bytes with Rt wrapping from V30 to V1. */
    mov v24.16b, v31.16b
    mov v25.16b, v31.16b
    mov v26.16b, v31.16b
    mov x24, x22
    mov x25, #100
    ld3 {v24.s, v25.s, v26.s}[2], [x24], x25
    CHECKV("ld3 s lane first", v24, -1, 0xffffffff03020100)
    CHECKV("ld3 s lane third", v26, -1, 0xffffffff0b0a0908)
    sub x25, x24, x22
    CHECK("ld3 lane post reg", x25, 100)
    mov v27.16b, v0.16b
    mov v28.16b, v2.16b
    ld1 {v27.16b, v28.16b}, [x22]
    st4 {v25.h, v26.h, v27.h, v28.h}[1], [x19]
    ldr x23, [x19]
    CHECK("st4 h lane", x23, 0x13120302ffffffff)
    mov x24, x22
    ld3r {v29.4h, v30.4h, v31.4h}, [x24], #6
    CHECKV("ld3r 4h third", v31, 0x0504050405040504, 0)
    sub x25, x24, x22
    CHECK("ld3r post imm", x25, 6)
    ld4 {v30.8b, v31.8b, v0.8b, v1.8b}, [x22]
    CHECKV("ld4 8b wraps v1", v1, 0x1f1b17130f0b0703, 0)
    CHECKV("ld4 8b v30", v30, 0x1c1814100c080400, 0)
    add sp, sp, #256
    KAT_END

    .balign 16
bytes:
    .byte  0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15
    .byte 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .byte 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47
    .byte 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63
ones:
    .quad -1, -1
lit:
    .quad 0x0123456789abcdef
