/*
 * core-test.c - checks of core/: the translation cache, chaining, the cpu
 * loop, invalidation, flushes, threads and precise state restore.
 *
 * A tiny guest is defined here.  Its "code" is a set of regions; in a ring
 * region of K blocks based at B, the block at pc P does
 *     acc += P + (version[P] << 32); counter += 1; [extra work]
 *     if counter >= limit: pc = P; halt
 *     pc = B + (P - B + 1) % K; leave by goto_tb / lookup_and_goto / exit_tb
 * version[] is read at translation time, so a block translated before a
 * version change computes the old sum: a stale translation shows up in acc.
 * Expected values come from ring_model(), a plain C model of those rules
 * that shares nothing with the engine.
 *
 * Prints PASS:/FAIL: lines; exits 1 if anything failed.
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/backend.h"
#include "core/cpu.h"
#include "core/log.h"
#include "core/tb.h"

typedef struct TestEnv {
    CPUCommon common;
    uint64_t counter, acc, limit, extra;
} TestEnv;

enum { EXIT_GOTO, EXIT_LOOKUP, EXIT_TB };
enum { EXCP_TEST_RAISE = 0x42 };

typedef struct Region {
    const char *name;
    uint64_t base;
    unsigned k;             /* blocks in the ring */
    int exit_kind;
    unsigned pad;           /* extra += counter ^ j, for j < pad */
    uint32_t size;          /* guest bytes per block */
    int helper;             /* HELPER_* called after counter += 1 */
} Region;

enum { HELPER_NONE, HELPER_SMC, HELPER_FLUSH };

enum {
    R_GOTO, R_LOOKUP, R_EXIT, R_SMC, R_FLUSH, R_BIG, R_SPAN, R_WIDE, R_COUNT
};

static const Region regions[R_COUNT] = {
    [R_GOTO]   = { "goto_tb ring", 0x1000, 16, EXIT_GOTO, 0, 1, HELPER_NONE },
    [R_LOOKUP] = { "lookup ring", 0x2000, 8, EXIT_LOOKUP, 0, 1, HELPER_NONE },
    [R_EXIT]   = { "exit_tb ring", 0x3000, 8, EXIT_TB, 0, 1, HELPER_NONE },
    [R_SMC]    = { "smc ring", 0x4000, 4, EXIT_GOTO, 0, 1, HELPER_SMC },
    [R_FLUSH]  = { "flush ring", 0x5000, 4, EXIT_GOTO, 0, 1, HELPER_FLUSH },
    [R_BIG]    = { "big ring", 0x6000, 128, EXIT_GOTO, 100, 1, HELPER_NONE },
    /* One block whose 4 bytes straddle the pages 0x8000 and 0x9000. */
    [R_SPAN]   = { "page-spanning self loop", 0x8ffe, 1, EXIT_GOTO, 0, 4, HELPER_NONE },
    /* One block covering 0xa000-0xc7ff: three pages. */
    [R_WIDE]   = { "three-page self loop", 0xa000, 1, EXIT_GOTO, 0, 0x2800, HELPER_NONE },
};

#define PRECISE_PC   0x7000u
#define UNALIGNED_PC 0x7100u

static uint8_t version[0x10000];
/* SMC helper: at counter == smc_at, bump version[smc_target], invalidate it. */
static uint64_t smc_at, smc_target;
static uint64_t flush_every;
static uint8_t guest_mem[4096] __attribute__((aligned(64)));

static int failures;

