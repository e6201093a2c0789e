/*
 * files.c - files and memory through the system calls: fstat/newfstatat of
 * argv[1] (printed for user.exp to compare with the host's own stat of the
 * file), openat/read/lseek, brk growth and shrink, anonymous mmap/munmap,
 * uname, getcwd and readlink of /proc/self/exe (printed), and the exit status argv[2].
 */
#include "sys.h"

/* asm-generic struct stat, as the arm64 kernel returns it. */
struct kstat {
    u64 dev, ino;
    unsigned int mode, nlink, uid, gid;
    u64 rdev, pad1;
    s64 size;
    int blksize, pad2;
    s64 blocks, atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
    unsigned int unused[2];
};

static void print_stat(const char *tag, const struct kstat *st)
{
    out(tag);
    out(" size="); out_u((u64)st->size);
    out(" mode="); out_u(st->mode);
    out(" ino="); out_u(st->ino);
    out(" nlink="); out_u(st->nlink);
    out(" uid="); out_u(st->uid);
    out(" gid="); out_u(st->gid);
    out(" mtime="); out_u((u64)st->mtime);
    out(" dev="); out_u(st->dev);
    out("\n");
}

static u64 atou(const char *s)
{
    u64 v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (u64)(*s++ - '0');
    return v;
}

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    u64 argc = sp[0];
    char **argv = (char **)(sp + 1);
    struct kstat st, st2;
    char buf[256];
    s64 fd, r;

    if (argc < 3) {
        out("usage: files FILE STATUS\n");
        return 2;
    }
    fd = sys6(NR_openat, -100, (s64)argv[1], 0, 0, 0, 0);
    check(fd >= 0, "openat of the file");
    r = sys3(NR_fstat, fd, &st, 0);
    check(r == 0, "fstat");
    print_stat("fstat", &st);
    r = sys6(NR_newfstatat, -100, (s64)argv[1], (s64)&st2, 0, 0, 0);
    check(r == 0, "newfstatat");
    print_stat("newfstatat", &st2);
    r = sys3(NR_read, fd, buf, 4);
    check(r == 4 && buf[0] == 0x7f && buf[1] == 'E' && buf[2] == 'L' && buf[3] == 'F',
          "read: the first four bytes of the ELF file");
    r = sys3(NR_lseek, fd, 0, 2);
    check(r == st.size, "lseek SEEK_END is the fstat size");
    check(sys3(NR_close, fd, 0, 0) == 0, "close");
    check(sys3(NR_close, fd, 0, 0) == -9, "close again: EBADF");
    check(sys6(NR_openat, -100, (s64)"/nonexistent/remu", 0, 0, 0, 0) == -2,
          "openat of a missing file: ENOENT");
    check(sys3(NR_write, 1, (char *)16, 8) == -14, "write from an unmapped buffer: EFAULT");

    /* brk */
    {
        u64 b0 = (u64)sys3(NR_brk, 0, 0, 0);
        u64 b1 = (u64)sys3(NR_brk, b0 + 100000, 0, 0);
        check(b0 != 0 && b1 == b0 + 100000, "brk grows");
        volatile char *p = (volatile char *)b0;
        int zero = 1;
        for (u64 i = 0; i < 100000; i += 997)
            zero &= p[i] == 0;
        p[0] = 1;
        p[99999] = 2;
        check(zero && p[0] == 1 && p[99999] == 2, "brk memory is zeroed and writable");
        check((u64)sys3(NR_brk, b0, 0, 0) == b0, "brk shrinks");
        check((u64)sys3(NR_brk, b0 - 1000000000, 0, 0) == b0, "brk below the start is refused");
    }
    /* mmap */
    {
        u64 len = 3 * 4096;
        s64 m = sys6(NR_mmap, 0, (s64)len, 3, 0x22, -1, 0);
        check(m > 0 && (m & 4095) == 0, "mmap anonymous");
        volatile unsigned char *p = (volatile unsigned char *)m;
        p[0] = 0xaa;
        p[len - 1] = 0x55;
        check(p[0] == 0xaa && p[len - 1] == 0x55 && p[4096] == 0, "mmap memory usable");
        check(sys3(NR_mprotect, m, 4096, 1) == 0, "mprotect read-only");
        check(sys3(NR_munmap, m, (s64)len, 0) == 0, "munmap");
        check(sys3(NR_mprotect, m, 4096, 3) == -12, "mprotect after munmap: ENOMEM");
    }
    /* uname */
    {
        char u[6 * 65];
        check(sys3(NR_uname, u, 0, 0) == 0 && seq(u + 4 * 65, "aarch64"),
              "uname machine is aarch64");
    }
    /* getcwd */
    r = sys3(NR_getcwd, buf, sizeof(buf), 0);
    check(r > 0, "getcwd");
    if (r > 0) {
        out("cwd=");
        out(buf);
        out("\n");
    }
    {
        unsigned char rnd[8] = { 0 };
        check(sys3(NR_getrandom, rnd, 8, 0) == 8, "getrandom");
    }
    r = sys6(NR_readlinkat, -100, (s64)"/proc/self/exe", (s64)buf, sizeof(buf) - 1, 0, 0);
    check(r > 0, "readlinkat /proc/self/exe");
    if (r > 0) {
        buf[r] = 0;
        out("exe=");
        out(buf);
        out("\n");
    }
    check(sys3(500, 0, 0, 0) == -38, "an unknown syscall: ENOSYS");
    out("pid=");
    out_u((u64)sys3(NR_getpid, 0, 0, 0));
    out("\n");
    return nfail ? 1 : (int)atou(argv[2]);
}
