// hello-aarch64.S - a freestanding AArch64 Linux program: it prints its
// arguments with the write system call and exits with their count.
// Built by ./bootstrap example with aarch64-linux-gnu-gcc -nostdlib -static
// and run with remu-aarch64 (no AArch64 machine needed).
    .global _start
    .text
_start:
    ldr     x19, [sp]               // argc
    add     x20, sp, #8             // argv
    mov     x21, #0                 // index
1:  cmp     x21, x19
    b.ge    3f
    ldr     x1, [x20, x21, lsl #3]  // argv[i]
    mov     x2, #0                  // strlen
2:  ldrb    w3, [x1, x2]
    cbz     w3, 4f
    add     x2, x2, #1
    b       2b
4:  mov     x0, #1
    mov     x8, #64                 // write(1, argv[i], len)
    svc     #0
    mov     x0, #1
    adr     x1, newline
    mov     x2, #1
    mov     x8, #64
    svc     #0
    add     x21, x21, #1
    b       1b
3:  mov     x0, x19                 // exit_group(argc)
    mov     x8, #94
    svc     #0
newline:
    .byte   10
