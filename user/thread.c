/*
 * thread.c - guest threads: one host thread, with its own CPU, per guest
 * thread; thread exit, exit_group, futexes and the per-thread kernel
 * records (clear_child_tid, the robust list).
 *
 * A guest clone with CLONE_THREAD becomes a host pthread.  The
 * child's CPU starts as a copy of the parent's state (so it continues after
 * the SVC), with x0 = 0, the new stack and, with CLONE_SETTLS, the new
 * thread pointer; it runs the same cpu loop as the main thread.  The guest
 * thread id is the host thread's tid (gettid), so futexes and tgkill name
 * the same thread on both sides.  The parent returns only after the child
 * has stored its tid where CLONE_PARENT_SETTID/CLONE_CHILD_SETTID ask, as
 * the kernel does before either side runs again.
 *
 * Exit.  exit ends only the calling thread: like the kernel, it marks the
 * robust futexes it still holds as FUTEX_OWNER_DIED, stores 0 at its
 * clear_child_tid address and wakes one futex waiter there (that is how
 * pthread_join waits).  The main thread's exit leaves the process running
 * while other threads live: it waits for them, and the process status is
 * the main thread's (the thread group leader's, as Linux reports it).
 * exit_group with other threads alive ends the process at once with
 * _exit, since the others may be anywhere (blocked in a host call or in
 * generated code) and the host kernel stops them all the same way.
 * Host threads whose guest thread ended are joined at the next clone and
 * before the process ends normally, so none is still tearing down then.
 *
 * Guest addresses are host addresses, so the guest's futexes are host
 * futexes on the same words; the timeout (struct timespec, two 64-bit
 * words on arm64 as on x86_64 and every 64-bit Linux) passes unchanged.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/log.h"
#include "user/user-internal.h"

#define CSIGNAL_ 0xff                /* the exit signal of a new process */
#define CLONE_VM_ 0x100
#define CLONE_FS_ 0x200
#define CLONE_FILES_ 0x400
#define CLONE_SIGHAND_ 0x800
#define CLONE_VFORK_ 0x4000
#define CLONE_THREAD_ 0x10000
#define CLONE_SYSVSEM_ 0x40000
#define CLONE_SETTLS_ 0x80000
#define CLONE_PARENT_SETTID_ 0x100000
#define CLONE_CHILD_CLEARTID_ 0x200000
#define CLONE_DETACHED_ 0x400000
#define CLONE_CHILD_SETTID_ 0x1000000

/* What a thread clone may ask for; what the kernel requires with
 * CLONE_THREAD; and what remu requires, since a host thread always shares
 * the working directory and the descriptor table. */
#define THREAD_FLAGS_ALLOWED (CLONE_VM_ | CLONE_FS_ | CLONE_FILES_ | CLONE_SIGHAND_ | \
                              CLONE_THREAD_ | CLONE_SYSVSEM_ | CLONE_SETTLS_ | \
                              CLONE_PARENT_SETTID_ | CLONE_CHILD_CLEARTID_ | \
                              CLONE_DETACHED_ | CLONE_CHILD_SETTID_)
#define THREAD_FLAGS_KERNEL (CLONE_VM_ | CLONE_SIGHAND_ | CLONE_THREAD_)
#define THREAD_FLAGS_SHARED (CLONE_FS_ | CLONE_FILES_)

/* A host thread that has ended its guest thread, waiting to be joined. */
typedef struct Zombie {
    pthread_t pt;
    struct Zombie *next;
} Zombie;

typedef struct UserThread {
    CPU *cpu;
    Zombie *zombie;                 /* allocated at creation: exit cannot fail */
    pid_t tid;
    bool is_main;
    uint64_t clear_child_tid;       /* CLONE_CHILD_CLEARTID / set_tid_address */
    uint64_t robust_list, robust_len;
    struct UserThread *next;
} UserThread;

/* The parent's side of a creation: lives on the parent's stack until the
 * child posts ready (the child must not touch it afterwards). */
typedef struct ThreadStart {
    UserThread *t;
    uint64_t flags, ptid, ctid;
    uint64_t blocked;               /* the creator's guest signal mask */
    sem_t ready;
    pid_t tid;
} ThreadStart;

