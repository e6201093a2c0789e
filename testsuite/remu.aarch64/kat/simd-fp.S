/*
 * simd-fp.S - known answers for the Advanced SIMD floating-point
 * instructions whose results are not plain IEEE operations (the plain ones,
 * FADD...FSQRT, FCVT*, FCMxx, are checked against the host in
 * c/fpvec.c): the estimates FRECPE/FRSQRTE/URECPE/URSQRTE, the step
 * instructions FRECPS/FRSQRTS, FMULX, FRECPX, FABD, FACGT, FCVTXN
 * (round to odd), pairwise and across-lanes forms, by-element FMLA/FMUL,
 * fixed-point SCVTF/FCVTZS, and FPSR's cumulative flags.
 *
 * The expected values were worked out by hand from the Arm ARM pseudocode
 * (J1.3: FPRecipEstimate/RecipEstimate, FPRSqrtEstimate/RecipSqrtEstimate,
 * UnsignedRecipEstimate, FPRecipStepFused, FPRSqrtStepFused, FPMulX,
 * FPRecpX, FPRound with FPRounding_ODD, Reduce), e.g. FRECPE(3.0): scaled
 * = 384, RecipEstimate = ((2^19 DIV 769) + 1) DIV 2 = 341, exponent
 * 253 - 128 -> 0x3eaa8000; the one exact-rounding case (FRSQRTS with a
 * product beyond the largest double) with Python Fractions.  qemu-aarch64
 * gives the same answers.
 */
#include "kat.h"

#define CHECKV(name, vn, lo, hi) \
    mov x20, vn.d[0] ; mov x21, vn.d[1] ; CHECK(name " lo", x20, lo) ; CHECK(name " hi", x21, hi)
#define SETS(vn, bits) ldr w0, =(bits) ; dup vn.4s, w0
#define SETD(vn, bits) ldr x0, =(bits) ; dup vn.2d, x0
#define FPSR_CHECK(name, value) mrs x20, fpsr ; CHECK(name, x20, value) ; msr fpsr, xzr

