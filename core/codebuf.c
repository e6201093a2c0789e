/*
 * codebuf.c - the code buffer: one memfd mapped twice.
 *
 * Invariant: no page of the process is ever writable and executable at the
 * same address.  The code generator writes through cb->rw (PROT_READ |
 * PROT_WRITE) and the CPU executes the same physical pages through cb->rx
 * (PROT_READ | PROT_EXEC).  Both views are MAP_SHARED mappings of one
 * anonymous memfd, so a store through rw is seen at rx + offset without any
 * copy.  This keeps working on hosts and kernels that refuse W+X mappings.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/codebuf.h"

int codebuf_init(CodeBuf *cb, size_t size)
{
    long page = sysconf(_SC_PAGESIZE);
    int fd, saved;
    void *rw, *rx;

    if (page <= 0) {
        page = 4096;
    }
    size = (size + (size_t)page - 1) & ~((size_t)page - 1);
    if (size == 0) {
        errno = EINVAL;
        return -1;
    }
    fd = memfd_create("remu-code", MFD_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (ftruncate(fd, (off_t)size) < 0) {
        goto fail_fd;
    }
    rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (rw == MAP_FAILED) {
        goto fail_fd;
    }
    rx = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (rx == MAP_FAILED) {
        saved = errno;
        munmap(rw, size);
        errno = saved;
        goto fail_fd;
    }
    /* The mappings keep the memory alive; the descriptor is not needed. */
    close(fd);
    cb->rw = rw;
    cb->rx = (uintptr_t)rx;
    cb->size = size;
    return 0;

fail_fd:
    saved = errno;
    close(fd);
    errno = saved;
    return -1;
}

int codebuf_snapshot(const CodeBuf *cb, size_t used)
{
    int fd, saved;

    if (!cb->rw) {
        errno = EINVAL;
        return -1;
    }
    if (used > cb->size) {
        used = cb->size;
    }
    fd = memfd_create("remu-code", MFD_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (ftruncate(fd, (off_t)cb->size) < 0) {
        goto fail_fd;
    }
    for (size_t done = 0; done < used; ) {
        ssize_t n = pwrite(fd, cb->rw + done, used - done, (off_t)done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            goto fail_fd;
        }
        done += (size_t)n;
    }
    return fd;

fail_fd:
    saved = errno;
    close(fd);
    errno = saved;
    return -1;
}

int codebuf_adopt(CodeBuf *cb, int fd)
{
    void *m;

    /* The executable view first: until rw is replaced too, stores would
     * still go to the old (shared) pages, and nothing stores meanwhile. */
    m = mmap((void *)cb->rx, cb->size, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED, fd, 0);
    if (m == MAP_FAILED) {
        return -1;
    }
    m = mmap(cb->rw, cb->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
    if (m == MAP_FAILED) {
        return -1;
    }
    return 0;
}

void codebuf_destroy(CodeBuf *cb)
{
    if (cb->rw) {
        munmap(cb->rw, cb->size);
        munmap((void *)cb->rx, cb->size);
    }
    cb->rw = NULL;
    cb->rx = 0;
    cb->size = 0;
}

void codebuf_sync(uintptr_t rx, size_t len)
{
    /*
     * Instruction caches that are not coherent with data writes (aarch64)
     * need explicit maintenance of the executed view; on x86 this compiles
     * to nothing.
     */
    __builtin___clear_cache((char *)rx, (char *)(rx + len));
}
