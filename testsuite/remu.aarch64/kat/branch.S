/*
 * branch.S - known answers for branches and system instructions: B, BL,
 * BR, BLR, RET, B.cond, CBZ/CBNZ, TBZ/TBNZ (taken and not, W and X),
 * hints and barriers, MRS/MSR of NZCV, TPIDR_EL0, FPCR, FPSR and the
 * read-only registers EL0 may read (Arm ARM C6.2, D19).
 * x26 counts the branch tests' visits to wrong paths: each wrong path adds 1.
 */
#include "kat.h"

kat_main:
    mov x26, #0
    /* B forward and back */
    b 1f
    add x26, x26, #1
2:  b 3f
1:  b 2b
    add x26, x26, #1
3:
    /* BL sets X30 to the next instruction; RET returns through it */
    bl sub_ret
after_bl:
    adr x20, after_bl
    sub x20, x20, x25
    CHECK("bl link = next insn", x20, 0)
    CHECK("bl/ret reached", x24, 0x1234)
    /* BLR through a register, and BLR X30 (target read before the link) */
    mov x24, #0
    adr x21, sub_ret
    blr x21
    CHECK("blr", x24, 0x1234)
    mov x24, #0
    adr x30, sub_ret
    blr x30
    CHECK("blr x30", x24, 0x1234)
    /* BR */
    adr x21, 4f
    br x21
    add x26, x26, #1
4:
    /* RET to another register */
    adr x21, 5f
    ret x21
    add x26, x26, #1
5:

    /* B.cond taken and not taken */
    mov x19, #3
    cmp x19, #3
    b.ne 6f
    b.eq 7f
6:  add x26, x26, #1
7:  cmp x19, #4
    b.ge 6b
    b.lt 8f
    add x26, x26, #1
8:  cmp x19, #2             /* 3 - 2: C set, Z clear -> HI */
    b.ls 6b
    b.hi 9f
    add x26, x26, #1
9:
    /* CBZ/CBNZ; the W forms look at the low 32 bits only */
    mov x19, #0x100000000
    cbz w19, 10f
    add x26, x26, #1
10: cbz x19, 6b
    cbnz x19, 11f
    add x26, x26, #1
11: cbnz w19, 6b
    /* TBZ/TBNZ bit 63 and bit 0 */
    mov x19, #0x8000000000000000
    tbz x19, #63, 6b
    tbnz x19, #63, 12f
    add x26, x26, #1
12: tbnz w19, #0, 6b
    tbz w19, #0, 13f
    add x26, x26, #1
13: mov x19, #0x20
    tbnz x19, #5, 14f
    add x26, x26, #1
14: CHECK("no wrong branch path", x26, 0)

    /* A conditional branch backwards: count a loop of 10 */
    mov x19, #10
    mov x20, #0
15: add x20, x20, #3
    subs x19, x19, #1
    b.ne 15b
    CHECK("loop", x20, 30)

    /* Hints and barriers execute as no-ops */
    nop
    yield
    sev
    sevl
    hint #0x7f
    dmb ish
    dmb ishld
    dmb ishst
    dsb sy
    isb
    mov x20, #1
    CHECK("hints and barriers", x20, 1)

    /* MSR/MRS NZCV: only bits 31:28 exist */
    mov x20, #0xffffffff
    msr nzcv, x20
    mrs x20, nzcv
    CHECK("nzcv all set", x20, 0xf0000000)
    mov x20, #0x60000000
    msr nzcv, x20
    b.eq 16f
    add x26, x26, #1
16: b.cc 6b
    mrs x20, nzcv
    CHECK("nzcv ZC", x20, 0x60000000)
    msr nzcv, xzr
    b.eq 6b
    mrs x20, nzcv
    CHECK("nzcv clear", x20, 0)
    CHECK("msr nzcv branches", x26, 0)

    /* TPIDR_EL0 is read/write at EL0 */
    ldr x21, =0x123456789abcdef0
    msr tpidr_el0, x21
    mrs x20, tpidr_el0
    CHECK("tpidr_el0", x20, 0x123456789abcdef0)
    /* FPCR: RMode, FZ, DN, AHP round-trip; FPSR: the IOC and QC flags */
    mov x21, #0x07c00000
    msr fpcr, x21
    mrs x20, fpcr
    CHECK("fpcr", x20, 0x07c00000)
    msr fpcr, xzr
    ldr x21, =0x08000001
    msr fpsr, x21
    mrs x20, fpsr
    CHECK("fpsr", x20, 0x08000001)
    msr fpsr, xzr

    /* CTR_EL0: bit 31 is RES1; DminLine (19:16) = IminLine (3:0) = 4 */
    mrs x20, ctr_el0
    ubfx x21, x20, #31, #1
    CHECK("ctr_el0 res1", x21, 1)
    ubfx x21, x20, #16, #4
    CHECK("ctr_el0 dminline", x21, 4)
    and x21, x20, #15
    CHECK("ctr_el0 iminline", x21, 4)
    /* The counter runs forward at a nonzero frequency */
    mrs x21, cntfrq_el0
    cmp x21, #0
    cset x20, ne
    CHECK("cntfrq_el0 nonzero", x20, 1)
    mrs x21, cntvct_el0
    mov x19, #1000
17: subs x19, x19, #1
    b.ne 17b
    mrs x22, cntvct_el0
    cmp x22, x21
    cset x20, hi
    CHECK("cntvct_el0 advances", x20, 1)
    /* ID registers that Linux lets EL0 read: ID_AA64PFR0_EL1.EL0 is AArch64 */
    mrs x21, id_aa64pfr0_el1
    and x21, x21, #15
    cmp x21, #0
    cset x20, ne
    CHECK("id_aa64pfr0_el1.el0", x20, 1)
    /* FP (bits 19:16) and AdvSIMD (23:20) are 0: implemented, no FP16 */
    mrs x21, id_aa64pfr0_el1
    ubfx x20, x21, #16, #8
    CHECK("id_aa64pfr0_el1.fp,advsimd", x20, 0)
    mrs x21, midr_el1
    mrs x21, id_aa64isar0_el1
    mrs x21, id_aa64mmfr0_el1
    mov x20, #1
    CHECK("id registers readable", x20, 1)

    /* IC IVAU / DC CVAU on our own code, then ISB */
    adr x21, kat_main
    dc cvau, x21
    dsb ish
    ic ivau, x21
    dsb ish
    isb
    mov x20, #2
    CHECK("cache maintenance", x20, 2)
    KAT_END

sub_ret:
    mov x25, x30
    mov x24, #0x1234
    ret
    .ltorg
