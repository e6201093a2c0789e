/*
 * elfload.c - load a guest ELF program (and its interpreter) into memory
 * and build the initial stack the way the Linux kernel does.
 *
 * The file is read with pread, never trusted: every header field is checked
 * against the file size and against a sane address range before it is used,
 * so a truncated or corrupt file gives a one-line reason, never a crash.
 * Both ELF classes and byte orders are parsed (the guest says which it
 * wants); headers are converted into the class-neutral Ehdr/Phdr below.
 *
 * Memory: the whole span of the PT_LOAD segments is first reserved
 * PROT_NONE (at the fixed addresses of an ET_EXEC, refusing to replace an
 * existing mapping; anywhere suitably aligned for an ET_DYN), then each
 * segment's pages are made writable, filled from the file (the bss stays
 * zero: the pages are fresh anonymous memory) and given their final
 * protection, the union of the segments sharing a page.  Copying rather than
 * mapping the file keeps host and guest page sizes independent.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/user-internal.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

UserProcess user_proc;

enum {
    ET_EXEC_ = 2, ET_DYN_ = 3,
    PT_LOAD_ = 1, PT_INTERP_ = 3, PT_PHDR_ = 6, PT_GNU_STACK_ = 0x6474e551,
    PF_X_ = 1, PF_W_ = 2, PF_R_ = 4,
};

/* Highest guest address we accept (47-bit user space of an x86_64 host). */
#define USER_ADDR_LIMIT (UINT64_C(1) << 47)
/* Largest segment or span we accept. */
#define USER_MAX_SPAN (UINT64_C(1) << 40)
#define MAX_PHNUM 512
/* Where an ET_DYN main program goes when free (the interpreter: anywhere). */
#define DYN_BASE UINT64_C(0x400000000000)

typedef struct Ehdr {
    uint16_t type, machine;
    uint64_t entry, phoff;
    uint16_t phentsize, phnum;
} Ehdr;

typedef struct Phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, filesz, memsz, align;
} Phdr;

typedef struct ElfFile {
    int fd;
    uint64_t size;
    bool is64, be;
    Ehdr eh;
    Phdr *ph;
} ElfFile;

static uint64_t rd(const uint8_t *p, int n, bool be)
{
    uint64_t v = 0;

    for (int i = 0; i < n; i++)
        v |= (uint64_t)p[be ? n - 1 - i : i] << (8 * i);
    return v;
}

static int fail(char *err, size_t errlen, int status, const char *fmt, const char *arg)
{
    snprintf(err, errlen, fmt, arg);
    return status;
}

static bool read_at(const ElfFile *f, void *buf, uint64_t len, uint64_t off)
{
    uint64_t done = 0;

    if (len == 0)
        return true;
    if (off > f->size || len > f->size - off)
        return false;
    while (done < len) {
        ssize_t n = pread(f->fd, (uint8_t *)buf + done, len - done, (off_t)(off + done));
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
        done += (uint64_t)n;
    }
    return true;
}

