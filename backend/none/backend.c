/*
 * backend.c - the "none" backend of --with-backend=interp builds.
 *
 * backend_available is false, so the core runs every block on the IR
 * interpreter and never calls the code-generating functions; they report
 * failure if called anyway.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "backend/backend.h"

const char backend_name[] = "none";
const bool backend_available = false;

long backend_init(const BackendLayout *layout, uint8_t *rw, uintptr_t rx, size_t avail)
{
    return -1;
}

int backend_gen_block(IRBlock *b, const void *tb, uint8_t *rw, uintptr_t rx,
                      size_t avail, BackendBlockInfo *info)
{
    return BACKEND_ERR_TOO_BIG;
}

uintptr_t backend_exec(void *env, uintptr_t code_rx)
{
    fprintf(stderr, "remu: backend_exec called in a build without a native backend\n");
    abort();
}

void backend_patch_jump(uint8_t *jmp_rw, uintptr_t jmp_rx, uintptr_t target_rx)
{
}

const char *backend_features(void)
{
    return "";
}

void backend_disable_features(const char *list)
{
}
