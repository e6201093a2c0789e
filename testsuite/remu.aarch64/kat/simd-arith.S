/*
 * simd-arith.S - known answers for the Advanced SIMD integer arithmetic:
 * three same (ADD/SUB/MUL/MLA/MLS, compares, min/max, UABD, pairwise, the
 * bitwise group BSL/BIT/BIF...), two-register misc (NOT/NEG/ABS/CNT,
 * compares with zero, XTN, UADDLP), across lanes (ADDV, min/max V,
 * UADDLV/SADDLV), shifts by immediate (SSHR/USHR/SSRA/USRA/SHL/SHRN/RSHRN/
 * SSHLL/USHLL), register shifts (SSHL/USHL) and three different
 * (ADDHN/SUBHN/RADDHN, long and wide add/sub, long mul/mla/mls, ABDL/ABAL),
 * multiplies by element (MUL/MLA/MLS, SMULL/UMULL/SMLAL), halving
 * (SHADD/UHADD/SRHADD/URHADD/SHSUB/UHSUB) and saturating (SQADD/UQADD/
 * SQSUB/UQSUB, which set the sticky FPSR.QC, bit 27) forms, rounding shifts
 * (SRSHR/URSHR/SRSRA/URSRA), SRI/SLI, saturating narrows (SQXTN/UQXTN/
 * SQXTUN) and SADALP/UADALP,
 * vector and scalar (D) forms (Arm ARM C7.2).
 *
 * The expected values were computed lane by lane with Python integers from
 * the pseudocode of each instruction in the Arm ARM (lanes of 8 << size
 * bits, lane 0 lowest; signed lanes as two's complement; pairwise forms
 * over the concatenation Vm:Vn with Vn's pairs in the low half; narrowing
 * "2" forms write bits 127:64 and keep bits 63:0; results of 64 bits or
 * less zero the rest of the register).  Inputs:
 *   v0 = 00 01 .. 0f    v1 = all ones
 *   v2 = 80 81 .. 8f    v3 = 02 01 ff 00 7f 01 80 7f  fe ff ff ff 01 00 00 00
 *   v5 (shift counts, signed bytes) = 10 f0 01 07 ff f9 f8 40  20 3f 08 81 7f ff 01 c0
 */
#include "kat.h"

#define CHECKV(name, vn, lo, hi) \
    mov x20, vn.d[0] ; mov x21, vn.d[1] ; CHECK(name " lo", x20, lo) ; CHECK(name " hi", x21, hi)

