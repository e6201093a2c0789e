/*
 * simd-perm.S - known answers for the Advanced SIMD permutes: UZP1/UZP2,
 * ZIP1/ZIP2, TRN1/TRN2 in several arrangements, EXT, TBL/TBX with one to
 * four table registers (including the wrap from V31 to V0 and out-of-range
 * indices), REV16/REV32/REV64 and RBIT (Arm ARM C7.2).
 *
 * Expected values: lane by lane with Python integers from the Arm ARM
 * pseudocode (UZPp: lanes 2i + p of Vm:Vn, Vn lowest; ZIPp: lanes of the
 * low (p = 0) or high half of Vn and Vm alternately; TRNp: lanes 2i + p of
 * Vn and Vm alternately; EXT: bytes imm.. of Vm:Vn; TBL: byte index into
 * the table registers' bytes, 0 when out of range, TBX: unchanged; REVc:
 * lanes reversed inside each c-bit container).  Inputs:
 *   v0 = v5 = v8 = 00 01 .. 0f    v1 = v31 = all ones    v2 = v6 = 80 .. 8f
 *   v3 = v7 = 02 01 ff 00 7f 01 80 7f  fe ff ff ff 01 00 00 00
 *   v9 = indices 05 ff 01 00 0f 10 20 3f  07 1e 11 10 30 1f 2f 40
 */
#include "kat.h"

#define CHECKV(name, vn, lo, hi) \
    mov x20, vn.d[0] ; mov x21, vn.d[1] ; CHECK(name " lo", x20, lo) ; CHECK(name " hi", x21, hi)

