/*
 * kat.h - shared boilerplate of the AArch64 known-answer tests.
 *
 * Each test file is freestanding assembly (aarch64-linux-gnu-gcc -nostdlib
 * -static, entry _start) that includes this header FIRST: the header opens
 * .text with _start, so a flat binary of the program starts at _start.
 * The test body is the label kat_main; it ends with KAT_END.
 *
 *   CHECK("name", Xreg, value)   print "PASS: name" if Xreg == value (64
 *                                bits), else "FAIL: name (got 0x...)".
 *   CHECK_NZCV("name", value)    the same for the NZCV register (bits 31:28).
 *
 * CHECK and CHECK_NZCV clobber x0-x14, x30 and the flags (check NZCV first); test values live
 * in x19-x27 or are checked at once.  x28 collects failures: the program
 * exits (exit_group, 94) with status 1 if any check failed, else 0.
 */

#define SYS_write       64
#define SYS_exit_group  94

/* The name string sits in the code, jumped over. */
#define KAT_NAME(name) \
    adr x11, 9991f ; b 9992f ; 9991: .asciz name ; .balign 4 ; 9992:

#define CHECK(name, reg, value) \
    mov x9, reg ; ldr x10, =(value) ; KAT_NAME(name) ; bl kat_report

#define CHECK_NZCV(name, value) \
    mrs x9, nzcv ; ldr x10, =(value) ; KAT_NAME(name) ; bl kat_report

#define KAT_END b kat_exit

/* NZCV values for CHECK_NZCV. */
#define NZCV_N (1 << 31)
#define NZCV_Z (1 << 30)
#define NZCV_C (1 << 29)
#define NZCV_V (1 << 28)

    .text
    .global _start
_start:
    mov x28, #0
    b kat_main

/* write(1, x1, x2); clobbers x0, x8. */
kat_write:
    mov x0, #1
    mov x8, #SYS_write
    svc #0
    ret

/* x9 = actual, x10 = expected, x11 = NUL-terminated name. */
kat_report:
    mov x14, x30
    adr x1, kat_pass
    cmp x9, x10
    b.eq 1f
    adr x1, kat_fail
    mov x28, #1
1:  mov x2, #6
    bl kat_write
    mov x1, x11                 /* strlen(name) */
    mov x2, #0
2:  ldrb w3, [x1, x2]
    cbz w3, 3f
    add x2, x2, #1
    b 2b
3:  bl kat_write
    cmp x9, x10
    b.eq 5f
    /* " (got 0x" + 16 hex digits + ")" built on the stack */
    sub sp, sp, #32
    adr x1, kat_got
    ldr x3, [x1]
    str x3, [sp]
    mov x4, #60
    add x5, sp, #8
4:  lsr x6, x9, x4
    and x6, x6, #15
    cmp x6, #10
    add x7, x6, #'0'
    add x6, x6, #('a' - 10)
    csel x6, x7, x6, lo
    strb w6, [x5], #1
    subs x4, x4, #4
    b.pl 4b
    mov w6, #')'
    strb w6, [x5]
    mov x1, sp
    mov x2, #25
    bl kat_write
    add sp, sp, #32
5:  adr x1, kat_nl
    mov x2, #1
    bl kat_write
    ret x14

kat_exit:
    mov x0, x28
    mov x8, #SYS_exit_group
    svc #0
    b kat_exit

kat_pass: .ascii "PASS: "
kat_fail: .ascii "FAIL: "
kat_got:  .ascii " (got 0x"
kat_nl:   .ascii "\n"
    .balign 4
