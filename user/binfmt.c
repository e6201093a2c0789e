/*
 * binfmt.c - remu --binfmt: register remu-GUEST with the kernel's
 * binfmt_misc, so that executing a foreign ELF program (in a chroot, a
 * container image, a cross-built tree) runs it under remu transparently.
 *
 * binfmt_misc facts this file relies on (Linux
 * Documentation/admin-guide/binfmt-misc.rst):
 *   - it is a file system mounted on /proc/sys/fs/binfmt_misc; writing
 *     ":name:type:offset:magic:mask:interpreter:flags" to its "register"
 *     file (in ONE write) adds the entry /proc/sys/fs/binfmt_misc/name, and
 *     writing "-1" to that entry removes it.  Only root may do either.
 *   - type M matches bytes at offset: (file byte ^ magic byte) & mask byte
 *     must be 0 for every byte; magic and mask may use \xHH escapes (so we
 *     escape every byte: a raw ':' would end the field).
 *   - the kernel then runs "interpreter [full-path] args": without the P
 *     flag argv[0] is replaced by the program's path, so the interpreter
 *     gets [interpreter, path, arg1, ...]; with P it gets
 *     [interpreter, path, original-argv0, arg1, ...].
 *   - F opens the interpreter at registration: it works afterwards in any
 *     mount namespace or chroot, even one without remu in it.
 *   - C computes credentials from the program (setuid/setgid bits honoured)
 *     and implies O (the interpreter gets an open descriptor of the
 *     program instead of only its path).
 *
 * The P mode problem: remu-GUEST cannot tell [remu-GUEST, path, argv0, ...]
 * from an ordinary command line "remu-GUEST PROGRAM ARG...".  We register a
 * different interpreter name for it, remu-GUEST-binfmt-P (a symbolic link to
 * remu that --register creates when it is missing), and remu.c dispatches
 * that name to binfmt_preserved_argv.  The name is all the state there is:
 * nothing depends on the environment, which the guest controls.
 *
 * The magic: the first 20 bytes of an ELF header: "\x7fELF", EI_CLASS,
 * EI_DATA, EI_VERSION (1) exactly; EI_OSABI, EI_ABIVERSION and the padding
 * masked out (Linux programs carry SYSV or GNU there); e_type with its
 * lowest bit masked so both ET_EXEC (2) and ET_DYN (3, PIE programs and
 * ld.so) match; e_machine exactly.  Multi-byte fields in the guest's byte
 * order.  Masked-out magic bytes are 0, so magic & mask == magic.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "user/binfmt.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define BINFMT_MAGIC_LEN 20
#define BINFMT_DEFAULT_FLAGS "FP"

typedef struct BinfmtOptions {
    enum { BINFMT_SHOW, BINFMT_REGISTER, BINFMT_UNREGISTER } action;
    const char *dir;            /* where remu-GUEST[-binfmt-P] lives */
    const char *flags;
    const char *prefix;         /* entry names are PREFIX-GUEST */
} BinfmtOptions;

static void binfmt_usage(FILE *f)
{
    fprintf(f,
            "usage: remu --binfmt [--register | --unregister] [--path DIR] [--flags FLAGS]\n"
            "                     [--name PREFIX]\n"
            "Print (default), register or remove the binfmt_misc entries that make the\n"
            "kernel run foreign ELF programs under remu-GUEST.\n"
            "  --register     write the entries to " BINFMT_DIR "/register\n"
            "                 (mounting binfmt_misc if needed; needs root); an entry of\n"
            "                 the same name is replaced\n"
            "  --unregister   remove the entries\n"
            "  --path DIR     the directory of the interpreter (default: the directory of\n"
            "                 this remu); a missing remu-GUEST or remu-GUEST-binfmt-P there\n"
            "                 is created by --register as a link to remu\n"
            "  --flags FLAGS  binfmt_misc flags, any of F P C O (default " BINFMT_DEFAULT_FLAGS ")\n"
            "                 F  fix binary: the kernel opens the interpreter now, so it\n"
            "                    also works in chroots and containers without remu\n"
            "                 P  preserve argv[0]: the program sees its own argv[0]; the\n"
            "                    interpreter is then remu-GUEST-binfmt-P\n"
            "                 C  credentials from the program: setuid/setgid programs run\n"
            "                    with their privileges (implies O; remu then runs with\n"
            "                    them too: only for interpreters you trust)\n"
            "                 O  the interpreter gets an open descriptor of the program\n"
            "  --name PREFIX  name the entries PREFIX-GUEST (default remu)\n");
}

