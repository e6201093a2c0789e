/*
 * udef.S - undefined and unallocated encodings stop precisely.
 *
 * This test needs the a64-flat harness's convention (testsuite/a64-flat.c):
 * on EXCP_A64_UDEF or EXCP_A64_BRK it sets x16 = the pc of the
 * instruction, x17 = the exception number (2 UDEF, 3 BRK), x15 = BRK's
 * imm16, and resumes at pc + 4.  Under Linux these are SIGILL/SIGTRAP, so
 * the file is not run under qemu-aarch64.
 *
 * kat: flat-only
 *
 * UDEF(insn) runs insn and checks that it raised UDEF at its own address.
 */
#include "kat.h"

#define EXCP_UDEF 2
#define EXCP_BRK  3

#define UDEF(name, ...) \
    mov x16, #0 ; mov x17, #0 ; adr x21, 9981f ; 9981: __VA_ARGS__ ; \
    sub x20, x16, x21 ; CHECK(name " pc", x20, 0) ; CHECK(name " udef", x17, EXCP_UDEF)

kat_main:
    /* UDF #0 (all zeros) and a word from the unallocated op0 = 0001 space */
    UDEF("udf #0", .inst 0x00000000)
    UDEF("udf #0xbeef", udf #0xbeef)
    UDEF("op0=0001 unallocated", .inst 0x02000000)
    /* Unallocated inside allocated groups */
    UDEF("move wide opc=01", .inst 0x32800000)
    UDEF("logical imm w with N=1", .inst 0x12400000)
    UDEF("add shifted ror", .inst 0x8bc00000)
    UDEF("ldr size=11 opc=11", .inst 0xf9c00000)
    UDEF("ldp opc=11", .inst 0xe9400000)
    UDEF("extr w imms>=32", .inst 0x13820000 | (32 << 10))
    UDEF("sbfm w N=1", .inst 0x13400000)
    UDEF("rev64 w form", .inst 0x5ac00c00)
    UDEF("smulh sf=0", .inst 0x1b407c00)
    /* Not available at EL0 */
    UDEF("mrs sctlr_el1", mrs x0, sctlr_el1)
    UDEF("msr daifset", msr daifset, #2)
    UDEF("hvc", hvc #0)
    UDEF("smc", smc #0)
    UDEF("eret", eret)
    UDEF("ic iallu", ic iallu)
    UDEF("msr tpidrro_el0", msr tpidrro_el0, x0)

    /* State before the faulting instruction in the same block is kept */
    mov x19, #7
    mov x22, #0
    .inst 0x00000000
    mov x22, #9
    CHECK("state before udef kept", x19, 7)
    CHECK("execution resumes after udef", x22, 9)

    /* BRK: pc of the BRK, imm16 reported */
    mov x16, #0
    adr x21, 1f
1:  brk #0x1234
    sub x20, x16, x21
    CHECK("brk pc", x20, 0)
    CHECK("brk excp", x17, EXCP_BRK)
    CHECK("brk imm16", x15, 0x1234)
    KAT_END
    .ltorg