/* Open and check path; fill f.  Returns 0 or an exit status with err set. */
static int elf_open(const UserGuest *g, const char *path, ElfFile *f, char *err, size_t errlen)
{
    uint8_t id[64];
    struct stat st;

    memset(f, 0, sizeof(*f));
    f->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f->fd < 0) {
        int e = errno;
        return fail(err, errlen, e == ENOENT || e == ENOTDIR ? 127 : 126, "%s", strerror(e));
    }
    if (fstat(f->fd, &st) < 0)
        return fail(err, errlen, 126, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail(err, errlen, 126, "%s", strerror(EISDIR));
    if (!S_ISREG(st.st_mode))
        return fail(err, errlen, 126, "%s", "not a regular file");
    f->size = (uint64_t)st.st_size;
    if (f->size < 16 || !read_at(f, id, 16, 0) || memcmp(id, "\177ELF", 4))
        return fail(err, errlen, 126, "%s", "not an ELF executable (exec format error)");
    if (id[4] != 1 && id[4] != 2)
        return fail(err, errlen, 126, "%s", "invalid ELF class");
    if (id[4] != g->elf_class)
        return fail(err, errlen, 126, "wrong ELF class (%s), not a program for this guest",
                    id[4] == 2 ? "ELF64" : "ELF32");
    if (id[5] != g->elf_data)
        return fail(err, errlen, 126, "%s", "wrong ELF byte order for this guest");
    if (id[6] != 1)
        return fail(err, errlen, 126, "%s", "unsupported ELF version");
    f->is64 = id[4] == 2;
    f->be = id[5] == 2;

    size_t ehsize = f->is64 ? 64 : 52;
    if (!read_at(f, id, ehsize, 0))
        return fail(err, errlen, 126, "%s", "truncated ELF header");
    f->eh.type = (uint16_t)rd(id + 16, 2, f->be);
    f->eh.machine = (uint16_t)rd(id + 18, 2, f->be);
    if (rd(id + 20, 4, f->be) != 1)
        return fail(err, errlen, 126, "%s", "unsupported ELF version");
    if (f->is64) {
        f->eh.entry = rd(id + 24, 8, f->be);
        f->eh.phoff = rd(id + 32, 8, f->be);
        f->eh.phentsize = (uint16_t)rd(id + 54, 2, f->be);
        f->eh.phnum = (uint16_t)rd(id + 56, 2, f->be);
    } else {
        f->eh.entry = rd(id + 24, 4, f->be);
        f->eh.phoff = rd(id + 28, 4, f->be);
        f->eh.phentsize = (uint16_t)rd(id + 42, 2, f->be);
        f->eh.phnum = (uint16_t)rd(id + 44, 2, f->be);
    }
    if (f->eh.machine != g->elf_machine) {
        char m[64];
        snprintf(m, sizeof(m), "%u", f->eh.machine);
        return fail(err, errlen, 126, "wrong machine (ELF e_machine %s) for this guest", m);
    }
    if (f->eh.type != ET_EXEC_ && f->eh.type != ET_DYN_)
        return fail(err, errlen, 126, "%s", "not an executable ELF file (e_type)");

    size_t phsize = f->is64 ? 56 : 32;
    if (f->eh.phentsize != phsize)
        return fail(err, errlen, 126, "%s", "corrupt ELF file (e_phentsize)");
    if (f->eh.phnum == 0 || f->eh.phnum > MAX_PHNUM)
        return fail(err, errlen, 126, "%s", "corrupt ELF file (e_phnum)");
    uint64_t total = (uint64_t)phsize * f->eh.phnum;
    uint8_t *raw = malloc(total);
    f->ph = calloc(f->eh.phnum, sizeof(Phdr));
    if (!raw || !f->ph) {
        free(raw);
        return fail(err, errlen, 126, "%s", strerror(ENOMEM));
    }
    if (!read_at(f, raw, total, f->eh.phoff)) {
        free(raw);
        return fail(err, errlen, 126, "%s", "truncated ELF file (program headers)");
    }
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const uint8_t *p = raw + i * phsize;
        Phdr *ph = &f->ph[i];
        ph->type = (uint32_t)rd(p, 4, f->be);
        if (f->is64) {
            ph->flags = (uint32_t)rd(p + 4, 4, f->be);
            ph->offset = rd(p + 8, 8, f->be);
            ph->vaddr = rd(p + 16, 8, f->be);
            ph->filesz = rd(p + 32, 8, f->be);
            ph->memsz = rd(p + 40, 8, f->be);
            ph->align = rd(p + 48, 8, f->be);
        } else {
            ph->offset = rd(p + 4, 4, f->be);
            ph->vaddr = rd(p + 8, 4, f->be);
            ph->filesz = rd(p + 16, 4, f->be);
            ph->memsz = rd(p + 20, 4, f->be);
            ph->flags = (uint32_t)rd(p + 24, 4, f->be);
            ph->align = rd(p + 28, 4, f->be);
        }
    }
    free(raw);
    return 0;
}

static void elf_close(ElfFile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    free(f->ph);
    f->fd = -1;
    f->ph = NULL;
}

static int prot_of(uint32_t flags)
{
    return (flags & PF_R_ ? PROT_READ : 0) | (flags & PF_W_ ? PROT_WRITE : 0) |
           (flags & PF_X_ ? PROT_EXEC : 0);
}