static void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(bool ok, const char *fmt, ...)
{
    va_list ap;

    printf(ok ? "PASS: " : "FAIL: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
    failures += !ok;
}

/* ---- helpers called by the guest's blocks ------------------------------ */

static void helper_halt(void *env)
{
    cpu_loop_exit(((CPUCommon *)env)->cpu, EXCP_HALTED, 0);
}

static void helper_smc(void *env)
{
    TestEnv *e = env;

    if (e->counter == smc_at) {
        version[smc_target & 0xffff]++;
        tb_invalidate_range(smc_target, smc_target + 1);
    }
}

static void helper_flush(void *env)
{
    TestEnv *e = env;

    if (flush_every && e->counter % flush_every == 0) {
        tb_flush();
    }
}

static __attribute__((noinline)) void helper_raise(void *env, uint64_t c)
{
    if (c) {
        cpu_loop_exit(((CPUCommon *)env)->cpu, EXCP_TEST_RAISE,
                      (uintptr_t)__builtin_return_address(0));
    }
}

static IRHelper h_halt = { "coretest_halt", (void *)helper_halt, IR_TYPE_VOID, 1,
                           { IR_TYPE_I64 }, IR_CALL_MAY_RAISE };
static IRHelper h_smc = { "coretest_smc", (void *)helper_smc, IR_TYPE_VOID, 1,
                          { IR_TYPE_I64 }, IR_CALL_READS_GLOBALS };
static IRHelper h_flush = { "coretest_flush", (void *)helper_flush, IR_TYPE_VOID, 1,
                            { IR_TYPE_I64 }, IR_CALL_READS_GLOBALS };
static IRHelper h_raise = { "coretest_raise", (void *)helper_raise, IR_TYPE_VOID, 2,
                            { IR_TYPE_I64, IR_TYPE_I64 }, IR_CALL_MAY_RAISE };

/* ---- the guest --------------------------------------------------------- */

static IRTempIdx g_pc, g_counter, g_acc, g_limit, g_extra;

static void test_init_globals(IRGlobals *g)
{
    g_pc = ir_globals_add(g, "pc", IR_TYPE_I64, offsetof(CPUCommon, pc));
    g_counter = ir_globals_add(g, "counter", IR_TYPE_I64, offsetof(TestEnv, counter));
    g_acc = ir_globals_add(g, "acc", IR_TYPE_I64, offsetof(TestEnv, acc));
    g_limit = ir_globals_add(g, "limit", IR_TYPE_I64, offsetof(TestEnv, limit));
    g_extra = ir_globals_add(g, "extra", IR_TYPE_I64, offsetof(TestEnv, extra));
}

static void gen_call(IRBlock *b, IRHelper *h, IRTempIdx arg2)
{
    IRTempIdx args[2] = { IR_TEMP_ENV, arg2 };

    ir_emit_call(b, h, 0, args);
}

static void gen_addi(IRBlock *b, IRTempIdx d, uint64_t v)
{
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, d, d, ir_const(b, IR_TYPE_I64, v));
}

static void translate_ring(IRBlock *b, const Region *r, uint64_t pc)
{
    uint32_t halt = ir_new_label(b);
    uint64_t next = r->base + (pc - r->base + 1) % r->k;

    ir_gen_insn_start(b, pc, 0);
    gen_addi(b, g_acc, pc + ((uint64_t)version[pc & 0xffff] << 32));
    gen_addi(b, g_counter, 1);
    if (r->helper == HELPER_SMC) {
        gen_call(b, &h_smc, 0);
    } else if (r->helper == HELPER_FLUSH) {
        gen_call(b, &h_flush, 0);
    }
    for (unsigned j = 0; j < r->pad; j++) {
        IRTempIdx t = ir_new_temp(b, IR_TYPE_I64);

        ir_gen_op2(b, IR_OP_xor, IR_TYPE_I64, t, g_counter, ir_const(b, IR_TYPE_I64, j));
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, g_extra, g_extra, t);
    }
    ir_gen_brcond(b, IR_TYPE_I64, IR_COND_GEU, g_counter, g_limit, halt);
    ir_gen_movi(b, IR_TYPE_I64, g_pc, next);
    switch (r->exit_kind) {
    case EXIT_GOTO:
        ir_gen_goto_tb(b, (unsigned)(pc & 1));
        break;
    case EXIT_LOOKUP:
        ir_gen_lookup_and_goto(b);
        break;
    default:
        ir_gen_exit_tb(b);
        break;
    }
    ir_gen_set_label(b, halt);
    ir_gen_movi(b, IR_TYPE_I64, g_pc, pc);
    gen_call(b, &h_halt, 0);
    ir_gen_exit_tb(b);
}

