/*
 * syscall.c - the guest's Linux system calls, run on the host kernel.
 *
 * Guest addresses are host addresses, so most calls pass their arguments
 * straight to the host after two things: buffers are checked against the
 * personality's record of guest mappings (a guest pointer into remu's own
 * memory gets EFAULT, as it would on a real kernel where that memory does
 * not exist), and the few structures or flag bits whose layout differs
 * between the guest and the host are translated (struct stat, open flags).
 * Results are the kernel's: a value, or -errno (guest errno numbers are the
 * asm-generic ones, the host's on x86_64 and arm64).
 *
 * Signals are user/signal.c's: the signal syscalls go there, and a call
 * that a signal interrupted (-EINTR) runs again after the handler when its
 * SA_RESTART says so.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/timerfd.h>
#include <sys/xattr.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/tb.h"
#include "user/user-internal.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

/* Kernel value of O_LARGEFILE on the host (glibc defines it as 0 on 64-bit). */
#if defined(__x86_64__)
#define HOST_O_LARGEFILE 0100000
#elif defined(__aarch64__)
#define HOST_O_LARGEFILE 0400000
#else
#define HOST_O_LARGEFILE 0
#endif

typedef struct SyscallInfo {
    const char *name, *args;
    char ret;
} SyscallInfo;

static const SyscallInfo syscall_info[USER_SYS_COUNT] = {
#define SYSCALL(n, a, r) [USER_SYS_##n] = { #n, a, r },
#include "user/syscall-ids.def"
#undef SYSCALL
};

#define MAX_GUEST_NR 1024
static uint16_t nr_to_id[MAX_GUEST_NR];
static const UserGuest *guest;
static UserExecOptions exec_opts;

void syscall_init(const UserGuest *g, const UserExecOptions *opts)
{
    guest = g;
    if (opts)
        exec_opts = *opts;
    for (const UserSyscallName *s = g->syscalls; s->guest_nr >= 0; s++)
        if (s->guest_nr < MAX_GUEST_NR)
            nr_to_id[s->guest_nr] = (uint16_t)s->id;
    signal_init(g);
}

void user_die_by_signal(int sig)
{
    struct sigaction sa;
    struct rlimit rl = { 0, 0 };
    sigset_t set;
    FILE *lf = log_file();

    fflush(stdout);
    if (lf)
        fflush(lf);
    /* The core dump would be remu's, not the guest's: suppress it. */
    setrlimit(RLIMIT_CORE, &rl);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

/* ---- guest memory checks ------------------------------------------------- */

static bool g_read_ok(uint64_t a, uint64_t n)
{
    return vma_check(a, n, PROT_READ);
}

static bool g_write_ok(uint64_t a, uint64_t n)
{
    return vma_check(a, n, PROT_WRITE);
}

/* A guest C string, or NULL when it is not readable (or longer than PATH_MAX). */
static const char *g_str(uint64_t a)
{
    uint64_t page = guest->page_size;

    if (!a)
        return NULL;
    for (uint64_t p = a; p - a <= PATH_MAX;) {
        uint64_t end = (p | (page - 1)) + 1;
        if (!vma_check(p, 1, PROT_READ))
            return NULL;
        for (; p < end; p++)
            if (*(const char *)(uintptr_t)p == 0)
                return (const char *)(uintptr_t)a;
    }
    return NULL;
}

static void *gp(uint64_t a)
{
    return (void *)(uintptr_t)a;
}

static int64_t host_ret(long r)
{
    return r < 0 ? -(int64_t)errno : r;
}

static int host_fd(uint64_t a)
{
    return (int)(int32_t)a;
}

/* The guest path, with /proc/self/exe naming the guest program. */
static const char *guest_path(const char *p)
{
    char self[64];

    if (!p)
        return p;
    snprintf(self, sizeof(self), "/proc/%d/exe", (int)getpid());
    if (!strcmp(p, "/proc/self/exe") || !strcmp(p, self))
        return user_proc.exe_path;
    return p;
}

/* The host path of a guest path that a call only looks up: under the -L
 * prefix when it exists there (user/path.c); follow says whether a link in
 * the last component is followed.  One buffer per thread and argument. */
static const char *lookup_path(const char *p, bool follow, int which)
{
    static __thread char buf[2][PATH_MAX];

    p = guest_path(p);
    if (!p || p == user_proc.exe_path)
        return p;
    return user_prefix_path(p, follow, buf[which], sizeof(buf[which]));
}

/* ---- flag and structure translation -------------------------------------- */

static uint32_t host_open_bit(int flag)
{
    switch (flag) {
    case USER_O_DIRECTORY: return O_DIRECTORY;
    case USER_O_NOFOLLOW: return O_NOFOLLOW;
    case USER_O_DIRECT: return O_DIRECT;
    case USER_O_LARGEFILE: return HOST_O_LARGEFILE;
    default: return 0;
    }
}

static uint32_t open_flags_to_host(uint32_t f)
{
    uint32_t out = f;

    if (!guest->open_flags)
        return f;
    for (const UserFlagBit *b = guest->open_flags; b->guest_bit; b++)
        out &= ~b->guest_bit;
    for (const UserFlagBit *b = guest->open_flags; b->guest_bit; b++)
        if (f & b->guest_bit)
            out |= host_open_bit(b->flag);
    return out;
}

static uint32_t open_flags_to_guest(uint32_t f)
{
    uint32_t out = f;

    if (!guest->open_flags)
        return f;
    for (const UserFlagBit *b = guest->open_flags; b->guest_bit; b++)
        out &= ~host_open_bit(b->flag);
    for (const UserFlagBit *b = guest->open_flags; b->guest_bit; b++)
        if (host_open_bit(b->flag) && (f & host_open_bit(b->flag)))
            out |= b->guest_bit;
    return out;
}

static void put64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

/* asm-generic struct stat (64-bit): 128 bytes. */
static int64_t stat_to_guest(uint64_t addr, const struct stat *st)
{
    uint8_t b[128];

    if (guest->stat_layout != USER_STAT_GENERIC64)
        return -ENOSYS;
    memset(b, 0, sizeof(b));
    put64(b + 0, st->st_dev);
    put64(b + 8, st->st_ino);
    put32(b + 16, st->st_mode);
    put32(b + 20, (uint32_t)st->st_nlink);
    put32(b + 24, st->st_uid);
    put32(b + 28, st->st_gid);
    put64(b + 32, st->st_rdev);
    put64(b + 48, (uint64_t)st->st_size);
    put32(b + 56, (uint32_t)st->st_blksize);
    put64(b + 64, (uint64_t)st->st_blocks);
    put64(b + 72, (uint64_t)st->st_atim.tv_sec);
    put64(b + 80, (uint64_t)st->st_atim.tv_nsec);
    put64(b + 88, (uint64_t)st->st_mtim.tv_sec);
    put64(b + 96, (uint64_t)st->st_mtim.tv_nsec);
    put64(b + 104, (uint64_t)st->st_ctim.tv_sec);
    put64(b + 112, (uint64_t)st->st_ctim.tv_nsec);
    if (!g_write_ok(addr, sizeof(b)))
        return -EFAULT;
    memcpy(gp(addr), b, sizeof(b));
    return 0;
}

/* ---- memory --------------------------------------------------------------- */

static uint64_t page_up(uint64_t a)
{
    return (a + guest->page_size - 1) & ~(guest->page_size - 1);
}

/* Host protection for a guest one: guest code is never run natively, but
 * the frontend must read it. */
static int host_prot(int prot)
{
    return (prot & ~PROT_EXEC) | (prot & PROT_EXEC ? PROT_READ : 0);
}

static void invalidate_if_exec(uint64_t start, uint64_t end)
{
    if (vma_any_exec(start, end))
        tb_invalidate_range(start, end);
}

static int64_t sys_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd, uint64_t off)
{
    uint64_t end;
    void *m;

    if (len == 0 || (off & (guest->page_size - 1)))
        return -EINVAL;
    len = page_up(len);
    if (len == 0)
        return -ENOMEM;
    if ((flags & MAP_FIXED) && (addr & (guest->page_size - 1)))
        return -EINVAL;
    /* MAP_FIXED may only replace guest memory, never remu's own. */
    if ((flags & MAP_FIXED) && vma_free(addr, addr + len))
        flags = (flags & ~MAP_FIXED) | MAP_FIXED_NOREPLACE;
    if (flags & MAP_FIXED)
        invalidate_if_exec(addr, addr + len);
    m = mmap(gp(addr), len, host_prot(prot), flags, fd, (off_t)off);
    if (m == MAP_FAILED)
        return errno == EEXIST ? -ENOMEM : -errno;
    end = (uint64_t)(uintptr_t)m + len;
    vma_set((uint64_t)(uintptr_t)m, end, prot);
    return (int64_t)(uintptr_t)m;
}

