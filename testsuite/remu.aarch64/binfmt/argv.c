/*
 * argv.c - print argc and every argv[i], one "argv[i]=VALUE" line each: run
 * directly (./argv ...) through binfmt_misc, it shows what the kernel and
 * remu passed on, argv[0] included.
 */
#include "../user/sys.h"

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    u64 argc = sp[0];
    char **argv = (char **)(sp + 1);

    out("argc=");
    out_u(argc);
    out("\n");
    for (u64 i = 0; i < argc; i++) {
        out("argv[");
        out_u(i);
        out("]=");
        out(argv[i]);
        out("\n");
    }
    return 0;
}
