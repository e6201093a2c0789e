/*
 * signal.c - guest signals: dispositions, masks, pending signals, and their
 * delivery to guest handlers at the safe points of the cpu loop.
 *
 * The model is the Linux kernel's (kernel/signal.c), split in two:
 *
 *  - Asynchronous signals go through the host kernel.  Every guest
 *    disposition is mirrored onto the host (a guest handler becomes the
 *    host handler host_async, SIG_IGN and SIG_DFL are themselves), and the
 *    guest's blocked mask is mirrored onto the host thread's mask (except
 *    for the synchronous signals remu needs for its own fault handling).
 *    So the host kernel keeps blocked signals pending, picks the thread a
 *    process signal goes to, and interrupts blocking syscalls with EINTR;
 *    the guest sending itself a signal is a host kill/tgkill.  host_async
 *    only records the signal (siginfo included: the generic 64-bit layout
 *    is the same on the x86_64 and arm64 hosts and the 64-bit guests) in
 *    the calling thread's pending set and calls cpu_exit, so that even a
 *    guest spinning in a loop returns to the cpu loop at the next block.
 *
 *  - Synchronous signals (a fault, UDF, BRK, a misaligned access) come from
 *    the cpu loop with the guest state exact at the faulting instruction:
 *    signal_force delivers them at once, as the kernel's force_sig_fault.
 *
 * Delivery (signal_deliver_pending, between two cpu_exec calls) takes the
 * unblocked pending signals, synchronous ones first, then the lowest
 * number, like the kernel's next_signal, and for each either runs the
 * default action or has the guest build a frame (UserGuest.setup_frame):
 * the handler's frame for the last one delivered is the one that runs
 * first, as on Linux.  rt_sigreturn reloads the registers, the mask and the
 * altstack from the frame (UserGuest.restore_frame).
 *
 * Invariants: the pending set of a thread is only touched by that thread
 * (the host handler runs on the thread it interrupts), with atomic
 * read-modify-writes because the handler can interrupt the loop; the
 * dispositions are process-wide under action_lock; the host mask of a
 * thread equals host_mask_of(blocked | pending) outside the short windows
 * where all host signals are blocked: while a signal waits in the pending
 * set, its further instances wait in the host kernel, which queues
 * real-time signals with their siginfo.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#include "user/user-internal.h"

#define NSIG_G 64
#define SIGBIT(s) (UINT64_C(1) << ((s) - 1))

/* Guest sa_flags, ss_flags and si_code values (include/uapi/asm-generic/
 * signal.h, signal-defs.h, siginfo.h; the same numbers on arm64). */
#define G_SA_SIGINFO        0x00000004u
#define G_SA_EXPOSE_TAGBITS 0x00000800u
#define G_SA_RESTORER       0x04000000u
#define G_SA_ONSTACK        0x08000000u
#define G_SA_RESTART        0x10000000u
#define G_SA_NODEFER        0x40000000u
#define G_SA_RESETHAND      0x80000000u
/* UAPI_SA_FLAGS: the kernel clears every other bit (kernel/signal.c). */
#define G_SA_KNOWN (0x1u | 0x2u | G_SA_SIGINFO | G_SA_EXPOSE_TAGBITS | G_SA_RESTORER | \
                    G_SA_ONSTACK | G_SA_RESTART | G_SA_NODEFER | G_SA_RESETHAND)
#define G_SS_ONSTACK    1u
#define G_SS_DISABLE    2u
#define G_SS_AUTODISARM (1u << 31)
#define G_SI_USER    0
#define G_SI_TKILL   (-6)
#define G_SI_KERNEL  0x80
#define G_SEGV_MAPERR 1
#define G_SEGV_ACCERR 2

/* Signals that a fault raises: never blocked on the host (remu's own fault
 * handling needs SIGSEGV/SIGBUS), delivered first (SYNCHRONOUS_MASK). */