/* Four insns at PRECISE_PC; the third calls a helper that may raise. */
static void translate_precise(IRBlock *b)
{
    ir_gen_insn_start(b, PRECISE_PC, 0x11);
    gen_addi(b, g_acc, 1);
    ir_gen_insn_start(b, PRECISE_PC + 4, 0x22);
    gen_addi(b, g_acc, 2);
    ir_gen_insn_start(b, PRECISE_PC + 8, 0x33);
    gen_call(b, &h_raise, g_counter);
    ir_gen_insn_start(b, PRECISE_PC + 12, 0x44);
    gen_addi(b, g_acc, 4);
    ir_gen_movi(b, IR_TYPE_I64, g_pc, PRECISE_PC + 16);
    gen_call(b, &h_halt, 0);
    ir_gen_exit_tb(b);
}

/* An aligned load, then a misaligned IR_MO_ALIGN load in the second insn. */
static void translate_unaligned(IRBlock *b)
{
    IRTempIdx t = ir_new_temp(b, IR_TYPE_I64);
    IRTempIdx u = ir_new_temp(b, IR_TYPE_I64);

    ir_gen_insn_start(b, UNALIGNED_PC, 0);
    ir_gen_guest_ld(b, IR_TYPE_I64, t, ir_const(b, IR_TYPE_I64, 0x20), IR_MO_32 | IR_MO_ALIGN);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, g_acc, g_acc, t);
    ir_gen_insn_start(b, UNALIGNED_PC + 4, 0);
    ir_gen_guest_ld(b, IR_TYPE_I64, u, ir_const(b, IR_TYPE_I64, 0x11), IR_MO_32 | IR_MO_ALIGN);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, g_acc, g_acc, u);
    ir_gen_insn_start(b, UNALIGNED_PC + 8, 0);
    ir_gen_movi(b, IR_TYPE_I64, g_pc, UNALIGNED_PC + 8);
    gen_call(b, &h_halt, 0);
    ir_gen_exit_tb(b);
}

static long test_translate(CPU *cpu, IRBlock *b, uint64_t pc, uint32_t flags, int max_insns)
{
    if (pc == PRECISE_PC) {
        translate_precise(b);
        return 16;
    }
    if (pc == UNALIGNED_PC) {
        translate_unaligned(b);
        return 12;
    }
    for (int i = 0; i < R_COUNT; i++) {
        const Region *r = &regions[i];

        if (pc >= r->base && pc < r->base + r->k) {
            translate_ring(b, r, pc);
            return r->size;
        }
    }
    return -1;
}

static void test_restore_state(CPUCommon *env, uint64_t pc, uint64_t extra)
{
    env->pc = pc;
    ((TestEnv *)env)->extra = extra;
}

static void test_dump_state(FILE *f, const CPUCommon *env)
{
    const TestEnv *e = (const TestEnv *)env;

    fprintf(f, "pc=0x%" PRIx64 " counter=%" PRIu64 " acc=0x%" PRIx64 "\n",
            env->pc, e->counter, e->acc);
}

static const GuestArch test_arch = {
    .name = "core-test",
    .env_size = sizeof(TestEnv),
    .init_globals = test_init_globals,
    .translate = test_translate,
    .restore_state = test_restore_state,
    .dump_state = test_dump_state,
};

/* ---- the model --------------------------------------------------------- */

typedef struct Model {
    uint64_t pc, counter, acc, extra;
    uint8_t version[0x10000];
} Model;

