/*
 * threads.c - guest threads made with the raw clone call, as glibc's
 * pthread_create makes them (CLONE_VM | CLONE_FS | CLONE_FILES |
 * CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
 * CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID), joined by waiting on the
 * futex the kernel clears and wakes at thread exit.
 *
 * threads            the checks below (exit status 0 when all pass)
 * threads exitgroup  a thread calls exit_group(42) while main is blocked
 * threads mainexit   main calls exit(3) first; a thread outlives it,
 *                    prints a line and calls exit(5): the status is 3
 * threads fault      a thread loads from address 8: SIGSEGV ends the process
 *
 * Expected values are known in advance: NTHREADS * NITER increments, the
 * TLS value each thread was given, the immediate the patcher last wrote.
 */
#include "sys.h"

enum {
    NR_futex = 98, NR_set_tid_address = 96, NR_gettid = 178, NR_clone = 220,
    NR_sched_yield = 124, NR_wait4 = 260, NR_nanosleep = 101, NR_membarrier = 283, NR_clone3 = 435,
};
enum { FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_PRIVATE = 128, FUTEX_WAKE_OP = 5,
       FUTEX_CMP_REQUEUE = 4, FUTEX_WAIT_BITSET = 9 };

#define CLONE_THREAD_FLAGS (0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | \
                            0x100000 | 0x200000)

#define NTHREADS 8
#define NITER 100000
#define STACK 16384

/*
 * spawn(flags, stack_top, ptid, tls, ctid, fn, arg): the child runs
 * fn(arg) on its new stack and exits with its result; it never returns
 * through the parent's frames.
 */
s64 spawn(u64 flags, void *stack, void *ptid, u64 tls, void *ctid, int (*fn)(void *), void *arg);
__asm__(".globl spawn\n"
        "spawn:\n"
        "    stp x5, x6, [x1, #-16]!\n"
        "    mov x8, 220\n"
        "    svc #0\n"
        "    cbnz x0, 1f\n"
        "    ldp x1, x0, [sp], #16\n"
        "    blr x1\n"
        "    mov x8, 93\n"
        "    svc #0\n"
        "1:  ret\n");

static unsigned char stacks[NTHREADS + 4][STACK] __attribute__((aligned(16)));

static u64 tls_of(void)
{
    u64 v;
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
    return v;
}

static void inc32(volatile unsigned *p)
{
    unsigned tmp, st;
    __asm__ volatile("1: ldxr %w0, [%2]\n"
                     "   add %w0, %w0, #1\n"
                     "   stxr %w1, %w0, [%2]\n"
                     "   cbnz %w1, 1b\n"
                     : "=&r"(tmp), "=&r"(st) : "r"(p) : "memory");
}

static void inc64(volatile u64 *p)
{
    u64 tmp;
    unsigned st;
    __asm__ volatile("1: ldaxr %0, [%2]\n"
                     "   add %0, %0, #3\n"
                     "   stlxr %w1, %0, [%2]\n"
                     "   cbnz %w1, 1b\n"
                     : "=&r"(tmp), "=&r"(st) : "r"(p) : "memory");
}

static s64 futex(volatile void *a, int op, unsigned v, const void *ts)
{
    return sys6(NR_futex, (s64)a, op, v, (s64)ts, 0, 0);
}

/* Wait until the kernel clears *tid at the thread's exit. */
static void join(volatile int *tid)
{
    int v;
    while ((v = __atomic_load_n(tid, __ATOMIC_SEQ_CST)) != 0)
        futex(tid, FUTEX_WAIT, (unsigned)v, 0);
}

/* ---- counters, TLS, tids --------------------------------------------------- */

static volatile unsigned counter32;
static volatile u64 counter64;
static volatile int tids[NTHREADS + 4];
static int child_tid_seen[NTHREADS];
static u64 tls_seen[NTHREADS];
static u64 tls_slots[NTHREADS];
static volatile int go;

static int worker(void *arg)
{
    u64 i = (u64)arg;

    child_tid_seen[i] = (int)sys3(NR_gettid, 0, 0, 0);
    tls_seen[i] = tls_of();
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        sys3(NR_sched_yield, 0, 0, 0);
    for (int k = 0; k < NITER; k++) {
        inc32(&counter32);
        if ((k & 3) == 0)
            inc64(&counter64);
    }
    return 0;
}