#define SYNC_MASK (SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | SIGBIT(SIGTRAP) | \
                   SIGBIT(SIGFPE) | SIGBIT(SIGSYS))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

typedef struct GuestAction {
    uint64_t handler, flags, restorer, mask;
} GuestAction;

/* Per guest thread (= host thread). */
typedef struct SigThread {
    bool init;
    CPU *cpu;
    uint64_t blocked;
    uint64_t pending;               /* atomic: host_async adds to it */
    uint8_t info[NSIG_G + 1][128];  /* siginfo of each pending signal */
    UserSigStack altstack;
    bool have_saved;                /* rt_sigsuspend: the mask to restore */
    uint64_t saved_mask;
    uint64_t fault_addr;            /* thread.fault_address */
} SigThread;

static const UserGuest *guest;
static GuestAction actions[NSIG_G + 1];
static pthread_mutex_t action_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread SigThread sig_thread;

/* ---- helpers ------------------------------------------------------------------ */

/* Can the host carry this signal?  glibc keeps 32..SIGRTMIN-1 for itself. */
static bool host_ok(int sig)
{
    return sig >= 1 && sig < NSIG && (sig < 32 || (sig >= SIGRTMIN && sig <= SIGRTMAX));
}

/* Signals the host keeps for remu: remu's fault handler stays installed. */
static bool host_owned(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGKILL || sig == SIGSTOP;
}

