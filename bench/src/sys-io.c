/* sys-io: many small system calls: 64-byte writes into a pipe and reads
 * back, getpid, lseek and fstat on a file (the cost of a syscall round
 * trip through the emulator). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

int main(int argc, char **argv)
{
    long n = bench_scale(argc, argv, 400000);
    int p[2];
    char buf[64] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde";
    uint64_t h = 0;
    int fd = open(argv[0], O_RDONLY);
    struct stat st;

    if (pipe(p) || fd < 0)
        return 1;
    for (long i = 0; i < n; i++) {
        buf[0] = (char)i;
        if (write(p[1], buf, sizeof(buf)) != sizeof(buf) ||
            read(p[0], buf, sizeof(buf)) != sizeof(buf))
            return 1;
        h = bench_mix(h, (unsigned char)buf[0]);
        if ((i & 3) == 0) {
            h = bench_mix(h, (uint64_t)lseek(fd, i & 255, SEEK_SET));
            if (fstat(fd, &st))
                return 1;
            h = bench_mix(h, getpid() > 0);
        }
    }
    printf("sys-io: %016llx\n", (unsigned long long)h);
    return 0;
}
