/*
 * signal.c - signals delivered to handlers, checked against the arm64 Linux
 * ABI.  With no argument every check runs and prints PASS/FAIL lines; the
 * arguments "badstack", "badframe" and "segv-blocked" each end the process
 * with SIGSEGV the way the kernel does (a frame that cannot be written, a
 * corrupt frame given to rt_sigreturn, a fault while SIGSEGV is blocked);
 * "wait-int" prints "ready" and spins until a SIGINT from outside.
 *
 * Expected values come from the kernel's definitions, not from remu:
 *  - struct sigaction, stack_t, siginfo_t: include/uapi/asm-generic/
 *    signal.h, signal-defs.h, siginfo.h (SA_*, SS_*, SI_*, SEGV_*, ...);
 *  - struct ucontext and struct sigcontext: arch/arm64/include/uapi/asm/
 *    ucontext.h and sigcontext.h (declared below; the compiler lays them
 *    out, and the size of the whole frame is checked against 4688);
 *  - the frame placement and the registers at handler entry:
 *    arch/arm64/kernel/signal.c (get_sigframe, setup_return): the frame
 *    record {fp, lr} right below the 16-byte aligned stack top, the
 *    rt_sigframe right below it, x0 = signo, x1 = &info, x2 = &uc, sp =
 *    the frame, x29 = &record, x30 = sa_restorer;
 *  - the mask while a handler runs: blocked | sa_mask | signo (unless
 *    SA_NODEFER), kernel/signal.c signal_delivered; rt_sigsuspend and
 *    ppoll with a mask save the mask from before the call in the frame.
 * Checked once under qemu-aarch64 7.2: every check passes except where qemu
 * differs from the kernel source cited here (UDF's si_code and
 * fault_address, MINSIGSTKSZ 5120, SS_AUTODISARM, qemu keeping signals 63
 * and 64 for itself).
 */
#include "sys.h"

enum {
    NR_pipe2 = 59, NR_setitimer = 103, NR_tgkill = 131, NR_sigaltstack = 132,
    NR_rt_sigsuspend = 133, NR_rt_sigaction = 134, NR_rt_sigprocmask = 135,
    NR_rt_sigpending = 136, NR_rt_sigreturn = 139, NR_getuid = 174, NR_gettid = 178,
    NR_clone = 220, NR_wait4 = 260, NR_getppid = 173, NR_ppoll = 73,
};
enum {
    SIGHUP = 1, SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGUSR1 = 10, SIGSEGV = 11,
    SIGUSR2 = 12, SIGALRM = 14, SIGCHLD = 17,
};
#define SA_SIGINFO   0x00000004UL
#define SA_RESTORER  0x04000000UL
#define SA_ONSTACK   0x08000000UL
#define SA_RESTART   0x10000000UL
#define SA_NODEFER   0x40000000UL
#define SA_RESETHAND 0x80000000UL
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_TKILL (-6)
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define ILL_ILLOPC 1
#define TRAP_BRKPT 1
#define BIT(s) (1UL << ((s) - 1))

struct k_sigaction {
    u64 handler, flags, restorer, mask;
};

typedef struct {
    u64 ss_sp;
    int ss_flags;
    u64 ss_size;
} k_stack_t;

typedef struct {
    int si_signo, si_errno, si_code, pad;
    union {
        u64 addr;
        struct {
            int pid;
            unsigned uid;
        } kill;
    } u;
    char rest[128 - 24];
} k_siginfo;

struct k_sigcontext {
    u64 fault_address;
    u64 regs[31];
    u64 sp, pc, pstate;
    unsigned char reserved[4096] __attribute__((aligned(16)));
};

struct k_ucontext {
    u64 uc_flags, uc_link;
    k_stack_t uc_stack;
    u64 uc_sigmask;
    unsigned char unused[1024 / 8 - 8];
    struct k_sigcontext uc_mcontext;
};

struct rt_sigframe {
    k_siginfo info;
    struct k_ucontext uc;
};

_Static_assert(sizeof(k_siginfo) == 128, "siginfo");
_Static_assert(sizeof(struct rt_sigframe) == 4688, "rt_sigframe");
_Static_assert(__builtin_offsetof(struct k_ucontext, uc_mcontext) == 176, "uc_mcontext");

typedef void (*handler_fn)(int sig, k_siginfo *info, struct k_ucontext *uc);

/* Registers at handler entry (sig_entry), and the C handler of each signal. */
u64 entry_regs[6];              /* x0, x1, x2, x29, x30, sp */
handler_fn c_handlers[65];
u64 restorer_calls;
u64 after_x19, after_nzcv;

void sig_entry(void);
void my_restorer(void);
u64 raise_regs(u64 pid, u64 tid, u64 sig);
void raise_regs_ret(void);
u64 segv_load(u64 addr);
void segv_store(u64 addr, u64 v);
void udf_insn(void);
void brk_insn(void);
u64 bus_load(u64 addr);
void stxr_loop(u64 addr, u64 v);
void stxr_insn(void);
u64 ldadd_fix(u64 addr, u64 v);
void ldadd_insn(void);
u64 cas_at(u64 addr);
void casp_at(u64 addr);
void spin_until(volatile int *flag);
u64 my_setjmp(u64 *buf) __attribute__((returns_twice));
void my_longjmp(u64 *buf, u64 v);
void sigreturn_at(u64 sp);