kat_main:
    ldr q0, in_a
    ldr q1, in_ones
    ldr q2, in_s
    ldr q3, in_x
    mov v5.16b, v0.16b
    mov v6.16b, v2.16b
    mov v7.16b, v3.16b
    mov v8.16b, v0.16b
    ldr q9, in_idx
    mov v31.16b, v1.16b
    uzp1 v4.16b, v0.16b, v2.16b
    CHECKV("uzp1 16b", v4, 0x0e0c0a0806040200, 0x8e8c8a8886848280)
    uzp1 v4.8b, v0.8b, v2.8b
    CHECKV("uzp1 8b", v4, 0x8684828006040200, 0x0000000000000000)
    uzp1 v4.8h, v0.8h, v2.8h
    CHECKV("uzp1 8h", v4, 0x0d0c090805040100, 0x8d8c898885848180)
    uzp1 v4.2s, v0.2s, v2.2s
    CHECKV("uzp1 2s", v4, 0x8382818003020100, 0x0000000000000000)
    uzp1 v4.4s, v0.4s, v2.4s
    CHECKV("uzp1 4s", v4, 0x0b0a090803020100, 0x8b8a898883828180)
    uzp1 v4.2d, v0.2d, v2.2d
    CHECKV("uzp1 2d", v4, 0x0706050403020100, 0x8786858483828180)
    uzp2 v4.16b, v0.16b, v2.16b
    CHECKV("uzp2 16b", v4, 0x0f0d0b0907050301, 0x8f8d8b8987858381)
    uzp2 v4.8b, v0.8b, v2.8b
    CHECKV("uzp2 8b", v4, 0x8785838107050301, 0x0000000000000000)
    uzp2 v4.8h, v0.8h, v2.8h
    CHECKV("uzp2 8h", v4, 0x0f0e0b0a07060302, 0x8f8e8b8a87868382)
    uzp2 v4.2s, v0.2s, v2.2s
    CHECKV("uzp2 2s", v4, 0x8786858407060504, 0x0000000000000000)
    uzp2 v4.4s, v0.4s, v2.4s
    CHECKV("uzp2 4s", v4, 0x0f0e0d0c07060504, 0x8f8e8d8c87868584)
    uzp2 v4.2d, v0.2d, v2.2d
    CHECKV("uzp2 2d", v4, 0x0f0e0d0c0b0a0908, 0x8f8e8d8c8b8a8988)
    zip1 v4.16b, v0.16b, v2.16b
    CHECKV("zip1 16b", v4, 0x8303820281018000, 0x8707860685058404)
    zip1 v4.8b, v0.8b, v2.8b
    CHECKV("zip1 8b", v4, 0x8303820281018000, 0x0000000000000000)
    zip1 v4.8h, v0.8h, v2.8h
    CHECKV("zip1 8h", v4, 0x8382030281800100, 0x8786070685840504)
    zip1 v4.2s, v0.2s, v2.2s
    CHECKV("zip1 2s", v4, 0x8382818003020100, 0x0000000000000000)
    zip1 v4.4s, v0.4s, v2.4s
    CHECKV("zip1 4s", v4, 0x8382818003020100, 0x8786858407060504)
    zip1 v4.2d, v0.2d, v2.2d
    CHECKV("zip1 2d", v4, 0x0706050403020100, 0x8786858483828180)
    zip2 v4.16b, v0.16b, v2.16b
    CHECKV("zip2 16b", v4, 0x8b0b8a0a89098808, 0x8f0f8e0e8d0d8c0c)
    zip2 v4.8b, v0.8b, v2.8b
    CHECKV("zip2 8b", v4, 0x8707860685058404, 0x0000000000000000)
    zip2 v4.8h, v0.8h, v2.8h
    CHECKV("zip2 8h", v4, 0x8b8a0b0a89880908, 0x8f8e0f0e8d8c0d0c)
    zip2 v4.2s, v0.2s, v2.2s
    CHECKV("zip2 2s", v4, 0x8786858407060504, 0x0000000000000000)
    zip2 v4.4s, v0.4s, v2.4s
    CHECKV("zip2 4s", v4, 0x8b8a89880b0a0908, 0x8f8e8d8c0f0e0d0c)
    zip2 v4.2d, v0.2d, v2.2d
    CHECKV("zip2 2d", v4, 0x0f0e0d0c0b0a0908, 0x8f8e8d8c8b8a8988)
    trn1 v4.16b, v0.16b, v2.16b
    CHECKV("trn1 16b", v4, 0x8606840482028000, 0x8e0e8c0c8a0a8808)
    trn1 v4.8b, v0.8b, v2.8b
    CHECKV("trn1 8b", v4, 0x8606840482028000, 0x0000000000000000)
    trn1 v4.8h, v0.8h, v2.8h
    CHECKV("trn1 8h", v4, 0x8584050481800100, 0x8d8c0d0c89880908)
    trn1 v4.2s, v0.2s, v2.2s
    CHECKV("trn1 2s", v4, 0x8382818003020100, 0x0000000000000000)
    trn1 v4.4s, v0.4s, v2.4s
    CHECKV("trn1 4s", v4, 0x8382818003020100, 0x8b8a89880b0a0908)
    trn1 v4.2d, v0.2d, v2.2d
    CHECKV("trn1 2d", v4, 0x0706050403020100, 0x8786858483828180)
    trn2 v4.16b, v0.16b, v2.16b
    CHECKV("trn2 16b", v4, 0x8707850583038101, 0x8f0f8d0d8b0b8909)
    trn2 v4.8b, v0.8b, v2.8b
    CHECKV("trn2 8b", v4, 0x8707850583038101, 0x0000000000000000)
    trn2 v4.8h, v0.8h, v2.8h
    CHECKV("trn2 8h", v4, 0x8786070683820302, 0x8f8e0f0e8b8a0b0a)
    trn2 v4.2s, v0.2s, v2.2s
    CHECKV("trn2 2s", v4, 0x8786858407060504, 0x0000000000000000)
    trn2 v4.4s, v0.4s, v2.4s
    CHECKV("trn2 4s", v4, 0x8786858407060504, 0x8f8e8d8c0f0e0d0c)
    trn2 v4.2d, v0.2d, v2.2d
    CHECKV("trn2 2d", v4, 0x0f0e0d0c0b0a0908, 0x8f8e8d8c8b8a8988)
    ext v4.16b, v0.16b, v2.16b, #3
    CHECKV("ext 16b 3", v4, 0x0a09080706050403, 0x8281800f0e0d0c0b)
    ext v4.16b, v0.16b, v2.16b, #0
    CHECKV("ext 16b 0", v4, 0x0706050403020100, 0x0f0e0d0c0b0a0908)
    ext v4.8b, v0.8b, v2.8b, #7
    CHECKV("ext 8b 7", v4, 0x8685848382818007, 0x0000000000000000)
    ext v4.16b, v2.16b, v2.16b, #15
    CHECKV("ext 16b 15", v4, 0x868584838281808f, 0x8e8d8c8b8a898887)
    tbl v4.16b, {v5.16b}, v9.16b
    CHECKV("tbl 1 reg", v4, 0x0000000f00010005, 0x0000000000000007)
    tbl v4.8b, {v5.16b, v6.16b}, v9.8b
    CHECKV("tbl 2 regs 8b", v4, 0x0000800f00010005, 0x0000000000000000)
    tbl v4.16b, {v5.16b, v6.16b, v7.16b}, v9.16b
    CHECKV("tbl 3 regs", v4, 0x0002800f00010005, 0x00008f0080818e07)
    tbl v4.16b, {v5.16b, v6.16b, v7.16b, v8.16b}, v9.16b
    CHECKV("tbl 4 regs", v4, 0x0f02800f00010005, 0x00008f0080818e07)
    tbl v4.16b, {v31.16b, v0.16b}, v9.16b
    CHECKV("tbl wraps to v0", v4, 0x000000ffffff00ff, 0x00000f0000010eff)
    mov v4.16b, v2.16b ; tbx v4.16b, {v5.16b, v6.16b}, v9.16b
    CHECKV("tbx 2 regs", v4, 0x8786800f00018105, 0x8f8e8f8c80818e07)
    mov v4.16b, v2.16b ; tbx v4.8b, {v5.16b}, v9.8b
    CHECKV("tbx 1 reg 8b", v4, 0x8786850f00018105, 0x0000000000000000)
    rev16 v4.16b, v2.16b
    CHECKV("rev16 16b", v4, 0x8687848582838081, 0x8e8f8c8d8a8b8889)
    rev32 v4.16b, v2.16b
    CHECKV("rev32 16b", v4, 0x8485868780818283, 0x8c8d8e8f88898a8b)
    rev32 v4.4h, v2.4h
    CHECKV("rev32 4h", v4, 0x8584878681808382, 0x0000000000000000)
    rev64 v4.16b, v2.16b
    CHECKV("rev64 16b", v4, 0x8081828384858687, 0x88898a8b8c8d8e8f)
    rev64 v4.8h, v2.8h
    CHECKV("rev64 8h", v4, 0x8180838285848786, 0x89888b8a8d8c8f8e)
    rev64 v4.2s, v2.2s
    CHECKV("rev64 2s", v4, 0x8382818087868584, 0x0000000000000000)
    rbit v4.16b, v3.16b
    CHECKV("rbit 16b", v4, 0xfe0180fe00ff8040, 0x00000080ffffff7f)
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
in_idx:
    .quad 0x3f20100f0001ff05, 0x402f1f3010111e07
