/*
 * codebuf.h - memory for generated code, never writable and executable at
 * the same address.
 *
 * The buffer is one memfd mapped twice: a read-write view the code generator
 * writes through, and a read-execute view the CPU runs.  rx = rw + delta.
 */
#ifndef REMU_CORE_CODEBUF_H
#define REMU_CORE_CODEBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct CodeBuf {
    uint8_t *rw;        /* write here */
    uintptr_t rx;       /* execute here: same bytes */
    size_t size;
} CodeBuf;

/* Map a buffer of size bytes.  Returns 0, or -1 with errno set. */
int codebuf_init(CodeBuf *cb, size_t size);
void codebuf_destroy(CodeBuf *cb);
static inline uintptr_t codebuf_rx(const CodeBuf *cb, const uint8_t *rw)
{
    return cb->rx + (size_t)(rw - cb->rw);
}
/*
 * In a child after fork: give the buffer its own memory (the first used
 * bytes copied), at the same two addresses, so that code the child writes
 * is not seen by the parent, which shares the memfd otherwise.  Returns 0,
 * or -1 with errno set (the buffer is then still the shared one).
 */
int codebuf_unshare(CodeBuf *cb, size_t used);
/* Make freshly written code visible to instruction fetch (no-op on x86). */
void codebuf_sync(uintptr_t rx, size_t len);

#endif
