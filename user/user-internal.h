/*
 * user-internal.h - shared state of the Linux user-mode personality.
 *
 * One guest process per host process: the state below is global.  Guest
 * addresses are host addresses (guest_base 0); the personality keeps its
 * own record of every guest mapping (the ELF images, the stack, brk and the
 * guest's mmaps) so that it can refuse to fetch code from non-executable
 * memory, check syscall buffers, and invalidate translations when
 * executable memory goes away.
 */
#ifndef REMU_USER_INTERNAL_H
#define REMU_USER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "user/user.h"

/* Generic syscall ids (user/syscall-ids.def). */
enum {
    USER_SYS_none = 0,
#define SYSCALL(name, args, ret) USER_SYS_##name,
#include "user/syscall-ids.def"
#undef SYSCALL
    USER_SYS_COUNT
};

/* The personality's own exception: a host fault on a guest access (set by
 * the host SIGSEGV/SIGBUS handler; cpu->exception_addr is the address). */
#define EXCP_USER_HOSTFAULT 0x20000
#define EXCP_USER_HOSTBUS   0x20001

/* ---- guest mappings (vma.c) -------------------------------------------- */

/* Record [start, end) as mapped with prot (PROT_*); replaces what was there. */
void vma_set(uint64_t start, uint64_t end, int prot);
/* Forget [start, end). */
void vma_clear(uint64_t start, uint64_t end);
/* True if every byte of [addr, addr + len) is mapped with at least prot. */
bool vma_check(uint64_t addr, uint64_t len, int prot);
/* True if any byte of [start, end) is mapped executable. */
bool vma_any_exec(uint64_t start, uint64_t end);
/* True if no byte of [start, end) is mapped. */
bool vma_free(uint64_t start, uint64_t end);
/* Protection of the page holding addr, or -1 when it is not mapped. */
int vma_prot(uint64_t addr);
/* The guest code reader installed with engine_set_code_reader. */
bool vma_code_read(uint64_t addr, void *buf, size_t len);

/* ---- the loaded program (elfload.c) ------------------------------------ */

typedef struct UserImage {
    uint64_t entry;             /* e_entry + load bias */
    uint64_t phdr, phnum, phent;/* program headers in guest memory */
    uint64_t bias;              /* load bias (0 for ET_EXEC) */
    uint64_t start, end;        /* lowest/highest address of the segments */
    bool exec_stack;            /* PT_GNU_STACK asked for PF_X */
} UserImage;

typedef struct UserProcess {
    const UserGuest *guest;
    const char *exe_path;       /* the guest program's absolute path */
    const char *ld_prefix;      /* -L / REMU_LD_PREFIX, or NULL */
    UserImage exe, interp;
    bool has_interp;
    uint64_t initial_pc, initial_sp;
    uint64_t brk_start, brk_cur;
    uint64_t stack_low, stack_high;
    CPU *cpu;
} UserProcess;

extern UserProcess user_proc;

/*
 * Load the program path (and its interpreter, looked up under prefix when
 * non-NULL) into memory and fill user_proc.  On failure write a one-line
 * reason into err and return the shell-style exit status: 127 when the
 * program or its interpreter does not exist, 126 for any other problem
 * (permission, not an ELF, wrong machine, corrupt file, no memory).
 */
int user_load_program(const UserGuest *g, const char *path, const char *prefix,
                      char *err, size_t errlen);

/* Build the initial stack (argv, envp, auxv) and set user_proc.initial_sp.
 * Returns 0, or 126 with a reason in err. */
int user_setup_stack(const UserGuest *g, int argc, char **argv, char **envp,
                     const char *execfn, char *err, size_t errlen);

/* ---- paths under the -L prefix (path.c) ------------------------------- */

/*
 * The host path for the guest absolute path: the file under
 * user_proc.ld_prefix when it exists there (resolved as in a chroot, into
 * buf), else path itself.  /proc, /dev, /sys and relative paths are the
 * host's.  follow_last: whether a link in the last component is followed.
 */
