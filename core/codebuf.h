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
/* Make freshly written code visible to instruction fetch (no-op on x86). */
void codebuf_sync(uintptr_t rx, size_t len);

#endif
