/* files.c - file I/O in a directory named by argv[1], the arguments and
   the environment, for the differential test (cdiff.exp).  errno is read
   in a statement of its own: argument evaluation order differs by target.  Only stat
   fields that are equal between the two runs are printed (size, type,
   permission bits under a fixed umask, link count).  The exit status is
   argv[2] when given.  */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

static void show_stat(const char *what, const struct stat *st)
{
    printf("%s size %lld type %o perm %o nlink %lu\n", what, (long long) st->st_size,
           (unsigned) (st->st_mode & S_IFMT), (unsigned) (st->st_mode & 07777),
           (unsigned long) st->st_nlink);
}

int main(int argc, char **argv)
{
    char path[4096], path2[4096], buf[8192];
    struct stat st;

    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] len %zu\n", i, strlen(argv[i]));
    }
    for (int i = 3; i < argc; i++) {
        printf("arg %d '%s'\n", i, argv[i]);
    }
    const char *v = getenv("CDIFF_VAR");
    printf("CDIFF_VAR %s\n", v ? v : "(unset)");
    printf("CDIFF_NONE %s\n", getenv("CDIFF_NONE") ? "set" : "(unset)");
    int nenv = 0, ncdiff = 0;
    for (char **e = environ; *e; e++) {
        nenv++;
        ncdiff += strncmp(*e, "CDIFF_", 6) == 0;
    }
    printf("environ has entries %d cdiff %d\n", nenv > 0, ncdiff);
    setenv("CDIFF_NEW", "fresh", 1);
    unsetenv("CDIFF_VAR");
    printf("after setenv %s %s\n", getenv("CDIFF_NEW"), getenv("CDIFF_VAR") ? "set" : "(unset)");

    if (argc < 2) {
        return 2;
    }
    umask(022);
    snprintf(path, sizeof path, "%s/data.bin", argv[1]);
    snprintf(path2, sizeof path2, "%s/renamed.bin", argv[1]);
    unlink(path);
    unlink(path2);

    int fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0640);
    printf("open %d\n", fd >= 0);
    int again = open(path, O_CREAT | O_EXCL | O_RDWR, 0640);
    int err = errno;
    printf("open excl again %d errno EEXIST %d\n", again, err == EEXIST);
    for (int i = 0; i < (int) sizeof buf; i++) {
        buf[i] = (char) (i * 31 + (i >> 8));
    }
    ssize_t total = 0;
    for (int chunk = 1; chunk <= 4096; chunk *= 4) {
        ssize_t n = write(fd, buf, (size_t) chunk);
        printf("write %d -> %zd\n", chunk, n);
        total += n;
    }
    printf("total %zd\n", total);
    fstat(fd, &st);
    show_stat("fstat", &st);
    printf("lseek end %lld\n", (long long) lseek(fd, 0, SEEK_END));
    printf("lseek set %lld\n", (long long) lseek(fd, 100, SEEK_SET));
    printf("lseek cur %lld\n", (long long) lseek(fd, -50, SEEK_CUR));
    char rd[512];
    ssize_t n = read(fd, rd, sizeof rd);
    uint32_t h = 0;
    for (ssize_t i = 0; i < n; i++) {
        h = h * 33 + (unsigned char) rd[i];
    }
    printf("read %zd hash %08x first %d\n", n, h, (unsigned char) rd[0]);
    printf("lseek hole %lld\n", (long long) lseek(fd, 20000, SEEK_SET));
    printf("write after hole %zd\n", write(fd, "END", 3));
    printf("pread %zd\n", pread(fd, rd, 10, 19998));
    printf("hole bytes %d %d %c\n", rd[0], rd[1], rd[2]);
    printf("ftruncate %d\n", ftruncate(fd, 5000));
    fstat(fd, &st);
    show_stat("truncated", &st);
    printf("close %d\n", close(fd));
    int r = close(fd);
    err = errno;
    printf("close again %d errno EBADF %d\n", r, err == EBADF);

    printf("rename %d\n", rename(path, path2));
    r = stat(path, &st);
    err = errno;
    printf("stat old %d errno ENOENT %d\n", r, err == ENOENT);
    printf("stat new %d\n", stat(path2, &st));
    show_stat("stat", &st);
    printf("chmod %d\n", chmod(path2, 0604));
    stat(path2, &st);
    show_stat("chmod", &st);
    printf("link %d\n", link(path2, path));
    stat(path2, &st);
    show_stat("linked", &st);

    FILE *f = fopen(path, "r");
    int c, count = 0, sum = 0;
    while ((c = fgetc(f)) != EOF) {
        count++;
        sum = (sum * 7 + c) % 1000003;
    }
    printf("stdio count %d sum %d\n", count, sum);
    fclose(f);
    f = fopen(path, "a+");
    fprintf(f, "line %d\n", 42);
    fclose(f);
    stat(path, &st);
    show_stat("appended", &st);

    r = unlink(path);
    printf("unlink %d %d\n", r, unlink(path2));
    r = unlink(path);
    err = errno;
    printf("unlink missing %d errno ENOENT %d\n", r, err == ENOENT);
    r = open(path, O_RDONLY);
    err = errno;
    printf("open missing %d errno ENOENT %d\n", r, err == ENOENT);
    snprintf(path, sizeof path, "%s/sub", argv[1]);
    printf("mkdir %d\n", mkdir(path, 0755));
    stat(path, &st);
    printf("dir type %o perm %o\n", (unsigned) (st.st_mode & S_IFMT), (unsigned) (st.st_mode & 0777));
    printf("rmdir %d\n", rmdir(path));
    fflush(stdout);
    return argc > 2 ? atoi(argv[2]) : 0;
}