static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t threads_gone = PTHREAD_COND_INITIALIZER;
static UserThread main_thread = { .is_main = true };
static UserThread *threads = &main_thread;   /* every live guest thread */
static int nthreads = 1;
static Zombie *zombies;             /* ended host threads, not yet joined */
static int host_threads;            /* created and not yet joined */
static __thread UserThread *self_thread;

/* The calling host thread's guest thread (the main one before any clone). */
static UserThread *thread_self(void)
{
    if (!self_thread) {
        self_thread = &main_thread;
        if (!main_thread.cpu)
            main_thread.cpu = user_proc.cpu;
        if (!main_thread.tid)
            main_thread.tid = (pid_t)syscall(SYS_gettid);
    }
    return self_thread;
}

CPU *thread_current_cpu(void)
{
    return self_thread ? self_thread->cpu : user_proc.cpu;
}

static void thread_unlink(UserThread *t)
{
    for (UserThread **pp = &threads; *pp; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            return;
        }
}

/* The kernel's exit-time clear_child_tid: store 0, wake one waiter. */
static void thread_clear_tid(UserThread *t)
{
    uint64_t a = t->clear_child_tid;

    t->clear_child_tid = 0;
    if (a && vma_check(a, 4, PROT_WRITE)) {
        __atomic_store_n((uint32_t *)(uintptr_t)a, 0, __ATOMIC_SEQ_CST);
        syscall(SYS_futex, (uint32_t *)(uintptr_t)a, FUTEX_WAKE, 1, NULL, NULL, 0);
    }
}

/* End the process now with status, as exit_group does: what remu would
 * print or flush when user_main returns, then the host's exit_group. */
static void __attribute__((noreturn)) thread_end_process(int status)
{
    FILE *lf = log_file();

    if (log_enabled(LOG_STATS))
        engine_stats_print(lf ? lf : stderr);
    fflush(stdout);
    if (lf)
        fflush(lf);
    _exit(status);
}

/*
 * The kernel's exit-time walk of the robust futex list (set_robust_list):
 * every lock the thread still holds (its word's tid bits are the thread's
 * tid) gets FUTEX_OWNER_DIED, keeping FUTEX_WAITERS, and one waiter is
 * woken.  The list head is { next, futex_offset, list_op_pending }; the
 * entries form a ring back to the head; bit 0 of a pointer marks a PI lock.
 */
#define ROBUST_OWNER_DIED 0x40000000u
#define ROBUST_WAITERS 0x80000000u
#define ROBUST_TID_MASK 0x3fffffffu
#define ROBUST_LIST_LIMIT 2048