kat_main:
    ldr q0, in_a
    ldr q1, in_ones
    ldr q2, in_s
    ldr q3, in_x
    add v4.16b, v2.16b, v3.16b
    CHECKV("add 16b", v4, 0x0606860383818282, 0x8f8e8d8d8a898886)
    add v4.4h, v2.4h, v3.4h
    CHECKV("add 4h", v4, 0x0706870384818282, 0x0000000000000000)
    add v4.2d, v2.2d, v3.2d
    CHECKV("add 2d", v4, 0x0706870384818282, 0x8f8e8d8e8b8a8986)
    sub v4.4s, v0.4s, v2.4s
    CHECKV("sub 4s", v4, 0x7f7f7f807f7f7f80, 0x7f7f7f807f7f7f80)
    add d4, d2, d3
    CHECKV("add d scalar", v4, 0x0706870384818282, 0x0000000000000000)
    sub d4, d0, d3
    CHECKV("sub d scalar", v4, 0x878603850202fffe, 0x0000000000000000)
    mul v4.8h, v2.8h, v3.8h
    CHECKV("mul 8h", v4, 0x3d00c07cfe7e8300, 0x00008d8c7476ecf0)
    mul v4.16b, v0.16b, v0.16b
    CHECKV("mul 16b", v4, 0x3124191009040100, 0xe1c4a99079645140)
    mov v4.16b, v0.16b ; mla v4.4s, v2.4s, v3.4s
    CHECKV("mla 4s", v4, 0x0747c5808b088400, 0x9e9c9a98f3f4f5f8)
    mov v4.16b, v0.16b ; mls v4.8b, v2.8b, v3.8b
    CHECKV("mls 8b", v4, 0x0e06808803848000, 0x0000000000000000)
    cmeq v4.16b, v3.16b, v0.16b
    CHECKV("cmeq 16b", v4, 0x000000000000ff00, 0x0000000000000000)
    cmhi v4.8h, v2.8h, v3.8h
    CHECKV("cmhi 8h", v4, 0xffffffffffffffff, 0xffffffff00000000)
    cmhs v4.4s, v3.4s, v2.4s
    CHECKV("cmhs 4s", v4, 0x0000000000000000, 0x00000000ffffffff)
    cmgt v4.16b, v3.16b, v0.16b
    CHECKV("cmgt 16b", v4, 0xff0000ff000000ff, 0x0000000000000000)
    cmge v4.8h, v2.8h, v3.8h
    CHECKV("cmge 8h", v4, 0x0000000000000000, 0x0000000000000000)
    cmgt v4.2d, v3.2d, v2.2d
    CHECKV("cmgt 2d", v4, 0xffffffffffffffff, 0xffffffffffffffff)
    cmtst v4.16b, v3.16b, v0.16b
    CHECKV("cmtst 16b", v4, 0xff00ffff00ffff00, 0x00000000ffffffff)
    cmeq d4, d3, d3
    CHECKV("cmeq d scalar", v4, 0xffffffffffffffff, 0x0000000000000000)
    cmhi d4, d2, d3
    CHECKV("cmhi d scalar", v4, 0xffffffffffffffff, 0x0000000000000000)
    smax v4.16b, v2.16b, v3.16b
    CHECKV("smax 16b", v4, 0x7f86017f00ff0102, 0x00000001fffffffe)
    umin v4.8h, v2.8h, v3.8h
    CHECKV("umin 8h", v4, 0x7f80017f00ff0102, 0x000000018b8a8988)
    uabd v4.16b, v2.16b, v3.16b
    CHECKV("uabd 16b", v4, 0x08068405837d807e, 0x8f8e8d8b74757676)
    addp v4.16b, v2.16b, v3.16b
    CHECKV("addp 16b", v4, 0x1d1915110d090501, 0x0001fefdff80ff03)
    addp v4.4s, v0.4s, v3.4s
    CHECKV("addp 4s", v4, 0x1a1816140a080604, 0xffffffff807f0281)
    addp v4.8b, v0.8b, v3.8b
    CHECKV("addp 8b", v4, 0xff80ff030d090501, 0x0000000000000000)
    umaxp v4.16b, v3.16b, v2.16b
    CHECKV("umaxp 16b", v4, 0x0001ffff807fff02, 0x8f8d8b8987858381)
    uminp v4.8h, v3.8h, v2.8h
    CHECKV("uminp 8h", v4, 0x0000fffe017f00ff, 0x8d8c898885848180)
    smaxp v4.4s, v3.4s, v2.4s
    CHECKV("smaxp 4s", v4, 0x000000017f80017f, 0x8f8e8d8c87868584)
    sminp v4.8b, v3.8b, v2.8b
    CHECKV("sminp 8b", v4, 0x868482808001ff01, 0x0000000000000000)
    addp d4, v3.2d
    CHECKV("addp d scalar", v4, 0x7f80018100ff0100, 0x0000000000000000)
    mov v4.16b, v1.16b ; and v4.16b, v2.16b, v3.16b
    CHECKV("and", v4, 0x0780010400820100, 0x000000008b8a8988)
    bic v4.16b, v2.16b, v3.16b
    CHECKV("bic", v4, 0x8006848083008080, 0x8f8e8d8c00000000)
    orr v4.8b, v0.8b, v3.8b
    CHECKV("orr 8b", v4, 0x7f86057f03ff0102, 0x0000000000000000)
    orn v4.16b, v0.16b, v3.16b
    CHECKV("orn", v4, 0x877fff84ff02fffd, 0xfffffffe0b0a0909)
    eor v4.16b, v2.16b, v3.16b
    CHECKV("eor", v4, 0xf80684fb837d8082, 0x8f8e8d8d74757676)
    mov v4.16b, v3.16b ; bsl v4.16b, v0.16b, v2.16b
    CHECKV("bsl", v4, 0x8706858483028180, 0x8f8e8d8c0b0a0908)
    mov v4.16b, v2.16b ; bit v4.16b, v0.16b, v3.16b
    CHECKV("bit", v4, 0x8706858483028180, 0x8f8e8d8c0b0a0908)
    mov v4.16b, v2.16b ; bif v4.16b, v0.16b, v3.16b
    CHECKV("bif", v4, 0x0786050403820100, 0x0f0e0d0c8b8a8988)
    mov v4.16b, v2.16b ; bif v4.8b, v0.8b, v3.8b
    CHECKV("bif 8b", v4, 0x0786050403820100, 0x0000000000000000)
    not v4.16b, v3.16b
    CHECKV("not", v4, 0x807ffe80ff00fefd, 0xfffffffe00000001)
    mvn v4.8b, v3.8b
    CHECKV("mvn 8b", v4, 0x807ffe80ff00fefd, 0x0000000000000000)
    neg v4.8h, v3.8h
    CHECKV("neg 8h", v4, 0x8080fe81ff01fefe, 0x0000ffff00010002)
    abs v4.16b, v3.16b
    CHECKV("abs 16b", v4, 0x7f80017f00010102, 0x0000000101010102)
    abs d4, d2
    CHECKV("abs d scalar", v4, 0x78797a7b7c7d7e80, 0x0000000000000000)
    neg v4.2d, v2.2d
    CHECKV("neg 2d", v4, 0x78797a7b7c7d7e80, 0x7071727374757678)
    cnt v4.16b, v3.16b
    CHECKV("cnt 16b", v4, 0x0701010700080101, 0x0000000108080807)
    cnt v4.8b, v2.8b
    CHECKV("cnt 8b", v4, 0x0403030203020201, 0x0000000000000000)
    cmeq v4.16b, v3.16b, #0
    CHECKV("cmeq 16b #0", v4, 0x00000000ff000000, 0xffffff0000000000)
    cmgt v4.8h, v3.8h, #0
    CHECKV("cmgt 8h #0", v4, 0xffffffffffffffff, 0x0000ffff00000000)
    cmge v4.16b, v3.16b, #0
    CHECKV("cmge 16b #0", v4, 0xff00ffffff00ffff, 0xffffffff00000000)
    cmle v4.4s, v3.4s, #0
    CHECKV("cmle 4s #0", v4, 0x0000000000000000, 0x00000000ffffffff)
    cmlt v4.16b, v3.16b, #0
    CHECKV("cmlt 16b #0", v4, 0x00ff000000ff0000, 0x00000000ffffffff)
    cmeq d4, d0, #0
    CHECKV("cmeq d #0", v4, 0x0000000000000000, 0x0000000000000000)
    xtn v4.8b, v3.8h
    CHECKV("xtn 8b", v4, 0x0001fffe807fff02, 0x0000000000000000)
    mov v4.16b, v0.16b ; xtn2 v4.4s, v2.2d
    CHECKV("xtn2 4s", v4, 0x0706050403020100, 0x8b8a898883828180)
    uaddlp v4.8h, v2.16b
    CHECKV("uaddlp 8h", v4, 0x010d010901050101, 0x011d011901150111)
    addv b4, v3.16b
    CHECKV("addv 16b", v4, 0x000000000000007d, 0x0000000000000000)
    addv h4, v2.4h
    CHECKV("addv 4h", v4, 0x000000000000120c, 0x0000000000000000)
    addv s4, v0.4s
    CHECKV("addv 4s", v4, 0x0000000024201c18, 0x0000000000000000)
    umaxv b4, v3.16b
    CHECKV("umaxv 16b", v4, 0x00000000000000ff, 0x0000000000000000)
    uminv h4, v3.8h
    CHECKV("uminv 8h", v4, 0x0000000000000000, 0x0000000000000000)
    uminv b4, v3.8b
    CHECKV("uminv 8b", v4, 0x0000000000000000, 0x0000000000000000)
    smaxv b4, v3.16b
    CHECKV("smaxv 16b", v4, 0x000000000000007f, 0x0000000000000000)
    sminv s4, v3.4s
    CHECKV("sminv 4s", v4, 0x00000000fffffffe, 0x0000000000000000)
    uaddlv h4, v2.16b
    CHECKV("uaddlv 16b", v4, 0x0000000000000878, 0x0000000000000000)
    uaddlv d4, v3.4s
    CHECKV("uaddlv 4s", v4, 0x00000001807f0280, 0x0000000000000000)
    saddlv h4, v3.8b
    CHECKV("saddlv 8b", v4, 0x0000000000000081, 0x0000000000000000)
    ushr v4.16b, v3.16b, #3
    CHECKV("ushr 16b", v4, 0x0f10000f001f0000, 0x000000001f1f1f1f)
    sshr v4.8h, v3.8h, #15
    CHECKV("sshr 8h", v4, 0x0000000000000000, 0x00000000ffffffff)
    sshr v4.2d, v2.2d, #64
    CHECKV("sshr 2d 64", v4, 0xffffffffffffffff, 0xffffffffffffffff)
    ushr v4.2d, v2.2d, #64
    CHECKV("ushr 2d 64", v4, 0x0000000000000000, 0x0000000000000000)
    ushr d4, d2, #4
    CHECKV("ushr d scalar", v4, 0x0878685848382818, 0x0000000000000000)
    sshr d4, d2, #4
    CHECKV("sshr d scalar", v4, 0xf878685848382818, 0x0000000000000000)
    shl v4.4s, v3.4s, #7
    CHECKV("shl 4s", v4, 0xc000bf807f808100, 0x00000080ffffff00)
    shl d4, d3, #63
    CHECKV("shl d scalar", v4, 0x0000000000000000, 0x0000000000000000)
    mov v4.16b, v0.16b ; usra v4.16b, v2.16b, #4
    CHECKV("usra 16b", v4, 0x0f0e0d0c0b0a0908, 0x1716151413121110)
    mov v4.16b, v0.16b ; ssra v4.8h, v2.8h, #4
    CHECKV("ssra 8h", v4, 0xff7efd5cfb3af918, 0x080605e403c201a0)
    shrn v4.8b, v3.8h, #4
    CHECKV("shrn 8b", v4, 0x0000fffff8170f10, 0x0000000000000000)
    mov v4.16b, v0.16b ; shrn2 v4.16b, v2.8h, #8
    CHECKV("shrn2 16b", v4, 0x0706050403020100, 0x8f8d8b8987858381)
    rshrn v4.4h, v3.4s, #9
    CHECKV("rshrn 4h", v4, 0x00000000c0017f81, 0x0000000000000000)
    rshrn v4.2s, v1.2d, #1
    CHECKV("rshrn 2s carry", v4, 0x0000000000000000, 0x0000000000000000)
    ushll v4.8h, v3.8b, #0
    CHECKV("uxtl 8h", v4, 0x000000ff00010002, 0x007f00800001007f)
    sshll v4.4s, v3.4h, #3
    CHECKV("sshll 4s", v4, 0x000007f800000810, 0x0003fc0000000bf8)
    ushll2 v4.2d, v3.4s, #31
    CHECKV("ushll2 2d", v4, 0x7fffffff00000000, 0x0000000080000000)
    sshll2 v4.8h, v2.16b, #0
    CHECKV("sxtl2 8h", v4, 0xff8bff8aff89ff88, 0xff8fff8eff8dff8c)
    addhn v4.8b, v2.8h, v3.8h
    CHECKV("addhn 8b", v4, 0x8f8d8b8907878482, 0x0000000000000000)
    mov v4.16b, v0.16b ; addhn2 v4.4s, v2.2d, v3.2d
    CHECKV("addhn2 4s", v4, 0x0706050403020100, 0x8f8e8d8e07068703)
    subhn v4.4h, v0.4s, v2.4s
    CHECKV("subhn 4h", v4, 0x7f7f7f7f7f7f7f7f, 0x0000000000000000)
    raddhn v4.8b, v2.8h, v3.8h
    CHECKV("raddhn 8b", v4, 0x908e8c8a07878583, 0x0000000000000000)
    uaddl v4.8h, v2.8b, v3.8b
    CHECKV("uaddl 8h", v4, 0x0083018100820082, 0x0106010600860103)
    saddl2 v4.4s, v2.8h, v3.8h
    CHECKV("saddl2 4s", v4, 0xffff8b89ffff8986, 0xffff8f8effff8d8d)
    usubl v4.2d, v0.2s, v3.2s
    CHECKV("usubl 2d", v4, 0x000000000202fffe, 0xffffffff87860385)
    umull v4.8h, v2.8b, v3.8b
    CHECKV("umull 8h", v4, 0x0000817e00810100, 0x42f943000085417c)
    smull2 v4.2d, v2.4s, v3.4s
    CHECKV("smull2 2d", v4, 0x00000000e8eaecf0, 0xffffffff8f8e8d8c)
    ldr q5, in_sh ; ushl v4.16b, v2.16b, v5.16b
    CHECKV("ushl 16b", v4, 0x0000014280040000, 0x001c460000000000)
    sshl v4.16b, v2.16b, v5.16b
    CHECKV("sshl 16b", v4, 0x00ffffc28004ff00, 0xff1cc600ff000000)
    sshl v4.8h, v2.8h, v5.8h
    CHECKV("sshl 8h", v4, 0xff87c2c207040000, 0x1f1c00008a000000)
    ushl v4.2d, v2.2d, v5.2d
    CHECKV("ushl 2d", v4, 0x8584838281800000, 0x8b8a898800000000)
    sshl d4, d2, d5
    CHECKV("sshl d scalar", v4, 0x8584838281800000, 0x0000000000000000)
    uaddw v4.8h, v2.8h, v3.8b
    CHECKV("uaddw 8h", v4, 0x8786868383838182, 0x900d8e0c8b8b8a07)
    saddw2 v4.4s, v2.4s, v3.8h
    CHECKV("saddw2 4s", v4, 0x878685838382817e, 0x8f8e8d8c8b8a8989)
    usubw v4.2d, v0.2d, v3.2s
    CHECKV("usubw 2d", v4, 0x070605040202fffe, 0x0f0e0d0b8b8a0789)
    ssubw2 v4.8h, v0.8h, v3.16b
    CHECKV("ssubw2 8h", v4, 0x0707050503030102, 0x0f0e0d0c0b0a0907)
    mov v4.16b, v0.16b ; umlal v4.8h, v2.8b, v3.8b
    CHECKV("umlal 8h", v4, 0x0706868203830200, 0x5207500c0b8f4a84)
    mov v4.16b, v0.16b ; smlal2 v4.4s, v2.8h, v3.8h
    CHECKV("smlal2 4s", v4, 0x0706797a0302edf0, 0x0f0e0d0c0b099694)
    mov v4.16b, v0.16b ; umlsl v4.2d, v2.2s, v3.2s
    CHECKV("umlsl 2d", v4, 0x068305807afb7e00, 0xcb8e8cc20ac8488c)
    uabdl v4.8h, v2.8b, v3.8b
    CHECKV("uabdl 8h", v4, 0x0083007d0080007e, 0x0008000600840005)
    mov v4.16b, v0.16b ; sabal v4.4s, v2.4h, v3.4h
    CHECKV("sabal 4s", v4, 0x0706828103028082, 0x0f0f05060b0a8503)
    mul v4.8h, v2.8h, v3.h[5]
    CHECKV("mul 8h elem", v4, 0x787a7a7c7c7e7e80, 0x7072727474767678)
    mul v4.2s, v2.2s, v3.s[1]
    CHECKV("mul 2s elem", v4, 0x0041c07c003fbe80, 0x0000000000000000)
    mov v4.16b, v0.16b ; mla v4.4s, v2.4s, v3.s[2]
    CHECKV("mla 4s elem", v4, 0xf7f8f9fcfbfcfe00, 0xeff0f1f4f3f4f5f8)
    mov v4.16b, v0.16b ; mls v4.4h, v2.4h, v3.h[7]
    CHECKV("mls 4h elem", v4, 0x0706050403020100, 0x0000000000000000)
    mov v17.16b, v3.16b ; umull v4.2d, v2.2s, v17.s[3]
    CHECKV("umull 2d elem", v4, 0x0000000083828180, 0x0000000087868584)
    smull2 v4.4s, v2.8h, v3.h[2]
    CHECKV("smull2 4s elem", v4, 0xff51c376ff4ec278, 0xff57c572ff54c474)
    mov v4.16b, v0.16b ; smlal v4.4s, v2.4h, v3.h[0]
    CHECKV("smlal 4s elem", v4, 0x06888e0802828400, 0x0e94a2180a8e9810)
    shadd v4.16b, v2.16b, v3.16b
    CHECKV("shadd 16b", v4, 0x0383c301c1c0c1c1, 0xc7c7c6c6c5c4c4c3)
    uhadd v4.8h, v2.8h, v3.8h
    CHECKV("uhadd 8h", v4, 0x8383438142404141, 0x47c746c6c5c4c4c3)
    urhadd v4.16b, v2.16b, v3.16b
    CHECKV("urhadd 16b", v4, 0x8383438242c14141, 0x48474747c5c5c4c3)
    srhadd v4.4s, v2.4s, v3.4s
    CHECKV("srhadd 4s", v4, 0x03834382c240c141, 0xc7c746c7c5c544c3)
    uhsub v4.16b, v0.16b, v3.16b
    CHECKV("uhsub 16b", v4, 0xc4c302c2018100ff, 0x0707060586858585)
    shsub v4.4h, v2.4h, v3.4h
    CHECKV("shsub 4h", v4, 0x8403c202c141c03f, 0x0000000000000000)
    msr fpsr, xzr
    uqadd v4.16b, v0.16b, v0.16b
    CHECKV("uqadd 16b no sat", v4, 0x0e0c0a0806040200, 0x1e1c1a1816141210)
    mrs x22, fpsr ; CHECK("uqadd no sat qc", x22, 0)
    uqadd v4.16b, v2.16b, v3.16b
    CHECKV("uqadd 16b", v4, 0xffff86ff83ff8282, 0x8f8e8d8dffffffff)
    mrs x22, fpsr ; CHECK("uqadd qc", x22, 1 << 27)
    msr fpsr, xzr
    sqadd v4.8h, v2.8h, v3.8h
    CHECKV("sqadd 8h", v4, 0x0706870384818282, 0x8f8e8d8d8b898986)
    uqsub v4.4s, v0.4s, v3.4s
    CHECKV("uqsub 4s", v4, 0x000000000202fffe, 0x0f0e0d0b00000000)
    sqsub v4.2d, v2.2d, v3.2d
    CHECKV("sqsub 2d", v4, 0x8000000000000000, 0x8f8e8d8a8b8a898a)
    sqadd b4, b2, b3
    CHECKV("sqadd b scalar", v4, 0x0000000000000082, 0x0000000000000000)
    uqsub h4, h3, h2
    CHECKV("uqsub h scalar", v4, 0x0000000000000000, 0x0000000000000000)
    sqsub d4, d3, d2
    CHECKV("sqsub d scalar", v4, 0x7fffffffffffffff, 0x0000000000000000)
    mrs x22, fpsr ; CHECK("sqadd/sqsub qc", x22, 1 << 27)
    urshr v4.16b, v2.16b, #3
    CHECKV("urshr 16b", v4, 0x1111111110101010, 0x1212121211111111)
    srshr v4.8h, v3.8h, #16
    CHECKV("srshr 8h 16", v4, 0x0000000000000000, 0x0000000000000000)
    urshr v4.2d, v1.2d, #64
    CHECKV("urshr 2d 64", v4, 0x0000000000000001, 0x0000000000000001)
    mov v4.16b, v0.16b ; srsra v4.4s, v2.4s, #7
    CHECKV("srsra 4s", v4, 0x0615120f02090603, 0x0e2d2a270a211e1b)
    mov v4.16b, v0.16b ; ursra v4.8b, v3.8b, #1
    CHECKV("ursra 8b", v4, 0x4746064403820201, 0x0000000000000000)
    urshr d4, d2, #1
    CHECKV("urshr d scalar", v4, 0x43c342c241c140c0, 0x0000000000000000)
    mov v4.16b, v2.16b ; sri v4.16b, v3.16b, #3
    CHECKV("sri 16b", v4, 0x8f90808f809f8080, 0x808080809f9f9f9f)
    mov v4.16b, v2.16b ; sri v4.2d, v3.2d, #64
    CHECKV("sri 2d 64", v4, 0x8786858483828180, 0x8f8e8d8c8b8a8988)
    mov v4.16b, v2.16b ; sli v4.8h, v3.8h, #5
    CHECKV("sli 8h", v4, 0xf0062fe41fe22040, 0x000e002cffeaffc8)
    mov v4.16b, v2.16b ; sli d4, d3, #0
    CHECKV("sli d 0", v4, 0x7f80017f00ff0102, 0x0000000000000000)
    msr fpsr, xzr
    movi v6.8h, #0xfe ; uqxtn v4.8b, v6.8h
    CHECKV("uqxtn 8b no sat", v4, 0xfefefefefefefefe, 0x0000000000000000)
    mrs x22, fpsr ; CHECK("uqxtn no sat qc", x22, 0)
    sqxtn v4.8b, v3.8h
    CHECKV("sqxtn 8b", v4, 0x0001fffe7f7f7f7f, 0x0000000000000000)
    mrs x22, fpsr ; CHECK("sqxtn qc", x22, 1 << 27)
    mov v4.16b, v0.16b ; sqxtun2 v4.8h, v3.4s
    CHECKV("sqxtun2 8h", v4, 0x0706050403020100, 0x00010000ffffffff)
    uqxtn v4.2s, v2.2d
    CHECKV("uqxtn 2s", v4, 0xffffffffffffffff, 0x0000000000000000)
    mov v4.16b, v0.16b ; uadalp v4.4s, v2.8h
    CHECKV("uadalp 4s", v4, 0x0707120e03030602, 0x0f0f2a260b0b1e1a)
    mov v4.16b, v0.16b ; sadalp v4.4h, v3.8b
    CHECKV("sadalp 4h", v4, 0x0705058403010103, 0x0000000000000000)
    KAT_END

    .balign 16
in_a:
    .quad 0x0706050403020100, 0x0f0e0d0c0b0a0908
in_ones:
    .quad -1, -1
in_s:
    .quad 0x8786858483828180, 0x8f8e8d8c8b8a8988
in_x:
    .quad 0x7f80017f00ff0102, 0x00000001fffffffe
in_sh:
    .quad 0x40f8f9ff0701f010, 0xc001ff7f81083f20