/* The 20 magic/mask bytes that match the guest's ELF executables. */
static void binfmt_magic(const UserGuest *g, uint8_t magic[BINFMT_MAGIC_LEN],
                         uint8_t mask[BINFMT_MAGIC_LEN])
{
    bool be = g->elf_data == 2;         /* ELFDATA2MSB */

    memset(magic, 0, BINFMT_MAGIC_LEN);
    memset(mask, 0, BINFMT_MAGIC_LEN);
    magic[0] = 0x7f, magic[1] = 'E', magic[2] = 'L', magic[3] = 'F';
    magic[4] = g->elf_class;
    magic[5] = g->elf_data;
    magic[6] = 1;                       /* EV_CURRENT */
    memset(mask, 0xff, 7);
    /* e_type: ET_EXEC = 2, lowest bit ignored so ET_DYN = 3 matches too. */
    magic[be ? 17 : 16] = 2;
    mask[16] = mask[17] = 0xff;
    mask[be ? 17 : 16] = 0xfe;
    magic[be ? 19 : 18] = (uint8_t)g->elf_machine;
    magic[be ? 18 : 19] = (uint8_t)(g->elf_machine >> 8);
    mask[18] = mask[19] = 0xff;
}

static void binfmt_hex(char *out, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 4 * i, "\\x%02x", b[i]);
}

static bool binfmt_valid_flags(const char *flags)
{
    for (const char *p = flags; *p; p++)
        if (!strchr("FPCO", *p) || strchr(p + 1, *p))
            return false;
    return true;
}

/* The interpreter path for guest g: DIR/remu-GUEST or DIR/remu-GUEST-binfmt-P
 * (-1 if it does not fit). */
static int binfmt_interp(const BinfmtOptions *o, const UserGuest *g, char *out, size_t size)
{
    int n = snprintf(out, size, "%s/remu-%s%s", o->dir, g->name,
                     strchr(o->flags, 'P') ? BINFMT_P_SUFFIX : "");
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The registration string, or -1 if it does not fit. */
static int binfmt_line(const BinfmtOptions *o, const UserGuest *g, char *out, size_t size)
{
    uint8_t magic[BINFMT_MAGIC_LEN], mask[BINFMT_MAGIC_LEN];
    char hm[4 * BINFMT_MAGIC_LEN + 1], hk[4 * BINFMT_MAGIC_LEN + 1], interp[PATH_MAX];
    int n;

    binfmt_magic(g, magic, mask);
    binfmt_hex(hm, magic, BINFMT_MAGIC_LEN);
    binfmt_hex(hk, mask, BINFMT_MAGIC_LEN);
    if (binfmt_interp(o, g, interp, sizeof(interp)) < 0)
        return -1;
    n = snprintf(out, size, ":%s-%s:M::%s:%s:%s:%s", o->prefix, g->name, hm, hk, interp, o->flags);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

static void binfmt_show(const BinfmtOptions *o, const UserGuest *g, const char *line)
{
    char interp[PATH_MAX], entry[PATH_MAX];

    binfmt_interp(o, g, interp, sizeof(interp));
    printf("# %s-%s: ELF%s %s-endian executables for %s (e_machine %u),\n"
           "#   ET_EXEC and ET_DYN, any OS ABI, run by %s\n",
           o->prefix, g->name, g->elf_class == 2 ? "64" : "32",
           g->elf_data == 2 ? "big" : "little", g->name, g->elf_machine, interp);
    if (strchr(o->flags, 'P'))
        printf("#   P: the program keeps its argv[0]; %s gets\n"
               "#   [itself, path, argv[0], args...]\n", interp);
    else
        printf("#   no P: the program's argv[0] is its path (as given to execve)\n");
    if (strchr(o->flags, 'F'))
        printf("#   F: the kernel opens the interpreter at registration (works in chroots)\n");
    else
        printf("#   no F: %s must exist wherever the program runs (chroots)\n", interp);
    if (strchr(o->flags, 'C'))
        printf("#   C: setuid/setgid programs run with their privileges, and remu with them\n");
    snprintf(entry, sizeof(entry), BINFMT_DIR "/%s-%s", o->prefix, g->name);
    if (access(entry, F_OK) == 0)
        printf("#   currently registered (%s)\n", entry);
    printf("%s\n", line);
}

/* Make sure BINFMT_DIR/register exists, mounting binfmt_misc if needed. */
static int binfmt_mount(bool may_mount)
{
    if (access(BINFMT_DIR "/register", F_OK) == 0)
        return 0;
    if (!may_mount)
        return -1;
    if (access(BINFMT_DIR, F_OK) != 0) {
        fprintf(stderr, "remu: %s: %s (no binfmt_misc support in this kernel, or /proc "
                "is not mounted)\n", BINFMT_DIR, strerror(errno));
        return -1;
    }
    if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) < 0) {
        fprintf(stderr, "remu: cannot mount binfmt_misc on %s: %s%s\n", BINFMT_DIR,
                strerror(errno),
                errno == EPERM || errno == EACCES
                    ? " (registering needs root; in a container, register on the host)" : "");
        return -1;
    }
    return 0;
}

