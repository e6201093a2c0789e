/* signals.c - signal delivery for the differential test (cdiff.exp):
   plain handlers run by raise and kill, SA_SIGINFO fields (si_signo,
   si_code, si_addr of a SIGSEGV on a known address, si_value of sigqueue),
   recovering from SIGSEGV and SIGBUS-free faults with siglongjmp, a handler
   on an alternate stack (sigaltstack), blocked signals staying pending
   until unblocked, SA_NODEFER/SA_RESETHAND, sigsuspend, sigtimedwait and
   sigwaitinfo.  The native run
   is the oracle.  (POSIX timers, timer_create, are left out: remu-aarch64
   does not implement them yet.)  */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t count[65];
static volatile int last_code, last_signo, last_value;
static void *volatile last_addr;
static sigjmp_buf recover;
static char *altstack;
static volatile int on_alt;

static void plain(int sig)
{
    count[sig]++;
}

static void info(int sig, siginfo_t *si, void *uc)
{
    (void) uc;
    count[sig]++;
    last_signo = si->si_signo;
    last_code = si->si_code;
    last_addr = si->si_addr;
    if (si->si_code == SI_QUEUE)
        last_value = si->si_value.sival_int;
}

static void segv(int sig, siginfo_t *si, void *uc)
{
    (void) uc;
    char here;
    count[sig]++;
    last_signo = si->si_signo;
    last_code = si->si_code;
    last_addr = si->si_addr;
    on_alt = altstack && &here >= altstack && &here < altstack + 65536;
    siglongjmp(recover, 1);
}