__asm__(".text\n"
        /* Handler entry: record x0, x1, x2, x29, x30, sp; go to c_handlers[x0]. */
        ".globl sig_entry\n"
        "sig_entry:\n"
        "    adrp x9, entry_regs\n"
        "    add x9, x9, :lo12:entry_regs\n"
        "    stp x0, x1, [x9]\n"
        "    stp x2, x29, [x9, 16]\n"
        "    mov x10, sp\n"
        "    stp x30, x10, [x9, 32]\n"
        "    adrp x9, c_handlers\n"
        "    add x9, x9, :lo12:c_handlers\n"
        "    ldr x9, [x9, x0, lsl 3]\n"
        "    br x9\n"
        /* An SA_RESTORER trampoline that counts its calls. */
        ".globl my_restorer\n"
        "my_restorer:\n"
        "    adrp x9, restorer_calls\n"
        "    ldr x10, [x9, :lo12:restorer_calls]\n"
        "    add x10, x10, 1\n"
        "    str x10, [x9, :lo12:restorer_calls]\n"
        "    mov x8, 139\n"
        "    svc 0\n"
        /* tgkill(pid, tid, sig) with x3..x28 = n * 0x101 and NZCV = N;
         * after the handler: x19 -> after_x19, NZCV -> after_nzcv. */
        ".globl raise_regs\n.globl raise_regs_ret\n"
        "raise_regs:\n"
        "    stp x29, x30, [sp, -96]!\n"
        "    mov x29, sp\n"
        "    stp x19, x20, [sp, 16]\n"
        "    stp x21, x22, [sp, 32]\n"
        "    stp x23, x24, [sp, 48]\n"
        "    stp x25, x26, [sp, 64]\n"
        "    stp x27, x28, [sp, 80]\n"
        "    mov x3, 0x303\n    mov x4, 0x404\n    mov x5, 0x505\n    mov x6, 0x606\n"
        "    mov x7, 0x707\n    mov x9, 0x909\n    mov x10, 0xa0a\n    mov x11, 0xb0b\n"
        "    mov x12, 0xc0c\n    mov x13, 0xd0d\n    mov x14, 0xe0e\n    mov x15, 0xf0f\n"
        "    mov x16, 0x1010\n    mov x17, 0x1111\n    mov x18, 0x1212\n    mov x19, 0x1313\n"
        "    mov x20, 0x1414\n    mov x21, 0x1515\n    mov x22, 0x1616\n    mov x23, 0x1717\n"
        "    mov x24, 0x1818\n    mov x25, 0x1919\n    mov x26, 0x1a1a\n    mov x27, 0x1b1b\n"
        "    mov x28, 0x1c1c\n"
        "    mov x8, 131\n"
        "    cmp x3, 0x304\n"           /* 0x303 - 0x304 < 0: N, borrow (C = 0) */
        "    svc 0\n"
        "raise_regs_ret:\n"
        "    mrs x1, nzcv\n"
        "    adrp x9, after_nzcv\n"
        "    str x1, [x9, :lo12:after_nzcv]\n"
        "    adrp x9, after_x19\n"
        "    str x19, [x9, :lo12:after_x19]\n"
        "    ldp x19, x20, [sp, 16]\n"
        "    ldp x21, x22, [sp, 32]\n"
        "    ldp x23, x24, [sp, 48]\n"
        "    ldp x25, x26, [sp, 64]\n"
        "    ldp x27, x28, [sp, 80]\n"
        "    ldp x29, x30, [sp], 96\n"
        "    ret\n"
        ".globl segv_load\nsegv_load:\n    ldr x0, [x0]\n    ret\n"
        ".globl segv_store\nsegv_store:\n    str x1, [x0]\n    ret\n"
        ".globl udf_insn\nudf_insn:\n    .inst 0x00000000\n    ret\n"
        ".globl brk_insn\nbrk_insn:\n    brk 0x123\n    ret\n"
        ".globl bus_load\nbus_load:\n    ldxr x0, [x0]\n    ret\n"
        ".globl stxr_loop\n.globl stxr_insn\n"
        "stxr_loop:\n"
        "1:  ldxr x2, [x0]\n"
        "stxr_insn:\n"
        "    stxr w3, x1, [x0]\n"
        "    cbnz w3, 1b\n"
        "    ret\n"
        /* FEAT_LSE: x4 is live (dirty) across the atomic, so a fault inside
           its helper must not lose it. */
        ".arch_extension lse\n"
        ".globl ldadd_fix\n.globl ldadd_insn\n"
        "ldadd_fix:\n"
        "    add x4, x1, #100\n"
        "ldadd_insn:\n"
        "    ldaddal x1, x2, [x0]\n"
        "    add x0, x2, x4\n"
        "    ret\n"
        ".globl cas_at\ncas_at:\n    mov x1, #0\n    casal x1, x1, [x0]\n    mov x0, x1\n    ret\n"
        ".globl casp_at\ncasp_at:\n    casp x2, x3, x4, x5, [x0]\n    ret\n"
        ".globl spin_until\n"
        "spin_until:\n"
        "1:  ldr w1, [x0]\n"
        "    cbz w1, 1b\n"
        "    ret\n"
        ".globl my_setjmp\n"
        "my_setjmp:\n"
        "    stp x19, x20, [x0]\n    stp x21, x22, [x0, 16]\n    stp x23, x24, [x0, 32]\n"
        "    stp x25, x26, [x0, 48]\n    stp x27, x28, [x0, 64]\n    stp x29, x30, [x0, 80]\n"
        "    mov x1, sp\n    str x1, [x0, 96]\n    mov x0, 0\n    ret\n"
        ".globl my_longjmp\n"
        "my_longjmp:\n"
        "    ldp x19, x20, [x0]\n    ldp x21, x22, [x0, 16]\n    ldp x23, x24, [x0, 32]\n"
        "    ldp x25, x26, [x0, 48]\n    ldp x27, x28, [x0, 64]\n    ldp x29, x30, [x0, 80]\n"
        "    ldr x2, [x0, 96]\n    mov sp, x2\n    mov x0, x1\n    ret\n"
        ".globl sigreturn_at\n"
        "sigreturn_at:\n    mov sp, x0\n    mov x8, 139\n    svc 0\n    brk 1\n");

/* ---- helpers ------------------------------------------------------------- */

/*
 * Handlers run inside the system calls that raise or unblock a signal.
 * Those go through ssys, which the compiler may not look into (noipa):
 * otherwise it would know that an inline svc calls no function and keep
 * the handlers' variables in registers across it.
 */