static void test_counters(void)
{
    int ok_tid = 1, ok_tls = 1, ok_spawn = 1;
    u64 main_tls = 0x1234;

    __asm__ volatile("msr tpidr_el0, %0" : : "r"(main_tls));
    for (u64 i = 0; i < NTHREADS; i++) {
        s64 r = spawn(CLONE_THREAD_FLAGS, stacks[i] + STACK, (void *)&tids[i],
                      (u64)&tls_slots[i], (void *)&tids[i], worker, (void *)i);
        ok_spawn &= r > 0 && r == tids[i];
    }
    check(ok_spawn, "clone: 8 threads, CLONE_PARENT_SETTID stores the returned tid");
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < NTHREADS; i++)
        join(&tids[i]);
    check(counter32 == NTHREADS * NITER, "LDXR/STXR counter: 8 x 100000 increments exact");
    if (counter32 != NTHREADS * NITER) {
        out("  counter32=");
        out_u(counter32);
        out("\n");
    }
    check(counter64 == 3 * NTHREADS * (NITER / 4), "LDAXR/STLXR 64-bit counter exact");
    if (counter64 != 3 * NTHREADS * (NITER / 4)) {
        out("  counter64=");
        out_x(counter64);
        out("\n");
    }
    for (int i = 0; i < NTHREADS; i++) {
        ok_tls &= tls_seen[i] == (u64)&tls_slots[i];
        for (int j = 0; j < i; j++)
            ok_tid &= child_tid_seen[i] != child_tid_seen[j];
        ok_tid &= child_tid_seen[i] > 0 && child_tid_seen[i] != sys3(NR_getpid, 0, 0, 0);
    }
    check(ok_tls, "CLONE_SETTLS: each thread reads its own TPIDR_EL0");
    check(tls_of() == main_tls, "the parent's TPIDR_EL0 is unchanged");
    check(ok_tid, "gettid: distinct per thread, not the pid");
    check(sys3(NR_gettid, 0, 0, 0) == sys3(NR_getpid, 0, 0, 0), "main thread: gettid == getpid");
}

/* ---- exit of one thread while others run ----------------------------------- */

static volatile int early_done, late_flag;

static int early(void *arg)
{
    (void)arg;
    sys3(NR_exit, 0, 0, 0);
    late_flag = -1;     /* never reached */
    return 1;
}

static int late(void *arg)
{
    (void)arg;
    join(&tids[NTHREADS]);
    late_flag = 1;
    return 0;
}

static void test_thread_exit(void)
{
    spawn(CLONE_THREAD_FLAGS, stacks[NTHREADS] + STACK, (void *)&tids[NTHREADS], 0,
          (void *)&tids[NTHREADS], early, 0);
    spawn(CLONE_THREAD_FLAGS, stacks[NTHREADS + 1] + STACK, (void *)&tids[NTHREADS + 1], 0,
          (void *)&tids[NTHREADS + 1], late, 0);
    join(&tids[NTHREADS + 1]);
    check(late_flag == 1, "exit ends one thread; another joins it and continues");
}

/* ---- robust futex list ------------------------------------------------------ */

enum { NR_set_robust_list = 99, NR_get_robust_list = 100 };

/* A robust mutex as glibc lays it out: the list link, then the lock word. */
typedef struct RobustMutex {
    u64 next;
    u64 pad;
    volatile unsigned lock;
} RobustMutex;
static RobustMutex rm1, rm2, rm3;
static u64 robust_head[3];      /* next, futex_offset, list_op_pending */
static u64 got_head, got_len;

/* Exits holding rm1 (listed) and rm2 (being locked: list_op_pending);
 * rm3 is listed but its word names another tid. */
static int robust_owner(void *arg)
{
    unsigned tid = (unsigned)sys3(NR_gettid, 0, 0, 0);

    (void)arg;
    rm1.lock = tid;
    rm2.lock = tid;
    rm3.lock = tid + 1;
    robust_head[0] = (u64)&rm1;
    rm1.next = (u64)&rm3;
    rm3.next = (u64)robust_head;
    robust_head[1] = 16;
    robust_head[2] = (u64)&rm2;
    sys3(NR_set_robust_list, robust_head, 24, 0);
    sys3(NR_get_robust_list, 0, &got_head, &got_len);
    return 0;
}

static void test_robust(void)
{
    unsigned tid;

    tid = (unsigned)spawn(CLONE_THREAD_FLAGS, stacks[2] + STACK, (void *)&tids[2], 0,
                          (void *)&tids[2], robust_owner, 0);
    join(&tids[2]);
    check(got_head == (u64)robust_head && got_len == 24, "get_robust_list returns the head");
    check(rm1.lock == 0x40000000u, "exit holding a listed robust lock: FUTEX_OWNER_DIED");
    check(rm2.lock == 0x40000000u, "exit holding the list_op_pending lock: FUTEX_OWNER_DIED");
    check(rm3.lock == tid + 1, "a listed lock of another tid is left alone");
    check(sys3(NR_set_robust_list, robust_head, 16, 0) == -22, "set_robust_list: bad length EINVAL");
}

