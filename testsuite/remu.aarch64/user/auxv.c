/*
 * auxv.c - print what the loader put on the initial stack: argc, argv,
 * the environment, the auxiliary vector, and check the properties the
 * program can check itself (alignment, AT_ENTRY is _start, AT_RANDOM and
 * the AT_PHDR headers are readable).  user.exp compares the printed
 * values with what it passed and with the ELF file.
 */
#include "sys.h"

/* Hidden: its address is PC-relative, so right in a static PIE too. */
extern char _start[] __attribute__((visibility("hidden")));

enum { AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
       AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
       AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
       AT_HWCAP2 = 26, AT_EXECFN = 31, AT_MINSIGSTKSZ = 51 };

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    u64 argc = sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;
    u64 *auxv;
    u64 seen = 0, phdr = 0, phnum = 0, phent = 0;

    check(((u64)sp & 15) == 0, "initial sp is 16-byte aligned");
    out("argc=");
    out_u(argc);
    out("\n");
    for (u64 i = 0; i < argc; i++) {
        out("argv[");
        out_u(i);
        out("]=");
        out(argv[i]);
        out("\n");
    }
    check(argv[argc] == 0, "argv is NULL-terminated");
    while (*envp) {
        if (envp[0][0] == 'R' && envp[0][1] == 'T' && envp[0][2] == '_') {
            out("env ");
            out(*envp);
            out("\n");
        }
        envp++;
    }
    for (auxv = (u64 *)(envp + 1); auxv[0] != AT_NULL; auxv += 2) {
        u64 t = auxv[0], v = auxv[1];
        if (t < 64)
            seen |= 1ul << t;
        switch (t) {
        case AT_PAGESZ: out("AT_PAGESZ="); out_u(v); out("\n"); break;
        case AT_BASE: out("AT_BASE="); out_x(v); out("\n"); break;
        case AT_FLAGS: out("AT_FLAGS="); out_u(v); out("\n"); break;
        case AT_UID: out("AT_UID="); out_u(v); out("\n"); break;
        case AT_EUID: out("AT_EUID="); out_u(v); out("\n"); break;
        case AT_GID: out("AT_GID="); out_u(v); out("\n"); break;
        case AT_EGID: out("AT_EGID="); out_u(v); out("\n"); break;
        case AT_SECURE: out("AT_SECURE="); out_u(v); out("\n"); break;
        case AT_CLKTCK: out("AT_CLKTCK="); out_u(v); out("\n"); break;
        case AT_HWCAP: out("AT_HWCAP="); out_x(v); out("\n"); break;
        case AT_HWCAP2: out("AT_HWCAP2="); out_x(v); out("\n"); break;
        case AT_MINSIGSTKSZ: out("AT_MINSIGSTKSZ="); out_u(v); out("\n"); break;
        case AT_PLATFORM: out("AT_PLATFORM="); out((const char *)v); out("\n"); break;
        case AT_EXECFN: out("AT_EXECFN="); out((const char *)v); out("\n"); break;
        case AT_ENTRY:
            out("AT_ENTRY="); out_x(v); out("\n");
            check(v == (u64)_start, "AT_ENTRY is the address of _start");
            break;
        case AT_PHDR: phdr = v; break;
        case AT_PHNUM: phnum = v; out("AT_PHNUM="); out_u(v); out("\n"); break;
        case AT_PHENT: phent = v; out("AT_PHENT="); out_u(v); out("\n"); break;
        case AT_RANDOM: {
            const unsigned char *r = (const unsigned char *)v;
            u64 acc = 0;
            for (int i = 0; i < 16; i++)
                acc |= r[i];
            check(v != 0 && acc != 0, "AT_RANDOM points to 16 readable, not all-zero bytes");
            break;
        }
        default:
            break;
        }
    }
    {
        static const int want[] = { AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS,
                                    AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_PLATFORM,
                                    AT_HWCAP, AT_CLKTCK, AT_SECURE, AT_RANDOM, AT_HWCAP2,
                                    AT_EXECFN, AT_MINSIGSTKSZ };
        int all = 1;
        for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++)
            all &= (seen >> want[i]) & 1;
        check(all, "auxv has every entry Linux gives");
    }
    /* The program headers in memory: the first PT_LOAD covers _start. */
    if (phdr && phent == 56) {
        int found = 0;
        u64 bias = 0, first = 1;
        /* The linker puts the headers at file offset 64, in the first
         * PT_LOAD (from offset 0): that gives the load bias of a PIE. */
        for (u64 i = 0; i < phnum && first; i++) {
            const unsigned int *ph = (const unsigned int *)(phdr + i * phent);
            const u64 *ph64 = (const u64 *)(phdr + i * phent);
            if (ph[0] == 1) {
                bias = phdr - 64 - ph64[2];
                first = 0;
            }
        }
        for (u64 i = 0; i < phnum; i++) {
            const unsigned int *ph = (const unsigned int *)(phdr + i * phent);
            const u64 *ph64 = (const u64 *)(phdr + i * phent);
            if (ph[0] == 1 && ph[1] & 1 && (u64)_start >= ph64[2] + bias &&
                (u64)_start < ph64[2] + bias + ph64[5])
                found = 1;
        }
        check(found, "AT_PHDR: an executable PT_LOAD covers _start");
    } else {
        check(0, "AT_PHDR/AT_PHENT present and ELF64-sized");
    }
    return nfail ? 1 : 0;
}