static int64_t sys_munmap(uint64_t addr, uint64_t len)
{
    if ((addr & (guest->page_size - 1)) || len == 0)
        return -EINVAL;
    len = page_up(len);
    if (addr + len < addr)
        return -EINVAL;
    if (vma_free(addr, addr + len))
        return 0;
    invalidate_if_exec(addr, addr + len);
    if (munmap(gp(addr), len) < 0)
        return -errno;
    vma_clear(addr, addr + len);
    return 0;
}

static int64_t sys_mprotect(uint64_t addr, uint64_t len, int prot)
{
    if (addr & (guest->page_size - 1))
        return -EINVAL;
    len = page_up(len);
    if (!vma_check(addr, len, 0))
        return -ENOMEM;
    invalidate_if_exec(addr, addr + len);
    if (mprotect(gp(addr), len, host_prot(prot)) < 0)
        return -errno;
    vma_set(addr, addr + len, prot);
    return 0;
}

static int64_t sys_mremap(uint64_t old, uint64_t oldlen, uint64_t newlen, int flags, uint64_t naddr)
{
    int prot;
    void *m;

    if (old & (guest->page_size - 1))
        return -EINVAL;
    oldlen = page_up(oldlen);
    newlen = page_up(newlen);
    if (!vma_check(old, oldlen ? oldlen : 1, 0))
        return -EFAULT;
    if ((flags & MREMAP_FIXED) && !vma_free(naddr, naddr + newlen))
        return -EINVAL;
    prot = vma_prot(old);
    invalidate_if_exec(old, old + oldlen);
    m = mremap(gp(old), oldlen, newlen, flags, gp(naddr));
    if (m == MAP_FAILED)
        return -errno;
    if (m != gp(old))
        vma_clear(old, old + oldlen);
    else if (newlen < oldlen)
        vma_clear(old + newlen, old + oldlen);
    vma_set((uint64_t)(uintptr_t)m, (uint64_t)(uintptr_t)m + newlen, prot);
    return (int64_t)(uintptr_t)m;
}

static int64_t sys_brk(uint64_t want)
{
    uint64_t cur = page_up(user_proc.brk_cur), next;

    if (want < user_proc.brk_start)
        return (int64_t)user_proc.brk_cur;
    next = page_up(want);
    if (next < want || next - user_proc.brk_start > (UINT64_C(1) << 40))
        return (int64_t)user_proc.brk_cur;
    if (next > cur) {
        void *m;
        if (!vma_free(cur, next))
            return (int64_t)user_proc.brk_cur;
        m = mmap(gp(cur), next - cur, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (m == MAP_FAILED)
            return (int64_t)user_proc.brk_cur;
        if (m != gp(cur)) {
            munmap(m, next - cur);
            return (int64_t)user_proc.brk_cur;
        }
        vma_set(cur, next, PROT_READ | PROT_WRITE);
    } else if (next < cur) {
        munmap(gp(next), cur - next);
        vma_clear(next, cur);
    }
    user_proc.brk_cur = want;
    return (int64_t)want;
}

/* ---- processes ------------------------------------------------------------- */

/* Is path an ELF file for this guest (to be run under remu)? */
static bool guest_elf(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool ok;

    if (fd < 0)
        return false;
    ok = read(fd, h, sizeof(h)) == (ssize_t)sizeof(h) && !memcmp(h, "\177ELF", 4) &&
         h[4] == guest->elf_class && h[5] == guest->elf_data &&
         (guest->elf_data == 1 ? h[18] | h[19] << 8 : h[19] | h[18] << 8) == guest->elf_machine;
    close(fd);
    return ok;
}

/*
 * The kernel's binfmt_script: a file that starts with "#!" names its
 * interpreter on that line, with at most one argument (the rest of the
 * line, blanks around it removed); only the first SCRIPT_BUF bytes are
 * read.  Returns 1 with *interp and *arg (NULL when none) pointing into
 * buf, 0 when the file is no script, -ENOEXEC when the line names no
 * interpreter or the interpreter's name does not fit in the buffer.
 */
#define SCRIPT_BUF 256              /* Linux's BINPRM_BUF_SIZE */
#define SCRIPT_DEPTH 4              /* interpreters that are scripts: ELOOP beyond */

static int script_interp(const char *path, char buf[SCRIPT_BUF + 1], const char **interp,
                         const char **arg)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;
    char *s, *e, *nl;

    if (fd < 0)
        return 0;
    n = read(fd, buf, SCRIPT_BUF);
    close(fd);
    if (n < 2 || buf[0] != '#' || buf[1] != '!')
        return 0;
    buf[n] = '\0';
    nl = memchr(buf, '\n', (size_t)n);
    s = buf + 2;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!nl && n == SCRIPT_BUF) {
        /* A longer line: the argument may be cut, but not the name. */
        e = s + strcspn(s, " \t");
        if (*e == '\0')
            return -ENOEXEC;
    }
    if (nl)
        *nl = '\0';
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    if (*s == '\0')
        return -ENOEXEC;
    *interp = s;
    e = s + strcspn(s, " \t");
    *arg = NULL;
    if (*e) {
        *e++ = '\0';
        while (*e == ' ' || *e == '\t')
            e++;
        if (*e)
            *arg = e;
    }
    return 1;
}

/* execve of a guest program: run it under a new remu, with our options.
 * A "#!" script runs its interpreter (looked up under -L like any guest
 * path) with the argument list Linux gives it: the interpreter, its
 * argument if any, the script's path as the guest passed it, then the
 * guest's argv without argv[0]. */