static __attribute__((noipa)) s64 ssys(s64 n, s64 a, s64 b, s64 c)
{
    return sys6(n, a, b, c, 8, 0, 0);
}

static __attribute__((noipa)) s64 ssys6(s64 n, s64 a, s64 b, s64 c, s64 d, s64 e)
{
    return sys6(n, a, b, c, d, e, 0);
}

static u64 pid, tid;

static s64 sigaction4(int sig, handler_fn h, u64 flags, u64 mask, struct k_sigaction *old)
{
    struct k_sigaction a = { 0, flags, 0, mask };
    if (h) {
        c_handlers[sig] = h;
        a.handler = (u64)sig_entry;
    }
    if (flags & SA_RESTORER)
        a.restorer = (u64)my_restorer;
    return sys6(NR_rt_sigaction, sig, (s64)&a, (s64)old, 8, 0, 0);
}

static s64 raise_sig(int sig)
{
    return ssys(NR_tgkill, (s64)pid, (s64)tid, sig);
}

static u64 cur_mask(void)
{
    u64 m = 0;
    sys6(NR_rt_sigprocmask, 0, 0, (s64)&m, 8, 0, 0);
    return m;
}

static void set_mask(u64 m)
{
    ssys(NR_rt_sigprocmask, 2, (s64)&m, 0);            /* SIG_SETMASK */
}

static u64 pending(void)
{
    u64 m = 0;
    sys6(NR_rt_sigpending, (s64)&m, 8, 0, 0, 0, 0);
    return m;
}

static void *map(u64 len, int prot)
{
    return (void *)sys6(NR_mmap, 0, (s64)len, prot, 0x22, -1, 0);   /* PRIVATE|ANONYMOUS */
}

static void check_eq(u64 got, u64 want, const char *what)
{
    if (got != want) {
        out("FAIL: ");
        out(what);
        out(" (got ");
        out_x(got);
        out(", want ");
        out_x(want);
        out(")\n");
        nfail++;
    } else {
        check(1, what);
    }
}

static void check_altstack(u64 sp, int flags, u64 size, const char *what)
{
    k_stack_t o = { 1, 99, 1 };
    s64 r = sys3(NR_sigaltstack, 0, &o, 0);
    check(r == 0 && o.ss_sp == sp && o.ss_flags == flags && o.ss_size == size, what);
    if (!(r == 0 && o.ss_sp == sp && o.ss_flags == flags && o.ss_size == size)) {
        out("  got sp=");
        out_x(o.ss_sp);
        out(" flags=");
        out_x((u64)(unsigned)o.ss_flags);
        out(" size=");
        out_x(o.ss_size);
        out("\n");
    }
}

/* ---- 1. SA_SIGINFO + SA_RESTORER: the whole frame -------------------------- */

static u64 h1_calls, h1_mask_inside;
static k_siginfo h1_info;
static struct rt_sigframe *h1_frame;
static u64 h1_entry[6];
static u64 h1_rec[2];
static struct k_ucontext h1_uc;

static void h1(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    h1_calls++;
    for (int i = 0; i < 6; i++)
        h1_entry[i] = entry_regs[i];
    h1_info = *info;
    h1_uc = *uc;
    h1_frame = (struct rt_sigframe *)entry_regs[5];
    h1_rec[0] = ((u64 *)entry_regs[3])[0];
    h1_rec[1] = ((u64 *)entry_regs[3])[1];
    h1_mask_inside = cur_mask();
}

static void test_siginfo_frame(void)
{
    struct k_sigcontext *mc = &h1_uc.uc_mcontext;
    const unsigned *rec;
    int ok = 1;

    set_mask(BIT(SIGUSR2));
    check(sigaction4(SIGUSR1, h1, SA_SIGINFO | SA_RESTORER, BIT(SIGHUP), 0) == 0,
          "rt_sigaction SIGUSR1 SA_SIGINFO|SA_RESTORER");
    check_eq(raise_regs(pid, tid, SIGUSR1), 0, "tgkill returns 0 after the handler");
    check_eq(h1_calls, 1, "handler ran once");
    check_eq(restorer_calls, 1, "returned through sa_restorer");
    check_eq(h1_entry[0], SIGUSR1, "x0 = signo");
    check_eq(h1_entry[1], h1_entry[5], "x1 = &info = sp (the frame)");
    check_eq(h1_entry[2], h1_entry[1] + 128, "x2 = &uc = &info + 128");
    check_eq(h1_entry[5] & 15, 0, "sp 16-byte aligned");
    check_eq(h1_entry[3], h1_entry[5] + sizeof(struct rt_sigframe), "x29 = frame record above the frame");
    check_eq(h1_entry[4], (u64)my_restorer, "x30 = sa_restorer");
    check_eq(mc->sp, h1_entry[3] + 16, "frame record just below the interrupted sp");
    check_eq(h1_rec[0], mc->regs[29], "frame record fp = interrupted x29");
    check_eq(h1_rec[1], mc->regs[30], "frame record lr = interrupted x30");
    check_eq((u64)h1_info.si_signo, SIGUSR1, "si_signo");
    check_eq((u64)h1_info.si_errno, 0, "si_errno");
    check_eq((u64)(s64)h1_info.si_code, (u64)(s64)SI_TKILL, "si_code SI_TKILL");
    check_eq((u64)h1_info.u.kill.pid, pid, "si_pid");
    check_eq((u64)h1_info.u.kill.uid, (u64)sys3(NR_getuid, 0, 0, 0), "si_uid");
    check_eq(h1_uc.uc_flags, 0, "uc_flags 0");
    check_eq(h1_uc.uc_link, 0, "uc_link NULL");
    check(h1_uc.uc_stack.ss_sp == 0 && h1_uc.uc_stack.ss_flags == SS_DISABLE &&
          h1_uc.uc_stack.ss_size == 0, "uc_stack: no altstack (SS_DISABLE)");
    check_eq(h1_uc.uc_sigmask, BIT(SIGUSR2), "uc_sigmask = mask before the signal");
    check_eq(h1_mask_inside, BIT(SIGUSR2) | BIT(SIGHUP) | BIT(SIGUSR1),
             "mask in the handler = old | sa_mask | signo");
    check_eq(cur_mask(), BIT(SIGUSR2), "mask restored by rt_sigreturn");
    for (int i = 3; i <= 28; i++)
        if (i != 8 && mc->regs[i] != (u64)i * 0x101)
            ok = 0;
    check(ok, "uc regs x3..x28 as set before svc");
    ok = 0;
    check_eq(mc->regs[8], NR_tgkill, "uc regs x8 = syscall number");
    check_eq(mc->regs[0], 0, "uc regs x0 = syscall result");
    check_eq(mc->regs[1], tid, "uc regs x1 = tid argument");
    check_eq(mc->regs[2], SIGUSR1, "uc regs x2 = sig argument");
    check_eq(mc->pc, (u64)raise_regs_ret, "uc pc = after the svc");
    check_eq(mc->pstate, 0x80000000UL, "uc pstate = NZCV (N)");
    rec = (const unsigned *)mc->reserved;
    check(rec[0] == 0x46508001 && rec[1] == 528, "fpsimd_context record first (magic, size 528)");
    /* Other records (SVE...) may follow on other CPUs: walk to the end. */
    for (unsigned off = 0; off + 8 <= 4096;) {
        const unsigned *r = (const unsigned *)(mc->reserved + off);
        if (r[0] == 0) {
            ok = r[1] == 0;
            break;
        }
        if (r[1] < 8 || (r[1] & 15)) {
            ok = 0;
            break;
        }
        off += r[1];
    }
    check(ok, "record list ends with the null record");
    check_eq(after_x19, 0x1313, "x19 preserved across the handler");
    check_eq(after_nzcv, 0x80000000UL, "NZCV restored by rt_sigreturn");
    set_mask(0);
}

