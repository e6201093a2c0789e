/*
 * dynamic.c - a dynamically linked glibc program (and the same source as a
 * static PIE): checks the auxiliary vector against what the dynamic loader
 * itself reports (dl_iterate_phdr), and prints what user.exp compares with
 * the host: the size of a file looked up under the -L prefix, a host file
 * read by its absolute path, /proc/self/exe.
 *
 * usage: dynamic PREFIXED-PATH HOST-FILE
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

struct objects {
    int n;
    uintptr_t main_phdr, interp_base;
    int saw_libc;
};

static int each_object(struct dl_phdr_info *info, size_t size, void *data)
{
    struct objects *o = data;

    (void)size;
    if (o->n++ == 0)
        o->main_phdr = (uintptr_t)info->dlpi_phdr;
    if (strstr(info->dlpi_name, "ld-linux-aarch64.so.1"))
        o->interp_base = info->dlpi_addr;
    if (strstr(info->dlpi_name, "libc.so.6"))
        o->saw_libc = 1;
    return 0;
}

extern char _start[];

int main(int argc, char **argv)
{
    struct objects o = { 0, 0, 0, 0 };
    struct stat st;
    char buf[PATH_MAX];
    int dynamic;
    ssize_t n;

    if (argc != 3) {
        fprintf(stderr, "usage: dynamic PREFIXED-PATH HOST-FILE\n");
        return 2;
    }
    dl_iterate_phdr(each_object, &o);
    dynamic = o.saw_libc;
    printf("linked %s\n", dynamic ? "dynamically" : "statically");

    /* Auxiliary vector (the arm64 kernel's create_elf_tables). */
    check(getauxval(AT_ENTRY) == (unsigned long)_start, "AT_ENTRY is _start");
    check(getauxval(AT_PHDR) == o.main_phdr, "AT_PHDR is the program's headers");
    check(getauxval(AT_PHENT) == sizeof(ElfW(Phdr)), "AT_PHENT");
    if (dynamic)
        check(o.interp_base && getauxval(AT_BASE) == o.interp_base,
              "AT_BASE is where the dynamic loader was loaded");
    else
        check(getauxval(AT_BASE) == 0, "AT_BASE is 0 without an interpreter");
    check(getauxval(AT_PAGESZ) == 4096, "AT_PAGESZ");
    check(getauxval(AT_PLATFORM) && !strcmp((char *)getauxval(AT_PLATFORM), "aarch64"),
          "AT_PLATFORM is aarch64");
    check(getauxval(AT_EXECFN) && !strcmp((char *)getauxval(AT_EXECFN), argv[0]),
          "AT_EXECFN is the program's path");
    check(getauxval(AT_RANDOM) != 0, "AT_RANDOM");
    check(getauxval(AT_MINSIGSTKSZ) >= 4096, "AT_MINSIGSTKSZ");
    check(getauxval(AT_SECURE) == 0, "AT_SECURE");

    /* A file under the prefix, by its guest absolute path. */
    if (stat(argv[1], &st) == 0)
        printf("prefixed size=%lld\n", (long long)st.st_size);
    else
        printf("prefixed stat failed\n");
    int fd = open(argv[1], O_RDONLY);
    if (fd >= 0) {
        unsigned char e[4];
        check(read(fd, e, 4) == 4 && !memcmp(e, ELFMAG, 4), "open under the prefix reads the ELF file");
        close(fd);
    } else {
        check(0, "open under the prefix");
    }
    /* A host file that does not exist under the prefix. */
    FILE *f = fopen(argv[2], "r");
    if (f && fgets(buf, sizeof(buf), f))
        printf("host file: %s", buf);
    else
        printf("host file: cannot read\n");
    if (f)
        fclose(f);
    n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("exe=%s\n", buf);
    return failures ? 1 : 0;
}
