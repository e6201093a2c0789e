/*
 * tb.h - translation blocks and the translation cache.
 *
 * A TranslationBlock is the translation of guest code starting at (pc,
 * flags).  Lookup is lock-free: the hash table's chains are only ever
 * prepended to with release stores, and a TB is never freed except by a full
 * flush, which runs in an exclusive section.  Translation, chaining and
 * invalidation are serialized by one mutex.
 */
#ifndef REMU_CORE_TB_H
#define REMU_CORE_TB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cpu.h"
#include "ir/ir.h"

/* Never set in a real tb_flags: an invalidated TB's flags, so that inline and
 * jump-cache lookups miss it. */
#define TB_FLAGS_INVALID 0x80000000u

typedef struct TranslationBlock {
    uint64_t pc;                 /* read by generated code (BackendLayout) */
    uint32_t flags;              /* read by generated code */
    uint32_t guest_size;         /* guest bytes covered, for invalidation */
    uintptr_t code;              /* RX address of the host code (JIT), read by generated code */
    uint32_t code_size;
    uint32_t nb_insns;
    IRBlock *ir;                 /* interpreter: the optimized IR */

    /* Chaining.  jmp_insn_offset: the patchable jump of goto_tb slot n. */
    uint32_t jmp_insn_offset[IR_TB_SLOTS], jmp_reset_offset[IR_TB_SLOTS];
    struct TranslationBlock *jmp_dest[IR_TB_SLOTS];  /* where slot n is chained to */
    /* Incoming jumps: a list threaded through (tb, slot) pairs encoded as
     * tb | slot (TB_SLOT_MASK), so unchaining an invalidated TB finds who
     * jumps to it. */
    uintptr_t jmp_list_head;
    uintptr_t jmp_list_next[IR_TB_SLOTS];

    /* Precise state restore: per insn, host end offset, guest pc, extra. */
    uint32_t *insn_end;
    uint64_t *insn_data;         /* 2 words per insn */

    struct TranslationBlock *hash_next;
    struct TranslationBlock *page_next[2]; /* TBs per guest page (two pages max) */
    bool invalid;
    uint64_t exec_count;         /* -d stats: executions (core/profile.c) */
    uint64_t insn_count;         /* -d stats: guest insns executed in it */
} __attribute__((aligned(16))) TranslationBlock;

/* The low bits of a TB address that hold a slot or a backend exit code. */
#define TB_SLOT_MASK ((uintptr_t)15)

/* Find or translate the TB for (pc, flags).  Never returns NULL: a failure to
 * translate raises EXCP_TRANSLATE_FAILED through cpu_loop_exit. */
TranslationBlock *tb_lookup_or_translate(CPU *cpu, uint64_t pc, uint32_t flags);
/* Lookup only (NULL if absent). */
TranslationBlock *tb_lookup(uint64_t pc, uint32_t flags);
/* Chain slot n of from to to (no-op if either is invalid). */
void tb_add_jump(TranslationBlock *from, int n, TranslationBlock *to);
/* Invalidate every TB overlapping guest range [start, end). Thread-safe. */
void tb_invalidate_range(uint64_t start, uint64_t end);
/* Drop every translation (exclusive section; safe from any guest thread). */
void tb_flush(void);
/* The TB containing host pc (JIT code), or NULL. */
TranslationBlock *tb_find_by_host_pc(uintptr_t host_pc);

#endif