/* Run ring r from m->pc until the halt; returns the number of blocks run. */
static uint64_t ring_model(Model *m, const Region *r, uint64_t limit)
{
    uint64_t n = 0;

    for (;;) {
        uint64_t p = m->pc;

        n++;
        m->acc += p + ((uint64_t)m->version[p & 0xffff] << 32);
        m->counter++;
        if (r->helper == HELPER_SMC && m->counter == smc_at) {
            m->version[smc_target & 0xffff]++;
        }
        for (unsigned j = 0; j < r->pad; j++) {
            m->extra += m->counter ^ j;
        }
        if (m->counter >= limit) {
            return n;
        }
        m->pc = r->base + (p - r->base + 1) % r->k;
    }
}

/* ---- harness ----------------------------------------------------------- */

static const char *accel_name(Accel a)
{
    return a == ACCEL_JIT ? "jit" : "interp";
}

static bool setup_opt(Accel accel, size_t code_size, bool optimize)
{
    EngineConfig cfg = {
        .accel = accel,
        .code_size = code_size,
        .optimize = optimize,
        .guest_base = (uintptr_t)guest_mem,
    };

    return engine_init(&test_arch, &cfg) == 0;
}

static bool setup(Accel accel, size_t code_size)
{
    return setup_opt(accel, code_size, true);
}

static void model_from(Model *m, const TestEnv *e)
{
    m->pc = e->common.pc;
    m->counter = e->counter;
    m->acc = e->acc;
    m->extra = e->extra;
    memcpy(m->version, version, sizeof(version));
}

static bool env_matches(const TestEnv *e, const Model *m)
{
    return e->common.pc == m->pc && e->counter == m->counter && e->acc == m->acc &&
           e->extra == m->extra;
}

/* Run region ri on cpu from its base up to limit; compare with the model. */
static void run_ring(CPU *cpu, const char *an, int ri, uint64_t limit, const char *what)
{
    TestEnv *e = (TestEnv *)cpu->env;
    Model m;
    int r;

    e->common.pc = regions[ri].base;
    e->counter = e->acc = e->extra = 0;
    e->limit = limit;
    model_from(&m, e);
    ring_model(&m, &regions[ri], limit);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: %s: %s (exit 0x%x pc 0x%" PRIx64 " counter %" PRIu64 " acc 0x%" PRIx64
          ", want pc 0x%" PRIx64 " counter %" PRIu64 " acc 0x%" PRIx64 ")",
          an, regions[ri].name, what, r, e->common.pc, e->counter, e->acc,
          m.pc, m.counter, m.acc);
}

static void test_basic(Accel accel)
{
    const char *an = accel_name(accel);
    EngineStats s;
    CPU *cpu;
    const unsigned limit = 10000;

    if (!setup(accel, 0)) {
        check(false, "%s: engine_init", an);
        return;
    }
    cpu = cpu_create();

    run_ring(cpu, an, R_GOTO, limit, "result");
    engine_stats(&s);
    check(s.blocks_translated == regions[R_GOTO].k,
          "%s: goto_tb ring translated each block once (%" PRIu64 ")", an,
          s.blocks_translated);
    check(s.exits_chained > 0 && s.exits_slow <= 2 * regions[R_GOTO].k,
          "%s: goto_tb ring was chained (chained %" PRIu64 ", slow %" PRIu64 ")", an,
          s.exits_chained, s.exits_slow);

    {
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);

        engine_stats_print(f);
        fclose(f);
        check(text && strstr(text, "blocks translated       16\n") &&
              strstr(text, "guest insns translated  16 (1.0 per block)"),
              "%s: engine_stats_print", an);
        free(text);
    }

    run_ring(cpu, an, R_LOOKUP, limit, "result");
    engine_stats(&s);
    check(s.exits_lookup <= 2 * regions[R_LOOKUP].k,
          "%s: lookup_and_goto hits the jump cache (%" PRIu64 " slow lookups in %u exits)",
          an, s.exits_lookup, limit);

    run_ring(cpu, an, R_EXIT, limit, "result");
    engine_stats(&s);
    check(s.exits_slow >= limit - 1, "%s: exit_tb exits reach the loop (%" PRIu64 ")", an,
          s.exits_slow);

    /* Translation failure. */
    cpu->env->pc = 0xdead0;
    {
        int r = cpu_exec(cpu);

        check(r == EXCP_TRANSLATE_FAILED && cpu->env->pc == 0xdead0,
              "%s: untranslatable pc raises EXCP_TRANSLATE_FAILED (0x%x, pc 0x%" PRIx64 ")",
              an, r, cpu->env->pc);
    }

    /* cpu_exit before entry: EXCP_INTERRUPT, then the run resumes normally. */
    cpu_exit(cpu);
    {
        int r = cpu_exec(cpu);

        check(r == EXCP_INTERRUPT, "%s: cpu_exit gives EXCP_INTERRUPT (0x%x)", an, r);
    }
    run_ring(cpu, an, R_GOTO, 100, "result after an interrupt");
    cpu_destroy(cpu);
}

