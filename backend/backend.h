/*
 * backend.h - the one interface every host code generator implements.
 *
 * A backend turns an optimized IRBlock into host code.  Exactly one native
 * backend is linked into a build (configure --with-backend); a build with
 * --with-backend=interp links backend/none/, whose backend_available is
 * false, and the core then runs every block on the IR interpreter.
 *
 * Code memory is mapped twice (core/codebuf.c): code is written through the
 * RW view and executed from the RX view.  Every function below that writes
 * code is given both addresses of the same bytes; relative displacements are
 * computed against the RX address.
 *
 * Generated code is entered through the prologue (backend_exec) with env in
 * a reserved host register and leaves through the epilogue, returning an
 * exit value: the address of the TranslationBlock that exited (aligned to 16)
 * or'ed with one of the BACKEND_EXIT_* codes below.
 */
#ifndef REMU_BACKEND_H
#define REMU_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"

enum {
    BACKEND_EXIT_GOTO_TB0 = 0,  /* goto_tb N not chained yet: code N, below IR_TB_SLOTS */
    BACKEND_EXIT_TB       = IR_TB_SLOTS,     /* exit_tb */
    BACKEND_EXIT_LOOKUP   = IR_TB_SLOTS + 1, /* lookup_and_goto missed the jump cache */
    BACKEND_EXIT_REQUEST  = IR_TB_SLOTS + 2, /* env exit_request was set at block entry */
    BACKEND_EXIT_MASK     = 15,
};

/*
 * Where the generated code finds what the core owns.  The core fills this
 * once before backend_init; the backend never includes core headers.
 *
 * Block entry: if *(int32_t *)(env + env_exit_request) != 0, exit with
 * BACKEND_EXIT_REQUEST before executing anything.  env pc is not written
 * when a chained goto_tb enters a block, so the caller must then set env pc
 * to that block's pc.
 *
 * lookup_and_goto: pc = *(uint64_t *)(env + env_pc);
 *   h = (pc ^ (pc >> jmp_cache_shift)) & jmp_cache_mask;
 *   tb = (*(void ***)(env + env_jmp_cache))[h];
 *   if tb != NULL && *(uint64_t *)(tb + tb_pc) == pc
 *      && *(uint32_t *)(tb + tb_flags) == *(uint32_t *)(env + env_tb_flags):
 *       jump to *(void **)(tb + tb_code)   (stays in generated code)
 *   else exit with BACKEND_EXIT_LOOKUP.
 */
typedef struct BackendLayout {
    int32_t env_pc, env_tb_flags, env_exit_request, env_jmp_cache;
    int32_t tb_pc, tb_flags, tb_code;
    unsigned jmp_cache_shift;
    uint64_t jmp_cache_mask;
    uintptr_t guest_base;       /* added to every guest address */
} BackendLayout;

/* What backend_gen_block reports about the code it wrote. */
typedef struct BackendBlockInfo {
    size_t code_size;
    /* goto_tb slots: offset of the patchable jump instruction, and the offset
     * it jumps to when not chained (its exit stub); UINT32_MAX if unused. */
    uint32_t jmp_insn_offset[IR_TB_SLOTS];
    uint32_t jmp_reset_offset[IR_TB_SLOTS];
    /* For insn i (0-based, in insn_start order): host offset where the code
     * of insn i ends.  Array of b->nb_insns entries supplied by the caller. */
    uint32_t *insn_end_offset;
} BackendBlockInfo;

enum {
    BACKEND_OK = 0,
    BACKEND_ERR_FULL = -1,      /* not enough code space: flush and retry */
    BACKEND_ERR_TOO_BIG = -2,   /* block exceeds an internal limit: split it */
};

extern const char backend_name[];   /* "x86_64", "none"... */
extern const bool backend_available;

/*
 * Prepare the backend: detect host features, and write the prologue and
 * epilogue at rw/rx (at most avail bytes).  Returns the bytes used, or -1.
 * Called again after each full code-buffer flush that erases them is NOT
 * needed: the core keeps this region out of the flushable area.
 */
long backend_init(const BackendLayout *layout, uint8_t *rw, uintptr_t rx, size_t avail);

/*
 * Generate code for b (already optimized; the backend runs ir_liveness).
 * tb is the address stored in exit values of this block.  Returns BACKEND_OK
 * and fills *info, or a BACKEND_ERR_* code.
 */
int backend_gen_block(IRBlock *b, const void *tb, uint8_t *rw, uintptr_t rx,
                      size_t avail, BackendBlockInfo *info);

/* Run generated code at code_rx with env; returns the exit value. */
uintptr_t backend_exec(void *env, uintptr_t code_rx);

/*
 * Retarget the goto_tb jump instruction at jmp_rx (written through jmp_rw) to
 * target_rx.  Must be atomic with respect to other threads executing it.
 */
void backend_patch_jump(uint8_t *jmp_rw, uintptr_t jmp_rx, uintptr_t target_rx);

/* Host features detected (for logs and tests): a space-separated list such
 * as "bmi1 bmi2 lzcnt popcnt movbe fma", or "" */
const char *backend_features(void);
/* Force-disable optional host features named in list (comma-separated,
 * "all" for every one), so the fallbacks can be tested.  Call before init. */
void backend_disable_features(const char *list);

#endif
