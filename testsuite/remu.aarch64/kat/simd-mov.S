/*
 * simd-mov.S - known answers for the SIMD&FP moves and immediates: MOVI,
 * MVNI, ORR/BIC (vector, immediate), FMOV (immediate, general, register,
 * vector immediate), DUP (element, general, scalar), INS (element,
 * general), UMOV, SMOV (Arm ARM C7.2).  A vector is checked as its two
 * doublewords (d[0] = bits 63:0) with CHECKV.
 */
#include "kat.h"

#define CHECKV(name, vn, lo, hi) \
    mov x20, vn.d[0] ; mov x21, vn.d[1] ; CHECK(name " lo", x20, lo) ; CHECK(name " hi", x21, hi)

kat_main:
    ldr q0, v_bytes             /* bytes 00 01 .. 0f */
    ldr q1, v_ones
    CHECKV("ldr q literal", v0, 0x0706050403020100, 0x0f0e0d0c0b0a0908)

    /* MOVI/MVNI: AdvSIMDExpandImm.  8-bit: imm8 in every byte; 64-bit: each
       bit of imm8 becomes a byte (0xa5 = 10100101 -> ff00ff0000ff00ff). */
    movi v2.16b, #0x5a
    CHECKV("movi 16b", v2, 0x5a5a5a5a5a5a5a5a, 0x5a5a5a5a5a5a5a5a)
    mov v2.16b, v1.16b
    movi v2.8b, #0x5a
    CHECKV("movi 8b zeroes high", v2, 0x5a5a5a5a5a5a5a5a, 0)
    movi v2.2d, #0xff00ff0000ff00ff
    CHECKV("movi 2d", v2, 0xff00ff0000ff00ff, 0xff00ff0000ff00ff)
    mov v2.16b, v1.16b
    movi d2, #0xff00ff0000ff00ff
    CHECKV("movi d", v2, 0xff00ff0000ff00ff, 0)
    movi v2.4s, #0x12, lsl #16
    CHECKV("movi 4s lsl 16", v2, 0x0012000000120000, 0x0012000000120000)
    movi v2.8h, #0x34, lsl #8
    CHECKV("movi 8h lsl 8", v2, 0x3400340034003400, 0x3400340034003400)
    movi v2.2s, #0x56, msl #8
    CHECKV("movi 2s msl 8", v2, 0x000056ff000056ff, 0)
    movi v2.4s, #0x56, msl #16
    CHECKV("movi 4s msl 16", v2, 0x0056ffff0056ffff, 0x0056ffff0056ffff)
    mvni v2.4s, #0x12, lsl #8
    CHECKV("mvni 4s lsl 8", v2, 0xffffedffffffedff, 0xffffedffffffedff)
    mvni v2.4h, #0x80
    CHECKV("mvni 4h", v2, 0xff7fff7fff7fff7f, 0)
    mvni v2.2s, #0x56, msl #8
    CHECKV("mvni 2s msl 8", v2, 0xffffa900ffffa900, 0)
    movi v2.2d, #0
    CHECKV("movi zero", v2, 0, 0)

    /* ORR/BIC (vector, immediate) act on Vd in place. */
    mov v2.16b, v0.16b
    orr v2.4s, #0x80, lsl #24
    CHECKV("orr 4s imm", v2, 0x8706050483020100, 0x8f0e0d0c8b0a0908)
    mov v2.16b, v0.16b
    bic v2.8h, #0x01
    CHECKV("bic 8h imm", v2, 0x0706050403020100, 0x0f0e0d0c0b0a0908 & 0xfffefffefffefffe)
    mov v2.16b, v0.16b
    bic v2.4h, #0x07, lsl #8
    CHECKV("bic 4h imm zeroes high", v2, 0x0006000400020000, 0)

    /* FMOV immediate: VFPExpandImm.  1.0 = 0x3f800000 / 0x3ff0000000000000,
       -2.5 = 0xc0200000, 0.125 = 0x3fc0000000000000. */
    mov v3.16b, v1.16b
    fmov s3, #1.0
    CHECKV("fmov s imm", v3, 0x3f800000, 0)
    fmov s3, #-2.5
    CHECKV("fmov s imm neg", v3, 0xc0200000, 0)
    fmov d3, #0.125
    CHECKV("fmov d imm", v3, 0x3fc0000000000000, 0)
    fmov d3, #31.0
    CHECKV("fmov d imm 31", v3, 0x403f000000000000, 0)
    fmov v3.4s, #1.0
    CHECKV("fmov 4s imm", v3, 0x3f8000003f800000, 0x3f8000003f800000)
    fmov v3.2d, #-1.0
    CHECKV("fmov 2d imm", v3, 0xbff0000000000000, 0xbff0000000000000)

    /* FMOV general <-> FP: the upper bits are zeroed on writes to S/D;
       the D[1] form leaves d[0] alone. */
    ldr x22, =0x1122334455667788
    mov v3.16b, v1.16b
    fmov d3, x22
    CHECKV("fmov d, x", v3, 0x1122334455667788, 0)
    mov v3.16b, v1.16b
    fmov s3, w22
    CHECKV("fmov s, w", v3, 0x55667788, 0)
    mov v3.16b, v0.16b
    fmov v3.d[1], x22
    CHECKV("fmov v.d[1], x", v3, 0x0706050403020100, 0x1122334455667788)
    fmov x23, v3.d[1]
    CHECK("fmov x, v.d[1]", x23, 0x1122334455667788)
    fmov x23, d0
    CHECK("fmov x, d", x23, 0x0706050403020100)
    mov x23, #-1
    fmov w23, s0
    CHECK("fmov w, s", x23, 0x03020100)
    mov v3.16b, v1.16b
    fmov s3, s0
    CHECKV("fmov s, s", v3, 0x03020100, 0)
    fmov d3, d0
    CHECKV("fmov d, d", v3, 0x0706050403020100, 0)

    /* DUP */
    dup v4.16b, v0.b[13]
    CHECKV("dup 16b elem", v4, 0x0d0d0d0d0d0d0d0d, 0x0d0d0d0d0d0d0d0d)
    dup v4.4h, v0.h[5]
    CHECKV("dup 4h elem", v4, 0x0b0a0b0a0b0a0b0a, 0)
    dup v4.4s, v0.s[3]
    CHECKV("dup 4s elem", v4, 0x0f0e0d0c0f0e0d0c, 0x0f0e0d0c0f0e0d0c)
    dup v4.2d, v0.d[1]
    CHECKV("dup 2d elem", v4, 0x0f0e0d0c0b0a0908, 0x0f0e0d0c0b0a0908)
    dup v4.16b, w22
    CHECKV("dup 16b gen", v4, 0x8888888888888888, 0x8888888888888888)
    dup v4.8h, w22
    CHECKV("dup 8h gen", v4, 0x7788778877887788, 0x7788778877887788)
    dup v4.2s, w22
    CHECKV("dup 2s gen", v4, 0x5566778855667788, 0)
    dup v4.2d, x22
    CHECKV("dup 2d gen", v4, 0x1122334455667788, 0x1122334455667788)
    mov v4.16b, v1.16b
    mov b4, v0.b[9]
    CHECKV("dup scalar b", v4, 0x09, 0)
    mov s4, v0.s[2]
    CHECKV("dup scalar s", v4, 0x0b0a0908, 0)

    /* INS keeps the other lanes. */
    mov v5.16b, v0.16b
    mov v5.b[15], w22
    CHECKV("ins b gen", v5, 0x0706050403020100, 0x880e0d0c0b0a0908)
    mov v5.h[1], w22
    CHECKV("ins h gen", v5, 0x0706050477880100, 0x880e0d0c0b0a0908)
    mov v5.d[1], x22
    CHECKV("ins d gen", v5, 0x0706050477880100, 0x1122334455667788)
    mov v5.16b, v0.16b
    mov v5.s[0], v1.s[3]
    CHECKV("ins s elem", v5, 0x07060504ffffffff, 0x0f0e0d0c0b0a0908)
    mov v5.b[8], v0.b[0]
    CHECKV("ins b elem", v5, 0x07060504ffffffff, 0x0f0e0d0c0b0a0900)

    /* UMOV / SMOV */
    ldr q6, v_signs             /* 80 81 .. 8f, then ff 7f ... */
    umov w23, v6.b[1]
    CHECK("umov b", x23, 0x81)
    umov w23, v6.h[1]
    CHECK("umov h", x23, 0x8382)
    mov w23, v6.s[1]
    CHECK("umov s", x23, 0x87868584)
    mov x23, v6.d[1]
    CHECK("umov d", x23, 0x8f8e8d8c8b8a8988)
    smov w23, v6.b[2]
    CHECK("smov w b", x23, 0xffffff82)
    smov x23, v6.h[2]
    CHECK("smov x h", x23, 0xffffffffffff8584)
    smov x23, v6.s[3]
    CHECK("smov x s", x23, 0xffffffff8f8e8d8c)
    smov x23, v0.b[7]
    CHECK("smov x b positive", x23, 0x07)
    KAT_END

    .balign 16
v_bytes:
    .quad 0x0706050403020100, 0x0f0e0d0c0b0a0908
v_ones:
    .quad -1, -1
v_signs:
    .quad 0x8786858483828180, 0x8f8e8d8c8b8a8988
