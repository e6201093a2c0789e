/*
 * target.c - the AArch64 Linux user-mode description (UserGuest).
 *
 * Syscall numbers follow the asm-generic table (include/uapi/asm-generic/
 * unistd.h): the number is in x8, arguments in x0..x5, the result in x0.
 * The initial register state is what the kernel's start_thread gives: pc =
 * entry, sp = the stack built by the loader, every other register zero.
 */
#define _GNU_SOURCE
#include "config.h"

#include <signal.h>

#include "frontend/aarch64/cpu.h"
#include "user/aarch64/signal.h"
#include "user/user-internal.h"

#define EM_AARCH64_NR 183
#define ELFCLASS64_NR 2
#define ELFDATA2LSB_NR 1

/* AT_HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h).  Only the features
 * the a64 frontend implements are advertised: not FEAT_FP16 (FPHP, ASIMDHP),
 * nor the CPUID register emulation (bit 11). */
#define A64_HWCAP ( \
    (1u << 0) |     /* HWCAP_FP: scalar single and double, half conversions */ \
    (1u << 1) |     /* HWCAP_ASIMD: integer and FP (single, double) */ \
    (1u << 3) |     /* HWCAP_AES */ \
    (1u << 4) |     /* HWCAP_PMULL */ \
    (1u << 5) |     /* HWCAP_SHA1 */ \
    (1u << 6) |     /* HWCAP_SHA2 */ \
    (1u << 7) |     /* HWCAP_CRC32 */ \
    (1u << 8) |     /* HWCAP_ATOMICS: FEAT_LSE */ \
    (1u << 15) |    /* HWCAP_LRCPC: LDAPR */ \
    (1u << 16) |    /* HWCAP_DCPOP: DC CVAP */ \
    0)

static void a64_init_regs(CPUCommon *c, uint64_t entry, uint64_t sp)
{
    AArch64Env *env = (AArch64Env *)c;

    for (int i = 0; i < 31; i++)
        env->x[i] = 0;
    env->sp = sp;
    env->common.pc = entry;
    env->excl_addr = (uint64_t)-1;
}

static void a64_set_tls(CPUCommon *c, uint64_t tls)
{
    ((AArch64Env *)c)->tpidr_el0 = tls;
}

static void a64_set_sp(CPUCommon *c, uint64_t sp)
{
    ((AArch64Env *)c)->sp = sp;
}

static uint64_t a64_syscall_nr(const CPUCommon *c)
{
    return ((const AArch64Env *)c)->x[8];
}

static void a64_syscall_args(const CPUCommon *c, uint64_t args[6])
{
    const AArch64Env *env = (const AArch64Env *)c;

    for (int i = 0; i < 6; i++)
        args[i] = env->x[i];
}

static void a64_syscall_set_ret(CPUCommon *c, uint64_t ret)
{
    ((AArch64Env *)c)->x[0] = ret;
}

static bool a64_excp_to_signal(CPU *cpu, int excp, int *signo, int *code, uint64_t *addr)
{
    switch (excp) {
    case EXCP_A64_UDEF:
        *signo = SIGILL;
        *code = ILL_ILLOPC;
        *addr = cpu->env->pc;
        return true;
    case EXCP_A64_BRK:
        *signo = SIGTRAP;
        *code = TRAP_BRKPT;
        *addr = cpu->env->pc;
        return true;
    case EXCP_UNALIGNED:
        *signo = SIGBUS;
        *code = BUS_ADRALN;
        *addr = cpu->exception_addr;
        return true;
    default:
        return false;
    }
}