/* ---- 2. no SA_RESTORER: remu's trampoline; the handler edits the context -- */

static u64 h2_calls, h2_x30;

static void h2(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    h2_calls++;
    h2_x30 = entry_regs[4];
    uc->uc_mcontext.regs[19] = 0xabcdef;
    uc->uc_mcontext.pstate = 0x60000000;        /* Z, C */
}

static void test_no_restorer(void)
{
    const unsigned *t;

    check(sigaction4(SIGUSR1, h2, SA_SIGINFO, 0, 0) == 0, "rt_sigaction without SA_RESTORER");
    raise_regs(pid, tid, SIGUSR1);
    check_eq(h2_calls, 1, "handler without SA_RESTORER ran");
    t = (const unsigned *)h2_x30;
    check(t[0] == 0xd2801168 && t[1] == 0xd4000001, "x30 = trampoline mov x8, #139; svc #0");
    check_eq(after_x19, 0xabcdef, "x19 edited in the ucontext");
    check_eq(after_nzcv, 0x60000000, "NZCV edited in pstate");
}

/* ---- 3. kill(getpid()): SI_USER; a plain (non-SA_SIGINFO) handler ------- */

static u64 h3_calls, h3_sig, h3_code, h3_pid;

static void h3(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)uc;
    h3_calls++;
    h3_sig = (u64)sig;
    h3_code = (u64)(s64)info->si_code;
    h3_pid = (u64)info->u.kill.pid;
}

static void h3_plain(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)info;
    (void)uc;
    h3_calls++;
    h3_sig = (u64)sig;
}

static void test_kill(void)
{
    sigaction4(SIGUSR2, h3, SA_SIGINFO | SA_RESTORER, 0, 0);
    check_eq((u64)ssys(NR_kill, (s64)pid, SIGUSR2, 0), 0, "kill(getpid(), SIGUSR2)");
    check(h3_calls == 1 && h3_sig == SIGUSR2 && h3_code == SI_USER && h3_pid == pid,
          "kill: handler with SI_USER and si_pid");
    h3_calls = 0;
    sigaction4(SIGHUP, h3_plain, 0, 0, 0);
    raise_sig(SIGHUP);
    check(h3_calls == 1 && h3_sig == SIGHUP, "handler without SA_SIGINFO: x0 = signo");
    sigaction4(SIGHUP, 0, 0, 0, 0);
}

/* ---- 4. synchronous signals ------------------------------------------------- */

static u64 f_calls, f_sig, f_code, f_addr, f_pc, f_fault, f_skip, f_x0, f_page;

static void hfault(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    f_calls++;
    f_sig = (u64)sig;
    f_code = (u64)(s64)info->si_code;
    f_addr = info->u.addr;
    f_pc = uc->uc_mcontext.pc;
    f_fault = uc->uc_mcontext.fault_address;
    if (f_page)     /* make the page writable and run the insn again */
        sys3(NR_mprotect, f_page, 4096, 3);
    else if (f_skip == 2)   /* a call to nowhere: return to the caller */
        uc->uc_mcontext.pc = uc->uc_mcontext.regs[30];
    else if (f_skip)
        uc->uc_mcontext.pc += 4;
    if (f_x0)
        uc->uc_mcontext.regs[0] = f_x0;
}

static void fault_reset(u64 skip, u64 x0, u64 page)
{
    f_calls = f_sig = f_code = f_addr = f_pc = f_fault = 0;
    f_skip = skip;
    f_x0 = x0;
    f_page = page;
}

