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
} UserGuest;

extern const UserGuest aarch64_user;

/* remu-GUEST PROGRAM ARGS...: the user-mode main program. */
int user_main(const UserGuest *guest, int argc, char **argv);

#endif