/* ---- futex operations ------------------------------------------------------ */

static volatile int fword, fword2;

static void test_futex(void)
{
    u64 ts[2] = { 0, 20 * 1000 * 1000 };    /* 20 ms, the arm64 = x86_64 timespec */

    fword = 5;
    check(futex(&fword, FUTEX_WAIT | FUTEX_PRIVATE, 4, 0) == -11, "FUTEX_WAIT, value differs: EAGAIN");
    check(futex(&fword, FUTEX_WAIT | FUTEX_PRIVATE, 5, ts) == -110, "FUTEX_WAIT with timeout: ETIMEDOUT");
    check(sys6(NR_futex, (s64)&fword, FUTEX_WAIT_BITSET | FUTEX_PRIVATE, 5, 0, 0, 0) == -22,
          "FUTEX_WAIT_BITSET with bitset 0: EINVAL");
    check(futex(&fword, FUTEX_WAKE | FUTEX_PRIVATE, 1, 0) == 0, "FUTEX_WAKE, nobody waits: 0");
    check(sys6(NR_futex, (s64)&fword, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE, 1, 1, (s64)&fword2, 4) == -11,
          "FUTEX_CMP_REQUEUE, value differs: EAGAIN");
    fword2 = 0;
    /* WAKE_OP: *uaddr2 = 7 (SET, oparg 7), wake if old == 0 (CMP_EQ, cmparg 0). */
    check(sys6(NR_futex, (s64)&fword, FUTEX_WAKE_OP | FUTEX_PRIVATE, 1, 1, (s64)&fword2,
               (0 << 28) | (0 << 24) | (7 << 12) | 0) == 0 && fword2 == 7,
          "FUTEX_WAKE_OP stores into the second word");
    check(futex((void *)8, FUTEX_WAKE, 1, 0) == -14, "futex on an unmapped address: EFAULT");
    check(sys3(NR_membarrier, 0, 0, 0) >= 0, "membarrier(QUERY) succeeds");
}

/* ---- code patched while other threads run it -------------------------------- */

#define NCALLERS 3
#define NPATCH 200
typedef int (*fn_t)(void);
static volatile unsigned *code;
static volatile int patch_done;
static int caller_bad[NCALLERS], caller_final[NCALLERS];
static int patcher_bad;

static void sync_code(volatile void *p)
{
    __asm__ volatile("dc cvau, %0\n dsb ish\n ic ivau, %0\n dsb ish\n isb" : : "r"(p) : "memory");
}

static int caller(void *arg)
{
    u64 i = (u64)arg;
    int last = 0;

    while (!__atomic_load_n(&patch_done, __ATOMIC_ACQUIRE)) {
        int v = ((fn_t)code)();
        if (v < last || v > NPATCH)
            caller_bad[i]++;
        last = v;
    }
    __asm__ volatile("isb" ::: "memory");
    caller_final[i] = ((fn_t)code)();
    return 0;
}

static int patcher(void *arg)
{
    (void)arg;
    for (unsigned k = 1; k <= NPATCH; k++) {
        code[0] = 0x52800000u | (k << 5);       /* MOVZ W0, #k */
        sync_code(code);
        if (((fn_t)code)() != (int)k)
            patcher_bad++;
        if ((k & 15) == 0)
            sys3(NR_sched_yield, 0, 0, 0);
    }
    __atomic_store_n(&patch_done, 1, __ATOMIC_RELEASE);
    return 0;
}

static void test_smc(void)
{
    int ok = 1;

    code = (volatile unsigned *)sys6(NR_mmap, 0, 4096, 7, 0x22, -1, 0);
    if ((s64)code < 0) {
        check(0, "mmap of an RWX page");
        return;
    }
    code[0] = 0x52800000u;      /* MOVZ W0, #0 */
    code[1] = 0xd65f03c0u;      /* RET */
    sync_code(code);
    for (u64 i = 0; i < NCALLERS; i++)
        spawn(CLONE_THREAD_FLAGS, stacks[i] + STACK, (void *)&tids[i], 0, (void *)&tids[i],
              caller, (void *)i);
    spawn(CLONE_THREAD_FLAGS, stacks[NTHREADS + 2] + STACK, (void *)&tids[NTHREADS + 2], 0,
          (void *)&tids[NTHREADS + 2], patcher, 0);
    join(&tids[NTHREADS + 2]);
    for (int i = 0; i < NCALLERS; i++) {
        join(&tids[i]);
        ok &= caller_bad[i] == 0 && caller_final[i] == NPATCH;
    }
    check(patcher_bad == 0, "IC IVAU: the patching thread runs each new version");
    check(ok, "IC IVAU: other threads see old or newer code, then the last version");
    check(sys3(NR_munmap, (s64)code, 4096, 0) == 0, "munmap of the patched code");
}