/* Guest numbers -> generic ids, from asm-generic/unistd.h. */
static const UserSyscallName a64_syscalls[] = {
    { 0, USER_SYS_io_setup },
    { 5, USER_SYS_setxattr },
    { 6, USER_SYS_lsetxattr },
    { 7, USER_SYS_fsetxattr },
    { 8, USER_SYS_getxattr },
    { 9, USER_SYS_lgetxattr },
    { 10, USER_SYS_fgetxattr },
    { 11, USER_SYS_listxattr },
    { 12, USER_SYS_llistxattr },
    { 13, USER_SYS_flistxattr },
    { 14, USER_SYS_removexattr },
    { 15, USER_SYS_lremovexattr },
    { 16, USER_SYS_fremovexattr },
    { 17, USER_SYS_getcwd },
    { 19, USER_SYS_eventfd2 },
    { 20, USER_SYS_epoll_create1 },
    { 21, USER_SYS_epoll_ctl },
    { 22, USER_SYS_epoll_pwait },
    { 23, USER_SYS_dup },
    { 24, USER_SYS_dup3 },
    { 25, USER_SYS_fcntl },
    { 26, USER_SYS_inotify_init1 },
    { 27, USER_SYS_inotify_add_watch },
    { 28, USER_SYS_inotify_rm_watch },
    { 29, USER_SYS_ioctl },
    { 32, USER_SYS_flock },
    { 33, USER_SYS_mknodat },
    { 34, USER_SYS_mkdirat },
    { 35, USER_SYS_unlinkat },
    { 36, USER_SYS_symlinkat },
    { 37, USER_SYS_linkat },
    { 38, USER_SYS_renameat },
    { 39, USER_SYS_umount2 },
    { 40, USER_SYS_mount },
    { 43, USER_SYS_statfs },
    { 44, USER_SYS_fstatfs },
    { 45, USER_SYS_truncate },
    { 46, USER_SYS_ftruncate },
    { 47, USER_SYS_fallocate },
    { 48, USER_SYS_faccessat },
    { 49, USER_SYS_chdir },
    { 50, USER_SYS_fchdir },
    { 51, USER_SYS_chroot },
    { 52, USER_SYS_fchmod },
    { 53, USER_SYS_fchmodat },
    { 54, USER_SYS_fchownat },
    { 55, USER_SYS_fchown },
    { 56, USER_SYS_openat },
    { 57, USER_SYS_close },
    { 59, USER_SYS_pipe2 },
    { 61, USER_SYS_getdents64 },
    { 62, USER_SYS_lseek },
    { 63, USER_SYS_read },
    { 64, USER_SYS_write },
    { 65, USER_SYS_readv },
    { 66, USER_SYS_writev },
    { 67, USER_SYS_pread64 },
    { 68, USER_SYS_pwrite64 },
    { 69, USER_SYS_preadv },
    { 70, USER_SYS_pwritev },
    { 71, USER_SYS_sendfile },
    { 72, USER_SYS_pselect6 },
    { 73, USER_SYS_ppoll },
    { 78, USER_SYS_readlinkat },
    { 79, USER_SYS_newfstatat },
    { 80, USER_SYS_fstat },
    { 81, USER_SYS_sync },
    { 82, USER_SYS_fsync },
    { 83, USER_SYS_fdatasync },
    { 85, USER_SYS_timerfd_create },
    { 86, USER_SYS_timerfd_settime },
    { 87, USER_SYS_timerfd_gettime },
    { 88, USER_SYS_utimensat },
    { 90, USER_SYS_capget },
    { 92, USER_SYS_personality },
    { 93, USER_SYS_exit },
    { 94, USER_SYS_exit_group },
    { 95, USER_SYS_waitid },
    { 96, USER_SYS_set_tid_address },
    { 98, USER_SYS_futex },
    { 99, USER_SYS_set_robust_list },
    { 100, USER_SYS_get_robust_list },
    { 101, USER_SYS_nanosleep },
    { 102, USER_SYS_getitimer },
    { 103, USER_SYS_setitimer },
    { 113, USER_SYS_clock_gettime },
    { 114, USER_SYS_clock_getres },
    { 115, USER_SYS_clock_nanosleep },
    { 122, USER_SYS_sched_setaffinity },
    { 123, USER_SYS_sched_getaffinity },
    { 124, USER_SYS_sched_yield },
    { 128, USER_SYS_restart_syscall },
    { 129, USER_SYS_kill },
    { 130, USER_SYS_tkill },
    { 131, USER_SYS_tgkill },
    { 137, USER_SYS_rt_sigtimedwait },
    { 138, USER_SYS_rt_sigqueueinfo },
    { 132, USER_SYS_sigaltstack },
    { 133, USER_SYS_rt_sigsuspend },
    { 134, USER_SYS_rt_sigaction },
    { 135, USER_SYS_rt_sigprocmask },
    { 136, USER_SYS_rt_sigpending },
    { 139, USER_SYS_rt_sigreturn },
    { 140, USER_SYS_setpriority },
    { 141, USER_SYS_getpriority },
    { 143, USER_SYS_setregid },
    { 144, USER_SYS_setgid },
    { 145, USER_SYS_setreuid },
    { 146, USER_SYS_setuid },
    { 147, USER_SYS_setresuid },
    { 148, USER_SYS_getresuid },
    { 149, USER_SYS_setresgid },
    { 150, USER_SYS_getresgid },
    { 153, USER_SYS_times },
    { 154, USER_SYS_setpgid },
    { 155, USER_SYS_getpgid },
    { 156, USER_SYS_getsid },
    { 157, USER_SYS_setsid },
    { 158, USER_SYS_getgroups },
    { 159, USER_SYS_setgroups },
    { 160, USER_SYS_uname },
    { 161, USER_SYS_sethostname },
    { 163, USER_SYS_getrlimit },
    { 164, USER_SYS_setrlimit },
    { 165, USER_SYS_getrusage },
    { 166, USER_SYS_umask },
    { 167, USER_SYS_prctl },
    { 168, USER_SYS_getcpu },
    { 169, USER_SYS_gettimeofday },
    { 172, USER_SYS_getpid },
    { 173, USER_SYS_getppid },
    { 174, USER_SYS_getuid },
    { 175, USER_SYS_geteuid },
    { 176, USER_SYS_getgid },
    { 177, USER_SYS_getegid },
    { 178, USER_SYS_gettid },
    { 179, USER_SYS_sysinfo },
    { 198, USER_SYS_socket },
    { 199, USER_SYS_socketpair },
    { 200, USER_SYS_bind },
    { 201, USER_SYS_listen },
    { 202, USER_SYS_accept },
    { 203, USER_SYS_connect },
    { 204, USER_SYS_getsockname },
    { 205, USER_SYS_getpeername },
    { 206, USER_SYS_sendto },
    { 207, USER_SYS_recvfrom },
    { 208, USER_SYS_setsockopt },
    { 209, USER_SYS_getsockopt },
    { 210, USER_SYS_shutdown },
    { 211, USER_SYS_sendmsg },
    { 212, USER_SYS_recvmsg },
    { 214, USER_SYS_brk },
    { 215, USER_SYS_munmap },
    { 216, USER_SYS_mremap },
    { 220, USER_SYS_clone },
    { 221, USER_SYS_execve },
    { 222, USER_SYS_mmap },
    { 223, USER_SYS_fadvise64 },
    { 226, USER_SYS_mprotect },
    { 227, USER_SYS_msync },
    { 228, USER_SYS_mlock },
    { 229, USER_SYS_munlock },
    { 232, USER_SYS_mincore },
    { 233, USER_SYS_madvise },
    { 242, USER_SYS_accept4 },
    { 260, USER_SYS_wait4 },
    { 261, USER_SYS_prlimit64 },
    { 276, USER_SYS_renameat2 },
    { 278, USER_SYS_getrandom },
    { 279, USER_SYS_memfd_create },
    { 283, USER_SYS_membarrier },
    { 285, USER_SYS_copy_file_range },
    { 291, USER_SYS_statx },
    { 293, USER_SYS_rseq },
    { 435, USER_SYS_clone3 },
    { 436, USER_SYS_close_range },
    { 439, USER_SYS_faccessat2 },
    { -1, 0 },
};