static void test_faults(void)
{
    u64 *p = map(4096, 3), *ro;
    u64 r;

    sys3(NR_munmap, p, 4096, 0);
    sigaction4(SIGSEGV, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    fault_reset(1, 0x5e9, 0);
    r = segv_load((u64)p + 8);
    check(f_calls == 1 && f_sig == SIGSEGV, "SIGSEGV from a load of unmapped memory");
    check_eq(f_code, SEGV_MAPERR, "SIGSEGV si_code SEGV_MAPERR");
    check_eq(f_addr, (u64)p + 8, "SIGSEGV si_addr = faulting address");
    check_eq(f_fault, (u64)p + 8, "SIGSEGV fault_address = faulting address");
    check_eq(f_pc, (u64)segv_load, "SIGSEGV uc pc = faulting load");
    check_eq(r, 0x5e9, "handler skipped the load and set x0");

    ro = map(4096, 1);
    fault_reset(0, 0, (u64)ro);
    segv_store((u64)ro + 16, 77);
    check(f_calls == 1 && f_code == SEGV_ACCERR, "SIGSEGV SEGV_ACCERR from a store to read-only memory");
    check_eq(f_addr, (u64)ro + 16, "SEGV_ACCERR si_addr");
    check_eq(f_pc, (u64)segv_store, "SEGV_ACCERR uc pc = faulting store");
    check_eq(ro[2], 77, "store ran again after the handler fixed the protection");

    ro = map(4096, 1);
    fault_reset(0, 0, (u64)ro);
    stxr_loop((u64)ro, 0x1234);
    check(f_calls == 1 && f_sig == SIGSEGV && f_code == SEGV_ACCERR,
          "STXR to read-only memory: SIGSEGV SEGV_ACCERR");
    check_eq(f_pc, (u64)stxr_insn, "STXR fault: uc pc = the STXR");
    check_eq(f_addr, (u64)ro, "STXR fault: si_addr");
    check_eq(ro[0], 0x1234, "STXR loop completed after the handler");

    p = map(4096, 3);           /* the old p may have been reused */
    sys3(NR_munmap, p, 4096, 0);
    fault_reset(2, 0, 0);
    ((void (*)(void))p)();
    check(f_calls == 1 && f_sig == SIGSEGV && f_code == SEGV_MAPERR,
          "call to unmapped memory: SIGSEGV SEGV_MAPERR");
    check(f_addr == (u64)p && f_pc == (u64)p && f_fault == (u64)p,
          "call to unmapped memory: si_addr = pc = fault_address = target");
    static u64 data_words[4] = { 0xd65f03c0 };  /* ret, but not executable */
    fault_reset(2, 0, 0);
    ((void (*)(void))data_words)();
    check(f_calls == 1 && f_sig == SIGSEGV && f_code == SEGV_ACCERR,
          "call into non-executable data: SIGSEGV SEGV_ACCERR");
    check(f_addr == (u64)data_words && f_pc == (u64)data_words,
          "call into non-executable data: si_addr = pc = target");

    sigaction4(SIGILL, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    fault_reset(1, 0, 0);
    udf_insn();
    check(f_calls == 1 && f_sig == SIGILL && f_code == ILL_ILLOPC, "SIGILL ILL_ILLOPC from UDF");
    check_eq(f_addr, (u64)udf_insn, "SIGILL si_addr = pc");
    check_eq(f_pc, (u64)udf_insn, "SIGILL uc pc = the UDF");
    check_eq(f_fault, 0, "SIGILL fault_address 0");

    sigaction4(SIGTRAP, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    fault_reset(1, 0, 0);
    brk_insn();
    check(f_calls == 1 && f_sig == SIGTRAP && f_code == TRAP_BRKPT, "SIGTRAP TRAP_BRKPT from BRK");
    check_eq(f_addr, (u64)brk_insn, "SIGTRAP si_addr = pc");
    check_eq(f_pc, (u64)brk_insn, "SIGTRAP uc pc = the BRK");

    sigaction4(SIGBUS, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    fault_reset(1, 0, 0);
    static u64 aligned[4];
    bus_load((u64)aligned + 4);
    check(f_calls == 1 && f_sig == SIGBUS && f_code == BUS_ADRALN,
          "SIGBUS BUS_ADRALN from a misaligned LDXR");
    check_eq(f_addr, (u64)aligned + 4, "SIGBUS si_addr");
    check_eq(f_fault, (u64)aligned + 4, "SIGBUS fault_address");
    check_eq(f_pc, (u64)bus_load, "SIGBUS uc pc = the LDXR");

    /* LSE atomics fault as the kernel reports them: misaligned SIGBUS
       BUS_ADRALN (no FEAT_LSE2), unmapped SEGV_MAPERR, read-only
       SEGV_ACCERR, with the pc at the atomic and the registers intact. */
    fault_reset(1, 0, 0);
    ldadd_fix((u64)aligned + 2, 1);
    check(f_calls == 1 && f_sig == SIGBUS && f_code == BUS_ADRALN,
          "SIGBUS BUS_ADRALN from a misaligned LDADDAL");
    check_eq(f_addr, (u64)aligned + 2, "LDADDAL SIGBUS si_addr");
    check_eq(f_pc, (u64)ldadd_insn, "LDADDAL SIGBUS uc pc = the LDADDAL");
    static u64 pair[4] __attribute__((aligned(16)));
    fault_reset(1, 0, 0);
    casp_at((u64)pair + 8);
    check(f_calls == 1 && f_sig == SIGBUS && f_code == BUS_ADRALN,
          "SIGBUS BUS_ADRALN from CASP of doublewords 8-byte aligned");
    check_eq(f_pc, (u64)casp_at, "CASP SIGBUS uc pc = the CASP");
    ro = map(4096, 1);
    fault_reset(0, 0, (u64)ro);
    r = ldadd_fix((u64)ro + 8, 5);
    check(f_calls == 1 && f_sig == SIGSEGV && f_code == SEGV_ACCERR,
          "LDADDAL to read-only memory: SIGSEGV SEGV_ACCERR");
    check_eq(f_addr, (u64)ro + 8, "LDADDAL SEGV_ACCERR si_addr");
    check_eq(f_pc, (u64)ldadd_insn, "LDADDAL SEGV_ACCERR uc pc = the LDADDAL");
    check_eq(r, 105, "LDADDAL after the handler: old value 0, x4 kept");
    check_eq(ro[1], 5, "LDADDAL after the handler: memory added");
    p = map(4096, 3);
    sys3(NR_munmap, p, 4096, 0);
    sigaction4(SIGSEGV, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    fault_reset(1, 0x77, 0);
    r = cas_at((u64)p + 16);
    check(f_calls == 1 && f_sig == SIGSEGV && f_code == SEGV_MAPERR,
          "CASAL of unmapped memory: SIGSEGV SEGV_MAPERR");
    check_eq(f_addr, (u64)p + 16, "CASAL SEGV_MAPERR si_addr");
    check_eq(f_pc, (u64)cas_at + 4, "CASAL SEGV_MAPERR uc pc = the CASAL");
}

/* ---- 5. longjmp out of a handler ---------------------------------------------- */

static u64 jb[13];
static u64 lj_calls;

static void hjump(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    (void)uc;
    lj_calls++;
    my_longjmp(jb, lj_calls);
}

static void test_longjmp(void)
{
    u64 *p = map(4096, 3);
    volatile u64 got;

    sys3(NR_munmap, p, 4096, 0);
    sigaction4(SIGSEGV, hjump, SA_SIGINFO | SA_RESTORER, 0, 0);
    set_mask(0);
    got = my_setjmp(jb);
    if (got == 0)
        segv_load((u64)p);
    check_eq(got, 1, "longjmp out of the SIGSEGV handler");
    check_eq(cur_mask(), BIT(SIGSEGV), "after longjmp the handler's mask (SIGSEGV) is still set");
    set_mask(0);
    got = my_setjmp(jb);
    if (got == 0)
        segv_load((u64)p);
    check_eq(got, 2, "second SIGSEGV after restoring the mask, longjmp again");
    set_mask(0);
}

/* ---- 6. sigaltstack ------------------------------------------------------------- */

static u64 alt_base;
static u64 as_sp[2], as_calls;
static k_stack_t as_uc_stack;
static int as_query_flags, as_eperm, as_flags_inside;

static void halt1(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    k_stack_t o, n = { alt_base, 0, 65536 };
    (void)info;
    as_sp[sig == SIGUSR2] = entry_regs[5];
    as_calls++;
    if (sig == SIGUSR1) {
        as_uc_stack = uc->uc_stack;
        sys3(NR_sigaltstack, 0, &o, 0);
        as_query_flags = o.ss_flags;
        as_eperm = (int)sys3(NR_sigaltstack, &n, 0, 0);
        raise_sig(SIGUSR2);
    }
}

static void halt_auto(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    k_stack_t o;
    (void)sig;
    (void)info;
    as_uc_stack = uc->uc_stack;
    sys3(NR_sigaltstack, 0, &o, 0);
    as_flags_inside = o.ss_flags;
    as_sp[0] = entry_regs[5];
}

static void test_altstack(void)
{
    k_stack_t s;
    u64 top;

    alt_base = (u64)map(65536, 3);
    top = alt_base + 65536;
    check_altstack(0, SS_DISABLE, 0, "sigaltstack: none at start (SS_DISABLE)");
    s = (k_stack_t){ alt_base, 0, 4096 };
    check_eq((u64)sys3(NR_sigaltstack, &s, 0, 0), (u64)-12, "sigaltstack smaller than MINSIGSTKSZ: ENOMEM");
    s = (k_stack_t){ alt_base, 5, 65536 };
    check_eq((u64)sys3(NR_sigaltstack, &s, 0, 0), (u64)-22, "sigaltstack bad flags: EINVAL");
    s = (k_stack_t){ alt_base, 0, 65536 };
    check_eq((u64)sys3(NR_sigaltstack, &s, 0, 0), 0, "sigaltstack set");
    check_altstack(alt_base, 0, 65536, "sigaltstack query");
    sigaction4(SIGUSR1, halt1, SA_SIGINFO | SA_RESTORER | SA_ONSTACK, 0, 0);
    sigaction4(SIGUSR2, halt1, SA_SIGINFO | SA_RESTORER | SA_ONSTACK, 0, 0);
    raise_sig(SIGUSR1);
    check_eq(as_calls, 2, "SA_ONSTACK handler and a nested one ran");
    check_eq(as_sp[0], top - 16 - sizeof(struct rt_sigframe), "frame at the top of the altstack");
    check(as_uc_stack.ss_sp == alt_base && as_uc_stack.ss_flags == 0 &&
          as_uc_stack.ss_size == 65536, "uc_stack = the altstack");
    check_eq((u64)as_query_flags, SS_ONSTACK, "sigaltstack in the handler: SS_ONSTACK");
    check_eq((u64)(s64)as_eperm, (u64)-1, "changing the altstack while on it: EPERM");
    check(as_sp[1] < as_sp[0] - sizeof(struct rt_sigframe) && as_sp[1] >= alt_base,
          "nested handler's frame below the first, on the altstack");
    check_altstack(alt_base, 0, 65536, "altstack unchanged after the handlers");

    s = (k_stack_t){ alt_base, (int)SS_AUTODISARM, 65536 };
    sys3(NR_sigaltstack, &s, 0, 0);
    sigaction4(SIGUSR1, halt_auto, SA_SIGINFO | SA_RESTORER | SA_ONSTACK, 0, 0);
    raise_sig(SIGUSR1);
    check_eq(as_sp[0], top - 16 - sizeof(struct rt_sigframe), "SS_AUTODISARM: frame on the altstack");
    check_eq((u64)as_flags_inside, SS_DISABLE, "SS_AUTODISARM: disarmed in the handler");
    check_eq((u64)(unsigned)as_uc_stack.ss_flags, SS_AUTODISARM, "SS_AUTODISARM: saved in uc_stack");
    check_altstack(alt_base, (int)SS_AUTODISARM, 65536, "SS_AUTODISARM: rearmed by rt_sigreturn");

    s = (k_stack_t){ 0, SS_DISABLE, 0 };
    check_eq((u64)sys3(NR_sigaltstack, &s, 0, 0), 0, "sigaltstack SS_DISABLE");
    check_altstack(0, SS_DISABLE, 0, "sigaltstack disabled");
}

/* ---- 7. nesting, masks, SA_NODEFER, SA_RESETHAND ---------------------------------- */

static char seqbuf[32];
static int seqn, depth;
static u64 nest_pending;

static void note(char c)
{
    if (seqn < 31)
        seqbuf[seqn++] = c;
    seqbuf[seqn] = 0;
}

static void hA(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    (void)uc;
    note('A');
    if (depth++ == 0) {
        raise_sig(SIGUSR1);     /* blocked while A runs: pending */
        nest_pending = pending();
        raise_sig(SIGUSR2);     /* not blocked: B runs nested now */
    }
    note('a');
}

static void hB(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    (void)uc;
    note('B');
}

static void hC(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    (void)uc;
    note('C');
    if (depth++ == 0)
        raise_sig(SIGUSR1);     /* SA_NODEFER: runs nested at once */
    note('c');
}

static void hM(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    (void)uc;
    note('M');
    raise_sig(SIGUSR2);         /* in sa_mask: runs after M returns */
    note('m');
}

static void seq_reset(void)
{
    seqn = 0;
    seqbuf[0] = 0;
    depth = 0;
}

static void test_nesting(void)
{
    struct k_sigaction old;
    u64 m;

    set_mask(0);
    sigaction4(SIGUSR2, hB, SA_SIGINFO | SA_RESTORER, 0, 0);
    sigaction4(SIGUSR1, hA, SA_SIGINFO | SA_RESTORER, 0, 0);
    seq_reset();
    raise_sig(SIGUSR1);
    check(seq(seqbuf, "ABaAa"), "nested: blocked signo waits, another signal nests");
    if (!seq(seqbuf, "ABaAa")) {
        out("  got ");
        out(seqbuf);
        out("\n");
    }
    check_eq(nest_pending, BIT(SIGUSR1), "rt_sigpending shows the blocked SIGUSR1");

    sigaction4(SIGUSR1, hC, SA_SIGINFO | SA_RESTORER | SA_NODEFER, 0, 0);
    seq_reset();
    raise_sig(SIGUSR1);
    check(seq(seqbuf, "CCcc"), "SA_NODEFER: the same signal nests");

    sigaction4(SIGUSR1, hM, SA_SIGINFO | SA_RESTORER, BIT(SIGUSR2), 0);
    seq_reset();
    raise_sig(SIGUSR1);
    check(seq(seqbuf, "MmB"), "sa_mask: a masked signal waits for the handler's return");

    sigaction4(SIGUSR1, hB, SA_SIGINFO | SA_RESTORER | SA_RESETHAND, 0, 0);
    seq_reset();
    raise_sig(SIGUSR1);
    sys6(NR_rt_sigaction, SIGUSR1, 0, (s64)&old, 8, 0, 0);
    check(seq(seqbuf, "B") && old.handler == 0, "SA_RESETHAND: handler ran once, now SIG_DFL");

    /* Blocked signal: pending until unblocked, then delivered. */
    sigaction4(SIGUSR2, hB, SA_SIGINFO | SA_RESTORER, 0, 0);
    seq_reset();
    set_mask(BIT(SIGUSR2));
    raise_sig(SIGUSR2);
    check(seqn == 0 && pending() == BIT(SIGUSR2), "blocked SIGUSR2 stays pending");
    set_mask(0);
    check(seq(seqbuf, "B") && pending() == 0, "unblocking delivers it");

    /* Real-time signals queue: two instances, two handler runs. */
    sigaction4(40, hB, SA_SIGINFO | SA_RESTORER, 0, 0);
    seq_reset();
    set_mask(BIT(40));
    raise_sig(40);
    raise_sig(40);
    check(seqn == 0 && pending() == BIT(40), "blocked real-time signal pending");
    set_mask(0);
    check(seq(seqbuf, "BB"), "real-time signal sent twice: delivered twice");

    m = ~0UL;
    ssys(NR_rt_sigprocmask, 2, (s64)&m, 0);
    check_eq(cur_mask(), ~0UL & ~(BIT(9) | BIT(19)), "SIGKILL and SIGSTOP cannot be blocked");
    check_eq((u64)sys6(NR_rt_sigprocmask, 7, (s64)&m, 0, 8, 0, 0), (u64)-22,
             "rt_sigprocmask bad how: EINVAL");
    set_mask(0);
}

/* ---- 8. rt_sigsuspend ---------------------------------------------------------------- */

static u64 ss_calls, ss_uc_mask, ss_mask_inside;

static void hsusp(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)sig;
    (void)info;
    ss_calls++;
    ss_uc_mask = uc->uc_sigmask;
    ss_mask_inside = cur_mask();
}

static void test_sigsuspend(void)
{
    u64 none = 0;
    s64 r;

    sigaction4(SIGUSR1, hsusp, SA_SIGINFO | SA_RESTORER, 0, 0);
    set_mask(BIT(SIGUSR1));
    raise_sig(SIGUSR1);
    check(ss_calls == 0 && pending() == BIT(SIGUSR1), "SIGUSR1 pending before rt_sigsuspend");
    r = ssys(NR_rt_sigsuspend, (s64)&none, 8, 0);
    check_eq((u64)r, (u64)-4, "rt_sigsuspend returns EINTR");
    check_eq(ss_calls, 1, "rt_sigsuspend ran the handler");
    check_eq(ss_uc_mask, BIT(SIGUSR1), "uc_sigmask = the mask before rt_sigsuspend");
    check_eq(ss_mask_inside, BIT(SIGUSR1), "handler mask = suspend mask | signo");
    check_eq(cur_mask(), BIT(SIGUSR1), "mask restored after rt_sigsuspend");

    /* ppoll with a signal mask: the same, around a 5 s timeout. */
    u64 ts[2] = { 5, 0 };
    ss_calls = 0;
    raise_sig(SIGUSR1);
    r = ssys6(NR_ppoll, 0, 0, (s64)ts, (s64)&none, 8);
    check_eq((u64)r, (u64)-4, "ppoll with a mask: EINTR");
    check(ss_calls == 1 && ss_uc_mask == BIT(SIGUSR1) && ss_mask_inside == BIT(SIGUSR1),
          "ppoll with a mask: handler ran with the call's mask, frame saved the old one");
    check_eq(cur_mask(), BIT(SIGUSR1), "mask restored after ppoll");
    ts[0] = 0;
    r = ssys6(NR_ppoll, 0, 0, (s64)ts, (s64)&none, 8);
    check(r == 0 && ss_calls == 1 && cur_mask() == BIT(SIGUSR1),
          "ppoll with a mask and nothing pending: 0, mask back");
    set_mask(0);
}

/* ---- 9. asynchronous signals: a timer, another process --------------------------------- */

static volatile int flag;
static u64 alrm_code, usr_pid;
static int pipefd[2];
static int alrm_write;

static void halrm(int sig, k_siginfo *info, struct k_ucontext *uc)
{
    (void)uc;
    alrm_code = (u64)(s64)info->si_code;
    usr_pid = (u64)info->u.kill.pid;
    if (alrm_write)
        sys3(NR_write, pipefd[1], "x", 1);
    flag = sig;
}

static void arm_timer(void)
{
    u64 it[4] = { 0, 0, 0, 50000 };     /* it_interval 0, it_value 50 ms */
    sys3(NR_setitimer, 0, it, 0);       /* ITIMER_REAL */
}

static void test_async(void)
{
    static volatile int after_arm, spins;
    char c = 0;
    s64 r, child;
    int st = -1;

    sigaction4(SIGALRM, halrm, SA_SIGINFO | SA_RESTORER, 0, 0);
    flag = 0;
    arm_timer();
    spin_until(&flag);
    check_eq((u64)flag, SIGALRM, "tight loop interrupted by SIGALRM (setitimer)");
    /* The handler returns into the loop, not to an older pc: chained jumps
     * do not store the pc, so the core must take it from the block that
     * saw the request.  From the second round on, every jump into the loop
     * is chained and the last pc stored is the return from arm_timer. */
    for (int round = 0; round < 3; round++) {
        flag = 0;
        arm_timer();
        after_arm++;
        while (!flag)
            spins++;
    }
    check_eq((u64)after_arm, 3, "an interrupted loop resumes where it was");
    check_eq(alrm_code, SI_KERNEL, "SIGALRM si_code SI_KERNEL");

    sys3(NR_pipe2, pipefd, 0, 0);
    flag = 0;
    arm_timer();
    r = ssys(NR_read, pipefd[0], (s64)&c, 1);
    check_eq((u64)r, (u64)-4, "blocking read interrupted: EINTR without SA_RESTART");
    sigaction4(SIGALRM, halrm, SA_SIGINFO | SA_RESTORER | SA_RESTART, 0, 0);
    flag = 0;
    alrm_write = 1;
    arm_timer();
    r = ssys(NR_read, pipefd[0], (s64)&c, 1);
    check(r == 1 && c == 'x' && flag == SIGALRM, "SA_RESTART: read restarted after the handler");
    alrm_write = 0;

    sigaction4(SIGUSR1, halrm, SA_SIGINFO | SA_RESTORER, 0, 0);
    flag = 0;
    child = sys6(NR_clone, SIGCHLD, 0, 0, 0, 0, 0);
    if (child == 0) {
        sys3(NR_kill, sys3(NR_getppid, 0, 0, 0), SIGUSR1, 0);
        sys3(NR_exit, 0, 0, 0);
    }
    spin_until(&flag);
    check(flag == SIGUSR1 && alrm_code == SI_USER && usr_pid == (u64)child,
          "tight loop interrupted by SIGUSR1 from another process");
    sys6(NR_wait4, child, (s64)&st, 0, 0, 0, 0);
    check_eq((u64)st, 0, "the sending child exited 0");
}

/* ---- ways to die ------------------------------------------------------------------------ */

static void die_badstack(void)
{
    u64 ro = (u64)map(65536, 1);
    k_stack_t s = { ro, 0, 65536 };
    sys3(NR_sigaltstack, &s, 0, 0);
    sigaction4(SIGUSR1, hB, SA_SIGINFO | SA_RESTORER | SA_ONSTACK, 0, 0);
    raise_sig(SIGUSR1);
}

static void die_badframe(void)
{
    u64 zero = (u64)map(65536, 3);
    sigreturn_at(zero + 8192);
}

static void die_segv_blocked(void)
{
    u64 *p = map(4096, 3);
    sys3(NR_munmap, p, 4096, 0);
    sigaction4(SIGSEGV, hfault, SA_SIGINFO | SA_RESTORER, 0, 0);
    set_mask(BIT(SIGSEGV));
    fault_reset(1, 0, 0);
    segv_load((u64)p);
}

/* "wait-int": wait in a tight loop for a SIGINT sent from outside. */
static int wait_int(void)
{
    sigaction4(2, halrm, SA_SIGINFO | SA_RESTORER, 0, 0);     /* SIGINT */
    flag = 0;
    out("ready\n");
    spin_until(&flag);
    check(flag == 2 && alrm_code == SI_USER, "SIGINT from outside interrupts a tight loop");
    return nfail ? 1 : 0;
}

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    char **argv = (char **)(sp + 1);
    const char *w = sp[0] > 1 ? argv[1] : "";

    pid = (u64)sys3(NR_getpid, 0, 0, 0);
    tid = (u64)sys3(NR_gettid, 0, 0, 0);
    if (seq(w, "wait-int"))
        return wait_int();
    if (seq(w, "badstack") || seq(w, "badframe") || seq(w, "segv-blocked")) {
        if (seq(w, "badstack"))
            die_badstack();
        else if (seq(w, "badframe"))
            die_badframe();
        else
            die_segv_blocked();
        out("FAIL: still alive\n");
        return 99;
    }
    test_siginfo_frame();
    test_no_restorer();
    test_kill();
    test_faults();
    test_longjmp();
    test_altstack();
    test_nesting();
    test_sigsuspend();
    test_async();
    return nfail ? 1 : 0;
}