/*
 * Check the PT_LOAD segments and compute their span.  Returns 0 or 126.
 */
static int elf_check_segments(const ElfFile *f, uint64_t page, uint64_t *lo, uint64_t *hi,
                              uint64_t *align, char *err, size_t errlen)
{
    uint64_t prev_end = 0;
    int nload = 0;

    *lo = UINT64_MAX;
    *hi = 0;
    *align = page;
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const Phdr *ph = &f->ph[i];
        if (ph->type != PT_LOAD_)
            continue;
        if (ph->memsz == 0)
            continue;
        if (ph->filesz > ph->memsz)
            return fail(err, errlen, 126, "%s", "corrupt ELF file (segment file size above memory size)");
        if (ph->filesz && (ph->offset > f->size || ph->filesz > f->size - ph->offset))
            return fail(err, errlen, 126, "%s", "truncated ELF file (segment outside the file)");
        if (ph->memsz > USER_MAX_SPAN || ph->vaddr >= USER_ADDR_LIMIT ||
            ph->memsz > USER_ADDR_LIMIT - ph->vaddr)
            return fail(err, errlen, 126, "%s", "corrupt ELF file (segment size or address)");
        if (ph->align > 1) {
            if ((ph->align & (ph->align - 1)) || ph->align > (UINT64_C(1) << 30))
                return fail(err, errlen, 126, "%s", "corrupt ELF file (segment alignment)");
            if ((ph->vaddr - ph->offset) & (ph->align - 1) & (page - 1))
                return fail(err, errlen, 126, "%s", "corrupt ELF file (misaligned segment)");
            if (ph->align > *align)
                *align = ph->align;
        }
        if (nload && ph->vaddr < prev_end)
            return fail(err, errlen, 126, "%s", "corrupt ELF file (overlapping or unsorted segments)");
        prev_end = ph->vaddr + ph->memsz;
        if (ph->vaddr < *lo)
            *lo = ph->vaddr;
        if (prev_end > *hi)
            *hi = prev_end;
        nload++;
    }
    if (!nload)
        return fail(err, errlen, 126, "%s", "corrupt ELF file (nothing to load)");
    *lo &= ~(page - 1);
    *hi = (*hi + page - 1) & ~(page - 1);
    if (*hi - *lo > USER_MAX_SPAN)
        return fail(err, errlen, 126, "%s", "corrupt ELF file (segments span too much memory)");
    return 0;
}

