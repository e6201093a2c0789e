/*
 * simd-udef.S - encodings of the SIMD&FP groups that this frontend leaves
 * out, or that the Arm ARM reserves, raise UDEF at their own address (the
 * a64-flat convention of udef.S: x16 = pc, x17 = exception number), and
 * leave the registers alone.
 *
 * kat: flat-only
 */
#include "kat.h"

#define EXCP_UDEF 2

#define UDEF(name, ...) \
    mov x16, #0 ; mov x17, #0 ; adr x21, 9981f ; 9981: __VA_ARGS__ ; \
    sub x20, x16, x21 ; CHECK(name " pc", x20, 0) ; CHECK(name " udef", x17, EXCP_UDEF)

kat_main:
    movi v0.16b, #0x11
    mov x0, sp
    /* Left out: FEAT_FP16 arithmetic (type 11, and the half-precision
       vector forms); reserved: a vector of one double, L = 1 with doubles */
    UDEF("fadd h", .inst 0x1ee22820)
    UDEF("fmul 8h (fp16)", .inst 0x6e421c20)
    UDEF("frecpe 8h (fp16)", .inst 0x4ef9d820)
    UDEF("fmaxv h (fp16)", .inst 0x4e30f820)
    UDEF("fadd 1d (reserved)", .inst 0x0e62d420)
    UDEF("scvtf h, x", .inst 0x9ee20020)
    UDEF("fcvtzs w, h", .inst 0x1ef80020)
    UDEF("fcmp h", .inst 0x1ee12000)
    UDEF("fadd type 10", .inst 0x1ea22820)
    UDEF("fcvt s to s", .inst 0x1e224020)
    UDEF("fcvtzs w fixed scale < 32", .inst 0x1e180020)
    /* Reserved sizes of the saturating ops: SQDMULH .16b and .2d, PMUL .8h,
       CLS .2d, SQABS .1d (size 11, Q 0) */
    UDEF("sqdmulh 16b", .inst 0x4e22b420)
    UDEF("sqdmulh 2d", .inst 0x4ee2b420)
    UDEF("pmul 8h", .inst 0x6e629c20)
    UDEF("cls 2d", .inst 0x4ee04820)
    UDEF("sqabs 1d", .inst 0x0ee07820)
    UDEF("sqrshrn immh 1xxx (reserved)", .inst 0x0f409c20)
    UDEF("fmla 8h elem (fp16)", .inst 0x4f121020)
    UDEF("fmla 2d elem L=1 (reserved)", .inst 0x4fe21820)
    UDEF("sqdmull elem size 00 (reserved)", .inst 0x0f00b020)
    UDEF("sqdmull 8b (reserved)", .inst 0x0e22d020)
    /* FEAT_FP16 forms: FMOV h, w and FMOV (vector, half-precision imm) */
    UDEF("fmov h, w", .inst 0x1ee70000)
    UDEF("fmov 4h imm (o2=1)", .inst 0x0f00fc00)
    /* Reserved: ADD .1D (size 11, Q 0); ADDV .2S; LD2 .1D; LDR with size 01 opc 11 */
    UDEF("add 1d", .inst 0x0ee28420)
    UDEF("addv 2s", .inst 0x0eb1b800)
    UDEF("ld2 1d", .inst 0x0c408c00)
    UDEF("ldr q size 01", .inst 0x7dc00000)
    UDEF("ldp opc 11", .inst 0xed400000)
    UDEF("ldr q literal opc 11", .inst 0xdc000000)
    UDEF("ldtr b (no SIMD form)", .inst 0x3c400800)
    mov x20, v0.d[0]
    CHECK("v0 unchanged", x20, 0x1111111111111111)
    KAT_END