static void robust_release(uint64_t uaddr, pid_t tid)
{
    uint32_t *w = (uint32_t *)(uintptr_t)uaddr, old, nw;

    if ((uaddr & 3) || !vma_check(uaddr, 4, PROT_READ | PROT_WRITE))
        return;
    old = __atomic_load_n(w, __ATOMIC_SEQ_CST);
    do {
        if ((old & ROBUST_TID_MASK) != (uint32_t)tid)
            return;
        nw = (old & ROBUST_WAITERS) | ROBUST_OWNER_DIED;
    } while (!__atomic_compare_exchange_n(w, &old, nw, false, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    if (old & ROBUST_WAITERS)
        syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static void thread_exit_robust(UserThread *t)
{
    uint64_t head = t->robust_list, next, off, pending;

    t->robust_list = 0;
    if (!head || !vma_check(head, 24, PROT_READ))
        return;
    memcpy(&next, (void *)(uintptr_t)head, 8);
    memcpy(&off, (void *)(uintptr_t)(head + 8), 8);
    memcpy(&pending, (void *)(uintptr_t)(head + 16), 8);
    pending &= ~(uint64_t)1;
    for (int n = 0; n < ROBUST_LIST_LIMIT && (next & ~(uint64_t)1) != head; n++) {
        uint64_t e = next & ~(uint64_t)1;
        if (!vma_check(e, 8, PROT_READ))
            break;
        /* The next link first: releasing may let another thread reuse e. */
        memcpy(&next, (void *)(uintptr_t)e, 8);
        if (e != pending)
            robust_release(e + off, t->tid);
    }
    if (pending)
        robust_release(pending + off, t->tid);
}

static void *thread_main(void *arg)
{
    ThreadStart *st = arg;
    UserThread *t = st->t;
    uint64_t flags = st->flags;
    pid_t tid = (pid_t)syscall(SYS_gettid);

    t->tid = tid;
    self_thread = t;
    if ((flags & CLONE_CHILD_SETTID_) && vma_check(st->ctid, 4, PROT_WRITE))
        __atomic_store_n((uint32_t *)(uintptr_t)st->ctid, (uint32_t)tid, __ATOMIC_SEQ_CST);
    if ((flags & CLONE_PARENT_SETTID_) && vma_check(st->ptid, 4, PROT_WRITE))
        __atomic_store_n((uint32_t *)(uintptr_t)st->ptid, (uint32_t)tid, __ATOMIC_SEQ_CST);
    if (flags & CLONE_CHILD_CLEARTID_)
        t->clear_child_tid = st->ctid;
    /* The new thread starts with its creator's mask, and async signals sent
     * to it must reach its CPU (signal.c). */
    signal_thread_init(t->cpu, st->blocked);
    st->tid = tid;
    sem_post(&st->ready);

    int status = user_cpu_loop(t->cpu);

    /* Made the leader by a fork from this thread: the process ends here. */
    if (t->is_main)
        thread_end_process(status);
    /* exit: the cpu loop returned (exit_group never returns here). */
    Zombie *z = t->zombie;
    z->pt = pthread_self();
    /* All under the lock, which a fork also holds: a forked child sees
     * this thread either live or gone, never half-freed.  The thread stops
     * counting before its joiner is woken, so that an exit_group right
     * after the join finds the caller the last thread. */
    pthread_mutex_lock(&threads_lock);
    thread_unlink(t);
    nthreads--;
    thread_exit_robust(t);
    thread_clear_tid(t);
    cpu_destroy(t->cpu);
    free(t);
    z->next = zombies;
    zombies = z;
    pthread_cond_broadcast(&threads_gone);
    pthread_mutex_unlock(&threads_lock);
    return NULL;
}

/* Join the host threads that have ended; with wait_all, also wait for the
 * rest to end (the process is about to: none may still be tearing down).
 * Called with threads_lock held. */
static void thread_reap(bool wait_all)
{
    for (;;) {
        while (zombies) {
            Zombie *z = zombies;
            zombies = z->next;
            pthread_mutex_unlock(&threads_lock);
            pthread_join(z->pt, NULL);
            free(z);
            pthread_mutex_lock(&threads_lock);
            host_threads--;
        }
        if (!wait_all || host_threads == 0)
            return;
        pthread_cond_wait(&threads_gone, &threads_lock);
    }
}

static int64_t thread_create(CPU *parent, uint64_t flags, uint64_t sp, uint64_t ptid,
                             uint64_t tls, uint64_t ctid)
{
    const UserGuest *g = user_proc.guest;
    UserThread *t;
    ThreadStart st;
    pthread_attr_t attr;
    pthread_t pt;
    size_t env_size = g->arch->env_size;
    int r;

    if ((flags & THREAD_FLAGS_KERNEL) != THREAD_FLAGS_KERNEL)
        return -EINVAL;
    if ((flags & ~(uint64_t)(THREAD_FLAGS_ALLOWED | CSIGNAL_)) ||
        (flags & THREAD_FLAGS_SHARED) != THREAD_FLAGS_SHARED)
        return -ENOSYS;
    pthread_mutex_lock(&threads_lock);
    thread_reap(false);
    pthread_mutex_unlock(&threads_lock);
    t = calloc(1, sizeof(*t));
    if (!t)
        return -ENOMEM;
    t->zombie = calloc(1, sizeof(*t->zombie));
    t->cpu = cpu_create();
    if (!t->cpu || !t->zombie) {
        cpu_destroy(t->cpu);
        free(t->zombie);
        free(t);
        return -ENOMEM;
    }
    /* The parent's registers, but the child's own CPU links. */
    {
        CPUCommon *env = t->cpu->env;
        struct TranslationBlock **jc = env->jmp_cache;
        CPU *owner = env->cpu;

        memcpy(env, parent->env, env_size);
        env->jmp_cache = jc;
        env->cpu = owner;
        env->exit_request = 0;
    }
    g->syscall_set_ret(t->cpu->env, 0);
    if (sp)
        g->set_sp(t->cpu->env, sp);
    if (flags & CLONE_SETTLS_)
        g->set_tls(t->cpu->env, tls);

    st.t = t;
    st.flags = flags;
    st.blocked = signal_blocked();
    st.ptid = ptid;
    st.ctid = ctid;
    st.tid = 0;
    sem_init(&st.ready, 0, 0);

    pthread_mutex_lock(&threads_lock);
    t->next = threads;
    threads = t;
    nthreads++;
    host_threads++;
    pthread_mutex_unlock(&threads_lock);

    /* The child inherits the parent's host signal mask, as with clone. */
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8u << 20);
    r = pthread_create(&pt, &attr, thread_main, &st);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        pthread_mutex_lock(&threads_lock);
        thread_unlink(t);
        nthreads--;
        host_threads--;
        pthread_mutex_unlock(&threads_lock);
        cpu_destroy(t->cpu);
        free(t->zombie);
        free(t);
        sem_destroy(&st.ready);
        return -EAGAIN;
    }
    while (sem_wait(&st.ready) < 0 && errno == EINTR)
        continue;
    sem_destroy(&st.ready);
    return st.tid;
}

/* After fork in a child process: only the calling thread exists.
 * threads_lock was held across the fork by this thread. */
static void thread_after_fork(void)
{
    UserThread *self = thread_self();

    pthread_mutex_init(&threads_lock, NULL);
    pthread_cond_init(&threads_gone, NULL);
    for (UserThread *t = threads, *next; t; t = next) {
        next = t->next;
        if (t == self)
            continue;
        /* Its CPU must leave the engine's list, or an exclusive section
         * would wait for a CPU no thread runs any more. */
        cpu_destroy(t->cpu);
        if (t != &main_thread) {
            free(t->zombie);
            free(t);
        }
    }
    /* Host threads of the parent: they do not exist here. */
    while (zombies) {
        Zombie *z = zombies;
        zombies = z->next;
        free(z);
    }
    host_threads = 0;
    self->next = NULL;
    self->tid = (pid_t)syscall(SYS_gettid);
    self->is_main = true;
    threads = self;
    nthreads = 1;
}

int64_t thread_clone(CPU *cpu, uint64_t flags, uint64_t sp, uint64_t ptid, uint64_t tls,
                     uint64_t ctid)
{
    UserThread *self = thread_self();
    pid_t pid;

    if (flags & CLONE_THREAD_)
        return thread_create(cpu, flags, sp, ptid, tls, ctid);
    /* A process that shares memory without being a thread (not vfork):
     * remu cannot give it its own host process. */
    if ((flags & CLONE_VM_) && !(flags & CLONE_VFORK_))
        return -ENOSYS;
    if ((flags & CSIGNAL_) != SIGCHLD && (flags & CSIGNAL_) != 0)
        return -EINVAL;
    fflush(NULL);
    pthread_mutex_lock(&threads_lock);
    pid = fork();
    if (pid < 0) {
        int err = errno;
        pthread_mutex_unlock(&threads_lock);
        return -err;
    }
    if (pid > 0)
        pthread_mutex_unlock(&threads_lock);
    if (pid == 0) {
        pid_t tid = (pid_t)syscall(SYS_gettid);
        thread_after_fork();
        if ((flags & CLONE_CHILD_SETTID_) && vma_check(ctid, 4, PROT_WRITE))
            memcpy((void *)(uintptr_t)ctid, &tid, 4);
        if (flags & CLONE_CHILD_CLEARTID_)
            self->clear_child_tid = ctid;
        if (sp)
            user_proc.guest->set_sp(cpu->env, sp);
        if (flags & CLONE_SETTLS_)
            user_proc.guest->set_tls(cpu->env, tls);
        return 0;
    }
    if ((flags & CLONE_PARENT_SETTID_) && vma_check(ptid, 4, PROT_WRITE))
        memcpy((void *)(uintptr_t)ptid, &pid, 4);
    return pid;
}

void thread_exit(CPU *cpu)
{
    UserThread *self = thread_self();

    (void)cpu;
    if (!self->is_main)
        return;     /* thread_main finishes it when the cpu loop returns */
    thread_exit_robust(self);
    thread_clear_tid(self);
    pthread_mutex_lock(&threads_lock);
    thread_unlink(self);
    nthreads--;
    while (nthreads > 0)
        pthread_cond_wait(&threads_gone, &threads_lock);
    thread_reap(true);
    pthread_mutex_unlock(&threads_lock);
}

void thread_exit_group(int status)
{
    int n;

    pthread_mutex_lock(&threads_lock);
    n = nthreads;
    if (n <= 1 && thread_self() == &main_thread) {
        /* The only thread: the cpu loop returns the status, once the
         * host threads of the ended ones are gone too. */
        thread_reap(true);
        pthread_mutex_unlock(&threads_lock);
        return;
    }
    pthread_mutex_unlock(&threads_lock);
    thread_end_process(status);
}

uint64_t thread_set_tid_address(uint64_t addr)
{
    UserThread *self = thread_self();

    self->clear_child_tid = addr;
    return (uint64_t)self->tid;
}

int64_t thread_set_robust_list(uint64_t head, uint64_t len)
{
    UserThread *self = thread_self();

    if (len != 24)
        return -EINVAL;
    self->robust_list = head;
    self->robust_len = len;
    return 0;
}

int64_t thread_get_robust_list(int tid, uint64_t head_ptr, uint64_t len_ptr)
{
    UserThread *found = NULL;
    uint64_t head = 0, len = 0;

    if (!vma_check(head_ptr, 8, PROT_WRITE) || !vma_check(len_ptr, 8, PROT_WRITE))
        return -EFAULT;
    pthread_mutex_lock(&threads_lock);
    if (tid == 0) {
        found = thread_self();
    } else {
        for (UserThread *t = threads; t; t = t->next)
            if (t->tid == tid)
                found = t;
    }
    if (found) {
        head = found->robust_list;
        len = found->robust_len ? found->robust_len : 24;
    }
    pthread_mutex_unlock(&threads_lock);
    if (!found)
        return -ESRCH;
    memcpy((void *)(uintptr_t)head_ptr, &head, 8);
    memcpy((void *)(uintptr_t)len_ptr, &len, 8);
    return 0;
}

/*
 * futex(uaddr, op, val, timeout/val2, uaddr2, val3).  The operations glibc
 * and hand-written code use, with or without FUTEX_PRIVATE_FLAG and
 * FUTEX_CLOCK_REALTIME; the PI operations are left to the host as well
 * (their words hold host tids, which are the guest's).  The fourth argument
 * is a timeout pointer for the waits and a count for the requeues.
 */
int64_t thread_futex(uint64_t uaddr, int op, uint32_t val, uint64_t timeout, uint64_t uaddr2,
                     uint32_t val3)
{
    int cmd = op & FUTEX_CMD_MASK;
    long r;

    if (!vma_check(uaddr, 4, PROT_READ))
        return -EFAULT;
    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI: case FUTEX_WAIT_REQUEUE_PI:
        if (timeout && !vma_check(timeout, 16, PROT_READ))
            return -EFAULT;
        break;
    case FUTEX_WAKE: case FUTEX_WAKE_BITSET: case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI:
        break;
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_WAKE_OP: case FUTEX_CMP_REQUEUE_PI:
        if (!vma_check(uaddr2, 4, PROT_READ))
            return -EFAULT;
        break;
    default:
        return -ENOSYS;
    }
    if (cmd == FUTEX_WAIT_REQUEUE_PI && !vma_check(uaddr2, 4, PROT_READ))
        return -EFAULT;
    r = syscall(SYS_futex, (uint32_t *)(uintptr_t)uaddr, op, val, (void *)(uintptr_t)timeout,
                (uint32_t *)(uintptr_t)uaddr2, val3);
    return r < 0 ? -(int64_t)errno : r;
}