static void test_invalidate(Accel accel)
{
    const char *an = accel_name(accel);
    EngineStats s;
    TestEnv *e;
    CPU *cpu;
    Model m;
    int r;

    if (!setup(accel, 0)) {
        check(false, "%s: engine_init", an);
        return;
    }
    cpu = cpu_create();
    e = (TestEnv *)cpu->env;

    /* From a helper inside the block before the target, while chained. */
    smc_at = 50;
    smc_target = regions[R_SMC].base + 2;
    run_ring(cpu, an, R_SMC, 400, "invalidation by a helper while chained");
    engine_stats(&s);
    check(s.invalidations >= 1 && s.blocks_translated == regions[R_SMC].k + 1,
          "%s: the invalidated block was retranslated (invalidations %" PRIu64
          ", blocks %" PRIu64 ")", an, s.invalidations, s.blocks_translated);
    smc_at = 0;

    /* Between runs, of another chained block: continue from the halt. */
    version[(regions[R_SMC].base + 3) & 0xffff]++;
    tb_invalidate_range(regions[R_SMC].base + 3, regions[R_SMC].base + 4);
    e->limit = 800;
    model_from(&m, e);
    ring_model(&m, &regions[R_SMC], 800);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: invalidation between runs (acc 0x%" PRIx64 ", want 0x%" PRIx64 ")",
          an, e->acc, m.acc);

    /* A block reached through lookup_and_goto: the jump caches (and the
     * inline probe of generated code) must stop finding the old one. */
    run_ring(cpu, an, R_LOOKUP, 300, "before invalidation");
    version[(regions[R_LOOKUP].base + 5) & 0xffff]++;
    tb_invalidate_range(regions[R_LOOKUP].base + 5, regions[R_LOOKUP].base + 6);
    e->limit = 600;
    model_from(&m, e);
    ring_model(&m, &regions[R_LOOKUP], 600);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: invalidation of a block in the jump cache (acc 0x%" PRIx64 ", want 0x%" PRIx64
          ")", an, e->acc, m.acc);

    /* A self-chained block spanning two pages, invalidated through its
     * second page only. */
    run_ring(cpu, an, R_SPAN, 300, "page-spanning block");
    version[regions[R_SPAN].base & 0xffff]++;
    tb_invalidate_range(0x9001, 0x9002);
    e->limit = 600;
    model_from(&m, e);
    ring_model(&m, &regions[R_SPAN], 600);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: page-spanning self-chained block invalidated by its second page "
          "(acc 0x%" PRIx64 ", want 0x%" PRIx64 ")", an, e->acc, m.acc);

    /* A range that misses the page-spanning block changes nothing. */
    version[regions[R_SPAN].base & 0xffff]++;
    tb_invalidate_range(0x9002, 0xa000);
    tb_invalidate_range(0x7ff0, 0x8ffe);
    e->limit = 700;
    model_from(&m, e);
    m.version[regions[R_SPAN].base & 0xffff]--;     /* the old translation stays */
    ring_model(&m, &regions[R_SPAN], 700);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: ranges next to a block leave it alone (acc 0x%" PRIx64 ", want 0x%" PRIx64 ")",
          an, e->acc, m.acc);

    /* A block covering three pages, invalidated through the middle one. */
    run_ring(cpu, an, R_WIDE, 300, "three-page block");
    version[regions[R_WIDE].base & 0xffff]++;
    tb_invalidate_range(0xb100, 0xb101);
    e->limit = 600;
    model_from(&m, e);
    ring_model(&m, &regions[R_WIDE], 600);
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && env_matches(e, &m),
          "%s: three-page block invalidated through its middle page (acc 0x%" PRIx64
          ", want 0x%" PRIx64 ")", an, e->acc, m.acc);
    cpu_destroy(cpu);
}

