/* mmap.c - memory mappings for the differential test (cdiff.exp):
   anonymous mappings (zero-filled, big, with holes unmapped), file-backed
   MAP_SHARED written through memory and read back with read(), and
   MAP_PRIVATE copy-on-write left unchanged in the file, mprotect to
   read-only (a write then faults: recovered with siglongjmp), mremap
   growing and moving a mapping with its contents, msync, and
   MAP_FIXED over part of a mapping.  The file lives in the folder given
   as argv[1] (cdiff.exp makes it).  The native run is the oracle.  */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int faults;

static void on_segv(int sig)
{
    (void) sig;
    faults++;
    siglongjmp(env, 1);
}

static uint64_t hash(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

int main(int argc, char **argv)
{
    const size_t pg = 4096;     /* offsets below are multiples of the 4K page; host page may be larger */
    long page = sysconf(_SC_PAGESIZE);
    char path[4096];

    if (argc < 2) {
        printf("usage: mmap FOLDER\n");
        return 2;
    }
    signal(SIGSEGV, on_segv);

    /* Anonymous: zero-filled, large, partly unmapped.  */
    size_t big = 64 * (size_t) page;
    uint8_t *a = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int zero = 1;
    for (size_t i = 0; i < big; i += 61)
        zero &= a[i] == 0;
    for (size_t i = 0; i < big; i++)
        a[i] = (uint8_t) (i * 13 + (i >> 12));
    printf("anonymous: mapped %d zero-filled %d hash %016llx\n", a != MAP_FAILED, zero,
           (unsigned long long) hash(a, big));
    munmap(a + 8 * page, 8 * page);
    int r = sigsetjmp(env, 1);
    if (r == 0) {
        (void) *(volatile uint8_t *) (a + 9 * page);
        printf("unmapped hole readable\n");
    }
    printf("hole: faults %d, after it still %u\n", faults, a[16 * page]);

    /* MAP_FIXED over the middle of a mapping gives fresh zero pages.  */
    uint8_t *f = mmap(a + 20 * page, 2 * page, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED: at the address %d zero %d neighbour kept %d\n", f == a + 20 * page,
           f[0] == 0 && f[2 * page - 1] == 0, a[22 * page] == (uint8_t) (22 * page * 13 + (22 * page >> 12)));

    /* mprotect read-only: reads work, writes fault; back to writable.  */
    mprotect(a, 2 * page, PROT_READ);
    unsigned first = a[5];
    if (sigsetjmp(env, 1) == 0) {
        *(volatile uint8_t *) (a + 5) = 1;
        printf("write to read-only: no fault\n");
    }
    mprotect(a, 2 * page, PROT_READ | PROT_WRITE);
    a[5] = 99;
    printf("mprotect: read %u, faults %d, writable again %u\n", first, faults, a[5]);

    /* mremap: grow in place or move; the contents follow.  */
    uint8_t *m = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (size_t i = 0; i < 4 * (size_t) page; i++)
        m[i] = (uint8_t) (i ^ (i >> 8));
    uint64_t before = hash(m, 4 * page);
    /* Block the way so the mapping has to move.  */
    uint8_t *blocker = mmap(m + 4 * page, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    uint8_t *m2 = mremap(m, 4 * page, 32 * page, MREMAP_MAYMOVE);
    printf("mremap: ok %d contents kept %d new part zero %d\n", m2 != MAP_FAILED,
           hash(m2, 4 * page) == before, m2[31 * page] == 0 && m2[4 * page] == 0);
    uint8_t *m3 = mremap(m2, 32 * page, 2 * page, 0);
    printf("mremap shrink: in place %d first bytes %u %u\n", m3 == m2, m3[7], m3[300]);
    (void) blocker;

    /* File-backed MAP_SHARED: stores reach the file.  */
    snprintf(path, sizeof path, "%s/mapped.bin", argv[1]);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, 3 * pg);
    char *sh = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    for (size_t i = 0; i < 3 * pg; i++)
        sh[i] = (char) ('a' + i % 26);
    msync(sh, 3 * pg, MS_SYNC);
    char buf[64];
    pread(fd, buf, 26, 2 * pg + 4);
    buf[26] = 0;
    printf("MAP_SHARED file: %s\n", buf);
    /* write() is seen through the mapping.  */
    pwrite(fd, "WRITTEN", 7, 100);
    printf("pwrite seen in map: %.7s\n", sh + 100);
    /* MAP_PRIVATE: copy on write, the file keeps its bytes.  */
    char *pv = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(pv + 10, "PRIVATE", 7);
    pread(fd, buf, 7, 10);
    buf[7] = 0;
    printf("MAP_PRIVATE: map %.7s file %s shared map %.7s\n", pv + 10, buf, sh + 10);
    /* A mapping at a file offset.  */
    char *off = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 2 * pg);
    printf("offset map: ok %d first %c\n", off != MAP_FAILED, off != MAP_FAILED ? off[0] : '?');
    munmap(off, pg);
    munmap(pv, 3 * pg);
    munmap(sh, 3 * pg);
    close(fd);
    unlink(path);

    /* A bad request fails with the right errno.  */
    void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap length 0: failed %d\n", bad == MAP_FAILED);
    return 0;
}
