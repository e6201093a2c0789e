/*
 * user.h - the Linux user-mode personality and what it needs from a guest.
 *
 * Everything per-guest about Linux (ELF machine, syscall numbers, where the
 * syscall arguments live, the initial registers, auxv values) is described
 * by one UserGuest; the code in user/ never tests which guest it runs.
 */
#ifndef REMU_USER_H
#define REMU_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cpu.h"

/* Guest syscall number -> the generic syscall (user/syscall-ids.def). */
typedef struct UserSyscallName {
    int guest_nr;
    int id;                     /* USER_SYS_* */
} UserSyscallName;

/* Layouts of struct stat the personality can produce. */
typedef enum UserStatLayout {
    USER_STAT_GENERIC64,        /* asm-generic struct stat, 64-bit (arm64, riscv64...) */
} UserStatLayout;

/* Open flags whose bit differs between architectures. */
enum {
    USER_O_DIRECTORY = 1, USER_O_NOFOLLOW, USER_O_DIRECT, USER_O_LARGEFILE,
};
typedef struct UserFlagBit {
    uint32_t guest_bit;
    int flag;                   /* USER_O_* */
} UserFlagBit;

/* A guest sigaltstack (stack_t): base, size and SS_* flags. */
typedef struct UserSigStack {
    uint64_t sp, size;
    uint32_t flags;
} UserSigStack;

/* A signal about to run a guest handler, as user/signal.c hands it to the
 * guest's setup_frame. */
typedef struct UserSigFrame {
    int signo;
    uint8_t info[128];          /* siginfo_t, generic 64-bit layout */
    uint64_t handler, flags;    /* sa_handler, sa_flags (SA_*) */
    uint64_t restorer;          /* sa_restorer, or remu's sigreturn trampoline */
    uint64_t frame_top;         /* the frame goes below this (altstack top or sp) */
    uint64_t blocked;           /* the mask rt_sigreturn restores (uc_sigmask) */
    UserSigStack stack;         /* uc_stack: the altstack as seen at delivery */
    uint64_t fault_addr;        /* the thread's last fault address */
} UserSigFrame;

typedef struct UserGuest {
    const GuestArch *arch;
    const char *name;           /* "aarch64": remu-aarch64, binfmt name */
    uint16_t elf_machine;       /* EM_AARCH64 */
    uint8_t elf_class;          /* ELFCLASS64 / ELFCLASS32 */
    uint8_t elf_data;           /* ELFDATA2LSB / ELFDATA2MSB */
    const char *platform;       /* AT_PLATFORM string */
    uint64_t hwcap, hwcap2;     /* AT_HWCAP, AT_HWCAP2 */
    uint64_t minsigstksz;       /* AT_MINSIGSTKSZ */
    uint64_t page_size;         /* AT_PAGESZ */
    const char *default_interp_prefix; /* e.g. "/usr/aarch64-linux-gnu" */

    /* Registers at process start (pc = entry, sp = initial stack). */
    void (*init_regs)(CPUCommon *env, uint64_t entry, uint64_t sp);
    /* Set the thread pointer (CLONE_SETTLS) and the stack of a new thread. */
    void (*set_tls)(CPUCommon *env, uint64_t tls);
    void (*set_sp)(CPUCommon *env, uint64_t sp);

    /* Syscalls: which exception is one, number/arguments/result. */
    int excp_syscall;
    uint64_t (*syscall_nr)(const CPUCommon *env);
    void (*syscall_args)(const CPUCommon *env, uint64_t args[6]);
    void (*syscall_set_ret)(CPUCommon *env, uint64_t ret);
    const UserSyscallName *syscalls;    /* terminated by { -1, 0 } */

    /*
     * Any other exception: fill the signal the guest gets (signo, si_code,
     * fault address) and return true, or return false if excp is not a
     * guest exception (a bug: the loop reports it and aborts the guest).
     */
    bool (*excp_to_signal)(CPU *cpu, int excp, int *signo, int *code, uint64_t *addr);

    /* -cpu NAME: the accepted models, NULL-terminated (the first is the default). */
    const char *const *cpu_models;
    /* struct stat as the guest's fstat/newfstatat return it. */
    UserStatLayout stat_layout;
    /* open()/fcntl(F_GETFL) flag bits that differ from the host's:
     * { guest bit, generic Linux name } pairs, terminated by { 0, 0 }. */
    const UserFlagBit *open_flags;

    /*
     * Signal delivery (user/signal.c decides what to deliver; these write
     * and read the guest's frame).  setup_frame builds the frame of f below
     * f->frame_top and points the registers at the handler; false when the
     * frame cannot be written (the kernel then forces SIGSEGV).
     * restore_frame is rt_sigreturn: reload the registers from the frame at
     * the stack pointer and give back the saved mask and uc_stack; false for
     * a bad frame (SIGSEGV).
     */
    bool (*setup_frame)(CPU *cpu, const UserSigFrame *f);
    bool (*restore_frame)(CPU *cpu, uint64_t *blocked, UserSigStack *stack);
    uint64_t (*get_sp)(const CPUCommon *env);
    /* Bytes of the syscall instruction (a restarted syscall runs it again). */
    uint8_t syscall_insn_len;
    /* Called once before the guest runs (e.g. to make helper faults precise). */
    void (*signal_init)(void);
} UserGuest;

extern const UserGuest aarch64_user;

/* remu-GUEST PROGRAM ARGS...: the user-mode main program. */
int user_main(const UserGuest *guest, int argc, char **argv);

#endif