/* ---- fork while another thread runs -------------------------------------------- */

static volatile int blocker_word;

static int blocker(void *arg)
{
    (void)arg;
    while (__atomic_load_n(&blocker_word, __ATOMIC_ACQUIRE) == 0)
        futex(&blocker_word, FUTEX_WAIT, 0, 0);
    return 0;
}

static int child_thread(void *arg)
{
    (void)arg;
    counter32 = 77;
    return 0;
}

/* A thread forks; its child is a process of one thread that ends with
 * exit (not exit_group): the status must still reach wait4. */
static volatile int forker_status = -1;

static int forker(void *arg)
{
    int status = -1;
    s64 pid = sys6(NR_clone, 17, 0, 0, 0, 0, 0);

    (void)arg;
    if (pid == 0)
        sys3(NR_exit, 6, 0, 0);
    if (pid > 0 && sys6(NR_wait4, pid, (s64)&status, 0, 0, 0, 0) == pid)
        forker_status = status;
    return 0;
}

/* The forked child has only the forking thread; it can make and join its
 * own thread and exit with a status the parent sees. */
static void test_fork(void)
{
    int status = -1;
    s64 pid;

    spawn(CLONE_THREAD_FLAGS, stacks[NTHREADS + 3] + STACK, (void *)&tids[NTHREADS + 3], 0,
          (void *)&tids[NTHREADS + 3], blocker, 0);
    pid = sys6(NR_clone, 17, 0, 0, 0, 0, 0);
    if (pid == 0) {
        spawn(CLONE_THREAD_FLAGS, stacks[0] + STACK, (void *)&tids[0], 0, (void *)&tids[0],
              child_thread, 0);
        join(&tids[0]);
        sys3(NR_exit_group, counter32 == 77 ? 7 : 8, 0, 0);
    }
    check(pid > 0 && sys6(NR_wait4, pid, (s64)&status, 0, 0, 0, 0) == pid && status == (7 << 8),
          "fork in a threaded process: the child runs a thread of its own, exits 7");
    __atomic_store_n(&blocker_word, 1, __ATOMIC_RELEASE);
    futex(&blocker_word, FUTEX_WAKE, 1, 0);
    join(&tids[NTHREADS + 3]);
    check(1, "the blocked thread is woken and joined after the fork");
    spawn(CLONE_THREAD_FLAGS, stacks[1] + STACK, (void *)&tids[1], 0, (void *)&tids[1],
          forker, 0);
    join(&tids[1]);
    check(forker_status == (6 << 8), "fork from a thread: the child's exit(6) reaches wait4");
}

/* ---- exit_group from a thread, main's exit first ---------------------------- */

static int group_exiter(void *arg)
{
    (void)arg;
    sys3(NR_exit_group, 42, 0, 0);
    return 1;
}

static int outliver(void *arg)
{
    u64 ts[2] = { 0, 50 * 1000 * 1000 };

    (void)arg;
    sys3(NR_nanosleep, ts, 0, 0);
    out("PASS: a thread outlives the main thread's exit\n");
    sys3(NR_exit, 5, 0, 0);
    return 1;
}

/* A load from an unmapped address in a thread: the process dies of SIGSEGV. */
static int faulter(void *arg)
{
    (void)arg;
    return *(volatile int *)8;
}

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    u64 argc = sp[0];
    char **argv = (char **)(sp + 1);

    if (argc > 1 && seq(argv[1], "exitgroup")) {
        static volatile int never;
        spawn(CLONE_THREAD_FLAGS, stacks[0] + STACK, (void *)&tids[0], 0, (void *)&tids[0],
              group_exiter, 0);
        for (;;)
            futex(&never, FUTEX_WAIT, 0, 0);
    }
    if (argc > 1 && seq(argv[1], "mainexit")) {
        spawn(CLONE_THREAD_FLAGS, stacks[0] + STACK, (void *)&tids[0], 0, (void *)&tids[0],
              outliver, 0);
        sys3(NR_exit, 3, 0, 0);
        return 99;
    }
    if (argc > 1 && seq(argv[1], "fault")) {
        static volatile int never;
        spawn(CLONE_THREAD_FLAGS, stacks[0] + STACK, (void *)&tids[0], 0, (void *)&tids[0],
              faulter, 0);
        for (;;)
            futex(&never, FUTEX_WAIT, 0, 0);
    }
    check(sys3(NR_clone3, 0, 0, 0) == -38, "clone3: ENOSYS (callers fall back to clone)");
    test_counters();
    test_thread_exit();
    test_robust();
    test_futex();
    test_smc();
    test_fork();
    return nfail ? 1 : 0;
}