static int64_t sys_execve(uint64_t path, uint64_t argv, uint64_t envp)
{
    static __thread char line[SCRIPT_DEPTH][SCRIPT_BUF + 1];
    static __thread char found[PATH_MAX];
    const char *name = g_str(path), *p;
    /* What replaces the guest's argv[0], in order: 3 per script at most. */
    const char *lead[3 * SCRIPT_DEPTH + 1];
    size_t nlead = 0, argc = 0, n = 0;
    char **args;
    int64_t r;

    if (!name || !argv || !g_read_ok(argv, 8))
        return -EFAULT;
    while (g_read_ok(argv + 8 * argc, 8) && *(uint64_t *)gp(argv + 8 * argc))
        argc++;
    if (argc > 0) {
        lead[nlead] = g_str(*(uint64_t *)gp(argv));
        if (!lead[nlead++])
            return -EFAULT;
    }
    for (int depth = 0;; depth++) {
        const char *interp, *arg;
        int k;

        p = lookup_path(name, true, 0);
        if (!p)
            return -EFAULT;
        if (access(p, X_OK) < 0)
            return -errno;
        if (guest_elf(p))
            break;
        if (depth == SCRIPT_DEPTH)
            return -ELOOP;
        k = script_interp(p, line[depth], &interp, &arg);
        if (k <= 0)
            return k < 0 ? k : -ENOEXEC;
        /* [interp, arg, name] replace lead[0]. */
        if (nlead > 0)
            memmove(lead, lead + 1, --nlead * sizeof(lead[0]));
        memmove(lead + (arg ? 3 : 2), lead, nlead * sizeof(lead[0]));
        lead[0] = interp;
        if (arg)
            lead[1] = arg;
        lead[arg ? 2 : 1] = name;
        nlead += arg ? 3 : 2;
        name = interp;
    }
    /* lookup_path's buffer is the next call's: keep the program's path. */
    if (p != name) {
        snprintf(found, sizeof(found), "%s", p);
        p = found;
    }
    args = calloc(argc + nlead + 12, sizeof(char *));
    if (!args)
        return -ENOMEM;
    args[n++] = (char *)exec_opts.self;
    args[n++] = (char *)guest->name;
    if (exec_opts.ld_prefix) {
        args[n++] = "-L";
        args[n++] = (char *)exec_opts.ld_prefix;
    }
    if (exec_opts.accel) {
        args[n++] = "-accel";
        args[n++] = (char *)exec_opts.accel;
    }
    if (exec_opts.strace)
        args[n++] = "-strace";
    if (nlead > 0) {
        args[n++] = "-0";
        args[n++] = (char *)lead[0];
    }
    args[n++] = "--";
    args[n++] = (char *)p;
    for (size_t i = 1; i < nlead; i++)
        args[n++] = (char *)lead[i];
    for (size_t i = 1; i < argc; i++) {
        const char *a = g_str(*(uint64_t *)gp(argv + 8 * i));
        if (!a) {
            free(args);
            return -EFAULT;
        }
        args[n++] = (char *)a;
    }
    args[n] = NULL;
    if (exec_opts.self == NULL) {
        free(args);
        return -ENOEXEC;
    }
    fflush(NULL);
    r = host_ret(execve(exec_opts.self, args, envp ? (char **)gp(envp) : NULL));
    free(args);
    return r;
}

/* ---- -strace ---------------------------------------------------------------- */

/* A guest string as strace shows it: quoted, with C escapes for quotes,
 * backslashes and unprintable bytes.  Strings are shown whole (g_str gives
 * at most PATH_MAX bytes), since paths are what -strace users look for;
 * "..." after the closing quote marks one cut short by the buffer.
 * Returns the new length of buf. */
#define STRACE_STR_MAX PATH_MAX