static void test_flush(Accel accel)
{
    const char *an = accel_name(accel);
    EngineStats s;
    CPU *cpu;

    /* Flushes requested by a helper (deferred to the loop). */
    if (!setup(accel, 0)) {
        check(false, "%s: engine_init", an);
        return;
    }
    cpu = cpu_create();
    flush_every = 100;
    run_ring(cpu, an, R_FLUSH, 2000, "tb_flush from a helper");
    engine_stats(&s);
    check(s.flushes >= 19, "%s: helper flushes happened (%" PRIu64 ")", an, s.flushes);
    flush_every = 0;
    cpu_destroy(cpu);

    /* A code buffer too small for the working set. */
    if (!setup(accel, 64 * 1024)) {
        check(false, "%s: engine_init with a 64 KiB buffer", an);
        return;
    }
    cpu = cpu_create();
    run_ring(cpu, an, R_BIG, 3000, "tiny code buffer");
    engine_stats(&s);
    if (accel == ACCEL_JIT) {
        check(s.flushes > 0, "%s: the full buffer was flushed (%" PRIu64 " flushes, %"
              PRIu64 " host bytes)", an, s.flushes, s.host_bytes);
    }
    cpu_destroy(cpu);
}

static void test_precise(Accel accel, bool optimize)
{
    const char *an = optimize ? accel_name(accel)
                              : accel == ACCEL_JIT ? "jit -no-opt" : "interp -no-opt";
    TestEnv *e;
    CPU *cpu;
    int r;

    if (!setup_opt(accel, 0, optimize)) {
        check(false, "%s: engine_init", an);
        return;
    }
    cpu = cpu_create();
    e = (TestEnv *)cpu->env;

    e->common.pc = PRECISE_PC;
    e->counter = 0;
    e->acc = 0;
    r = cpu_exec(cpu);
    check(r == EXCP_HALTED && e->acc == 7 && e->common.pc == PRECISE_PC + 16,
          "%s: multi-insn block runs to the end (acc %" PRIu64 ")", an, e->acc);

    e->common.pc = PRECISE_PC;
    e->counter = 1;
    e->acc = 0;
    e->extra = 0;
    r = cpu_exec(cpu);
    check(r == EXCP_TEST_RAISE && e->common.pc == PRECISE_PC + 8 && e->extra == 0x33 &&
          e->acc == 3,
          "%s: helper raising in insn 3 restores its pc (0x%x pc 0x%" PRIx64
          " extra 0x%" PRIx64 " acc %" PRIu64 ")", an, r, e->common.pc, e->extra, e->acc);

    memset(guest_mem, 0, sizeof(guest_mem));
    guest_mem[0x20] = 1;
    guest_mem[0x21] = 2;
    guest_mem[0x22] = 3;
    guest_mem[0x23] = 4;
    e->common.pc = UNALIGNED_PC;
    e->acc = 0;
    r = cpu_exec(cpu);
    check(r == EXCP_UNALIGNED && cpu->exception_addr == 0x11 &&
          e->common.pc == UNALIGNED_PC + 4 && e->acc == 0x04030201,
          "%s: misaligned access restores the faulting insn (0x%x addr 0x%" PRIx64
          " pc 0x%" PRIx64 " acc 0x%" PRIx64 ")", an, r, cpu->exception_addr,
          e->common.pc, e->acc);
    cpu_destroy(cpu);
}

