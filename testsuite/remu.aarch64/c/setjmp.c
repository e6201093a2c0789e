/* setjmp.c - setjmp/longjmp and sigsetjmp/siglongjmp for the differential
   test (cdiff.exp): non-local exits across many frames, values kept in
   volatile locals, longjmp(0) turning into 1, and the signal mask saved
   (or not) by sigsetjmp.  The native run is the oracle.  */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static jmp_buf env;
static sigjmp_buf senv;
static int depth_reached;

static int __attribute__((noinline)) dive(int depth, int target, int val)
{
    char pad[64];
    memset(pad, depth, sizeof pad);
    depth_reached = depth;
    if (depth == target)
        longjmp(env, val);
    return dive(depth + 1, target, val) + pad[depth % 64];
}

static unsigned long __attribute__((noinline)) mix(unsigned long x)
{
    return x * 6364136223846793005ul + 1442695040888963407ul;
}

static int blocked(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

int main(void)
{
    for (int target = 0; target < 200; target += 37) {
        for (int val = -1; val <= 2; val++) {
            volatile int rounds = 0;
            int r = setjmp(env);
            if (r == 0) {
                rounds++;
                dive(0, target, val);
                printf("not reached\n");
            }
            printf("target %d val %d: setjmp returned %d, depth %d, rounds %d\n",
                   target, val, r, depth_reached, rounds);
        }
    }

    /* A loop driven by longjmp; the volatile accumulator survives.  */
    volatile unsigned long acc = 1;
    volatile int i = 0;
    if (setjmp(env) < 100) {
        acc = mix(acc) ^ (unsigned long) i;
        i++;
        if (i < 100)
            longjmp(env, i);
    }
    printf("longjmp loop: i %d acc %016lx\n", i, acc);

    /* sigsetjmp with savemask 1 restores the mask, 0 does not.  */
    for (int save = 0; save <= 1; save++) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (sigsetjmp(senv, save) == 0) {
            sigset_t s;
            sigemptyset(&s);
            sigaddset(&s, SIGUSR1);
            sigaddset(&s, SIGTERM);
            sigprocmask(SIG_BLOCK, &s, NULL);
            printf("savemask %d: before siglongjmp USR1 blocked %d\n", save, blocked(SIGUSR1));
            siglongjmp(senv, 5);
        }
        printf("savemask %d: after siglongjmp USR1 blocked %d TERM blocked %d\n",
               save, blocked(SIGUSR1), blocked(SIGTERM));
    }
    return 0;
}