const char *user_prefix_path(const char *path, bool follow_last, char *buf, size_t buflen);

/* ---- system calls (syscall.c) ------------------------------------------ */

/* Options that a guest execve passes on to the new remu. */
typedef struct UserExecOptions {
    const char *self;           /* this remu binary */
    const char *ld_prefix;
    const char *accel;
    bool strace;
} UserExecOptions;

void syscall_init(const UserGuest *g, const UserExecOptions *opts);
/* Run the guest's system call and set its result register.  Returns true
 * when the guest asked to exit (exit/exit_group), with its status. */
bool do_syscall(CPU *cpu, int *exit_status);
/* Terminate the process as the kernel would for an unhandled signal. */
void user_die_by_signal(int sig) __attribute__((noreturn));

/* ---- signals (signal.c) ------------------------------------------------- */

/* Dispositions and mask inherited over execve; the guest's signal_init. */
void signal_init(const UserGuest *g);
/* At a safe point of the cpu loop (between cpu_exec calls): run the
 * handlers (or default actions) of the calling thread's pending signals. */
void signal_deliver_pending(CPU *cpu);
/* A synchronous signal of the instruction at env->pc (fault, UDF, BRK...):
 * to its handler at once, or the process dies.  SIGSEGV with code 0 gets
 * SEGV_MAPERR or SEGV_ACCERR from the record of guest mappings. */
void signal_force(CPU *cpu, int sig, int code, uint64_t addr);
/* kill, tkill, tgkill, rt_sigqueueinfo, rt_sigaction, rt_sigprocmask, rt_sigpending,
 * rt_sigsuspend, rt_sigtimedwait, sigaltstack, getitimer, setitimer. */
int64_t signal_syscall(CPU *cpu, int id, const uint64_t a[6]);
/* rt_sigreturn: registers, mask and altstack from the frame. */
void signal_sigreturn(CPU *cpu);
/* Syscall id returned -EINTR: true if it must run again (SA_RESTART). */
bool signal_restart_syscall(int id);
/* Host handler of SIGSEGV/SIGBUS, sent by kill: true if the guest takes it
 * (a handler, ignored, or blocked), false for the default action. */
bool signal_host_kill(int sig, const void *siginfo);
/* ppoll/pselect6: the guest mask at addr holds during the call (host_set,
 * a sigset_t, gets its host version for the host call); end says whether
 * the call was interrupted.  begin returns 0 or -errno. */
int signal_call_mask_begin(uint64_t addr, uint64_t size, void *host_set);
void signal_call_mask_end(bool interrupted);
/* Threads: the creator's mask, and the first call of a new guest thread. */
uint64_t signal_blocked(void);
void signal_thread_init(CPU *cpu, uint64_t blocked);

/* ---- the cpu loop (main.c) ------------------------------------------------ */

/* Run cpu until its thread exits (exit, or exit_group as the last thread);
 * returns the exit status. */
int user_cpu_loop(CPU *cpu);

/* ---- threads (thread.c) ---------------------------------------------------- */

/* The CPU the calling host thread runs. */
CPU *thread_current_cpu(void);
/* clone: a thread (CLONE_THREAD) or a new process (fork, vfork). */
int64_t thread_clone(CPU *cpu, uint64_t flags, uint64_t sp, uint64_t ptid, uint64_t tls,
                     uint64_t ctid);
/* exit: the kernel's clear_child_tid; the main thread then waits for the
 * others (the process lives on while any thread does). */
void thread_exit(CPU *cpu);
/* exit_group: returns only if the caller is the last thread; otherwise the
 * process ends here with status. */
void thread_exit_group(int status);
uint64_t thread_set_tid_address(uint64_t addr);
int64_t thread_set_robust_list(uint64_t head, uint64_t len);
int64_t thread_get_robust_list(int tid, uint64_t head_ptr, uint64_t len_ptr);
int64_t thread_futex(uint64_t uaddr, int op, uint32_t val, uint64_t timeout, uint64_t uaddr2,
                     uint32_t val3);

#endif