static void test_log(Accel accel)
{
    const char *an = accel_name(accel);
    char path[64];
    char buf[1 << 16];
    unsigned mask = 0;
    char err[128];
    size_t n;
    FILE *f;
    CPU *cpu;

    check(log_parse_items("op,op_opt,out_asm,exec,cpu", &mask, err, sizeof(err)) == 0 &&
          mask == (LOG_OP | LOG_OP_OPT | LOG_OUT_ASM | LOG_EXEC | LOG_CPU),
          "%s: log_parse_items", an);
    check(log_parse_items("op,bogus", &mask, err, sizeof(err)) < 0 && strstr(err, "bogus"),
          "%s: log_parse_items rejects an unknown item (%s)", an, err);
    if (!setup(accel, 0)) {
        check(false, "%s: engine_init", an);
        return;
    }
    snprintf(path, sizeof(path), "/tmp/core-test-log.%d.%s", (int)getpid(), an);
    if (log_set_file(path) < 0) {
        check(false, "%s: log_set_file", an);
        return;
    }
    log_mask = LOG_OP | LOG_OP_OPT | LOG_OUT_ASM | LOG_EXEC | LOG_CPU;
    cpu = cpu_create();
    run_ring(cpu, an, R_GOTO, 40, "result with -d op,op_opt,out_asm,exec,cpu");
    log_mask = 0;
    fflush(log_file());
    f = fopen(path, "r");
    n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    buf[n] = 0;
    if (f) {
        fclose(f);
    }
    unlink(path);
    check(strstr(buf, "OP:\n") && strstr(buf, "Trace: pc=0x0000000000001003") &&
          strstr(buf, "counter=3") &&
          (accel != ACCEL_JIT || strstr(buf, "OUT: [size=")),
          "%s: log file has OP:, Trace: and cpu lines%s", an,
          accel == ACCEL_JIT ? " and OUT:" : "");
    cpu_destroy(cpu);
}

/* ---- threads ----------------------------------------------------------- */

#define MT_CPUS 4
#define MT_ROUNDS 300

/*
 * Each CPU thread repeats a run of the shared goto_tb ring from a reset
 * state, checking every run against the model, until the stress thread has
 * done MT_ROUNDS rounds of invalidations, flushes and interrupts.
 */
typedef struct MTArg {
    CPU *cpu;
    int region;
    uint64_t limit;
    Model want;
    int runs, wrong_runs, interrupts, bad_exits;
    TestEnv first_wrong;
} MTArg;

static int mt_stop;

static void *mt_cpu_thread(void *opaque)
{
    MTArg *a = opaque;
    TestEnv *e = (TestEnv *)a->cpu->env;

    do {
        int r;

        e->common.pc = regions[a->region].base;
        e->counter = e->acc = e->extra = 0;
        e->limit = a->limit;
        for (;;) {
            r = cpu_exec(a->cpu);
            if (r != EXCP_INTERRUPT) {
                break;
            }
            a->interrupts++;
        }
        if (r != EXCP_HALTED) {
            a->bad_exits++;
        } else if (!env_matches(e, &a->want)) {
            if (a->wrong_runs++ == 0) {
                a->first_wrong = *e;
            }
        }
        a->runs++;
    } while (!__atomic_load_n(&mt_stop, __ATOMIC_ACQUIRE));
    return NULL;
}

