/*
 * sys.h - a freestanding runtime for the user-mode test programs: _start,
 * raw system calls (asm-generic numbers), and output helpers.  Built with
 * -nostdlib -ffreestanding -mgeneral-regs-only, so the programs use only
 * the integer instruction set.
 */
#ifndef USER_TEST_SYS_H
#define USER_TEST_SYS_H

typedef unsigned long u64;
typedef long s64;

enum {
    NR_getcwd = 17, NR_openat = 56, NR_close = 57, NR_lseek = 62, NR_readlinkat = 78, NR_read = 63,
    NR_write = 64, NR_newfstatat = 79, NR_fstat = 80, NR_exit = 93, NR_exit_group = 94,
    NR_kill = 129, NR_uname = 160, NR_getpid = 172, NR_brk = 214, NR_munmap = 215,
    NR_mmap = 222, NR_mprotect = 226, NR_getrandom = 278,
};

static inline s64 sys6(s64 n, s64 a, s64 b, s64 c, s64 d, s64 e, s64 f)
{
    register s64 x8 __asm__("x8") = n;
    register s64 x0 __asm__("x0") = a;
    register s64 x1 __asm__("x1") = b;
    register s64 x2 __asm__("x2") = c;
    register s64 x3 __asm__("x3") = d;
    register s64 x4 __asm__("x4") = e;
    register s64 x5 __asm__("x5") = f;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                     : "memory");
    return x0;
}
#define sys3(n, a, b, c) sys6((n), (s64)(a), (s64)(b), (s64)(c), 0, 0, 0)

/* _start: hand the initial stack pointer to cmain, exit with its result. */
__asm__(".globl _start\n"
        "_start:\n"
        "    mov x0, sp\n"
        "    bl cmain\n"
        "    mov x8, 94\n"
        "    svc #0\n");

static u64 slen(const char *s)
{
    u64 n = 0;
    while (s[n])
        n++;
    return n;
}

static int seq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static void out(const char *s)
{
    sys3(NR_write, 1, s, slen(s));
}

static void out_u(u64 v)
{
    char b[24];
    int n = 23;
    b[n] = 0;
    do {
        b[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    out(b + n);
}

static void out_x(u64 v)
{
    char b[24];
    int n = 23;
    b[n] = 0;
    do {
        b[--n] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    b[--n] = 'x';
    b[--n] = '0';
    out(b + n);
}

static int nfail;

static void check(int ok, const char *what)
{
    out(ok ? "PASS: " : "FAIL: ");
    out(what);
    out("\n");
    if (!ok)
        nfail++;
}

/* What gcc may call even in freestanding code. */
void *memset(void *d, int c, u64 n);
void *memset(void *d, int c, u64 n)
{
    unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}
void *memcpy(void *d, const void *s, u64 n);
void *memcpy(void *d, const void *s, u64 n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

#endif
