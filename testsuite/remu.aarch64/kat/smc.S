/*
 * smc.S - self-modifying code made visible by IC IVAU + ISB.
 *
 * The program rewrites an instruction of a function it has already run,
 * then does the cache maintenance the architecture requires (DC CVAU, DSB,
 * IC IVAU, DSB, ISB: Arm ARM B2.4.4 "Concurrent modification and execution
 * of instructions"); the next call must run the new instruction.  It needs
 * writable code, which the a64-flat harness provides (its memory is one
 * read/write region); it is not run under qemu-aarch64.
 *
 * kat: flat-only
 */
#include "kat.h"

kat_main:
    bl patch_site
    CHECK("before patch", x20, 1)
    ldr w21, template
    adr x22, patch_site
    str w21, [x22]
    dc cvau, x22
    dsb ish
    ic ivau, x22
    dsb ish
    isb
    bl patch_site
    CHECK("after patch", x20, 2)
    /* Patch the instruction right after the ISB, before it first runs */
    ldr w21, template
    adr x22, 1f
    str w21, [x22]
    dc cvau, x22
    dsb ish
    ic ivau, x22
    dsb ish
    isb
1:  mov x20, #3
    CHECK("patch after isb", x20, 2)
    KAT_END

    .balign 64
patch_site:
    mov x20, #1
    ret
template:
    mov x20, #2
    .ltorg
