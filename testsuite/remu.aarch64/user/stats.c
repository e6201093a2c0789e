/* stats.c - a known amount of work for the -stats test: 1000 getpid system
 * calls and 1000 calls of a function through a pointer, then exit 0.  The
 * test checks the counts -stats reports against these numbers. */
#include "sys.h"

static int __attribute__((noinline)) step(int x)
{
    return x + 1;
}

int (*volatile stepper)(int) = step;

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    int n = 0;

    (void)sp;

    for (int i = 0; i < 1000; i++) {
        sys6(NR_getpid, 0, 0, 0, 0, 0, 0);
        n = stepper(n);
    }
    return n == 1000 ? 0 : 1;
}