static size_t strace_string(char *buf, size_t size, size_t n, const char *s)
{
    size_t i;

    if (n + 8 >= size)
        return n;
    buf[n++] = '"';
    for (i = 0; s[i] && i < STRACE_STR_MAX && n + 8 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else if (c < 0x20 || c >= 0x7f) {
            n += (size_t)snprintf(buf + n, size - n, "\\%o", c);
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = '"';
    if (s[i] && n + 4 < size) {
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = 0;
    return n;
}

static void strace_format(char *buf, size_t size, int id, uint64_t nr, const uint64_t a[6])
{
    const SyscallInfo *si = id ? &syscall_info[id] : NULL;
    size_t n;

    if (!si) {
        snprintf(buf, size, "%d syscall_%" PRIu64 "(0x%" PRIx64 ",0x%" PRIx64 ",0x%" PRIx64 ")",
                 (int)getpid(), nr, a[0], a[1], a[2]);
        return;
    }
    n = (size_t)snprintf(buf, size, "%d %s(", (int)getpid(), si->name);
    for (int i = 0; si->args[i] && n + 32 < size; i++) {
        const char *s;
        if (i)
            buf[n++] = ',';
        switch (si->args[i]) {
        case 'd': n += (size_t)snprintf(buf + n, size - n, "%" PRId64, (int64_t)a[i]); break;
        case 'u': n += (size_t)snprintf(buf + n, size - n, "%" PRIu64, a[i]); break;
        case 'o': n += (size_t)snprintf(buf + n, size - n, "0%" PRIo64, a[i]); break;
        case 'f':
            if ((int32_t)a[i] == AT_FDCWD)
                n += (size_t)snprintf(buf + n, size - n, "AT_FDCWD");
            else
                n += (size_t)snprintf(buf + n, size - n, "%d", (int32_t)a[i]);
            break;
        case 's':
            s = g_str(a[i]);
            if (s)
                n = strace_string(buf, size, n, s);
            else
                n += (size_t)snprintf(buf + n, size - n, "0x%" PRIx64, a[i]);
            break;
        default:
            n += (size_t)snprintf(buf + n, size - n, "0x%" PRIx64, a[i]);
            break;
        }
    }
    if (n < size - 1) {
        buf[n++] = ')';
        buf[n] = 0;
    }
}

static void strace_result(const char *call, int id, int64_t r)
{
    char ret = id ? syscall_info[id].ret : 'd';

    if (r < 0 && r >= -4095)
        log_printf("%s = -1 errno=%d (%s)\n", call, (int)-r, strerror((int)-r));
    else if (ret == 'x')
        log_printf("%s = 0x%" PRIx64 "\n", call, (uint64_t)r);
    else if (ret == 'o')
        log_printf("%s = 0%" PRIo64 "\n", call, (uint64_t)r);
    else
        log_printf("%s = %" PRId64 "\n", call, r);
}

/* ---- the dispatcher ----------------------------------------------------------- */

static int64_t sys_iov(int id, int fd, uint64_t iov, int cnt, int64_t off, bool positional)
{
    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    if (!g_read_ok(iov, (uint64_t)cnt * 16))
        return -EFAULT;
    for (int i = 0; i < cnt; i++) {
        uint64_t base, len;
        memcpy(&base, gp(iov + 16 * (uint64_t)i), 8);
        memcpy(&len, gp(iov + 16 * (uint64_t)i + 8), 8);
        if (len && !(id == USER_SYS_readv || id == USER_SYS_preadv ? g_write_ok(base, len)
                                                                   : g_read_ok(base, len)))
            return -EFAULT;
    }
    switch (id) {
    case USER_SYS_readv: return host_ret(readv(fd, gp(iov), cnt));
    case USER_SYS_writev: return host_ret(writev(fd, gp(iov), cnt));
    case USER_SYS_preadv: return host_ret(preadv(fd, gp(iov), cnt, off));
    default: return positional ? host_ret(pwritev(fd, gp(iov), cnt, off)) : -ENOSYS;
    }
}

static int64_t sys_ioctl(int fd, uint64_t req, uint64_t arg)
{
    size_t size;

    /* Terminal ioctls: same numbers and layouts on the asm-generic guests
     * and the host (struct termios: 4 flag words, c_line, 19 c_cc). */
    switch (req) {
    case TCGETS: case TCSETS: case TCSETSW: case TCSETSF: size = 36; break;
    case TIOCGWINSZ: case TIOCSWINSZ: size = 8; break;
    case FIONREAD: case TIOCGPGRP: case TIOCSPGRP: case FIONBIO: case TIOCGSID:
    case TIOCOUTQ: size = 4; break;
    case TIOCSCTTY: case FIOCLEX: case FIONCLEX: case TCFLSH: case TCXONC: case TCSBRK:
        return host_ret(ioctl(fd, req, arg));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("remu: unsupported ioctl 0x%" PRIx64 " on fd %d\n", req, fd);
        return -ENOTTY;
    }
    if (!vma_check(arg, size, PROT_READ) && !vma_check(arg, size, PROT_WRITE))
        return -EFAULT;
    if ((req == TCGETS || req == TIOCGWINSZ || req == FIONREAD || req == TIOCGPGRP ||
         req == TIOCGSID || req == TIOCOUTQ) && !g_write_ok(arg, size))
        return -EFAULT;
    return host_ret(ioctl(fd, req, gp(arg)));
}

static int64_t sys_fcntl(int fd, int cmd, uint64_t arg)
{
    long r;

    switch (cmd) {
    case F_GETFL:
        r = fcntl(fd, F_GETFL);
        return r < 0 ? -errno : (int64_t)open_flags_to_guest((uint32_t)r);
    case F_SETFL:
        return host_ret(fcntl(fd, F_SETFL, (int)open_flags_to_host((uint32_t)arg)));
    case F_GETLK: case F_SETLK: case F_SETLKW:
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
        if (!g_write_ok(arg, 32))
            return -EFAULT;
        return host_ret(fcntl(fd, cmd, gp(arg)));
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_GETFD: case F_SETFD: case F_GETPIPE_SZ:
    case F_SETPIPE_SZ: case F_GETOWN: case F_SETOWN: case F_GET_SEALS: case F_ADD_SEALS:
        return host_ret(fcntl(fd, cmd, (int)arg));
    default:
        return -EINVAL;
    }
}

#define PATH_ARG(v, a) const char *v = guest_path(g_str(a)); if (!v) return -EFAULT
#define LOOKUP_ARG(v, a, follow) \
    const char *v = lookup_path(g_str(a), (follow), 0); if (!v) return -EFAULT

static int64_t dispatch_more(int id, const uint64_t a[6]);

static int64_t dispatch(CPU *cpu, int id, const uint64_t a[6])
{
    int fd = host_fd(a[0]);

    switch (id) {
    case USER_SYS_read:
        if (a[2] && !g_write_ok(a[1], a[2]))
            return -EFAULT;
        return host_ret(read(fd, gp(a[1]), a[2]));
    case USER_SYS_write:
        if (a[2] && !g_read_ok(a[1], a[2]))
            return -EFAULT;
        return host_ret(write(fd, gp(a[1]), a[2]));
    case USER_SYS_pread64:
        if (a[2] && !g_write_ok(a[1], a[2]))
            return -EFAULT;
        return host_ret(pread(fd, gp(a[1]), a[2], (off_t)a[3]));
    case USER_SYS_pwrite64:
        if (a[2] && !g_read_ok(a[1], a[2]))
            return -EFAULT;
        return host_ret(pwrite(fd, gp(a[1]), a[2], (off_t)a[3]));
    case USER_SYS_readv: case USER_SYS_writev:
        return sys_iov(id, fd, a[1], (int)a[2], 0, false);
    case USER_SYS_preadv: case USER_SYS_pwritev:
        return sys_iov(id, fd, a[1], (int)a[2], (int64_t)a[3], true);
    case USER_SYS_openat: {
        uint32_t hf = open_flags_to_host((uint32_t)a[2]);
        LOOKUP_ARG(p, a[1], !(hf & O_NOFOLLOW));
        return host_ret(openat(fd, p, (int)hf, (mode_t)a[3]));
    }
    case USER_SYS_close:
        return host_ret(close(fd));
    case USER_SYS_lseek:
        return host_ret(lseek(fd, (off_t)a[1], (int)a[2]));
    case USER_SYS_newfstatat: case USER_SYS_fstat: {
        struct stat st;
        long r;
        if (id == USER_SYS_fstat) {
            r = fstat(fd, &st);
        } else {
            LOOKUP_ARG(p, a[1], !(a[3] & AT_SYMLINK_NOFOLLOW));
            r = fstatat(fd, p, &st, (int)a[3]);
        }
        if (r < 0)
            return -errno;
        return stat_to_guest(id == USER_SYS_fstat ? a[1] : a[2], &st);
    }
    case USER_SYS_statx: {
        LOOKUP_ARG(p, a[1], !(a[2] & AT_SYMLINK_NOFOLLOW));
        if (!g_write_ok(a[4], 256))
            return -EFAULT;
        return host_ret(syscall(SYS_statx, fd, p, (int)a[2], (unsigned)a[3], gp(a[4])));
    }
    case USER_SYS_getdents64:
        if (!g_write_ok(a[1], a[2]))
            return -EFAULT;
        return host_ret(syscall(SYS_getdents64, fd, gp(a[1]), (unsigned)a[2]));
    case USER_SYS_readlinkat: {
        LOOKUP_ARG(p, a[1], false);
        if (!g_write_ok(a[2], a[3]))
            return -EFAULT;
        if (p == user_proc.exe_path) {
            size_t l = strlen(p);
            if ((int64_t)a[3] <= 0)
                return -EINVAL;
            if (l > a[3])
                l = a[3];
            memcpy(gp(a[2]), p, l);
            return (int64_t)l;
        }
        return host_ret(readlinkat(fd, p, gp(a[2]), a[3]));
    }
    case USER_SYS_faccessat: {
        LOOKUP_ARG(p, a[1], true);
        return host_ret(syscall(SYS_faccessat, fd, p, (int)a[2]));
    }
    case USER_SYS_faccessat2: {
        LOOKUP_ARG(p, a[1], !(a[3] & AT_SYMLINK_NOFOLLOW));
        return host_ret(faccessat(fd, p, (int)a[2], (int)a[3]));
    }
    case USER_SYS_fcntl:
        return sys_fcntl(fd, (int)a[1], a[2]);
    case USER_SYS_dup:
        return host_ret(dup(fd));
    case USER_SYS_dup3:
        return host_ret(dup3(fd, host_fd(a[1]), (int)open_flags_to_host((uint32_t)a[2])));
    case USER_SYS_pipe2:
        if (!g_write_ok(a[0], 8))
            return -EFAULT;
        return host_ret(pipe2(gp(a[0]), (int)open_flags_to_host((uint32_t)a[1])));
    case USER_SYS_ioctl:
        return sys_ioctl(fd, a[1], a[2]);
    case USER_SYS_getcwd:
        if (!g_write_ok(a[0], a[1]))
            return -EFAULT;
        return host_ret(syscall(SYS_getcwd, gp(a[0]), a[1]));
    case USER_SYS_chdir: {
        PATH_ARG(p, a[0]);
        return host_ret(chdir(p));
    }
    case USER_SYS_fchdir:
        return host_ret(fchdir(fd));
    case USER_SYS_mkdirat: {
        PATH_ARG(p, a[1]);
        return host_ret(mkdirat(fd, p, (mode_t)a[2]));
    }
    case USER_SYS_unlinkat: {
        PATH_ARG(p, a[1]);
        return host_ret(unlinkat(fd, p, (int)a[2]));
    }
    case USER_SYS_renameat: case USER_SYS_renameat2: {
        PATH_ARG(p, a[1]);
        PATH_ARG(q, a[3]);
        return host_ret(syscall(SYS_renameat2, fd, p, host_fd(a[2]), q,
                                id == USER_SYS_renameat ? 0u : (unsigned)a[4]));
    }
    case USER_SYS_symlinkat: {
        PATH_ARG(p, a[0]);
        PATH_ARG(q, a[2]);
        return host_ret(symlinkat(p, host_fd(a[1]), q));
    }
    case USER_SYS_linkat: {
        PATH_ARG(p, a[1]);
        PATH_ARG(q, a[3]);
        return host_ret(linkat(fd, p, host_fd(a[2]), q, (int)a[4]));
    }
    case USER_SYS_fchmod:
        return host_ret(fchmod(fd, (mode_t)a[1]));
    case USER_SYS_fchmodat: {
        PATH_ARG(p, a[1]);
        return host_ret(syscall(SYS_fchmodat, fd, p, (mode_t)a[2]));
    }
    case USER_SYS_fchown:
        return host_ret(fchown(fd, (uid_t)a[1], (gid_t)a[2]));
    case USER_SYS_fchownat: {
        PATH_ARG(p, a[1]);
        return host_ret(fchownat(fd, p, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
    }
    case USER_SYS_utimensat: {
        const char *p = a[1] ? guest_path(g_str(a[1])) : NULL;
        if ((a[1] && !p) || (a[2] && !g_read_ok(a[2], 32)))
            return -EFAULT;
        return host_ret(syscall(SYS_utimensat, fd, p, gp(a[2]), (int)a[3]));
    }
    case USER_SYS_truncate: {
        PATH_ARG(p, a[0]);
        return host_ret(truncate(p, (off_t)a[1]));
    }
    case USER_SYS_ftruncate:
        return host_ret(ftruncate(fd, (off_t)a[1]));
    case USER_SYS_fsync:
        return host_ret(fsync(fd));
    case USER_SYS_fdatasync:
        return host_ret(fdatasync(fd));
    case USER_SYS_sync:
        sync();
        return 0;
    case USER_SYS_statfs: {
        LOOKUP_ARG(p, a[0], true);
        if (!g_write_ok(a[1], 120))
            return -EFAULT;
        return host_ret(syscall(SYS_statfs, p, gp(a[1])));
    }
    case USER_SYS_fstatfs:
        if (!g_write_ok(a[1], 120))
            return -EFAULT;
        return host_ret(syscall(SYS_fstatfs, fd, gp(a[1])));
    case USER_SYS_uname: {
        struct utsname u;
        if (!g_write_ok(a[0], sizeof(u)))
            return -EFAULT;
        if (uname(&u) < 0)
            return -errno;
        snprintf(u.machine, sizeof(u.machine), "%s", guest->name);
        memcpy(gp(a[0]), &u, sizeof(u));
        return 0;
    }
    case USER_SYS_brk:
        return sys_brk(a[0]);
    case USER_SYS_mmap:
        return sys_mmap(a[0], a[1], (int)a[2], (int)a[3], host_fd(a[4]), a[5]);
    case USER_SYS_munmap:
        return sys_munmap(a[0], a[1]);
    case USER_SYS_mprotect:
        return sys_mprotect(a[0], a[1], (int)a[2]);
    case USER_SYS_mremap:
        return sys_mremap(a[0], a[1], a[2], (int)a[3], a[4]);
    case USER_SYS_madvise:
        if (!vma_check(a[0], page_up(a[1]), 0))
            return -ENOMEM;
        return host_ret(madvise(gp(a[0]), a[1], (int)a[2]));
    case USER_SYS_msync:
        return host_ret(msync(gp(a[0]), a[1], (int)a[2]));
    case USER_SYS_mlock: case USER_SYS_munlock:
        return vma_check(a[0], a[1], 0) ? 0 : -ENOMEM;
    case USER_SYS_set_tid_address:
        return (int64_t)thread_set_tid_address(a[0]);
    case USER_SYS_set_robust_list:
        return thread_set_robust_list(a[0], a[1]);
    case USER_SYS_get_robust_list:
        return thread_get_robust_list((int)a[0], a[1], a[2]);
    case USER_SYS_membarrier:
        /* MEMBARRIER_CMD_QUERY: no command is offered (callers fall back). */
        return a[0] == 0 ? 0 : -EINVAL;
    case USER_SYS_rseq:
        return -ENOSYS;
    case USER_SYS_prlimit64:
        if ((a[2] && !g_read_ok(a[2], 16)) || (a[3] && !g_write_ok(a[3], 16)))
            return -EFAULT;
        if (a[2] && (a[0] == 0 || (pid_t)a[0] == getpid()) &&
            (a[1] == RLIMIT_AS || a[1] == RLIMIT_DATA || a[1] == RLIMIT_STACK)) {
            /* These would limit remu itself: report, do not apply. */
            if (a[3])
                return host_ret(syscall(SYS_prlimit64, (pid_t)a[0], (int)a[1], NULL, gp(a[3])));
            return 0;
        }
        return host_ret(syscall(SYS_prlimit64, (pid_t)a[0], (int)a[1], gp(a[2]), gp(a[3])));
    case USER_SYS_getrlimit:
        if (!g_write_ok(a[1], 16))
            return -EFAULT;
        return host_ret(getrlimit((int)a[0], gp(a[1])));
    case USER_SYS_setrlimit:
        if (!g_read_ok(a[1], 16))
            return -EFAULT;
        if (a[0] == RLIMIT_AS || a[0] == RLIMIT_DATA || a[0] == RLIMIT_STACK)
            return 0;
        return host_ret(setrlimit((int)a[0], gp(a[1])));
    case USER_SYS_getrandom:
        if (!g_write_ok(a[0], a[1]))
            return -EFAULT;
        return host_ret(syscall(SYS_getrandom, gp(a[0]), a[1], (unsigned)a[2]));
    case USER_SYS_clock_gettime: case USER_SYS_clock_getres:
        if (a[1] && !g_write_ok(a[1], 16))
            return -EFAULT;
        return host_ret(syscall(id == USER_SYS_clock_gettime ? SYS_clock_gettime : SYS_clock_getres,
                                (int)a[0], gp(a[1])));
    case USER_SYS_gettimeofday:
        if ((a[0] && !g_write_ok(a[0], 16)) || (a[1] && !g_write_ok(a[1], 8)))
            return -EFAULT;
        return host_ret(syscall(SYS_gettimeofday, gp(a[0]), gp(a[1])));
    case USER_SYS_nanosleep:
        if (!g_read_ok(a[0], 16) || (a[1] && !g_write_ok(a[1], 16)))
            return -EFAULT;
        return host_ret(syscall(SYS_nanosleep, gp(a[0]), gp(a[1])));
    case USER_SYS_clock_nanosleep: {
        int r;
        if (!g_read_ok(a[2], 16) || (a[3] && !g_write_ok(a[3], 16)))
            return -EFAULT;
        r = clock_nanosleep((clockid_t)a[0], (int)a[1], gp(a[2]), gp(a[3]));
        return -r;
    }
    case USER_SYS_times:
        if (a[0] && !g_write_ok(a[0], 32))
            return -EFAULT;
        return host_ret(syscall(SYS_times, gp(a[0])));
    case USER_SYS_getpid: return getpid();
    case USER_SYS_getppid: return getppid();
    case USER_SYS_gettid: return syscall(SYS_gettid);
    case USER_SYS_getuid: return getuid();
    case USER_SYS_geteuid: return geteuid();
    case USER_SYS_getgid: return getgid();
    case USER_SYS_getegid: return getegid();
    case USER_SYS_getresuid: case USER_SYS_getresgid:
        if (!g_write_ok(a[0], 4) || !g_write_ok(a[1], 4) || !g_write_ok(a[2], 4))
            return -EFAULT;
        return host_ret(syscall(id == USER_SYS_getresuid ? SYS_getresuid : SYS_getresgid,
                                gp(a[0]), gp(a[1]), gp(a[2])));
    case USER_SYS_getgroups:
        if ((int)a[0] < 0)
            return -EINVAL;
        if (a[0] && !g_write_ok(a[1], 4 * a[0]))
            return -EFAULT;
        return host_ret(getgroups((int)a[0], gp(a[1])));
    case USER_SYS_getpgid: return host_ret(getpgid((pid_t)a[0]));
    case USER_SYS_setpgid: return host_ret(setpgid((pid_t)a[0], (pid_t)a[1]));
    case USER_SYS_getsid: return host_ret(getsid((pid_t)a[0]));
    case USER_SYS_setsid: return host_ret(setsid());
    case USER_SYS_sched_yield: return host_ret(sched_yield());
    case USER_SYS_sched_getaffinity:
        if (!g_write_ok(a[2], a[1]))
            return -EFAULT;
        return host_ret(syscall(SYS_sched_getaffinity, (pid_t)a[0], a[1], gp(a[2])));
    case USER_SYS_sched_setaffinity:
        if (!g_read_ok(a[2], a[1]))
            return -EFAULT;
        return host_ret(syscall(SYS_sched_setaffinity, (pid_t)a[0], a[1], gp(a[2])));
    case USER_SYS_sysinfo:
        if (!g_write_ok(a[0], 112))
            return -EFAULT;
        return host_ret(syscall(SYS_sysinfo, gp(a[0])));
    case USER_SYS_getrusage:
        if (!g_write_ok(a[1], 144))
            return -EFAULT;
        return host_ret(syscall(SYS_getrusage, (int)a[0], gp(a[1])));
    case USER_SYS_umask:
        return umask((mode_t)a[0]);
    case USER_SYS_getcpu:
        if ((a[0] && !g_write_ok(a[0], 4)) || (a[1] && !g_write_ok(a[1], 4)))
            return -EFAULT;
        return host_ret(syscall(SYS_getcpu, gp(a[0]), gp(a[1]), NULL));
    case USER_SYS_prctl:
        if (a[0] == 15 || a[0] == 16) {     /* PR_SET_NAME, PR_GET_NAME */
            if (a[0] == 15 ? !g_str(a[1]) : !g_write_ok(a[1], 16))
                return -EFAULT;
            return host_ret(prctl((int)a[0], gp(a[1]), 0, 0, 0));
        }
        return -EINVAL;
    case USER_SYS_kill: case USER_SYS_tkill: case USER_SYS_tgkill: case USER_SYS_rt_sigqueueinfo:
    case USER_SYS_rt_sigaction: case USER_SYS_rt_sigprocmask: case USER_SYS_rt_sigpending:
    case USER_SYS_rt_sigsuspend: case USER_SYS_sigaltstack: case USER_SYS_rt_sigtimedwait:
    case USER_SYS_getitimer: case USER_SYS_setitimer:
        return signal_syscall(cpu, id, a);
    case USER_SYS_futex:
        return thread_futex(a[0], (int)a[1], (uint32_t)a[2], a[3], a[4], (uint32_t)a[5]);
    case USER_SYS_wait4:
        if ((a[1] && !g_write_ok(a[1], 4)) || (a[3] && !g_write_ok(a[3], 144)))
            return -EFAULT;
        return host_ret(wait4((pid_t)a[0], gp(a[1]), (int)a[2], gp(a[3])));
    case USER_SYS_clone:
        return thread_clone(cpu, a[0], a[1], a[2], a[3], a[4]);
    case USER_SYS_execve:
        return sys_execve(a[0], a[1], a[2]);
    default:
        return dispatch_more(id, a);
    }
}

/* ---- epoll: struct epoll_event is packed on x86_64 (12 bytes) and
 * naturally aligned on the asm-generic guests (16 bytes: u32 events, 4
 * bytes of padding, u64 data). */
#define GUEST_EPOLL_EVENT 16
#define MAX_EPOLL_BATCH 1024

static int64_t sys_epoll_ctl(int epfd, int op, int fd, uint64_t ev)
{
    struct epoll_event he;
    uint32_t events;
    uint64_t data;

    if (op == EPOLL_CTL_DEL && !ev)
        return host_ret(epoll_ctl(epfd, op, fd, NULL));
    if (!g_read_ok(ev, GUEST_EPOLL_EVENT))
        return -EFAULT;
    memcpy(&events, gp(ev), 4);
    memcpy(&data, gp(ev + 8), 8);
    he.events = events;
    he.data.u64 = data;
    return host_ret(epoll_ctl(epfd, op, fd, &he));
}

static int64_t sys_epoll_pwait(int epfd, uint64_t evs, int maxevents, int timeout,
                               uint64_t mask, uint64_t masksize)
{
    struct epoll_event he[MAX_EPOLL_BATCH];
    sigset_t hs;
    int64_t r;

    if (maxevents <= 0)
        return -EINVAL;
    if (!g_write_ok(evs, (uint64_t)maxevents * GUEST_EPOLL_EVENT))
        return -EFAULT;
    /* Fewer than asked is what epoll_wait may always return. */
    if (maxevents > MAX_EPOLL_BATCH)
        maxevents = MAX_EPOLL_BATCH;
    if (mask) {
        if ((r = signal_call_mask_begin(mask, masksize, &hs)) < 0)
            return r;
        r = host_ret(epoll_pwait(epfd, he, maxevents, timeout, &hs));
        signal_call_mask_end(r == -EINTR);
    } else {
        r = host_ret(epoll_wait(epfd, he, maxevents, timeout));
    }
    for (int64_t i = 0; i < r; i++) {
        uint8_t g[GUEST_EPOLL_EVENT] = { 0 };
        uint64_t data = he[i].data.u64;
        put32(g, he[i].events);
        put64(g + 8, data);
        memcpy(gp(evs + (uint64_t)i * GUEST_EPOLL_EVENT), g, sizeof(g));
    }
    return r;
}

/* The extended-attribute calls: get and list look the name up (under the
 * -L prefix too), set and remove change the host's file. */
static int64_t sys_xattr(int id, const uint64_t a[6])
{
    int fd = host_fd(a[0]);
    const char *name = NULL;

    if (id != USER_SYS_listxattr && id != USER_SYS_llistxattr && id != USER_SYS_flistxattr) {
        name = g_str(a[1]);
        if (!name)
            return -EFAULT;
    }
    switch (id) {
    case USER_SYS_getxattr: case USER_SYS_lgetxattr: case USER_SYS_fgetxattr:
        if (a[3] && !g_write_ok(a[2], a[3]))
            return -EFAULT;
        if (id == USER_SYS_fgetxattr)
            return host_ret(fgetxattr(fd, name, gp(a[2]), a[3]));
        else {
            LOOKUP_ARG(p, a[0], id == USER_SYS_getxattr);
            return host_ret(id == USER_SYS_getxattr ? getxattr(p, name, gp(a[2]), a[3])
                                                    : lgetxattr(p, name, gp(a[2]), a[3]));
        }
    case USER_SYS_listxattr: case USER_SYS_llistxattr: case USER_SYS_flistxattr:
        if (a[2] && !g_write_ok(a[1], a[2]))
            return -EFAULT;
        if (id == USER_SYS_flistxattr)
            return host_ret(flistxattr(fd, gp(a[1]), a[2]));
        else {
            LOOKUP_ARG(p, a[0], id == USER_SYS_listxattr);
            return host_ret(id == USER_SYS_listxattr ? listxattr(p, gp(a[1]), a[2])
                                                     : llistxattr(p, gp(a[1]), a[2]));
        }
    case USER_SYS_setxattr: case USER_SYS_lsetxattr: case USER_SYS_fsetxattr:
        if (a[3] && !g_read_ok(a[2], a[3]))
            return -EFAULT;
        if (id == USER_SYS_fsetxattr)
            return host_ret(fsetxattr(fd, name, gp(a[2]), a[3], (int)a[4]));
        else {
            PATH_ARG(p, a[0]);
            return host_ret(id == USER_SYS_setxattr ? setxattr(p, name, gp(a[2]), a[3], (int)a[4])
                                                    : lsetxattr(p, name, gp(a[2]), a[3], (int)a[4]));
        }
    default:
        if (id == USER_SYS_fremovexattr)
            return host_ret(fremovexattr(fd, name));
        else {
            PATH_ARG(p, a[0]);
            return host_ret(id == USER_SYS_removexattr ? removexattr(p, name)
                                                       : lremovexattr(p, name));
        }
    }
}

/* Calls whose structures have one layout on every 64-bit Linux (poll, the
 * socket calls, sendfile...): checked and passed to the host. */
static int64_t dispatch_more(int id, const uint64_t a[6])
{
    int fd = host_fd(a[0]);
    uint32_t len;

    switch (id) {
    case USER_SYS_ppoll: {
        sigset_t hs;
        int64_t r;
        if ((a[1] && !g_write_ok(a[0], 8 * a[1])) || (a[2] && !g_read_ok(a[2], 16)))
            return -EFAULT;
        if (!a[3])
            return host_ret(syscall(SYS_ppoll, gp(a[0]), (unsigned long)a[1], gp(a[2]), NULL, 8));
        if ((r = signal_call_mask_begin(a[3], a[4], &hs)) < 0)
            return r;
        r = host_ret(syscall(SYS_ppoll, gp(a[0]), (unsigned long)a[1], gp(a[2]), &hs, 8));
        signal_call_mask_end(r == -EINTR);
        return r;
    }
    case USER_SYS_pselect6: {
        /* The sixth argument: { const sigset_t *ss; size_t ss_len; }. */
        uint64_t sm[2] = { 0, 0 };
        struct { sigset_t *ss; size_t len; } hsm = { NULL, 8 };
        sigset_t hs;
        int64_t r;
        for (int i = 1; i <= 3; i++)
            if (a[i] && !g_write_ok(a[i], ((uint64_t)(uint32_t)a[0] + 63) / 64 * 8))
                return -EFAULT;
        if ((a[4] && !g_write_ok(a[4], 16)) || (a[5] && !g_read_ok(a[5], 16)))
            return -EFAULT;
        if (a[5])
            memcpy(sm, gp(a[5]), 16);
        if (sm[0]) {
            if ((r = signal_call_mask_begin(sm[0], sm[1], &hs)) < 0)
                return r;
            hsm.ss = &hs;
        }
        r = host_ret(syscall(SYS_pselect6, (int)a[0], gp(a[1]), gp(a[2]), gp(a[3]), gp(a[4]),
                             hsm.ss ? (void *)&hsm : NULL));
        if (hsm.ss)
            signal_call_mask_end(r == -EINTR);
        return r;
    }
    case USER_SYS_epoll_create1:
        return host_ret(epoll_create1((int)open_flags_to_host((uint32_t)a[0])));
    case USER_SYS_epoll_ctl:
        return sys_epoll_ctl(fd, (int)a[1], host_fd(a[2]), a[3]);
    case USER_SYS_epoll_pwait:
        return sys_epoll_pwait(fd, a[1], (int)a[2], (int)a[3], a[4], a[5]);
    case USER_SYS_eventfd2:
        return host_ret(eventfd((unsigned)a[0], (int)open_flags_to_host((uint32_t)a[1])));
    case USER_SYS_inotify_init1:
        return host_ret(inotify_init1((int)open_flags_to_host((uint32_t)a[0])));
    case USER_SYS_inotify_add_watch: {
        LOOKUP_ARG(p, a[1], !(a[2] & IN_DONT_FOLLOW));
        return host_ret(inotify_add_watch(fd, p, (uint32_t)a[2]));
    }
    case USER_SYS_inotify_rm_watch:
        return host_ret(inotify_rm_watch(fd, (int)a[1]));
    case USER_SYS_timerfd_create:
        return host_ret(timerfd_create((int)a[0], (int)open_flags_to_host((uint32_t)a[1])));
    case USER_SYS_timerfd_settime:
        /* struct itimerspec: four 64-bit words on both. */
        if (!g_read_ok(a[2], 32) || (a[3] && !g_write_ok(a[3], 32)))
            return -EFAULT;
        return host_ret(timerfd_settime(fd, (int)a[1], gp(a[2]), gp(a[3])));
    case USER_SYS_timerfd_gettime:
        if (!g_write_ok(a[1], 32))
            return -EFAULT;
        return host_ret(timerfd_gettime(fd, gp(a[1])));
    case USER_SYS_setxattr: case USER_SYS_lsetxattr: case USER_SYS_fsetxattr:
    case USER_SYS_getxattr: case USER_SYS_lgetxattr: case USER_SYS_fgetxattr:
    case USER_SYS_listxattr: case USER_SYS_llistxattr: case USER_SYS_flistxattr:
    case USER_SYS_removexattr: case USER_SYS_lremovexattr: case USER_SYS_fremovexattr:
        return sys_xattr(id, a);
    case USER_SYS_setgroups:
        if ((int)a[0] < 0)
            return -EINVAL;
        if (a[0] && !g_read_ok(a[1], 4 * a[0]))
            return -EFAULT;
        return host_ret(syscall(SYS_setgroups, (int)a[0], gp(a[1])));
    case USER_SYS_capget:
        /* struct __user_cap_header_struct (8 bytes), data: 2 x 12 bytes. */
        if (!g_write_ok(a[0], 8) || (a[1] && !g_write_ok(a[1], 24)))
            return -EFAULT;
        return host_ret(syscall(SYS_capget, gp(a[0]), gp(a[1])));
    case USER_SYS_mincore:
        if (!vma_check(a[0], page_up(a[1]), 0))
            return -ENOMEM;
        if (!g_write_ok(a[2], page_up(a[1]) / guest->page_size))
            return -EFAULT;
        return host_ret(mincore(gp(a[0]), a[1], gp(a[2])));
    case USER_SYS_sendfile:
        if (a[2] && !g_write_ok(a[2], 8))
            return -EFAULT;
        return host_ret(syscall(SYS_sendfile, fd, host_fd(a[1]), gp(a[2]), a[3]));
    case USER_SYS_copy_file_range:
        if ((a[1] && !g_write_ok(a[1], 8)) || (a[3] && !g_write_ok(a[3], 8)))
            return -EFAULT;
        return host_ret(syscall(SYS_copy_file_range, fd, gp(a[1]), host_fd(a[2]), gp(a[3]),
                                a[4], (unsigned)a[5]));
    case USER_SYS_fadvise64:
        return -posix_fadvise(fd, (off_t)a[1], (off_t)a[2], (int)a[3]);
    case USER_SYS_fallocate:
        return host_ret(fallocate(fd, (int)a[1], (off_t)a[2], (off_t)a[3]));
    case USER_SYS_flock:
        return host_ret(flock(fd, (int)a[1]));
    case USER_SYS_mknodat: {
        PATH_ARG(p, a[1]);
        return host_ret(mknodat(fd, p, (mode_t)a[2], (dev_t)a[3]));
    }
    case USER_SYS_chroot: {
        PATH_ARG(p, a[0]);
        return host_ret(chroot(p));
    }
    case USER_SYS_memfd_create: {
        PATH_ARG(p, a[0]);
        return host_ret(syscall(SYS_memfd_create, p, (unsigned)a[1]));
    }
    case USER_SYS_personality:
        /* Only the query: remu runs every guest as PER_LINUX. */
        return a[0] == 0xffffffff || a[0] == 0 ? 0 : -EINVAL;
    case USER_SYS_getpriority:
        return host_ret(syscall(SYS_getpriority, (int)a[0], (int)a[1]));
    case USER_SYS_setpriority:
        return host_ret(setpriority((int)a[0], (id_t)a[1], (int)a[2]));
    case USER_SYS_setuid: return host_ret(syscall(SYS_setuid, (uid_t)a[0]));
    case USER_SYS_setgid: return host_ret(syscall(SYS_setgid, (gid_t)a[0]));
    case USER_SYS_setreuid: return host_ret(syscall(SYS_setreuid, (uid_t)a[0], (uid_t)a[1]));
    case USER_SYS_setregid: return host_ret(syscall(SYS_setregid, (gid_t)a[0], (gid_t)a[1]));
    case USER_SYS_setresuid:
        return host_ret(syscall(SYS_setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2]));
    case USER_SYS_setresgid:
        return host_ret(syscall(SYS_setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2]));
    case USER_SYS_waitid:
        if ((a[2] && !g_write_ok(a[2], 128)) || (a[4] && !g_write_ok(a[4], 144)))
            return -EFAULT;
        return host_ret(syscall(SYS_waitid, (int)a[0], (pid_t)a[1], gp(a[2]), (int)a[3], gp(a[4])));
    case USER_SYS_close_range:
        return host_ret(syscall(SYS_close_range, (unsigned)a[0], (unsigned)a[1], (unsigned)a[2]));
    case USER_SYS_socket:
        return host_ret(socket((int)a[0], (int)a[1], (int)a[2]));
    case USER_SYS_socketpair:
        if (!g_write_ok(a[3], 8))
            return -EFAULT;
        return host_ret(socketpair((int)a[0], (int)a[1], (int)a[2], gp(a[3])));
    case USER_SYS_bind: case USER_SYS_connect:
        if (!g_read_ok(a[1], (uint32_t)a[2]))
            return -EFAULT;
        return host_ret(syscall(id == USER_SYS_bind ? SYS_bind : SYS_connect, fd, gp(a[1]),
                                (socklen_t)a[2]));
    case USER_SYS_listen:
        return host_ret(listen(fd, (int)a[1]));
    case USER_SYS_shutdown:
        return host_ret(shutdown(fd, (int)a[1]));
    case USER_SYS_accept: case USER_SYS_accept4:
    case USER_SYS_getsockname: case USER_SYS_getpeername:
        /* (sockaddr, socklen_t *): the length says how much may be written. */
        if (a[2]) {
            if (!g_write_ok(a[2], 4))
                return -EFAULT;
            memcpy(&len, gp(a[2]), 4);
            if (a[1] && !g_write_ok(a[1], len))
                return -EFAULT;
        }
        if (id == USER_SYS_getsockname)
            return host_ret(syscall(SYS_getsockname, fd, gp(a[1]), gp(a[2])));
        if (id == USER_SYS_getpeername)
            return host_ret(syscall(SYS_getpeername, fd, gp(a[1]), gp(a[2])));
        return host_ret(syscall(SYS_accept4, fd, gp(a[1]), gp(a[2]),
                                id == USER_SYS_accept ? 0 : (int)open_flags_to_host((uint32_t)a[3])));
    case USER_SYS_sendto:
        if ((a[2] && !g_read_ok(a[1], a[2])) || (a[4] && !g_read_ok(a[4], (uint32_t)a[5])))
            return -EFAULT;
        return host_ret(syscall(SYS_sendto, fd, gp(a[1]), a[2], (int)a[3], gp(a[4]),
                                (socklen_t)a[5]));
    case USER_SYS_recvfrom:
        if (a[2] && !g_write_ok(a[1], a[2]))
            return -EFAULT;
        if (a[5]) {
            if (!g_write_ok(a[5], 4))
                return -EFAULT;
            memcpy(&len, gp(a[5]), 4);
            if (a[4] && !g_write_ok(a[4], len))
                return -EFAULT;
        }
        return host_ret(syscall(SYS_recvfrom, fd, gp(a[1]), a[2], (int)a[3], gp(a[4]), gp(a[5])));
    case USER_SYS_setsockopt:
        if (a[4] && !g_read_ok(a[3], (uint32_t)a[4]))
            return -EFAULT;
        return host_ret(setsockopt(fd, (int)a[1], (int)a[2], gp(a[3]), (socklen_t)a[4]));
    case USER_SYS_getsockopt:
        if (!g_write_ok(a[4], 4))
            return -EFAULT;
        memcpy(&len, gp(a[4]), 4);
        if (!g_write_ok(a[3], len))
            return -EFAULT;
        return host_ret(getsockopt(fd, (int)a[1], (int)a[2], gp(a[3]), gp(a[4])));
    case USER_SYS_sendmsg: case USER_SYS_recvmsg:
        /* struct msghdr is 56 bytes on every 64-bit Linux; its buffers are
         * the guest's, checked by the host kernel (EFAULT). */
        if (!g_write_ok(a[1], 56))
            return -EFAULT;
        return host_ret(syscall(id == USER_SYS_sendmsg ? SYS_sendmsg : SYS_recvmsg, fd,
                                gp(a[1]), (int)a[2]));
    default:
        return -ENOSYS;
    }
}

bool do_syscall(CPU *cpu, int *exit_status)
{
    uint64_t a[6], nr = guest->syscall_nr(cpu->env);
    int id = nr < MAX_GUEST_NR ? nr_to_id[nr] : 0;
    char call[2 * PATH_MAX + 512];
    int64_t r;
    bool trace = log_enabled(LOG_STRACE);

    guest->syscall_args(cpu->env, a);
    if (trace) {
        strace_format(call, sizeof(call), id, nr, a);
        if (id == USER_SYS_exit || id == USER_SYS_exit_group || id == USER_SYS_execve)
            log_printf("%s\n", call);
    }
    /* exit ends the calling thread (its cpu loop returns), exit_group all. */
    if (id == USER_SYS_exit || id == USER_SYS_exit_group) {
        *exit_status = (int)(a[0] & 0xff);
        if (id == USER_SYS_exit)
            thread_exit(cpu);
        else
            thread_exit_group(*exit_status);
        return true;
    }
    if (id == USER_SYS_rt_sigreturn) {
        /* Every register comes from the frame, the result register too. */
        if (trace)
            log_printf("%s\n", call);
        signal_sigreturn(cpu);
        return false;
    }
    if (log_enabled(LOG_STATS)) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        r = dispatch(cpu, id, a);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        engine_stats_add_syscall((uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000000LL +
                                            (t1.tv_nsec - t0.tv_nsec)));
    } else {
        r = dispatch(cpu, id, a);
    }
    if (r == -ENOSYS && log_enabled(LOG_UNIMP) && id != USER_SYS_rseq)
        log_printf("remu: unsupported syscall %" PRIu64 " (%s)\n", nr,
                   id ? syscall_info[id].name : "unknown");
    if (trace)
        strace_result(call, id, r);
    if (r == -EINTR && signal_restart_syscall(id)) {
        /* Back to the syscall instruction, its arguments untouched. */
        cpu->env->pc -= guest->syscall_insn_len;
        return false;
    }
    guest->syscall_set_ret(cpu->env, (uint64_t)r);
    return false;
}