/* Write s to the proc file path in one write. */
static int binfmt_write(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC), e;
    ssize_t n;

    if (fd < 0)
        return -1;
    n = write(fd, s, strlen(s));
    e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t)strlen(s) ? 0 : -1;
}

static const char *binfmt_why(int e)
{
    if (e == EPERM || e == EACCES)
        return " (registering needs root)";
    return "";
}

/* Create the interpreter as a symbolic link to remu when it is missing. */
static int binfmt_make_interp(const char *interp, const char *dir, const char *self)
{
    char sibling[PATH_MAX + 8];
    struct stat st;
    const char *target = self;
    int n;

    if (lstat(interp, &st) == 0)
        return 0;
    n = snprintf(sibling, sizeof(sibling), "%s/remu", dir);
    if (self && n > 0 && (size_t)n < sizeof(sibling) && access(sibling, X_OK) == 0) {
        char *a = realpath(sibling, NULL), *b = realpath(self, NULL);
        if (a && b && !strcmp(a, b))
            target = "remu";
        free(a);
        free(b);
    }
    if (!target) {
        fprintf(stderr, "remu: %s is missing and the path of remu is unknown\n", interp);
        return -1;
    }
    if (symlink(target, interp) < 0) {
        fprintf(stderr, "remu: cannot create %s: %s\n", interp, strerror(errno));
        return -1;
    }
    printf("created %s -> %s\n", interp, target);
    return 0;
}

static int binfmt_remove(const char *entry)
{
    if (binfmt_write(entry, "-1") < 0) {
        fprintf(stderr, "remu: cannot remove %s: %s%s\n", entry, strerror(errno),
                binfmt_why(errno));
        return -1;
    }
    return 0;
}

static int binfmt_register(const BinfmtOptions *o, const UserGuest *g, const char *line,
                           const char *self)
{
    char interp[PATH_MAX], entry[PATH_MAX];

    if (access(BINFMT_DIR "/register", W_OK) < 0) {
        fprintf(stderr, "remu: %s/register: %s%s\n", BINFMT_DIR, strerror(errno),
                binfmt_why(errno));
        return -1;
    }
    binfmt_interp(o, g, interp, sizeof(interp));
    if (binfmt_make_interp(interp, o->dir, self) < 0)
        return -1;
    if (access(interp, X_OK) < 0) {
        fprintf(stderr, "remu: %s: %s\n", interp, strerror(errno));
        return -1;
    }
    snprintf(entry, sizeof(entry), BINFMT_DIR "/%s-%s", o->prefix, g->name);
    if (access(entry, F_OK) == 0 && binfmt_remove(entry) < 0)
        return -1;
    if (binfmt_write(BINFMT_DIR "/register", line) < 0) {
        fprintf(stderr, "remu: cannot register %s-%s: %s%s\n", o->prefix, g->name,
                strerror(errno), binfmt_why(errno));
        return -1;
    }
    printf("registered %s: %s\n", entry, line);
    return 0;
}

static int binfmt_unregister(const BinfmtOptions *o, const UserGuest *g)
{
    char entry[PATH_MAX];

    snprintf(entry, sizeof(entry), BINFMT_DIR "/%s-%s", o->prefix, g->name);
    if (access(entry, F_OK) != 0) {
        printf("%s-%s: not registered\n", o->prefix, g->name);
        return 0;
    }
    if (binfmt_remove(entry) < 0)
        return -1;
    printf("removed %s\n", entry);
    return 0;
}