static bool default_ignored(int sig)
{
    return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

static bool default_stops(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static uint64_t action_handler(int sig)
{
    return __atomic_load_n(&actions[sig].handler, __ATOMIC_RELAXED);
}

static void host_mask_of(uint64_t blocked, sigset_t *set)
{
    sigemptyset(set);
    for (int sig = 1; sig <= NSIG_G; sig++)
        if ((blocked & SIGBIT(sig)) && !(SYNC_MASK & SIGBIT(sig)) && host_ok(sig))
            sigaddset(set, sig);
}

static void host_apply_mask(uint64_t blocked)
{
    sigset_t set;

    host_mask_of(blocked | __atomic_load_n(&sig_thread.pending, __ATOMIC_SEQ_CST), &set);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

/* Block every host signal a guest handler may take (not the fault ones). */
static void host_block_all(sigset_t *old)
{
    sigset_t all;

    host_mask_of(~UINT64_C(0), &all);
    pthread_sigmask(SIG_BLOCK, &all, old);
}

static SigThread *self(void)
{
    SigThread *t = &sig_thread;

    if (!t->init) {
        sigset_t cur;
        t->init = true;
        t->altstack.flags = G_SS_DISABLE;
        /* A thread remu did not introduce: its host mask is the guest's. */
        if (pthread_sigmask(SIG_SETMASK, NULL, &cur) == 0)
            for (int sig = 1; sig <= NSIG_G && sig < NSIG; sig++)
                if (sigismember(&cur, sig) == 1)
                    t->blocked |= SIGBIT(sig);
        t->blocked &= ~UNBLOCKABLE;
    }
    return t;
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static void put64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, 8);
    return v;
}

static void *gp(uint64_t a)
{
    return (void *)(uintptr_t)a;
}

/* Record sig as pending for the calling thread (async-signal-safe). */
static void record(SigThread *t, int sig, const void *info)
{
    memcpy(t->info[sig], info, 128);
    __atomic_fetch_or(&t->pending, SIGBIT(sig), __ATOMIC_SEQ_CST);
    if (t->cpu)
        cpu_exit(t->cpu);
}

/* The host handler of every signal the guest handles. */
static void host_async(int sig, siginfo_t *si, void *uc)
{
    int saved = errno;

    record(&sig_thread, sig, si);
    /* Blocked on return until delivered: the next instance stays queued. */
    sigaddset(&((ucontext_t *)uc)->uc_sigmask, sig);
    errno = saved;
}

/* Make the host's disposition of sig follow the guest's. */
static void host_mirror(int sig, uint64_t handler)
{
    struct sigaction sa;

    if (!host_ok(sig) || host_owned(sig))
        return;
    memset(&sa, 0, sizeof(sa));
    if (handler == 0) {
        sa.sa_handler = SIG_DFL;
    } else if (handler == 1) {
        sa.sa_handler = SIG_IGN;
    } else {
        /* No SA_RESTART: a blocking host call returns EINTR, and the guest
         * handler's SA_RESTART decides (signal_restart_syscall). */
        sa.sa_sigaction = host_async;
        sa.sa_flags = SA_SIGINFO;
        host_mask_of(~UINT64_C(0), &sa.sa_mask);
    }
    sigaction(sig, &sa, NULL);
}

/* ---- the altstack (kernel/signal.c: sas_ss_flags, on_sig_stack, sigsp) ---- */

static bool on_altstack(const SigThread *t, uint64_t sp)
{
    if (t->altstack.flags & G_SS_AUTODISARM)
        return false;
    return sp > t->altstack.sp && sp - t->altstack.sp <= t->altstack.size;
}

static uint32_t altstack_flags(const SigThread *t, uint64_t sp)
{
    if (!t->altstack.size)
        return G_SS_DISABLE;
    return on_altstack(t, sp) ? G_SS_ONSTACK : 0;
}

/* ---- delivery --------------------------------------------------------------- */

static void die_default(int sig)
{
    if (default_stops(sig)) {
        kill(getpid(), SIGSTOP);
        return;
    }
    if (default_ignored(sig))
        return;
    user_die_by_signal(sig);
}

/*
 * Run the handler of sig (or its default action).  Returns false when the
 * frame could not be written: the kernel's force_sigsegv.
 */
static bool deliver(CPU *cpu, SigThread *t, int sig, const uint8_t *info)
{
    GuestAction a;
    UserSigFrame f;
    uint64_t sp, mask;

    pthread_mutex_lock(&action_lock);
    a = actions[sig];
    if (a.handler > 1 && (a.flags & G_SA_RESETHAND)) {
        actions[sig].handler = 0;
        host_mirror(sig, 0);
    }
    pthread_mutex_unlock(&action_lock);
    if (a.handler == 1)
        return true;
    if (a.handler == 0) {
        die_default(sig);
        return true;
    }
    memset(&f, 0, sizeof(f));
    f.signo = sig;
    memcpy(f.info, info, 128);
    f.handler = a.handler;
    f.flags = a.flags;
    f.restorer = (a.flags & G_SA_RESTORER) ? a.restorer : 0;
    sp = guest->get_sp(cpu->env);
    f.frame_top = sp;
    if ((a.flags & G_SA_ONSTACK) && altstack_flags(t, sp) == 0)
        f.frame_top = t->altstack.sp + t->altstack.size;
    mask = t->have_saved ? t->saved_mask : t->blocked;
    t->have_saved = false;
    f.blocked = mask;
    /* __save_altstack: the flags as set, then SS_AUTODISARM disarms. */
    f.stack = t->altstack;
    f.fault_addr = t->fault_addr;
    if (!guest->setup_frame(cpu, &f))
        return false;
    if (t->altstack.flags & G_SS_AUTODISARM) {
        t->altstack.sp = t->altstack.size = 0;
        t->altstack.flags = G_SS_DISABLE;
    }
    t->blocked = (mask | a.mask | ((a.flags & G_SA_NODEFER) ? 0 : SIGBIT(sig))) & ~UNBLOCKABLE;
    return true;
}

static void fill_info(uint8_t info[128], int sig, int code, uint64_t addr)
{
    memset(info, 0, 128);
    put32(info, (uint32_t)sig);
    put32(info + 8, (uint32_t)code);
    put64(info + 16, addr);
}

/* The frame of sig could not be written. */
static void force_sigsegv(CPU *cpu, SigThread *t, int sig)
{
    uint8_t info[128];

    if (sig == SIGSEGV)
        user_die_by_signal(SIGSEGV);
    fill_info(info, SIGSEGV, G_SI_KERNEL, 0);
    pthread_mutex_lock(&action_lock);
    if (actions[SIGSEGV].handler == 1)
        actions[SIGSEGV].handler = 0;
    pthread_mutex_unlock(&action_lock);
    t->blocked &= ~SIGBIT(SIGSEGV);
    if (!deliver(cpu, t, SIGSEGV, info))
        user_die_by_signal(SIGSEGV);
}

static int next_signal(uint64_t set)
{
    if (set & SYNC_MASK)
        set &= SYNC_MASK;
    return __builtin_ctzll(set) + 1;
}

void signal_deliver_pending(CPU *cpu)
{
    SigThread *t = self();
    sigset_t old;

    t->cpu = cpu;
    if (!(__atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~t->blocked) && !t->have_saved)
        return;
    host_block_all(&old);
    for (;;) {
        uint64_t p = __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~t->blocked;
        uint8_t info[128];
        int sig;
        if (!p)
            break;
        sig = next_signal(p);
        memcpy(info, t->info[sig], 128);
        __atomic_fetch_and(&t->pending, ~SIGBIT(sig), __ATOMIC_SEQ_CST);
        if (!deliver(cpu, t, sig, info))
            force_sigsegv(cpu, t, sig);
    }
    if (t->have_saved) {
        /* rt_sigsuspend woke up for a signal that ran no handler. */
        t->blocked = t->saved_mask;
        t->have_saved = false;
    }
    host_apply_mask(t->blocked);
}

void signal_force(CPU *cpu, int sig, int code, uint64_t addr)
{
    SigThread *t = self();
    uint8_t info[128];
    sigset_t old;

    t->cpu = cpu;
    if (sig == SIGSEGV && code == 0)
        code = vma_prot(addr) < 0 ? G_SEGV_MAPERR : G_SEGV_ACCERR;
    /* arm64: memory faults set thread.fault_address, arm64_notify_die
     * (UDF) clears it, a BRK leaves it as it was. */
    if (sig == SIGSEGV || sig == SIGBUS)
        t->fault_addr = addr;
    else if (sig != SIGTRAP)
        t->fault_addr = 0;
    fill_info(info, sig, code, addr);
    /* force_sig_info: a blocked or ignored fault signal kills. */
    pthread_mutex_lock(&action_lock);
    if ((t->blocked & SIGBIT(sig)) || actions[sig].handler == 1)
        actions[sig].handler = 0;
    pthread_mutex_unlock(&action_lock);
    if (action_handler(sig) == 0)
        user_die_by_signal(sig);
    t->blocked &= ~SIGBIT(sig);
    host_block_all(&old);
    if (!deliver(cpu, t, sig, info))
        force_sigsegv(cpu, t, sig);
    host_apply_mask(t->blocked);
}

void signal_sigreturn(CPU *cpu)
{
    SigThread *t = self();
    UserSigStack ss;
    uint64_t blocked;

    t->cpu = cpu;
    if (!guest->restore_frame(cpu, &blocked, &ss)) {
        signal_force(cpu, SIGSEGV, G_SI_KERNEL, guest->get_sp(cpu->env));
        return;
    }
    t->blocked = blocked & ~UNBLOCKABLE;
    host_apply_mask(t->blocked);
    /* restore_altstack: do_sigaltstack with its errors ignored. */
    if (!on_altstack(t, guest->get_sp(cpu->env))) {
        uint32_t mode = ss.flags & ~G_SS_AUTODISARM;
        if (mode == G_SS_DISABLE) {
            t->altstack.sp = t->altstack.size = 0;
            t->altstack.flags = ss.flags;
        } else if ((mode == 0 || mode == G_SS_ONSTACK) && ss.size >= guest->minsigstksz) {
            t->altstack = ss;
        }
    }
}

/* ---- system calls ------------------------------------------------------------- */

static size_t word_size(void)
{
    return guest->elf_class == 2 ? 8 : 4;
}

static uint64_t get_word(const uint8_t *p, size_t w)
{
    uint32_t v32;

    if (w == 8)
        return get64(p);
    memcpy(&v32, p, 4);
    return v32;
}

static void put_word(uint8_t *p, size_t w, uint64_t v)
{
    if (w == 8)
        put64(p, v);
    else
        put32(p, (uint32_t)v);
}

static int64_t sys_rt_sigaction(int sig, uint64_t act, uint64_t oact, uint64_t size)
{
    size_t w = word_size(), n = 3 * w + 8;
    GuestAction na, old;
    uint8_t b[32];

    if (size != 8 || sig < 1 || sig > NSIG_G)
        return -EINVAL;
    if (act && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if ((act && !vma_check(act, n, PROT_READ)) || (oact && !vma_check(oact, n, PROT_WRITE)))
        return -EFAULT;
    if (act) {
        /* struct sigaction: handler, flags, restorer (words), mask (64 bits). */
        memcpy(b, gp(act), n);
        na.handler = get_word(b, w);
        na.flags = get_word(b + w, w) & G_SA_KNOWN;
        na.restorer = get_word(b + 2 * w, w);
        na.mask = get64(b + 3 * w) & ~UNBLOCKABLE;
    }
    pthread_mutex_lock(&action_lock);
    old = actions[sig];
    if (act) {
        actions[sig] = na;
        host_mirror(sig, na.handler);
    }
    pthread_mutex_unlock(&action_lock);
    if (oact) {
        memset(b, 0, sizeof(b));
        put_word(b, w, old.handler);
        put_word(b + w, w, old.flags & G_SA_KNOWN);
        put_word(b + 2 * w, w, old.restorer);
        put64(b + 3 * w, old.mask);
        memcpy(gp(oact), b, n);
    }
    return 0;
}

static int64_t sys_rt_sigprocmask(SigThread *t, int how, uint64_t set, uint64_t oset,
                                  uint64_t size)
{
    uint64_t s, old = t->blocked;

    if (size != 8)
        return -EINVAL;
    if ((set && !vma_check(set, 8, PROT_READ)) || (oset && !vma_check(oset, 8, PROT_WRITE)))
        return -EFAULT;
    if (set) {
        s = get64(gp(set)) & ~UNBLOCKABLE;
        switch (how) {
        case SIG_BLOCK: t->blocked |= s; break;
        case SIG_UNBLOCK: t->blocked &= ~s; break;
        case SIG_SETMASK: t->blocked = s; break;
        default: return -EINVAL;
        }
        host_apply_mask(t->blocked);
    }
    if (oset)
        put64(gp(oset), old);
    return 0;
}

static uint64_t host_pending(void)
{
    sigset_t set;
    uint64_t m = 0;

    if (sigpending(&set) == 0)
        for (int sig = 1; sig <= NSIG_G && sig < NSIG; sig++)
            if (host_ok(sig) && sigismember(&set, sig) == 1)
                m |= SIGBIT(sig);
    return m;
}

static int64_t sys_rt_sigpending(SigThread *t, uint64_t set, uint64_t size)
{
    uint64_t p;

    if (size > 8)
        return -EINVAL;
    if (!vma_check(set, size, PROT_WRITE))
        return -EFAULT;
    p = (__atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) | host_pending()) & t->blocked;
    memcpy(gp(set), &p, size);
    return 0;
}

static int64_t sys_rt_sigsuspend(SigThread *t, uint64_t mask, uint64_t size)
{
    uint64_t m;
    sigset_t old, wait;

    if (size != 8)
        return -EINVAL;
    if (!vma_check(mask, 8, PROT_READ))
        return -EFAULT;
    m = get64(gp(mask)) & ~UNBLOCKABLE;
    /* Everything blocked while the pending set is looked at: a signal
     * arriving in between stays pending until sigsuspend takes it. */
    host_block_all(&old);
    t->saved_mask = t->blocked;
    t->have_saved = true;
    t->blocked = m;
    host_mask_of(m | __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST), &wait);
    while (!(__atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~m))
        sigsuspend(&wait);
    host_apply_mask(m);
    return -EINTR;
}

/* rt_sigtimedwait: take a signal of set that is pending for this thread
 * (remu's pending set first, then the host kernel's), waiting at most
 * timeout.  The host mask during the wait also blocks set, so a waited
 * signal arriving before the host call stays queued for it (the kernel's
 * sigtimedwait dequeues blocked members of its set); others interrupt it. */
static int64_t sys_rt_sigtimedwait(SigThread *t, uint64_t set, uint64_t info,
                                   uint64_t timeout, uint64_t size)
{
    uint64_t want, p;
    sigset_t old, hmask, hwant;
    siginfo_t si;
    long r;

    if (size != 8)
        return -EINVAL;
    if (!vma_check(set, 8, PROT_READ) || (info && !vma_check(info, 128, PROT_WRITE)) ||
        (timeout && !vma_check(timeout, 16, PROT_READ)))
        return -EFAULT;
    want = get64(gp(set)) & ~UNBLOCKABLE;
    host_block_all(&old);
    p = __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & want;
    if (p) {
        int sig = next_signal(p);
        if (info)
            memcpy(gp(info), t->info[sig], 128);
        __atomic_fetch_and(&t->pending, ~SIGBIT(sig), __ATOMIC_SEQ_CST);
        host_apply_mask(t->blocked);
        return sig;
    }
    host_mask_of(t->blocked | want | __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST), &hmask);
    pthread_sigmask(SIG_SETMASK, &hmask, NULL);
    host_mask_of(want, &hwant);
    r = syscall(SYS_rt_sigtimedwait, &hwant, &si, timeout ? gp(timeout) : NULL, (size_t)(_NSIG / 8));
    if (r < 0)
        r = -errno;
    else if (info)
        memcpy(gp(info), &si, 128);    /* the same layout on both hosts */
    host_apply_mask(t->blocked);
    return r;
}

