/*
 * fault.c - ways for a program to die: argv[1] selects a store to an
 * unmapped address (SIGSEGV), a jump to an unmapped address (SIGSEGV), a
 * jump into non-executable data (SIGSEGV), an undefined instruction
 * (SIGILL), BRK (SIGTRAP), kill(self, SIGABRT), a 3 s sleep, or exit(N).
 */
#include "sys.h"

static char data[16] = { 1 };

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    char **argv = (char **)(sp + 1);
    const char *w = sp[0] > 1 ? argv[1] : "";

    if (seq(w, "store"))
        *(volatile int *)8 = 1;
    else if (seq(w, "load"))
        return *(volatile int *)0x10;
    else if (seq(w, "jump"))
        ((void (*)(void))0x1000)();
    else if (seq(w, "nx"))
        ((void (*)(void))data)();
    else if (seq(w, "udf"))
        __asm__ volatile(".inst 0x00000000");
    else if (seq(w, "brk"))
        __asm__ volatile("brk #1");
    else if (seq(w, "abort"))
        sys3(NR_kill, sys3(NR_getpid, 0, 0, 0), 6, 0);
    else if (seq(w, "sleep")) {
        static const s64 ts[2] = { 3, 0 };
        sys3(101, ts, 0, 0);            /* nanosleep */
        return 0;
    } else if (seq(w, "exit7"))
        return 7;
    out("FAIL: still alive\n");
    return 99;
}
