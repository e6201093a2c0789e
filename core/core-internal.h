/*
 * core-internal.h - state shared between the files of core/ only.
 *
 * Locking, in the only order in which locks are ever nested:
 *   tb_lock      (Engine.tb_lock)  translation, chaining, invalidation, the
 *                                  TB array, page lists, code buffer pointer
 *   cpu_list_lock                  the CPU list and exclusive-section state
 * Nobody waits for an exclusive section while holding tb_lock: tb_flush takes
 * the exclusive section first and tb_lock inside it.
 */
#ifndef REMU_CORE_INTERNAL_H
#define REMU_CORE_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/codebuf.h"
#include "core/cpu.h"
#include "core/tb.h"

/*
 * Bits of CPUCommon.exit_request.  Generated code only tests for nonzero;
 * the cpu loop tells the reasons apart so that a stop for an exclusive
 * section or a deferred flush does not look like cpu_exit() to the caller.
 */
enum {
    EXIT_REQ_USER      = 1,     /* cpu_exit(): return EXCP_INTERRUPT */
    EXIT_REQ_EXCLUSIVE = 2,     /* pause for another thread's exclusive section */
    EXIT_REQ_FLUSH     = 4,     /* tb_flush() was called from generated code */
};

typedef struct PageDesc PageDesc;

typedef struct Engine {
    bool initialized;
    const GuestArch *arch;
    EngineConfig cfg;
    Accel accel;
    IRGlobals globals;

    CodeBuf cb;
    size_t code_start;          /* first byte after the prologue region */
    size_t code_ptr;            /* next free byte (offset in cb) */

    pthread_mutex_t tb_lock;
    TranslationBlock **hash;    /* TB_HASH_SIZE chain heads */
    TranslationBlock **tbs;     /* every TB since the last flush, by code address */
    size_t nb_tbs, tbs_cap;
    PageDesc **pages;           /* TB_PAGE_HASH_SIZE chain heads */
    size_t nb_pages;
    TranslationBlock **wide_tbs; /* TBs covering more than two pages */
    size_t nb_wide_tbs, wide_tbs_cap;
    IRBlock *scratch_ir;        /* JIT: the one IRBlock translation reuses */
    uint64_t flush_gen;         /* bumped by every flush (read atomically) */

    EngineStats stats;          /* updated with relaxed atomics */
} Engine;

#define TB_HASH_BITS 15
#define TB_HASH_SIZE (1u << TB_HASH_BITS)
#define TB_PAGE_BITS 12
#define TB_PAGE_HASH_SIZE 4096u

extern Engine engine;

/* The CPU the calling thread runs (NULL outside cpu_exec). */
extern __thread CPU *current_cpu;
/* The calling thread is executing generated code or an interpreted block
 * (helpers run inside it): a flush must be deferred to the cpu loop. */
extern __thread bool cpu_in_code;

#define stat_add(field, n) __atomic_fetch_add(&engine.stats.field, (n), __ATOMIC_RELAXED)

/* engine.c */
void cpu_exec_start(CPU *cpu);
void cpu_exec_end(CPU *cpu);
void cpu_request_exit(CPU *cpu, int32_t bits);
/* Call fn on every CPU with the CPU list locked. */
void cpu_list_foreach(void (*fn)(CPU *cpu, void *opaque), void *opaque);

/* tb.c */
int tb_engine_init(void);
void tb_engine_fini(void);
/* Probe cpu's jump cache, then the hash; translate on a miss.  Stores the
 * result in the jump cache. */
TranslationBlock *tb_find(CPU *cpu, uint64_t pc, uint32_t flags);

static inline uint8_t *tb_rw_of(uintptr_t rx)
{
    return engine.cb.rw + (rx - engine.cb.rx);
}

#endif