static int64_t sys_sigaltstack(CPU *cpu, SigThread *t, uint64_t ss, uint64_t oss)
{
    uint64_t sp = guest->get_sp(cpu->env);
    uint8_t o[24], n[24];

    if ((ss && !vma_check(ss, 24, PROT_READ)) || (oss && !vma_check(oss, 24, PROT_WRITE)))
        return -EFAULT;
    /* stack_t: ss_sp, ss_flags (int), ss_size. */
    memset(o, 0, sizeof(o));
    put64(o, t->altstack.sp);
    put32(o + 8, altstack_flags(t, sp) | (t->altstack.flags & G_SS_AUTODISARM));
    put64(o + 16, t->altstack.size);
    if (ss) {
        uint32_t flags, mode;
        UserSigStack nss;
        memcpy(n, gp(ss), 24);
        nss.sp = get64(n);
        memcpy(&flags, n + 8, 4);
        nss.size = get64(n + 16);
        nss.flags = flags;
        if (on_altstack(t, sp))
            return -EPERM;
        mode = flags & ~G_SS_AUTODISARM;
        if (mode != G_SS_DISABLE && mode != G_SS_ONSTACK && mode != 0)
            return -EINVAL;
        if (mode == G_SS_DISABLE) {
            nss.sp = nss.size = 0;
        } else if (nss.size < guest->minsigstksz) {
            return -ENOMEM;
        }
        t->altstack = nss;
    }
    if (oss)
        memcpy(gp(oss), o, 24);
    return 0;
}

