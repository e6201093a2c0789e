/*
 * cpu-exec.c - the cpu loop, leaving it (cpu_loop_exit), and precise state
 * restore.
 *
 * cpu_exec runs blocks until an exception.  Between blocks it is at a safe
 * point: it honours exit requests there (a cpu_exit, a pause for another
 * thread's exclusive section, a flush deferred from a helper).  Blocks are
 * found through the CPU's jump cache and the global hash; a goto_tb exit that
 * reaches the loop gets its slot linked to the next block so the next
 * traversal stays in generated code (JIT) or skips the lookup (interpreter).
 *
 * A link is only made if no flush happened since the exiting block was run:
 * the loop snapshots engine.flush_gen, and a flush (ours from translation,
 * or another thread's while we paused) changes it, leaving a stale pointer
 * that must not be touched.
 *
 * cpu_loop_exit siglongjmps from a helper (deep inside generated code or the
 * interpreter) to the landing pad in cpu_exec.  Generated code keeps no host
 * state that needs unwinding; the landing side clears the "in code" and
 * "running" marks that the normal path would have cleared.
 */
#include "config.h"

#include <inttypes.h>

#include "backend/backend.h"
#include "core/core-internal.h"
#include "core/log.h"

static void cpu_log_block(CPU *cpu, TranslationBlock *tb)
{
    log_lock();
    if (log_enabled(LOG_EXEC)) {
        log_printf("Trace: pc=0x%016" PRIx64 " flags=0x%08" PRIx32 " [cpu %d]\n",
                   tb->pc, tb->flags, cpu->index);
    }
    if (log_enabled(LOG_CPU) && cpu->arch->dump_state) {
        cpu->arch->dump_state(log_file(), cpu->env);
    }
    log_unlock();
}

/* Handle a nonzero exit_request at a safe point.  Returns true if cpu_exec
 * must return EXCP_INTERRUPT. */
static bool cpu_handle_exit_request(CPU *cpu)
{
    int32_t req = __atomic_exchange_n((int32_t *)&cpu->env->exit_request, 0, __ATOMIC_SEQ_CST);

    if (req & EXIT_REQ_FLUSH) {
        tb_flush();
    }
    if (req & EXIT_REQ_EXCLUSIVE) {
        cpu_exec_end(cpu);
        cpu_exec_start(cpu);
    }
    return (req & EXIT_REQ_USER) != 0;
}

/* The loop proper, kept apart from the sigsetjmp frame so that none of its
 * locals live across the longjmp. */