/* Map f's segments; fill img.  Returns 0 or 126. */
static int elf_map(const UserGuest *g, ElfFile *f, bool main_program, UserImage *img,
                   char *err, size_t errlen)
{
    uint64_t page = g->page_size, lo, hi, align, bias = 0;
    int r = elf_check_segments(f, page, &lo, &hi, &align, err, errlen);
    void *m;

    if (r)
        return r;
    if (f->eh.type == ET_EXEC_) {
        if (lo < (uint64_t)getpagesize())
            return fail(err, errlen, 126, "%s", "cannot map a segment at address 0");
        m = mmap((void *)(uintptr_t)lo, hi - lo, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED || (uint64_t)(uintptr_t)m != lo) {
            if (m != MAP_FAILED)
                munmap(m, hi - lo);
            return fail(err, errlen, 126, "%s",
                        "cannot map the program at its fixed address (address range in use)");
        }
    } else {
        /* Over-reserve so an aligned base fits, then trim the slack. */
        uint64_t len = hi - lo + align;
        uint64_t base;
        m = MAP_FAILED;
        if (main_program)
            m = mmap((void *)(uintptr_t)DYN_BASE, len, PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED)
            m = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED)
            return fail(err, errlen, 126, "%s", strerror(errno));
        base = ((uint64_t)(uintptr_t)m + align - 1) & ~(align - 1);
        if (base > (uint64_t)(uintptr_t)m)
            munmap(m, base - (uint64_t)(uintptr_t)m);
        if ((uint64_t)(uintptr_t)m + len > base + (hi - lo))
            munmap((void *)(uintptr_t)(base + (hi - lo)),
                   (uint64_t)(uintptr_t)m + len - (base + (hi - lo)));
        bias = base - lo;
    }

    /* Fill: pages writable, copy the file bytes. */
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const Phdr *ph = &f->ph[i];
        if (ph->type != PT_LOAD_ || ph->memsz == 0)
            continue;
        uint64_t s = (ph->vaddr + bias) & ~(page - 1);
        uint64_t e = (ph->vaddr + bias + ph->memsz + page - 1) & ~(page - 1);
        if (mprotect((void *)(uintptr_t)s, e - s, PROT_READ | PROT_WRITE) < 0 ||
            !read_at(f, (void *)(uintptr_t)(ph->vaddr + bias), ph->filesz, ph->offset)) {
            munmap((void *)(uintptr_t)(lo + bias), hi - lo);
            return fail(err, errlen, 126, "%s", "cannot load a segment");
        }
    }
    /* Final protections: a page shared by two segments gets both. */
    uint64_t prev_last = UINT64_MAX;
    int prev_prot = 0;
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const Phdr *ph = &f->ph[i];
        if (ph->type != PT_LOAD_ || ph->memsz == 0)
            continue;
        uint64_t s = (ph->vaddr + bias) & ~(page - 1);
        uint64_t e = (ph->vaddr + bias + ph->memsz + page - 1) & ~(page - 1);
        int prot = prot_of(ph->flags);
        /* The host must read what the guest executes. */
        int hprot = prot & PROT_EXEC ? prot | PROT_READ : prot;
        if (s == prev_last) {
            mprotect((void *)(uintptr_t)s, page, hprot | prev_prot);
            vma_set(s, s + page, prot | prev_prot);
            s += page;
        }
        if (s < e) {
            mprotect((void *)(uintptr_t)s, e - s, hprot);
            vma_set(s, e, prot);
        }
        prev_last = e - page;
        prev_prot = hprot;
    }

    memset(img, 0, sizeof(*img));
    img->bias = bias;
    img->entry = f->eh.entry + bias;
    img->phnum = f->eh.phnum;
    img->phent = f->eh.phentsize;
    img->start = lo + bias;
    img->end = 0;
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const Phdr *ph = &f->ph[i];
        if (ph->type == PT_PHDR_)
            img->phdr = ph->vaddr + bias;
        if (ph->type == PT_GNU_STACK_ && (ph->flags & PF_X_))
            img->exec_stack = true;
        if (ph->type == PT_LOAD_ && ph->memsz && ph->vaddr + ph->memsz + bias > img->end)
            img->end = ph->vaddr + ph->memsz + bias;
    }
    if (!img->phdr) {
        /* The headers as loaded by the PT_LOAD that covers e_phoff. */
        for (unsigned i = 0; i < f->eh.phnum; i++) {
            const Phdr *ph = &f->ph[i];
            if (ph->type == PT_LOAD_ && f->eh.phoff >= ph->offset &&
                f->eh.phoff - ph->offset < ph->filesz) {
                img->phdr = ph->vaddr + (f->eh.phoff - ph->offset) + bias;
                break;
            }
        }
    }
    if (!vma_check(img->entry, 4, PROT_EXEC))
        return fail(err, errlen, 126, "%s", "corrupt ELF file (entry point outside executable code)");
    return 0;
}

/* The interpreter's path from PT_INTERP, or NULL (err set, *status). */
static char *elf_interp(const ElfFile *f, int *status, char *err, size_t errlen)
{
    *status = 0;
    for (unsigned i = 0; i < f->eh.phnum; i++) {
        const Phdr *ph = &f->ph[i];
        if (ph->type != PT_INTERP_)
            continue;
        if (ph->filesz < 2 || ph->filesz > PATH_MAX) {
            *status = fail(err, errlen, 126, "%s", "corrupt ELF file (PT_INTERP size)");
            return NULL;
        }
        char *s = malloc(ph->filesz);
        if (!s || !read_at(f, s, ph->filesz, ph->offset) || s[ph->filesz - 1] != 0 ||
            strlen(s) != ph->filesz - 1) {
            free(s);
            *status = fail(err, errlen, 126, "%s", "corrupt ELF file (PT_INTERP)");
            return NULL;
        }
        return s;
    }
    return NULL;
}