/* kill/tkill/tgkill aimed at this process (thread_only: at this thread);
 * rt_sigqueueinfo passes the caller's siginfo as qinfo (else NULL). */
static int64_t signal_self(SigThread *t, int sig, bool thread_only, const uint8_t *qinfo)
{
    uint64_t handler;
    uint8_t info[128];

    if (sig == 0)
        return 0;
    if (sig < 0 || sig > NSIG_G)
        return -EINVAL;
    handler = action_handler(sig);
    if (!(t->blocked & SIGBIT(sig))) {
        if (handler == 1 || (handler == 0 && default_ignored(sig)))
            return 0;
        if (handler == 0 && !default_stops(sig))
            user_die_by_signal(sig);     /* without remu's core dump */
    }
    if (host_ok(sig) && !host_owned(sig)) {
        long r = qinfo ? syscall(SYS_rt_sigqueueinfo, getpid(), sig, qinfo)
               : thread_only ? syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig)
                             : kill(getpid(), sig);
        return r < 0 ? -errno : 0;
    }
    if (qinfo) {
        record(t, sig, qinfo);
        return 0;
    }
    /* Not carried by the host (SIGSEGV/SIGBUS are remu's; glibc's own
     * real-time signals): pending for this thread directly. */
    memset(info, 0, sizeof(info));
    put32(info, (uint32_t)sig);
    put32(info + 8, (uint32_t)(thread_only ? G_SI_TKILL : G_SI_USER));
    put32(info + 16, (uint32_t)getpid());
    put32(info + 20, (uint32_t)getuid());
    record(t, sig, info);
    return 0;
}