static int __attribute__((noinline)) cpu_exec_loop(CPU *cpu)
{
    CPUCommon *env = cpu->env;
    TranslationBlock *last = NULL;  /* block whose goto_tb slot exited */
    int last_slot = 0;
    uint64_t last_gen = 0;
    bool jit = engine.accel == ACCEL_JIT;

    for (;;) {
        TranslationBlock *tb;
        uint64_t gen;
        bool trace;

        if (__atomic_load_n(&env->exit_request, __ATOMIC_ACQUIRE)) {
            last = NULL;
            if (cpu_handle_exit_request(cpu)) {
                return EXCP_INTERRUPT;
            }
            continue;
        }

        /* With -d exec/cpu every block goes through here so each is logged. */
        trace = log_enabled(LOG_EXEC | LOG_CPU);
        gen = __atomic_load_n(&engine.flush_gen, __ATOMIC_ACQUIRE);
        tb = tb_find(cpu, env->pc, env->tb_flags);
        if (last && !trace && gen == last_gen &&
            gen == __atomic_load_n(&engine.flush_gen, __ATOMIC_ACQUIRE)) {
            tb_add_jump(last, last_slot, tb);
        }
        last = NULL;
        gen = __atomic_load_n(&engine.flush_gen, __ATOMIC_ACQUIRE);

        for (;;) {
            if (trace) {
                cpu_log_block(cpu, tb);
            }
            if (jit) {
                uintptr_t ret;
                TranslationBlock *exited;
                unsigned code;

                cpu_in_code = true;
                ret = backend_exec(env, tb->code);
                cpu_in_code = false;
                exited = (TranslationBlock *)(ret & ~(uintptr_t)BACKEND_EXIT_MASK);
                code = (unsigned)(ret & BACKEND_EXIT_MASK);
                if (code < IR_TB_SLOTS) {
                    last = exited;
                    last_slot = (int)code;
                    last_gen = gen;
                    break;
                }
                switch (code) {
                case BACKEND_EXIT_REQUEST:
                    /* entered through a chained jump, which leaves env pc
                     * to the block (backend.h) */
                    env->pc = exited->pc;
                    stat_add(exits_slow, 1);
                    break;
                case BACKEND_EXIT_LOOKUP:
                    stat_add(exits_lookup, 1);
                    break;
                default:
                    stat_add(exits_slow, 1);
                    break;
                }
                break;
            } else {
                IRExit e;
                TranslationBlock *next;

                cpu->cur_tb = tb;
                cpu->interp_insn = -1;
                cpu_in_code = true;
                e = ir_interp_exec(tb->ir, env, engine.cfg.guest_base, &cpu->interp_insn);
                cpu_in_code = false;
                cpu->cur_tb = NULL;
                if (e.kind == IR_EXIT_GOTO_TB) {
                    next = __atomic_load_n(&tb->jmp_dest[e.slot], __ATOMIC_ACQUIRE);
                    if (next && !trace &&
                        !__atomic_load_n(&env->exit_request, __ATOMIC_ACQUIRE)) {
                        /* Follow the link, as generated code would. */
                        stat_add(exits_chained, 1);
                        tb = next;
                        continue;
                    }
                    last = tb;
                    last_slot = (int)(e.slot);
                    last_gen = gen;
                } else if (e.kind == IR_EXIT_LOOKUP) {
                    unsigned h = tb_jmp_cache_hash(env->pc);

                    next = __atomic_load_n(&cpu->jmp_cache[h], __ATOMIC_ACQUIRE);
                    if (next && !trace && next->pc == env->pc &&
                        __atomic_load_n(&next->flags, __ATOMIC_RELAXED) == env->tb_flags &&
                        !__atomic_load_n(&env->exit_request, __ATOMIC_ACQUIRE)) {
                        /* The inline jump-cache probe of generated code. */
                        tb = next;
                        continue;
                    }
                    stat_add(exits_lookup, 1);
                } else {
                    stat_add(exits_slow, 1);
                }
                break;
            }
        }
    }
}

int cpu_exec(CPU *cpu)
{
    int ret;

    current_cpu = cpu;
    cpu_exec_start(cpu);
    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        /* Landed from cpu_loop_exit. */
        cpu_in_code = false;
        cpu->cur_tb = NULL;
        ret = cpu->exception;
    } else {
        ret = cpu_exec_loop(cpu);
    }
    cpu_exec_end(cpu);
    current_cpu = NULL;
    return ret;
}

void cpu_loop_exit(CPU *cpu, int excp, uintptr_t retaddr)
{
    if (retaddr) {
        /* The return address follows the call; one byte back is inside it. */
        cpu_restore_state(cpu, retaddr - 1);
    }
    cpu->exception = excp;
    siglongjmp(cpu->jmp_env, 1);
}

__thread volatile uintptr_t cpu_helper_retaddr;

bool cpu_restore_state(CPU *cpu, uintptr_t host_pc)
{
    TranslationBlock *tb;
    uint32_t i;

    if (engine.accel == ACCEL_INTERP) {
        int insn = cpu->interp_insn;

        tb = cpu->cur_tb;
        if (!tb || insn < 0 || (uint32_t)insn >= tb->nb_insns) {
            return false;
        }
        i = (uint32_t)insn;
    } else {
        uintptr_t off;

        tb = tb_find_by_host_pc(host_pc);
        if (!tb || tb->nb_insns == 0) {
            return false;
        }
        off = host_pc - tb->code;
        for (i = 0; i < tb->nb_insns - 1; i++) {
            if (tb->insn_end[i] > off) {
                break;
            }
        }
    }
    cpu->arch->restore_state(cpu->env, tb->insn_data[2 * i], tb->insn_data[2 * i + 1]);
    return true;
}