int user_load_program(const UserGuest *g, const char *path, const char *prefix,
                      char *err, size_t errlen)
{
    ElfFile f, fi;
    char *interp;
    int r;

    user_proc.guest = g;
    user_proc.ld_prefix = prefix;
    /* Permission first, as execve checks it before reading the file. */
    if (access(path, F_OK) == 0 && access(path, X_OK) < 0)
        return fail(err, errlen, 126, "%s", strerror(EACCES));
    r = elf_open(g, path, &f, err, errlen);
    if (r) {
        elf_close(&f);
        return r;
    }
    interp = elf_interp(&f, &r, err, errlen);
    if (r) {
        elf_close(&f);
        return r;
    }
    r = elf_map(g, &f, true, &user_proc.exe, err, errlen);
    elf_close(&f);
    if (r) {
        free(interp);
        return r;
    }
    user_proc.initial_pc = user_proc.exe.entry;
    user_proc.brk_start = user_proc.brk_cur =
        (user_proc.exe.end + g->page_size - 1) & ~(g->page_size - 1);

    if (interp) {
        char buf[PATH_MAX * 2];
        char ierr[256];
        const char *ipath = interp;

        /* Under the prefix when the file exists there, as the -L of qemu
         * (user/path.c: links inside the prefix stay inside it). */
        ipath = user_prefix_path(interp, true, buf, sizeof(buf));
        r = elf_open(g, ipath, &fi, ierr, sizeof(ierr));
        if (!r && fi.eh.type != ET_DYN_ && fi.eh.type != ET_EXEC_)
            r = fail(ierr, sizeof(ierr), 126, "%s", "not an executable");
        if (!r) {
            int r2;
            char *ii = elf_interp(&fi, &r2, ierr, sizeof(ierr));
            if (ii || r2) {
                free(ii);
                r = r2 ? r2 : fail(ierr, sizeof(ierr), 126, "%s", "the interpreter has an interpreter");
            }
        }
        if (!r)
            r = elf_map(g, &fi, false, &user_proc.interp, ierr, sizeof(ierr));
        elf_close(&fi);
        if (r) {
            snprintf(err, errlen, "interpreter %s: %s%s", interp, ierr,
                     r == 127 && !(prefix && *prefix) ? " (use -L or REMU_LD_PREFIX)" : "");
            free(interp);
            return r;
        }
        user_proc.has_interp = true;
        user_proc.initial_pc = user_proc.interp.entry;
        free(interp);
    }
    return 0;
}

/* ---- the initial stack -------------------------------------------------- */

enum {
    AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5, AT_PAGESZ_ = 6,
    AT_BASE_ = 7, AT_FLAGS_ = 8, AT_ENTRY_ = 9, AT_UID_ = 11, AT_EUID_ = 12,
    AT_GID_ = 13, AT_EGID_ = 14, AT_PLATFORM_ = 15, AT_HWCAP_ = 16, AT_CLKTCK_ = 17,
    AT_SECURE_ = 23, AT_RANDOM_ = 25, AT_HWCAP2_ = 26, AT_EXECFN_ = 31,
    AT_MINSIGSTKSZ_ = 51,
};

/* Store a guest word (pointer-sized, guest byte order). */
static void put_word(const UserGuest *g, uint64_t addr, uint64_t v)
{
    int n = g->elf_class == 2 ? 8 : 4;
    uint8_t *p = (uint8_t *)(uintptr_t)addr;

    for (int i = 0; i < n; i++)
        p[g->elf_data == 2 ? n - 1 - i : i] = (uint8_t)(v >> (8 * i));
}

