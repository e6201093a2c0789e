/* forkchain.c - fork after fork with translated code, for the
   differential test (cdiff.exp).  Some distinct functions run first, so
   that remu has generated code.  Then, fork after fork, parent and child
   both take, for the first time, a branch of a gate function that was
   translated before the fork: each side translates the branch target and
   links the gate's jump to it in its own code.  remu once copied the code
   for the child after the fork, in the child, while the parent (which the
   kernel runs first) was already linking jumps and adding code in the
   still shared buffer: the child's copy had jumps into code it did not
   have, and hung or crashed (python3's os.fork under remu).  The native
   run is the oracle.  */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* 64 functions of 16 rounds of distinct arithmetic each.  */
#define ROUND(n, r) x = (x ^ (x >> ((n + r) % 13 + 1))) * (0x9e3779b97f4a7c15ull + n * 16 + r);
#define BODY(n) \
    ROUND(n, 0) ROUND(n, 1) ROUND(n, 2) ROUND(n, 3) ROUND(n, 4) ROUND(n, 5) ROUND(n, 6) \
    ROUND(n, 7) ROUND(n, 8) ROUND(n, 9) ROUND(n, 10) ROUND(n, 11) ROUND(n, 12) \
    ROUND(n, 13) ROUND(n, 14) ROUND(n, 15)
#define FN(n) \
    static __attribute__((noinline)) unsigned long long fn##n(unsigned long long x) \
    { BODY(n) return x; }
#define FN4(n) FN(n##0) FN(n##1) FN(n##2) FN(n##3)
#define FN16(n) FN4(n##0) FN4(n##1) FN4(n##2) FN4(n##3)
#define FN64(n) FN16(n##0) FN16(n##1) FN16(n##2) FN16(n##3)
FN64(1)

#define P(n) fn##n,
#define P4(n) P(n##0) P(n##1) P(n##2) P(n##3)
#define P16(n) P4(n##0) P4(n##1) P4(n##2) P4(n##3)
#define P64(n) P16(n##0) P16(n##1) P16(n##2) P16(n##3)
static unsigned long long (*const fns[])(unsigned long long) = {
    P64(1)
};
#define NFNS (sizeof(fns) / sizeof(fns[0]))

/* The gates: gate(0) returns at once; gate(x) runs more code.  */
#define GATES 16
#define GATE(n) \
    static __attribute__((noinline)) unsigned long long gate##n(unsigned long long x) \
    { \
        if (__builtin_expect(x == 0, 1)) \
            return n; \
        BODY(n##00) return x; \
    }
GATE(1) GATE(2) GATE(3) GATE(4) GATE(5) GATE(6) GATE(7) GATE(8) GATE(9) GATE(10)
GATE(11) GATE(12) GATE(13) GATE(14) GATE(15) GATE(16)
static unsigned long long (*const gates[GATES])(unsigned long long) = {
    gate1, gate2, gate3, gate4, gate5, gate6, gate7, gate8, gate9, gate10,
    gate11, gate12, gate13, gate14, gate15, gate16
};

int main(void)
{
    unsigned long long sum = 0;

    setvbuf(stdout, NULL, _IONBF, 0);
    for (unsigned i = 0; i < NFNS; i++)
        sum += fns[i](i);
    for (int g = 0; g < GATES; g++)
        sum += gates[g](0);
    printf("functions: %zu, sum %016llx\n", NFNS, sum);

    for (int g = 0; g < GATES; g++) {
        int fd[2], st;
        unsigned long long r, got = 0;

        if (pipe(fd) < 0)
            return 1;
        pid_t p = fork();
        if (p < 0)
            return 1;
        r = gates[g](g + 1);
        if (p == 0) {
            close(fd[0]);
            if (write(fd[1], &r, sizeof(r)) != sizeof(r))
                _exit(2);
            _exit(0);
        }
        close(fd[1]);
        if (read(fd[0], &got, sizeof(got)) != sizeof(got))
            got = 0;
        close(fd[0]);
        waitpid(p, &st, 0);
        printf("gate %d: parent %016llx, child %s %016llx, status %#x\n", g, r,
               got == r ? "same" : "DIFFERENT", got, st);
    }
    return 0;
}
