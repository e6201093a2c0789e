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
 * Fork (a child that must not share the parent's code): codebuf_snapshot
 * copies the first used bytes into a new memfd of the buffer's size and
 * returns its descriptor (or -1 with errno set); it is taken before the
 * fork, while nothing writes code, since after it the parent goes on
 * chaining and translating in the shared buffer.  In the child,
 * codebuf_adopt maps that copy at the buffer's two addresses (0, or -1
 * with errno set and the buffer maybe half replaced).  Both sides then
 * close the descriptor.
 */
int codebuf_snapshot(const CodeBuf *cb, size_t used);
int codebuf_adopt(CodeBuf *cb, int fd);
/* Make freshly written code visible to instruction fetch (no-op on x86). */
void codebuf_sync(uintptr_t rx, size_t len);

#endif