int64_t signal_syscall(CPU *cpu, int id, const uint64_t a[6])
{
    SigThread *t = self();
    pid_t pid = getpid(), tid;
    long r;

    t->cpu = cpu;
    switch (id) {
    case USER_SYS_kill:
        if ((pid_t)a[0] == pid || (pid_t)a[0] == 0)
            return signal_self(t, (int)a[1], false, NULL);
        if ((int)a[1] && !host_ok((int)a[1]))
            return -EINVAL;
        r = kill((pid_t)a[0], (int)a[1]);
        break;
    case USER_SYS_tkill:
    case USER_SYS_tgkill: {
        pid_t want_tid = (pid_t)(id == USER_SYS_tkill ? a[0] : a[1]);
        int sig = (int)(id == USER_SYS_tkill ? a[1] : a[2]);
        tid = (pid_t)syscall(SYS_gettid);
        if (want_tid <= 0 || (id == USER_SYS_tgkill && (pid_t)a[0] <= 0))
            return -EINVAL;
        if (want_tid == tid && (id == USER_SYS_tkill || (pid_t)a[0] == pid))
            return signal_self(t, sig, true, NULL);
        if (sig && !host_ok(sig))
            return -EINVAL;
        r = id == USER_SYS_tkill ? syscall(SYS_tkill, want_tid, sig)
                                 : syscall(SYS_tgkill, (pid_t)a[0], want_tid, sig);
        break;
    }
    case USER_SYS_rt_sigqueueinfo: {
        /* siginfo_t has the same 128-byte layout on both 64-bit hosts; the
         * kernel sets si_signo itself and refuses non-negative si_code
         * (except to oneself) - the host kernel checks that for us. */
        uint8_t info[128];
        int sig = (int)a[1];
        if (!vma_check(a[2], 128, PROT_READ))
            return -EFAULT;
        memcpy(info, gp(a[2]), sizeof(info));
        put32(info, (uint32_t)sig);
        if ((pid_t)a[0] == pid)
            return signal_self(t, sig, false, info);
        if (sig && !host_ok(sig))
            return -EINVAL;
        r = syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], sig, info);
        break;
    }
    case USER_SYS_rt_sigaction:
        return sys_rt_sigaction((int)a[0], a[1], a[2], a[3]);
    case USER_SYS_rt_sigprocmask:
        return sys_rt_sigprocmask(t, (int)a[0], a[1], a[2], a[3]);
    case USER_SYS_rt_sigpending:
        return sys_rt_sigpending(t, a[0], a[1]);
    case USER_SYS_rt_sigsuspend:
        return sys_rt_sigsuspend(t, a[0], a[1]);
    case USER_SYS_sigaltstack:
        return sys_sigaltstack(cpu, t, a[0], a[1]);
    case USER_SYS_rt_sigtimedwait:
        return sys_rt_sigtimedwait(t, a[0], a[1], a[2], a[3]);
    case USER_SYS_getitimer:
        /* struct itimerval: four 64-bit words on every 64-bit Linux. */
        if (!vma_check(a[1], 32, PROT_WRITE))
            return -EFAULT;
        r = syscall(SYS_getitimer, (int)a[0], gp(a[1]));
        break;
    case USER_SYS_setitimer:
        if ((a[1] && !vma_check(a[1], 32, PROT_READ)) || (a[2] && !vma_check(a[2], 32, PROT_WRITE)))
            return -EFAULT;
        r = syscall(SYS_setitimer, (int)a[0], gp(a[1]), gp(a[2]));
        break;
    default:
        return -ENOSYS;
    }
    return r < 0 ? -errno : r;
}

