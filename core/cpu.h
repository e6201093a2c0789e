/*
 * cpu.h - what the core knows of a guest CPU, and the guest description.
 *
 * Every guest's CPU-state struct (its "env") begins with a CPUCommon, so the
 * core and generated code find the pc, the mode flags, the exit request and
 * the jump cache at fixed offsets whatever the guest.  Guest registers are
 * declared as IR globals bound to fields after it.
 */
#ifndef REMU_CORE_CPU_H
#define REMU_CORE_CPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ir/ir.h"

struct TranslationBlock;
struct CPU;

#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1u << TB_JMP_CACHE_BITS)
#define TB_JMP_CACHE_SHIFT 12

static inline unsigned tb_jmp_cache_hash(uint64_t pc)
{
    return (unsigned)((pc ^ (pc >> TB_JMP_CACHE_SHIFT)) & (TB_JMP_CACHE_SIZE - 1));
}

typedef struct CPUCommon {
    uint64_t pc;                    /* guest pc; an IR global named "pc" */
    uint32_t tb_flags;              /* guest mode bits that select translations */
    volatile int32_t exit_request;  /* nonzero: leave generated code at the next block */
    struct TranslationBlock **jmp_cache; /* TB_JMP_CACHE_SIZE entries */
    struct CPU *cpu;                /* owner */
} CPUCommon;

/* Exception numbers the core itself raises; guests use values below these. */
enum {
    EXCP_INTERRUPT = 0x10000,   /* exit_request was seen */
    EXCP_UNALIGNED,             /* IR_MO_ALIGN access was misaligned */
    EXCP_HALTED,                /* the guest asked to stop (IR test guest) */
    EXCP_TRANSLATE_FAILED,      /* the frontend could not translate at pc */
};

/*
 * The description of one guest architecture.  The core calls these; nothing
 * in core/ knows any guest's registers or encodings.
 */
typedef struct GuestArch {
    const char *name;           /* "aarch64", "ir"... */
    size_t env_size;            /* sizeof the guest's env, CPUCommon first */
    /* Declare the IR globals (must include "pc" at offsetof(CPUCommon, pc)). */
    void (*init_globals)(IRGlobals *g);
    /*
     * Translate guest code at pc (mode flags) into b, at most max_insns
     * instructions.  Returns the number of guest bytes the block covers
     * (used for invalidation), or -1 when nothing could be translated at pc
     * (the core then raises EXCP_TRANSLATE_FAILED with env->pc = pc).
     */
    long (*translate)(struct CPU *cpu, IRBlock *b, uint64_t pc, uint32_t flags,
                      int max_insns);
    /* Restore per-instruction state from an insn_start's two words. */
    void (*restore_state)(CPUCommon *env, uint64_t pc, uint64_t extra);
    /* Print the guest registers (-d cpu). */
    void (*dump_state)(FILE *f, const CPUCommon *env);
} GuestArch;

/* Accelerator used to run translated blocks. */
typedef enum Accel { ACCEL_JIT, ACCEL_INTERP } Accel;

typedef struct CPU {
    CPUCommon *env;
    const GuestArch *arch;
    int index;
    sigjmp_buf jmp_env;         /* cpu_loop_exit lands here */
    int exception;              /* set before siglongjmp */
    uint64_t exception_addr;    /* faulting address where relevant */
    volatile int running;       /* inside cpu_exec (for exclusive sections) */
    volatile int interp_insn;   /* interpreter: current insn index */
    struct TranslationBlock *cur_tb; /* interpreter: block being run */
    struct TranslationBlock *jmp_cache[TB_JMP_CACHE_SIZE];
    struct CPU *next;
    void *opaque;               /* the personality's per-CPU data */
} CPU;

/* ---- engine set-up ----------------------------------------------------- */

typedef struct EngineConfig {
    Accel accel;
    size_t code_size;           /* code buffer bytes (0: default) */
    int max_insns;              /* per block (0: default 512) */
    bool optimize;              /* run ir_optimize (default true) */
    uintptr_t guest_base;
} EngineConfig;

/* Initialise the engine for one guest.  Returns 0, or -1 with a message on
 * stderr (e.g. the JIT was asked for but this build has no backend). */
int engine_init(const GuestArch *arch, const EngineConfig *cfg);
const GuestArch *engine_arch(void);
const IRGlobals *engine_globals(void);
Accel engine_accel(void);
uintptr_t engine_guest_base(void);

/*
 * How frontends fetch guest instructions.  The personality installs a reader
 * that knows which guest memory is executable (user mode: the guest's
 * mappings; system mode: the MMU); without one, bytes are copied from
 * guest_base + addr unchecked.  A reader returns false when any byte of
 * [addr, addr + len) cannot be fetched: the frontend then ends the block
 * before that instruction, or returns -1 from translate if it is the first.
 * Called with the translation lock held: it must not leave via cpu_loop_exit.
 */
typedef bool (*GuestCodeRead)(uint64_t addr, void *buf, size_t len);
void engine_set_code_reader(GuestCodeRead fn);
bool guest_code_read(uint64_t addr, void *buf, size_t len);

/* Create a CPU with a zeroed env (CPUCommon filled in). */
CPU *cpu_create(void);
void cpu_destroy(CPU *cpu);

/*
 * Run guest code from env->pc until an exception: returns the exception
 * number (guest-defined, or EXCP_*).  Threads may each run their own CPU.
 */
int cpu_exec(CPU *cpu);

/* Leave generated code / a helper back to cpu_exec with an exception.
 * retaddr is the host return address inside generated code
 * (__builtin_return_address(0) in a helper called from it), or 0 when env->pc
 * is already exact; it is used to restore the guest pc precisely. */
void cpu_loop_exit(CPU *cpu, int excp, uintptr_t retaddr) __attribute__((noreturn));
/* Restore guest state from a host pc inside generated code (or the
 * interpreter's current insn).  Returns true if pc belonged to a block. */
bool cpu_restore_state(CPU *cpu, uintptr_t host_pc);

/*
 * A helper that accesses guest memory itself (not through guest_ld/st) sets
 * this to its return address in generated code (__builtin_return_address(0))
 * around the access and clears it after: a host fault inside the helper is
 * then restored to the guest instruction that called it.  Per thread.
 */
extern __thread volatile uintptr_t cpu_helper_retaddr;

/* Ask a CPU (possibly running in another thread) to leave generated code. */
void cpu_exit(CPU *cpu);

/*
 * Exclusive sections: stop every other CPU outside generated code (they wait
 * in cpu_exec) while the caller runs; used for full flushes.
 */
void start_exclusive(void);
void end_exclusive(void);

/* ---- statistics (-d stats) --------------------------------------------- */

typedef struct EngineStats {
    uint64_t blocks_translated, guest_insns_translated;
    uint64_t translate_ns;
    uint64_t host_bytes, host_insns;
    uint64_t exits_chained, exits_lookup, exits_slow;
    uint64_t flushes, invalidations;
    uint64_t syscalls, syscall_ns;      /* reported by the personality */
} EngineStats;

void engine_stats(EngineStats *out);
/* The personality reports each system call it ran and its duration. */
void engine_stats_add_syscall(uint64_t ns);
void engine_stats_print(FILE *f);

#endif