int binfmt_main(const UserGuest *const *guests, int argc, char **argv)
{
    static char self[PATH_MAX], dir[PATH_MAX];
    BinfmtOptions o = { BINFMT_SHOW, NULL, BINFMT_DEFAULT_FLAGS, "remu" };
    ssize_t sl = readlink("/proc/self/exe", self, sizeof(self) - 1);
    int status = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            binfmt_usage(stdout);
            return 0;
        } else if (!strcmp(a, "--register")) {
            o.action = BINFMT_REGISTER;
        } else if (!strcmp(a, "--unregister")) {
            o.action = BINFMT_UNREGISTER;
        } else if ((!strcmp(a, "--path") || !strcmp(a, "--flags") || !strcmp(a, "--name"))
                   && i + 1 < argc) {
            if (a[2] == 'p')
                o.dir = argv[++i];
            else if (a[2] == 'f')
                o.flags = argv[++i];
            else
                o.prefix = argv[++i];
        } else {
            fprintf(stderr, "remu: --binfmt: bad option '%s'\n", a);
            binfmt_usage(stderr);
            return 2;
        }
    }
    if (!binfmt_valid_flags(o.flags)) {
        fprintf(stderr, "remu: --binfmt: bad flags '%s' (any of F P C O, once each)\n", o.flags);
        return 2;
    }
    if (!o.prefix[0] || strpbrk(o.prefix, "/:\\") || strlen(o.prefix) > 64) {
        fprintf(stderr, "remu: --binfmt: bad name '%s'\n", o.prefix);
        return 2;
    }
    self[sl > 0 ? sl : 0] = 0;
    if (!o.dir) {
        char *slash = strrchr(self, '/');
        if (!slash) {
            fprintf(stderr, "remu: --binfmt: cannot find remu's directory; use --path DIR\n");
            return 1;
        }
        memcpy(dir, self, (size_t)(slash - self));
        dir[slash - self] = 0;
        o.dir = dir;
    } else if (o.dir[0] != '/') {
        /* The kernel resolves the interpreter itself: it must be absolute. */
        if (!realpath(o.dir, dir)) {
            fprintf(stderr, "remu: --binfmt: %s: %s\n", o.dir, strerror(errno));
            return 1;
        }
        o.dir = dir;
    }

    if (o.action == BINFMT_REGISTER && binfmt_mount(true) < 0)
        return 1;
    if (o.action == BINFMT_UNREGISTER && binfmt_mount(false) < 0) {
        printf("binfmt_misc is not mounted: nothing is registered\n");
        return 0;
    }
    for (const UserGuest *const *g = guests; *g; g++) {
        char line[4 * PATH_MAX];
        if (binfmt_line(&o, *g, line, sizeof(line)) < 0) {
            fprintf(stderr, "remu: --binfmt: the path %s is too long\n", o.dir);
            return 1;
        }
        if (o.action == BINFMT_SHOW)
            binfmt_show(&o, *g, line);
        else if (o.action == BINFMT_REGISTER)
            status |= binfmt_register(&o, *g, line, sl > 0 ? self : NULL) < 0;
        else
            status |= binfmt_unregister(&o, *g) < 0;
    }
    return status;
}

char **binfmt_preserved_argv(const char *guest_name, int argc, char **argv, int *new_argc)
{
    static char name[64];
    char **v;
    int n = 0;

    if (argc < 2) {
        fprintf(stderr, "remu-%s%s: run by binfmt_misc with the P flag only: "
                "expects PATH ARGV0 [ARGS...]\n", guest_name, BINFMT_P_SUFFIX);
        return NULL;
    }
    v = calloc((size_t)argc + 4, sizeof(char *));
    if (!v)
        return NULL;
    snprintf(name, sizeof(name), "remu-%s", guest_name);
    v[n++] = name;
    v[n++] = (char *)"-0";
    /* An execve with an empty argv: the program's path stands in. */
    v[n++] = argc > 2 ? argv[2] : argv[1];
    v[n++] = (char *)"--";
    v[n++] = argv[1];
    for (int i = 3; i < argc; i++)
        v[n++] = argv[i];
    v[n] = NULL;
    *new_argc = n;
    return v;
}