static const char *const a64_cpu_models[] = { "max", NULL };

/* arch/arm64/include/uapi/asm/fcntl.h moves these four bits. */
static const UserFlagBit a64_open_flags[] = {
    { 040000, USER_O_DIRECTORY },
    { 0100000, USER_O_NOFOLLOW },
    { 0200000, USER_O_DIRECT },
    { 0400000, USER_O_LARGEFILE },
    { 0, 0 },
};

const UserGuest aarch64_user = {
    .arch = &aarch64_arch,
    .name = "aarch64",
    .elf_machine = EM_AARCH64_NR,
    .elf_class = ELFCLASS64_NR,
    .elf_data = ELFDATA2LSB_NR,
    .platform = "aarch64",
    .hwcap = A64_HWCAP,
    .hwcap2 = 0,
    .minsigstksz = 5120,
    .page_size = 4096,
    .default_interp_prefix = "/usr/aarch64-linux-gnu",
    .init_regs = a64_init_regs,
    .set_tls = a64_set_tls,
    .set_sp = a64_set_sp,
    .excp_syscall = EXCP_A64_SVC,
    .syscall_nr = a64_syscall_nr,
    .syscall_args = a64_syscall_args,
    .syscall_set_ret = a64_syscall_set_ret,
    .syscalls = a64_syscalls,
    .excp_to_signal = a64_excp_to_signal,
    .cpu_models = a64_cpu_models,
    .stat_layout = USER_STAT_GENERIC64,
    .open_flags = a64_open_flags,
    .setup_frame = a64_setup_frame,
    .restore_frame = a64_restore_frame,
    .get_sp = a64_get_sp,
    .syscall_insn_len = 4,
    .signal_init = a64_signal_init,
};
