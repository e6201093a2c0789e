/*
 * guest.c - the IR test guest's GuestArch and built-in helpers.
 *
 * Invariants:
 *  - env is a CPUCommon followed by one 8-byte slot per program global, in
 *    declaration order (irtest_global_offset); the IR globals are "pc" (the
 *    CPUCommon field) and then the program's globals;
 *  - a block of the program is translated from its text every time the core
 *    asks, and covers one guest byte at its pc: invalidating [pc, pc+1)
 *    (helper `invalidate`) drops it, and the next translation chooses the
 *    block text again from the byte of guest memory at pc (its variant);
 *  - every block ignores max_insns: a program's block is one unit and is
 *    never split;
 *  - helpers that stop the CPU pass their return address to cpu_loop_exit,
 *    so the core restores pc from the insn_start of the instruction that
 *    contains the call, for the JIT and the interpreter alike.
 * The program and guest_base are process-wide: one program per process.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/cpu.h"
#include "core/tb.h"
#include "frontend/irtest/irtest.h"

static const IRTestProgram *irtest_prog;
static uintptr_t irtest_guest_base;

void irtest_set_program(const IRTestProgram *p, uintptr_t guest_base)
{
    irtest_prog = p;
    irtest_guest_base = guest_base;
}

/* ---- helpers ------------------------------------------------------------------ */

static uint8_t *global_slot(CPUCommon *env, int i)
{
    return (uint8_t *)env + irtest_global_offset(i);
}

static __attribute__((noinline)) void helper_halt(CPUCommon *env)
{
    cpu_loop_exit(env->cpu, EXCP_HALTED, (uintptr_t)__builtin_return_address(0));
}

static uint64_t helper_add64(uint64_t a, uint64_t b)
{
    return a + b;
}

static void helper_bump(CPUCommon *env)
{
    if (!irtest_prog || irtest_prog->nb_globals == 0)
        return;
    uint8_t *slot = global_slot(env, 0);
    if (irtest_prog->globals[0].type == IR_TYPE_I32) {
        uint32_t v;
        memcpy(&v, slot, 4);
        v++;
        memcpy(slot, &v, 4);
    } else {
        uint64_t v;
        memcpy(&v, slot, 8);
        v++;
        memcpy(slot, &v, 8);
    }
}

static uint64_t helper_sum_globals(CPUCommon *env)
{
    uint64_t sum = 0, v;

    for (int i = 0; irtest_prog && i < irtest_prog->nb_globals; i++) {
        if (irtest_prog->globals[i].type != IR_TYPE_I64)
            continue;
        memcpy(&v, global_slot(env, i), 8);
        sum += v;
    }
    return sum;
}

static __attribute__((noinline)) void helper_raise_if(CPUCommon *env, uint64_t c)
{
    if (c != 0)
        cpu_loop_exit(env->cpu, EXCP_HALTED, (uintptr_t)__builtin_return_address(0));
}

static void helper_invalidate(CPUCommon *env, uint64_t a, uint64_t n)
{
    uint64_t end = a + n < a ? UINT64_MAX : a + n;

    if (n)
        tb_invalidate_range(a, end);
}

static IRHelper irtest_helpers[] = {
    { .name = "halt", .fn = (void *)helper_halt, .ret = IR_TYPE_VOID,
      .nb_args = 1, .args = { IR_TYPE_I64 }, .flags = IR_CALL_MAY_RAISE },
    { .name = "add64", .fn = (void *)helper_add64, .ret = IR_TYPE_I64,
      .nb_args = 2, .args = { IR_TYPE_I64, IR_TYPE_I64 }, .flags = IR_CALL_PURE },
    { .name = "bump", .fn = (void *)helper_bump, .ret = IR_TYPE_VOID,
      .nb_args = 1, .args = { IR_TYPE_I64 }, .flags = IR_CALL_WRITES_GLOBALS },
    { .name = "sum_globals", .fn = (void *)helper_sum_globals, .ret = IR_TYPE_I64,
      .nb_args = 1, .args = { IR_TYPE_I64 }, .flags = IR_CALL_READS_GLOBALS },
    { .name = "raise_if", .fn = (void *)helper_raise_if, .ret = IR_TYPE_VOID,
      .nb_args = 2, .args = { IR_TYPE_I64, IR_TYPE_I64 }, .flags = IR_CALL_MAY_RAISE },
    { .name = "invalidate", .fn = (void *)helper_invalidate, .ret = IR_TYPE_VOID,
      .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 }, .flags = 0 },
};

void irtest_register_helpers(void)
{
    for (size_t i = 0; i < sizeof(irtest_helpers) / sizeof(irtest_helpers[0]); i++)
        ir_helper_register(&irtest_helpers[i]);
}

/* ---- the GuestArch hooks ---------------------------------------------------- */

static void irtest_init_globals(IRGlobals *g)
{
    if (irtest_prog) {
        irtest_program_globals(irtest_prog, g);
    } else {
        ir_globals_add(g, "pc", IR_TYPE_I64, (int32_t)offsetof(CPUCommon, pc));
    }
}

/* The variant of the code at pc: the guest byte there, 0 outside memory. */
static uint64_t code_variant(uint64_t pc)
{
    if (!irtest_program_region(irtest_prog, pc, 1))
        return 0;
    return *(volatile const uint8_t *)(irtest_guest_base + (uintptr_t)pc);
}

static long irtest_translate(CPU *cpu, IRBlock *b, uint64_t pc, uint32_t flags, int max_insns)
{
    IRParseError err;

    if (!irtest_prog)
        return -1;
    const IRTestBlock *blk = irtest_program_find_block(irtest_prog, pc, code_variant(pc));
    if (!blk)
        return -1;
    /* The program was checked when loaded, with the same globals and
     * helpers, so this cannot fail unless the engine's globals differ. */
    if (ir_parse_block(b, blk->text, blk->line_base, &err) < 0) {
        fprintf(stderr, "%s:%d:%d: error: %s\n", irtest_prog->file, err.line, err.column, err.msg);
        return -1;
    }
    return 1;
}

static void irtest_restore_state(CPUCommon *env, uint64_t pc, uint64_t extra)
{
    env->pc = pc;
}

static void irtest_dump_state(FILE *f, const CPUCommon *env)
{
    fprintf(f, "pc=0x%016" PRIx64, env->pc);
    for (int i = 0; irtest_prog && i < irtest_prog->nb_globals; i++) {
        const uint8_t *slot = (const uint8_t *)env + irtest_global_offset(i);
        uint32_t v32;
        uint64_t v;
        if (irtest_prog->globals[i].type == IR_TYPE_I32) {
            memcpy(&v32, slot, 4);
            v = v32;
        } else {
            memcpy(&v, slot, 8);
        }
        fprintf(f, "%s%s=0x%" PRIx64, i % 4 == 3 ? "\n" : " ", irtest_prog->globals[i].name, v);
    }
    fputc('\n', f);
}

const GuestArch irtest_arch = {
    .name = "ir",
    .env_size = sizeof(CPUCommon) + 8 * IRTEST_MAX_GLOBALS,
    .init_globals = irtest_init_globals,
    .translate = irtest_translate,
    .restore_state = irtest_restore_state,
    .dump_state = irtest_dump_state,
};

const GuestArch *irtest_arch_for(const IRTestProgram *p)
{
    static GuestArch arch;

    arch = irtest_arch;
    arch.env_size = sizeof(CPUCommon) + 8 * (size_t)p->nb_globals;
    return &arch;
}
