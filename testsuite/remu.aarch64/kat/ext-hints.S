/*
 * ext-hints.S - the post-Armv8.0 instructions of the hint space execute as
 * NOPs, as on a CPU without FEAT_PAuth or FEAT_BTI (Arm ARM C6.2 HINT: an
 * unallocated or unimplemented hint is a NOP).  Debian builds with
 * -mbranch-protection=standard put PACIASP/AUTIASP and BTI in every
 * function.  The registers they would change (x30, x16, x17) and NZCV must
 * stay as they were.  Also DC CVAP (FEAT_DPB) and the ID_AA64ISAR0/1_EL1
 * fields of what is implemented (D19.2; values from the field definitions
 * in the Arm ARM, not from remu).
 */
#include "kat.h"
    .arch armv8.5-a

#define PATTERN30 0x0123456789abcdef
#define PATTERN16 0x7766554433221100
#define PATTERN17 0xfedcba9876543210

kat_main:
    sub sp, sp, #64
    mov x19, sp
    ldr x20, =PATTERN30
    ldr x16, =PATTERN16
    ldr x17, =PATTERN17
    mov x30, x20
    mov x0, #0x40000000          /* Z set, the others clear */
    msr nzcv, x0
    paciasp
    pacibsp
    paciaz
    pacibz
    pacia1716
    pacib1716
    bti
    bti c
    bti j
    bti jc
    xpaclri
    autia1716
    autib1716
    autiaz
    autibz
    autiasp
    autibsp
    esb
    csdb
    psb csync
    hint #0x7f
    mov x21, x30
    mov x22, x16
    mov x23, x17
    CHECK_NZCV("hints keep nzcv", NZCV_Z)
    CHECK("hints keep x30", x21, PATTERN30)
    CHECK("hints keep x16", x22, PATTERN16)
    CHECK("hints keep x17", x23, PATTERN17)

    /* DC CVAP: clean to the point of persistence, no visible effect */
    ldr x21, =0x55aa55aa55aa55aa
    str x21, [x19]
    dc cvap, x19
    ldr x22, [x19]
    CHECK("dc cvap", x22, 0x55aa55aa55aa55aa)

    /* ID_AA64ISAR0_EL1: AES (7:4) = 2 (with PMULL), SHA1 (11:8) = 1,
       SHA2 (15:12) = 1, CRC32 (19:16) = 1, Atomic (23:20) = 2 */
    mrs x21, id_aa64isar0_el1
    CHECK("id_aa64isar0_el1", x21, 0x211120)
    /* ID_AA64ISAR1_EL1: DPB (3:0) = 1, LRCPC (23:20) = 1 */
    mrs x21, id_aa64isar1_el1
    CHECK("id_aa64isar1_el1", x21, 0x100001)

    add sp, sp, #64
    KAT_END
    .ltorg
