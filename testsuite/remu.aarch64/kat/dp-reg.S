/*
 * dp-reg.S - known answers for data processing (register): add/subtract
 * with shifted and extended registers, with carry, logical (shifted
 * register), conditional compare and select, every condition code on every
 * NZCV value, divides, variable shifts, multiplies, CLZ/CLS/RBIT/REV*.
 * Expected values follow the Arm ARM pseudocode (C6.2; J1.1.3 for
 * AddWithCarry and ConditionHolds).
 */
#include "kat.h"

/* Bit k of x20 = ConditionHolds(k) for NZCV = flags (x24 = 1). */
#define ONE_COND(k, cc) csel x1, x24, xzr, cc ; orr x20, x20, x1, lsl k
#define COND_ROW(flags, expect) \
    mov x1, ((flags) << 28) ; msr nzcv, x1 ; mov x20, #0 ; \
    ONE_COND(0, eq) ; ONE_COND(1, ne) ; ONE_COND(2, cs) ; ONE_COND(3, cc) ; \
    ONE_COND(4, mi) ; ONE_COND(5, pl) ; ONE_COND(6, vs) ; ONE_COND(7, vc) ; \
    ONE_COND(8, hi) ; ONE_COND(9, ls) ; ONE_COND(10, ge) ; ONE_COND(11, lt) ; \
    ONE_COND(12, gt) ; ONE_COND(13, le) ; ONE_COND(14, al) ; ONE_COND(15, nv) ; \
    CHECK("conditions nzcv=" #flags, x20, expect)

kat_main:
    /* Add/subtract (shifted register) */
    mov x19, #0x100
    mov x21, #0x3
    add x20, x19, x21, lsl #4
    CHECK("add lsl", x20, 0x130)
    mov x21, #-16
    sub x20, x19, x21, asr #2
    CHECK("sub asr", x20, 0x104)
    mov x21, #0x8000000000000000
    add x20, x19, x21, lsr #60
    CHECK("add lsr", x20, 0x108)
    mov w21, #0x80000000
    add w20, w19, w21, asr #31
    CHECK("add w asr", x20, 0xff)
    neg x20, x19
    CHECK("neg", x20, -0x100)
    /* SUBS register: 0x100 - 0x100 -> Z C */
    subs x20, x19, x19
    CHECK_NZCV("subs reg ZC", NZCV_Z | NZCV_C)
    /* CMP w: 1 - 2: N, borrow (C = 0) */
    mov w21, #1
    mov w22, #2
    cmp w21, w22
    CHECK_NZCV("cmp w N", NZCV_N)
    /* ADDS w overflow: 0x7fffffff + 0x7fffffff = 0xfffffffe: N V */
    mov w21, #0x7fffffff
    adds w20, w21, w21
    CHECK_NZCV("adds w overflow NV", NZCV_N | NZCV_V)
    CHECK("adds w overflow value", x20, 0xfffffffe)

    /* Add/subtract (extended register): Rn = 31 is SP */
    mov x25, sp
    mov w21, #-1
    add x20, sp, w21, uxtw #2
    sub x20, x20, x25
    CHECK("add sp uxtw #2", x20, 0x3fffffffc)
    add x20, x19, w21, sxtw
    CHECK("add sxtw", x20, 0xff)
    mov x21, #0x1ff
    add x20, x19, w21, uxtb
    CHECK("add uxtb", x20, 0x1ff)
    add x20, x19, w21, sxtb #1
    CHECK("add sxtb #1", x20, 0xfe)
    mov x21, #0x18000
    sub x20, x19, w21, sxth
    CHECK("sub sxth", x20, 0x8100)
    /* CMP with extended register: 0x100 vs sign-extended 0xffffff00 -> eq? no: -256 */
    mov w21, #-256
    cmp x19, w21, sxtw
    CHECK_NZCV("cmp sxtw (256 - -256)", 0)
    /* ADD (extended) can write SP */
    mov x21, #64
    sub sp, sp, x21, uxtx
    mov x20, sp
    add sp, sp, x21
    sub x20, x25, x20
    CHECK("sub sp uxtx", x20, 64)

    /* ADDS (extended): 0xffffffff + zero-extended 1 = 0x1_00000000 in 64 bits,
       no carry out of bit 63 */
    mov w21, #1
    mov x22, #0xffffffff
    adds x20, x22, w21, uxtw
    CHECK_NZCV("adds uxtw flags none", 0)
    CHECK("adds uxtw value", x20, 0x100000000)
    /* the same in 32 bits carries out of bit 31: Z C */
    adds w20, w22, w21, uxtb
    CHECK_NZCV("adds w uxtb flags ZC", NZCV_Z | NZCV_C)
    /* CMP SP, #imm reads SP (Rn = 31 is SP in add/sub immediate) */
    mov x21, sp
    cmp sp, x21, uxtx
    CHECK_NZCV("cmp sp ZC", NZCV_Z | NZCV_C)
    /* CSNEG w: -(0x80000000) = 0x80000000 in 32 bits */
    mov w21, #0x80000000
    cmp w21, #0              /* not equal: CSNEG takes -W21 */
    csneg w20, wzr, w21, eq
    CHECK("csneg w min", x20, 0x80000000)

    /* ADC/SBC: CMP equal sets C = 1 */
    mov x21, #10
    mov x22, #20
    cmp x21, x21
    adc x20, x21, x22
    CHECK("adc carry in", x20, 31)
    cmn xzr, xzr            /* 0 + 0: C = 0 */
    adc x20, x21, x22
    CHECK("adc no carry", x20, 30)
    /* SBC = Rn + NOT(Rm) + C; with C = 0 it is Rn - Rm - 1 (CHECK
       clobbers the flags, so clear C again) */
    cmn xzr, xzr
    sbc x20, x21, x22
    CHECK("sbc borrow", x20, -11)
    /* ADCS: -1 + 0 + 1 = 0 carrying out: Z C */
    cmp x21, x21
    mov x23, #-1
    adcs x20, x23, xzr
    CHECK_NZCV("adcs ZC", NZCV_Z | NZCV_C)
    /* SBCS w with C = 0: 5 - 5 - 1 = 0xffffffff: N, no carry */
    mov w21, #5
    cmn wzr, wzr
    sbcs w20, w21, w21
    CHECK_NZCV("sbcs w N", NZCV_N)
    CHECK("sbcs w value", x20, 0xffffffff)
    /* ADCS w: 0x7fffffff + 0 + C(1) = 0x80000000: N V */
    mov w21, #0x7fffffff
    cmp x21, x21
    adcs w20, w21, wzr
    CHECK_NZCV("adcs w carry-in overflow NV", NZCV_N | NZCV_V)
    /* NGC = SBC from zero: 0 + NOT(5) + 1 with C = 1 */
    mov x21, #5
    cmp x21, x21
    ngc x20, x21
    CHECK("ngc", x20, -5)

    /* Logical (shifted register) */
    mov x21, #0xff00
    mov x22, #0x0ff0
    and x20, x21, x22
    CHECK("and reg", x20, 0x0f00)
    bic x20, x21, x22
    CHECK("bic reg", x20, 0xf000)
    orr x20, x21, x22, lsl #4
    CHECK("orr reg lsl", x20, 0xff00)   /* 0xff00 | 0xff00 */
    orn x20, xzr, x22
    CHECK("orn (mvn)", x20, 0xfffffffffffff00f)
    eor x20, x21, x22, ror #8
    CHECK("eor ror", x20, 0xf00000000000ff0f)
    eon w20, w21, w22
    CHECK("eon w", x20, 0xffff0f0f)
    mvn w20, w21
    CHECK("mvn w", x20, 0xffff00ff)
    ands x20, x21, x22, lsl #56
    CHECK_NZCV("ands reg Z", NZCV_Z)
    mov x21, #-1
    bics x20, x21, x22
    CHECK_NZCV("bics reg N", NZCV_N)
    mov w21, #0x80000000
    tst w21, w21, ror #1
    CHECK_NZCV("tst w ror Z", NZCV_Z)

    /*
     * CCMP/CCMN.  After CMP x19(5), #5 the flags are Z C, so EQ holds and
     * CCMP takes the flags of 5 - 3 = 2 (C only); NE fails, so it takes
     * the immediate 0b1001 (N V).
     */
    mov x19, #5
    cmp x19, #5
    ccmp x19, #3, #0b0000, eq
    CHECK_NZCV("ccmp imm cond true", NZCV_C)
    cmp x19, #5
    ccmp x19, #3, #0b1001, ne
    CHECK_NZCV("ccmp imm cond false", NZCV_N | NZCV_V)
    /* CCMN register: 5 + -5 = 0 carrying out: Z C */
    mov x21, #-5
    cmp x19, #5
    ccmn x19, x21, #0, cs
    CHECK_NZCV("ccmn reg cond true", NZCV_Z | NZCV_C)
    /* CCMP w register with cond false (LT fails after 5 vs 5) */
    cmp x19, #5
    ccmp w19, w21, #0b0110, lt
    CHECK_NZCV("ccmp w cond false", NZCV_Z | NZCV_C)
    /* CCMP w overflow: 0x80000000 - 1, cond AL */
    mov w22, #0x80000000
    ccmp w22, #1, #0, al
    CHECK_NZCV("ccmp w al overflow CV", NZCV_C | NZCV_V)

    /* Conditional select */
    mov x21, #7
    mov x22, #9
    cmp x21, x22            /* 7 - 9: N, C = 0 -> LT, CC, NE */
    csel x20, x21, x22, lt
    CHECK("csel taken", x20, 7)
    cmp x21, x22
    csel x20, x21, x22, gt
    CHECK("csel not taken", x20, 9)
    cmp x21, x22
    csinc x20, x21, x22, eq
    CHECK("csinc", x20, 10)
    cmp x21, x22
    csinv x20, x21, x22, hi
    CHECK("csinv", x20, -10)
    cmp x21, x22
    csneg x20, x21, x22, cs
    CHECK("csneg", x20, -9)
    cmp x21, x22
    cset x20, cc
    CHECK("cset", x20, 1)
    cmp x21, x22
    csetm w20, ne
    CHECK("csetm w", x20, 0xffffffff)
    cmp x21, x22
    cinc w20, w21, mi
    CHECK("cinc w", x20, 8)
    mov x21, #-1
    cmp x21, x21
    csinc w20, wzr, w21, ne   /* -> W21 + 1 = 0 (32-bit wrap) */
    CHECK("csinc w wraps", x20, 0)

    /* Every condition on every NZCV (ConditionHolds, J1.1.3) */
    mov x24, #1
    COND_ROW(0x0, 0xd6aa)
    COND_ROW(0x1, 0xea6a)
    COND_ROW(0x2, 0xd5a6)
    COND_ROW(0x3, 0xe966)
    COND_ROW(0x4, 0xe6a9)
    COND_ROW(0x5, 0xea69)
    COND_ROW(0x6, 0xe6a5)
    COND_ROW(0x7, 0xea65)
    COND_ROW(0x8, 0xea9a)
    COND_ROW(0x9, 0xd65a)
    COND_ROW(0xa, 0xe996)
    COND_ROW(0xb, 0xd556)
    COND_ROW(0xc, 0xea99)
    COND_ROW(0xd, 0xe659)
    COND_ROW(0xe, 0xea95)
    COND_ROW(0xf, 0xe655)

    /* Divide: x / 0 = 0; INT64_MIN / -1 = INT64_MIN; rounding toward zero */
    mov x21, #100
    udiv x20, x21, xzr
    CHECK("udiv by zero", x20, 0)
    sdiv x20, x21, xzr
    CHECK("sdiv by zero", x20, 0)
    mov x21, #0x8000000000000000
    mov x22, #-1
    sdiv x20, x21, x22
    CHECK("sdiv min/-1", x20, 0x8000000000000000)
    mov w21, #-7
    mov w22, #2
    sdiv w20, w21, w22
    CHECK("sdiv w -7/2", x20, 0xfffffffd)
    mov w21, #-1
    udiv w20, w21, w22
    CHECK("udiv w", x20, 0x7fffffff)
    mov x21, #-7
    mov x22, #2
    udiv x20, x21, x22
    CHECK("udiv x", x20, 0x7ffffffffffffffc)

    /* Variable shifts: the count is taken modulo the register width */
    mov x21, #0x81
    mov x22, #65
    lsl x20, x21, x22
    CHECK("lslv mod 64", x20, 0x102)
    mov w22, #33
    lsr w20, w21, w22
    CHECK("lsrv w mod 32", x20, 0x40)
    mov x21, #0x8000000000000000
    mov x22, #4
    asr x20, x21, x22
    CHECK("asrv", x20, 0xf800000000000000)
    mov w21, #0x80000000
    asr w20, w21, w22
    CHECK("asrv w", x20, 0xf8000000)
    mov x21, #0x81
    ror x20, x21, x22
    CHECK("rorv", x20, 0x1000000000000008)
    ror w20, w21, w22
    CHECK("rorv w", x20, 0x10000008)

    /* Multiply */
    mov x21, #6
    mov x22, #7
    mov x23, #100
    madd x20, x21, x22, x23
    CHECK("madd", x20, 142)
    msub x20, x21, x22, x23
    CHECK("msub", x20, 58)
    mneg x20, x21, x22
    CHECK("mneg", x20, -42)
    mov w21, #0x10000
    mul w20, w21, w21
    CHECK("mul w wraps", x20, 0)
    mov x21, #-1
    mov x22, #2
    mov x23, #10
    smaddl x20, w21, w22, x23
    CHECK("smaddl", x20, 8)
    umaddl x20, w21, w22, x23
    CHECK("umaddl", x20, 0x200000008)
    smsubl x20, w21, w22, x23
    CHECK("smsubl", x20, 12)
    umsubl x20, w21, w22, x23
    CHECK("umsubl", x20, 10 - 0x1fffffffe)
    /* high halves of -1 * 2: signed -2 -> hi -1; unsigned 2^65 - 2 -> hi 1 */
    smulh x20, x21, x22
    CHECK("smulh", x20, -1)
    umulh x20, x21, x22
    CHECK("umulh", x20, 1)
    ldr x21, =0x123456789abcdef0
    ldr x22, =0x0fedcba987654321
    umulh x20, x21, x22
    CHECK("umulh big", x20, 0x121fa00ad77d742)

    /* 1-source */
    clz x20, xzr
    CHECK("clz 0", x20, 64)
    mov w21, #1
    clz w20, w21
    CHECK("clz w 1", x20, 31)
    cls x20, xzr
    CHECK("cls 0", x20, 63)
    mov w21, #0xffff0000
    cls w20, w21
    CHECK("cls w", x20, 15)
    mov x21, #1
    cls x20, x21
    CHECK("cls 1", x20, 62)
    rbit x20, x21
    CHECK("rbit", x20, 0x8000000000000000)
    rbit w20, w21
    CHECK("rbit w", x20, 0x80000000)
    ldr x21, =0x0102030405060708
    rbit x20, x21
    CHECK("rbit pattern", x20, 0x10e060a020c04080)
    rev x20, x21
    CHECK("rev", x20, 0x0807060504030201)
    rev w20, w21
    CHECK("rev w", x20, 0x08070605)
    rev16 x20, x21
    CHECK("rev16", x20, 0x0201040306050807)
    rev16 w20, w21
    CHECK("rev16 w", x20, 0x06050807)
    rev32 x20, x21
    CHECK("rev32", x20, 0x0403020108070605)
    KAT_END