kat_main:
    msr fpcr, xzr
    msr fpsr, xzr
    /* FRECPE: 1.0, 2.0, 3.0, +0 (-> +inf, DZC), -inf (-> -0) */
    ldr q1, recpe_in
    frecpe v2.4s, v1.4s
    CHECKV("frecpe 4s", v2, 0x3eff80003f7f8000, 0x7f8000003eaa8000)
    FPSR_CHECK("frecpe 4s fpsr (DZC)", 0x2)
    mov v3.s[0], v1.s[2]
    frecpe s4, s3
    CHECKV("frecpe s 3.0", v4, 0x3eaa8000, 0)
    SETD(v5, 0x3ff0000000000000)
    frecpe d6, d5
    CHECKV("frecpe d 1.0", v6, 0x3feff00000000000, 0)
    /* FRSQRTE: 1.0, 4.0, 2.0, -1.0 (default NaN, IOC) */
    ldr q1, rsqrte_in
    frsqrte v2.4s, v1.4s
    CHECKV("frsqrte 4s", v2, 0x3eff80003f7f8000, 0x7fc000003f348000)
    FPSR_CHECK("frsqrte 4s fpsr (IOC)", 0x1)
    /* URECPE / URSQRTE */
    ldr q1, uest_in
    urecpe v2.4s, v1.4s
    CHECKV("urecpe 4s", v2, 0xffffffffff800000, 0xffffffffffffffff)
    ursqrte v2.4s, v1.4s
    CHECKV("ursqrte 4s", v2, 0xb5000000b4800000, 0xff800000ffffffff)
    /* FRECPS: 2 - 1.5 * 2 = -1.0; inf * 0 -> 2.0 */
    SETS(v1, 0x3fc00000)
    SETS(v2, 0x40000000)
    frecps v3.2s, v1.2s, v2.2s
    CHECKV("frecps 2s", v3, 0xbf800000bf800000, 0)
    SETS(v1, 0x7f800000)
    movi v2.4s, #0
    frecps s3, s1, s2
    CHECKV("frecps s inf*0", v3, 0x40000000, 0)
    /* FRSQRTS: (3 - 2 * 3) / 2 = -1.5; 0 * inf -> 1.5 */
    SETS(v1, 0x40000000)
    SETS(v2, 0x40400000)
    frsqrts v3.4s, v1.4s, v2.4s
    CHECKV("frsqrts 4s", v3, 0xbfc00000bfc00000, 0xbfc00000bfc00000)
    movi v1.4s, #0
    SETS(v2, 0xff800000)
    frsqrts s3, s1, s2
    CHECKV("frsqrts s 0*inf", v3, 0x3fc00000, 0)
    /* (3 + max * 1.5) / 2 is finite although the product is not */
    SETD(v1, 0x7fefffffffffffff)
    SETD(v2, 0xbff8000000000000)
    frsqrts d3, d1, d2
    CHECKV("frsqrts d beyond max", v3, 0x7fe7ffffffffffff, 0)
    FPSR_CHECK("frsqrts d fpsr (IXC)", 0x10)
    /* FMULX: inf * -0 -> -2.0; 3 * 4 = 12 */
    ldr q1, mulx_a
    ldr q2, mulx_b
    fmulx v3.4s, v1.4s, v2.4s
    CHECKV("fmulx 4s", v3, 0x41400000c0000000, 0x4140000040000000)
    FPSR_CHECK("fmulx fpsr (none)", 0)
    /* FMULX by element: lane 1 of v2 (4.0) */
    fmulx v3.4s, v1.4s, v2.s[1]
    CHECKV("fmulx 4s elem", v3, 0x414000007f800000, 0x414000007f800000)
    /* FRECPX: 8.0 -> 0.25, +0 -> 2^127, -3.0 (exponent 128) -> -1.0 */
    ldr q1, recpx_in
    frecpx s2, s1
    CHECKV("frecpx s 8.0", v2, 0x3e800000, 0)
    mov v3.s[0], v1.s[1]
    frecpx s2, s3
    CHECKV("frecpx s 0", v2, 0x7f000000, 0)
    mov v3.s[0], v1.s[2]
    frecpx s2, s3
    CHECKV("frecpx s -3.0", v2, 0xbf800000, 0)
    /* FABD: |1.0 - 3.5| = 2.5; FACGT |-3| > |2| */
    SETS(v1, 0x3f800000)
    SETS(v2, 0x40600000)
    fabd v3.4s, v1.4s, v2.4s
    CHECKV("fabd 4s", v3, 0x4020000040200000, 0x4020000040200000)
    SETD(v1, 0xc008000000000000)
    SETD(v2, 0x4000000000000000)
    facgt v3.2d, v1.2d, v2.2d
    CHECKV("facgt 2d", v3, -1, -1)
    facge d3, d2, d1
    CHECKV("facge d", v3, 0, 0)
    /* FCVTXN: 1 + 2^-30 -> 1.0 with the lowest bit set; 1.0 exact */
    ldr q1, cvtxn_in
    fcvtxn v2.2s, v1.2d
    CHECKV("fcvtxn 2s", v2, 0x3f8000003f800001, 0)
    FPSR_CHECK("fcvtxn fpsr (IXC)", 0x10)
    fcvtxn2 v2.4s, v1.2d
    CHECKV("fcvtxn2 4s", v2, 0x3f8000003f800001, 0x3f8000003f800001)
    /* FADDP (vector, pairs of Vn then Vm), FADDP scalar, FMAXV, FMINNMV */
    ldr q1, lanes_a
    ldr q2, lanes_b
    faddp v3.4s, v1.4s, v2.4s
    CHECKV("faddp 4s", v3, 0x40e0000040400000, 0x7fc0000041200000)
    faddp s3, v1.2s
    CHECKV("faddp s", v3, 0x40400000, 0)
    fmaxv s3, v1.4s
    CHECKV("fmaxv 4s", v3, 0x40800000, 0)
    fminnmv s3, v2.4s
    CHECKV("fminnmv 4s (qNaN loses)", v3, 0xbf800000, 0)
    fminv s3, v2.4s
    CHECKV("fminv 4s (NaN wins)", v3, 0x7fc00000, 0)
    /* FMLA by element: v4 += v1 * v2.s[3] (-1.0) */
    SETS(v4, 0x41200000)
    fmla v4.4s, v1.4s, v2.s[3]
    CHECKV("fmla 4s elem", v4, 0x4100000041100000, 0x40c0000040e00000)
    /* fixed point: SCVTF #1 of 3 = 1.5, FCVTZS #4 of 1.5 = 24, of -1.5 */
    movi v1.4s, #3
    scvtf v2.4s, v1.4s, #1
    CHECKV("scvtf 4s #1", v2, 0x3fc000003fc00000, 0x3fc000003fc00000)
    SETD(v1, 0xbff8000000000000)
    fcvtzs v2.2d, v1.2d, #4
    CHECKV("fcvtzs 2d #4", v2, -24, -24)
    SETS(v1, 0x3fc00000)
    fcvtzu s2, s1, #4
    CHECKV("fcvtzu s #4", v2, 24, 0)
    /* FCVTNS/FCVTAS scalar with ties: 2.5 -> 2 and 3 */
    SETS(v1, 0x40200000)
    fcvtns s2, s1
    CHECKV("fcvtns s 2.5", v2, 2, 0)
    fcvtas s2, s1
    CHECKV("fcvtas s 2.5", v2, 3, 0)
    msr fpsr, xzr
    KAT_END

    .balign 16
recpe_in:   .word 0x3f800000, 0x40000000, 0x40400000, 0x00000000
rsqrte_in:  .word 0x3f800000, 0x40800000, 0x40000000, 0xbf800000
uest_in:    .word 0x80000000, 0x7fffffff, 0x3fffffff, 0x40000000
mulx_a:     .word 0x7f800000, 0x40400000, 0x7f800000, 0x40400000
mulx_b:     .word 0x80000000, 0x40800000, 0x00000000, 0x40800000
recpx_in:   .word 0x41000000, 0x00000000, 0xc0400000, 0
cvtxn_in:   .quad 0x3ff0000004000000, 0x3ff0000000000000
lanes_a:    .word 0x3f800000, 0x40000000, 0x40400000, 0x40800000
lanes_b:    .word 0x40a00000, 0x40a00000, 0x7fc00000, 0xbf800000