/* Region ri shared by MT_CPUS threads; code_size 0 is the default. */
static void test_threads(Accel accel, int ri, size_t code_size, uint64_t limit)
{
    const char *an = accel_name(accel);
    pthread_t th[MT_CPUS];
    static MTArg args[MT_CPUS];
    EngineStats s;
    unsigned seed = 12345;

    if (!setup(accel, code_size)) {
        check(false, "%s: engine_init", an);
        return;
    }
    __atomic_store_n(&mt_stop, 0, __ATOMIC_RELEASE);
    for (int i = 0; i < MT_CPUS; i++) {
        MTArg *a = &args[i];

        memset(a, 0, sizeof(*a));
        a->cpu = cpu_create();
        a->region = ri;
        a->limit = limit + (uint64_t)i * (limit / 20);
        a->want.pc = regions[ri].base;
        memcpy(a->want.version, version, sizeof(version));
        ring_model(&a->want, &regions[ri], a->limit);
        pthread_create(&th[i], NULL, mt_cpu_thread, a);
    }
    /* Invalidate random parts of the shared ring, flush, interrupt. */
    for (unsigned iter = 0; iter < MT_ROUNDS; iter++) {
        uint64_t start = regions[ri].base + rand_r(&seed) % regions[ri].k;

        tb_invalidate_range(start, start + 1 + rand_r(&seed) % 4);
        if (iter % 16 == 0) {
            tb_flush();
        }
        if (iter % 8 == 0) {
            cpu_exit(args[rand_r(&seed) % MT_CPUS].cpu);
        }
        usleep(300);
    }
    __atomic_store_n(&mt_stop, 1, __ATOMIC_RELEASE);

    for (int i = 0; i < MT_CPUS; i++) {
        MTArg *a = &args[i];

        pthread_join(th[i], NULL);
        if (a->wrong_runs) {
            printf("note: thread %d first wrong run: acc 0x%" PRIx64 " counter %" PRIu64
                   ", want acc 0x%" PRIx64 "\n", i, a->first_wrong.acc,
                   a->first_wrong.counter, a->want.acc);
        }
        check(a->bad_exits == 0 && a->wrong_runs == 0,
              "%s: %s: thread %d of %d under invalidation and flushes (%d runs of %" PRIu64
              " blocks, %d wrong, %d bad exits, %d interrupts)", an, regions[ri].name, i,
              MT_CPUS, a->runs,
              a->limit, a->wrong_runs, a->bad_exits, a->interrupts);
        cpu_destroy(a->cpu);
    }
    engine_stats(&s);
    check(s.flushes >= MT_ROUNDS / 16 && s.invalidations > 0,
          "%s: %s: concurrent flushes and invalidations happened (%" PRIu64 " flushes, %"
          PRIu64 " invalidations)", an, regions[ri].name, s.flushes, s.invalidations);
}

int main(int argc, char **argv)
{
    Accel accels[2] = { ACCEL_INTERP, ACCEL_JIT };
    int nb_accels = backend_available ? 2 : 1;

    ir_helper_register(&h_halt);
    ir_helper_register(&h_smc);
    ir_helper_register(&h_flush);
    ir_helper_register(&h_raise);

    /* An unavailable JIT must be refused with a message, not crash. */
    if (!backend_available) {
        EngineConfig cfg = { .accel = ACCEL_JIT, .optimize = true };

        check(engine_init(&test_arch, &cfg) < 0, "engine_init refuses the JIT without a backend");
    }
    for (int i = 0; i < nb_accels; i++) {
        Accel a = accels[i];

        test_basic(a);
        test_invalidate(a);
        test_flush(a);
        test_precise(a, true);
        test_precise(a, false);
        test_log(a);
        test_threads(a, R_GOTO, 0, a == ACCEL_JIT ? 200000 : 20000);
        /* Every thread also fills a tiny buffer: flushes from translation. */
        test_threads(a, R_BIG, 64 * 1024, 2000);
    }
    if (!backend_available) {
        printf("UNSUPPORTED: jit: this build has no native backend\n");
    }
    printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