int user_setup_stack(const UserGuest *g, int argc, char **argv, char **envp,
                     const char *execfn, char *err, size_t errlen)
{
    struct rlimit rl;
    uint64_t size = 8 << 20, word = g->elf_class == 2 ? 8 : 4;
    int envc = 0;

    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur >= (1 << 17))
        size = rl.rlim_cur;
    if (size > (UINT64_C(1) << 30))
        size = UINT64_C(1) << 30;
    size = (size + g->page_size - 1) & ~(g->page_size - 1);
    while (envp[envc])
        envc++;

    /* The strings must fit in a quarter of the stack, as Linux demands. */
    uint64_t strings = strlen(execfn) + 1 + strlen(g->platform) + 1 + 16;
    for (int i = 0; i < argc; i++)
        strings += strlen(argv[i]) + 1;
    for (int i = 0; i < envc; i++)
        strings += strlen(envp[i]) + 1;
    uint64_t vectors = word * (1 + argc + 1 + envc + 1 + 2 * 24);
    if (strings + vectors + 256 > size / 4)
        return fail(err, errlen, 126, "%s", strerror(E2BIG));

    int prot = PROT_READ | PROT_WRITE | (user_proc.exe.exec_stack ? PROT_EXEC : 0);
    void *m = mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return fail(err, errlen, 126, "cannot allocate the stack: %s", strerror(errno));
    user_proc.stack_low = (uint64_t)(uintptr_t)m;
    user_proc.stack_high = user_proc.stack_low + size;
    vma_set(user_proc.stack_low, user_proc.stack_high, prot);

    /* Strings from the top: the file name last (highest), as Linux. */
    uint64_t p = user_proc.stack_high - word;
    uint64_t *argp = malloc(sizeof(uint64_t) * (size_t)(argc + envc + 1));
    if (!argp)
        return fail(err, errlen, 126, "%s", strerror(ENOMEM));
#define PUSH_STR(s, out) do { size_t l_ = strlen(s) + 1; p -= l_; \
        memcpy((void *)(uintptr_t)p, (s), l_); (out) = p; } while (0)
    uint64_t execfn_addr, platform_addr, random_addr;
    PUSH_STR(execfn, execfn_addr);
    for (int i = envc - 1; i >= 0; i--)
        PUSH_STR(envp[i], argp[argc + i]);
    for (int i = argc - 1; i >= 0; i--)
        PUSH_STR(argv[i], argp[i]);
    PUSH_STR(g->platform, platform_addr);
#undef PUSH_STR
    p &= ~UINT64_C(15);
    p -= 16;
    random_addr = p;
    if (getrandom((void *)(uintptr_t)p, 16, 0) != 16) {
        for (int i = 0; i < 16; i++)
            ((uint8_t *)(uintptr_t)p)[i] = (uint8_t)(rand() >> 3);
    }

    uint64_t auxv[][2] = {
        { AT_PHDR_, user_proc.exe.phdr },
        { AT_PHENT_, user_proc.exe.phent },
        { AT_PHNUM_, user_proc.exe.phnum },
        { AT_PAGESZ_, g->page_size },
        { AT_BASE_, user_proc.has_interp ? user_proc.interp.start : 0 },
        { AT_FLAGS_, 0 },
        { AT_ENTRY_, user_proc.exe.entry },
        { AT_UID_, getuid() },
        { AT_EUID_, geteuid() },
        { AT_GID_, getgid() },
        { AT_EGID_, getegid() },
        { AT_SECURE_, 0 },
        { AT_RANDOM_, random_addr },
        { AT_HWCAP_, g->hwcap },
        { AT_HWCAP2_, g->hwcap2 },
        { AT_CLKTCK_, (uint64_t)sysconf(_SC_CLK_TCK) },
        { AT_PLATFORM_, platform_addr },
        { AT_EXECFN_, execfn_addr },
        { AT_MINSIGSTKSZ_, g->minsigstksz },
        { AT_NULL_, 0 },
    };
    uint64_t nwords = 1 + (uint64_t)argc + 1 + (uint64_t)envc + 1 + 2 * (sizeof(auxv) / sizeof(auxv[0]));
    p -= nwords * word;
    p &= ~UINT64_C(15);
    user_proc.initial_sp = p;

    uint64_t q = p;
    put_word(g, q, (uint64_t)argc);
    q += word;
    for (int i = 0; i < argc; i++, q += word)
        put_word(g, q, argp[i]);
    put_word(g, q, 0);
    q += word;
    for (int i = 0; i < envc; i++, q += word)
        put_word(g, q, argp[argc + i]);
    put_word(g, q, 0);
    q += word;
    for (size_t i = 0; i < sizeof(auxv) / sizeof(auxv[0]); i++) {
        put_word(g, q, auxv[i][0]);
        put_word(g, q + word, auxv[i][1]);
        q += 2 * word;
    }
    free(argp);
    return 0;
}