static void install(int sig, void (*h)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = h;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static volatile int nest_depth, nest_max;
static void nested(int sig)
{
    count[sig]++;
    nest_depth++;
    if (nest_depth > nest_max)
        nest_max = nest_depth;
    if (count[sig] < 3)
        raise(sig);
    nest_depth--;
}

int main(void)
{
    signal(SIGUSR1, plain);
    for (int i = 0; i < 5; i++)
        raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    printf("SIGUSR1 by raise and kill: %d\n", count[SIGUSR1]);

    install(SIGUSR2, info, 0);
    raise(SIGUSR2);
    printf("SIGUSR2 raise: signo %d code_is_tkill %d\n", last_signo, last_code == SI_TKILL);
    kill(getpid(), SIGUSR2);
    printf("SIGUSR2 kill: signo %d code_is_user %d\n", last_signo, last_code == SI_USER);
    union sigval v = { .sival_int = 4242 };
    sigqueue(getpid(), SIGUSR2, v);
    printf("SIGUSR2 sigqueue: code_is_queue %d value %d\n", last_code == SI_QUEUE, last_value);

    /* Real-time signals queue; blocked ones wait until unblocked.  */
    install(SIGRTMIN + 1, info, 0);
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGRTMIN + 1);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, &old);
    count[SIGUSR1] = 0;
    for (int i = 0; i < 4; i++) {
        v.sival_int = 100 + i;
        sigqueue(getpid(), SIGRTMIN + 1, v);
        raise(SIGUSR1);
    }
    sigset_t pend;
    sigpending(&pend);
    printf("pending: USR1 %d RT %d; delivered so far USR1 %d RT %d\n",
           sigismember(&pend, SIGUSR1), sigismember(&pend, SIGRTMIN + 1),
           count[SIGUSR1], count[SIGRTMIN + 1]);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("after unblock: USR1 %d (standard signals merge) RT %d (queued) last value %d\n",
           count[SIGUSR1], count[SIGRTMIN + 1], last_value);

    /* SIGSEGV on known addresses, recovered with siglongjmp.  */
    install(SIGSEGV, segv, 0);
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(map + page, page, PROT_NONE);
    munmap(map + 3 * page, page);
    struct { const char *what; char *addr; int write; } faults[] = {
        { "read of PROT_NONE", map + page + 123, 0 },
        { "write of PROT_NONE", map + page + 4000, 1 },
        { "write of unmapped", map + 3 * page + 8, 1 },
        { "read of unmapped", map + 3 * page + page - 1, 0 },
        { "near null", (char *) 16, 0 },
    };
    for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        if (sigsetjmp(recover, 1) == 0) {
            if (faults[i].write)
                *(volatile char *) faults[i].addr = 1;
            else
                (void) *(volatile char *) faults[i].addr;
            printf("%s: no fault\n", faults[i].what);
        } else {
            printf("%s: signo %d code %s addr_ok %d\n", faults[i].what, last_signo,
                   last_code == SEGV_MAPERR ? "MAPERR" : last_code == SEGV_ACCERR ? "ACCERR" : "other",
                   last_addr == faults[i].addr);
        }
    }
    printf("SIGSEGV count %d\n", count[SIGSEGV]);

    /* The same, with the handler on an alternate stack.  */
    stack_t ss;
    altstack = malloc(65536);
    ss.ss_sp = altstack;
    ss.ss_size = 65536;
    ss.ss_flags = 0;
    printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
    install(SIGSEGV, segv, SA_ONSTACK);
    for (int i = 0; i < 3; i++) {
        on_alt = 0;
        if (sigsetjmp(recover, 1) == 0)
            *(volatile int *) (map + page + 64 * i) = i;
        printf("alt fault %d: on alternate stack %d addr_ok %d\n", i, on_alt,
               last_addr == map + page + 64 * i);
    }
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("sigaltstack after: disabled %d onstack %d size %zu\n",
           (cur.ss_flags & SS_DISABLE) != 0, (cur.ss_flags & SS_ONSTACK) != 0, cur.ss_size);

    /* SA_NODEFER lets the handler nest; without it the signal waits.  */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nested;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGHUP, &sa, NULL);
    raise(SIGHUP);
    printf("SA_NODEFER: count %d max nesting %d\n", count[SIGHUP], nest_max);
    count[SIGINT] = 0;
    nest_max = nest_depth = 0;
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, NULL);
    raise(SIGINT);
    printf("deferred: count %d max nesting %d\n", count[SIGINT], nest_max);

    /* SA_RESETHAND: the second one finds SIG_DFL (checked, not taken).  */
    sa.sa_handler = plain;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGWINCH, &sa, NULL);
    raise(SIGWINCH);
    struct sigaction now;
    sigaction(SIGWINCH, NULL, &now);
    printf("SA_RESETHAND: count %d handler reset %d\n", count[SIGWINCH], now.sa_handler == SIG_DFL);

    /* sigsuspend waits with a temporary mask.  */
    sigprocmask(SIG_BLOCK, &s, &old);
    count[SIGUSR1] = 0;
    raise(SIGUSR1);
    sigset_t wait;
    sigemptyset(&wait);
    sigsuspend(&wait);
    printf("sigsuspend: USR1 %d\n", count[SIGUSR1]);

    /* sigtimedwait: a queued signal with its value, then a timeout.  */
    v.sival_int = 31337;
    sigqueue(getpid(), SIGRTMIN + 1, v);
    raise(SIGUSR1);
    siginfo_t got;
    struct timespec tmo = { 0, 10 * 1000 * 1000 };
    int w1 = sigtimedwait(&s, &got, &tmo);
    int c1 = got.si_code == SI_TKILL;
    int w2 = sigwaitinfo(&s, &got);
    int c2 = got.si_code == SI_QUEUE, v2 = got.si_value.sival_int;
    int w3 = sigtimedwait(&s, &got, &tmo);
    int e3 = errno;
    printf("sigtimedwait: USR1 first %d (tkill %d); sigwaitinfo: RT %d (queue %d value %d); "
           "then %d EAGAIN %d; handlers ran %d\n", w1 == SIGUSR1, c1, w2 == SIGRTMIN + 1, c2, v2,
           w3, e3 == EAGAIN, count[SIGUSR1]);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return 0;
}