bool signal_restart_syscall(int id)
{
    SigThread *t = self();
    uint64_t p = __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST) & ~t->blocked;
    uint64_t handler, flags;
    int sig;

    if (!p)
        return true;    /* interrupted without a handler to run: as if not */
    sig = next_signal(p);
    pthread_mutex_lock(&action_lock);
    handler = actions[sig].handler;
    flags = actions[sig].flags;
    pthread_mutex_unlock(&action_lock);
    if (handler <= 1)
        return true;
    /* signal(7): these are never restarted after a handler. */
    switch (id) {
    case USER_SYS_rt_sigsuspend: case USER_SYS_rt_sigtimedwait:
    case USER_SYS_nanosleep: case USER_SYS_clock_nanosleep: case USER_SYS_ppoll: case USER_SYS_pselect6: case USER_SYS_epoll_pwait:
        return false;
    default:
        return (flags & G_SA_RESTART) != 0;
    }
}

bool signal_host_kill(int sig, const void *si)
{
    SigThread *t = &sig_thread;
    uint64_t handler = action_handler(sig);

    if (handler > 1 || (t->blocked & SIGBIT(sig)))
        record(t, sig, si);
    return handler != 0 || (t->blocked & SIGBIT(sig));
}

int signal_call_mask_begin(uint64_t addr, uint64_t size, void *host_set)
{
    SigThread *t = self();
    uint64_t m;

    if (size != 8)
        return -EINVAL;
    if (!vma_check(addr, 8, PROT_READ))
        return -EFAULT;
    m = get64(gp(addr)) & ~UNBLOCKABLE;
    t->saved_mask = t->blocked;
    t->have_saved = true;
    t->blocked = m;
    host_mask_of(m | __atomic_load_n(&t->pending, __ATOMIC_SEQ_CST), host_set);
    return 0;
}

void signal_call_mask_end(bool interrupted)
{
    SigThread *t = self();

    /* Interrupted: the handler's frame saves the old mask (delivery
     * restores it when no handler runs); else it is back at once. */
    if (!interrupted && t->have_saved) {
        t->blocked = t->saved_mask;
        t->have_saved = false;
    }
}

uint64_t signal_blocked(void)
{
    return self()->blocked;
}

void signal_thread_init(CPU *cpu, uint64_t blocked)
{
    SigThread *t = &sig_thread;

    memset(t, 0, sizeof(*t));
    t->init = true;
    t->cpu = cpu;
    t->blocked = blocked & ~UNBLOCKABLE;
    t->altstack.flags = G_SS_DISABLE;
    host_apply_mask(t->blocked);
}

void signal_init(const UserGuest *g)
{
    guest = g;
    /* Ignored signals and the mask survive execve: start from the host's,
     * which a guest execve (a new remu) inherited. */
    self();
    for (int sig = 1; sig <= NSIG_G && sig < NSIG; sig++) {
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
            old.sa_handler == SIG_IGN)
            actions[sig].handler = 1;
    }
    if (g->signal_init)
        g->signal_init();
}
