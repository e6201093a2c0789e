/*
 * ir-fuzz.c - random differential test of the optimizer and the JIT, with the
 * IR interpreter on the unoptimized block as the reference.
 *
 *     ir-fuzz [-seed N] [-count N] [-v]
 *
 * Block i of a run is generated from a PRNG seeded with (seed, i): a random
 * valid block over i32 and i64 globals, normal temps, locals and constants
 * (edge values often), with forward branches, guest loads and stores of every
 * memop on a small guest buffer, host loads and stores on scratch env fields,
 * barriers, and calls to helpers registered here (pure ones, one that reads
 * the globals, one that writes them, one that does both).  It ends in
 * exit_tb, goto_tb or lookup_and_goto, sometimes with a second exit reached
 * by a branch, and may contain side exits (a branch over an exit path to a
 * label nothing else reaches, as superblocks have).
 *
 * The same block is run from the same initial env and guest memory:
 *   reference   ir_interp_exec on the block as generated;
 *   interp opt  ir_interp_exec after ir_optimize;
 *   jit opt     backend_gen_block + backend_exec after ir_optimize;
 *   jit no-opt  the same on the block as generated.
 * and the whole env, the guest buffer and the exit kind must be equal.  The
 * block is generated again from its seed for every run (generation is
 * deterministic), so no run can see another's changes to the IR.
 *
 * Invariants the generator keeps, so that every block is valid IR with one
 * defined result: normal temps are read only after being written in the
 * same basic block; locals are all written at block entry; branches only go
 * forward (to labels not yet set); guest addresses are masked into the
 * buffer, and aligned when the memop asks for alignment (no faults); the
 * i32 globals sit in 8-byte slots whose upper half holds a canary the block
 * never writes, so a 64-bit store to an i32 global shows.
 *
 * Output: one "PASS: ..." line per configuration, or "FAIL: seed S block I
 * (config)" with the differing fields and the IR of the block; a build whose
 * backend is not available reports the JIT configurations as UNSUPPORTED.
 * REMU_BACKEND_DISABLE (e.g. "all") is passed to backend_disable_features.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "core/codebuf.h"
#include "core/cpu.h"
#include "core/tb.h"
#include "ir/ir.h"

enum {
    NG64 = 6,           /* i64 globals g0..g5, besides pc */
    NG32 = 4,           /* i32 globals w0..w3 */
    NSCRATCH = 4,       /* 8-byte env fields reached only by ld/st */
    NLOCAL = 3,         /* locals per type */
    NTEMP = 6,          /* normal temps per type */
    GUEST_SIZE = 256,   /* guest addresses are masked into [0, GUEST_SIZE) */
    GUEST_SLACK = 8,    /* so a misaligned 8-byte access at 255 stays inside */
    MAX_BODY_OPS = 120,
    MAX_FAILS_SHOWN = 3,
};

typedef struct FuzzEnv {
    CPUCommon common;
    uint64_t g64[NG64];
    uint32_t g32[NG32][2];      /* [k][0] is global wk, [k][1] a canary */
    uint64_t scratch[NSCRATCH];
} FuzzEnv;

#define CANARY 0xa5c3e1f7u

/* ---- PRNG: splitmix64 -------------------------------------------------- */

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void rng_seed(Rng *r, uint64_t seed, uint64_t block, uint64_t stream)
{
    r->s = seed * 0xd1342543de82ef95ull ^ block * 0x2545f4914f6cdd1dull ^ stream;
    rng_next(r);
}

static unsigned rng_below(Rng *r, unsigned n)
{
    return (unsigned)(rng_next(r) % n);
}

static int rng_percent(Rng *r, unsigned p)
{
    return rng_below(r, 100) < p;
}

static const uint64_t edge64[] = {
    0, 1, 2, 0xffffffffffffffffull, 0x8000000000000000ull, 0x7fffffffffffffffull,
    0x8000000000000001ull, 0x7ffffffffffffffeull, 0x80, 0xff, 0x8000, 0xffff,
    0x80000000, 0xffffffff, 0x7fffffff, 0x100000000ull, 31, 32, 63, 64, 65,
};

/* A value for type t: an edge value, a small number or anything. */
static uint64_t rng_value(Rng *r, IRType t)
{
    uint64_t v;
    unsigned k = rng_below(r, 10);

    if (k < 4)
        v = edge64[rng_below(r, sizeof(edge64) / sizeof(edge64[0]))];
    else if (k < 5)
        v = rng_below(r, 17);
    else
        v = rng_next(r);
    return ir_trunc(t, v);
}

/* ---- helpers the blocks call ------------------------------------------- */

static uint64_t fuzz_mix(uint64_t a, uint64_t b)
{
    return (a * 0x9e3779b97f4a7c15ull) ^ (b >> 3) ^ (b << 17);
}

static uint32_t fuzz_mix32(uint32_t a, uint32_t b)
{
    return (a * 0x01000193u) ^ (b >> 2) ^ 0x80000000u;
}

static uint64_t fuzz_sum(void *envp)
{
    FuzzEnv *env = envp;
    uint64_t s = 0;

    for (int i = 0; i < NG64; i++)
        s = s * 3 + env->g64[i];
    for (int i = 0; i < NG32; i++)
        s = s * 5 + env->g32[i][0];
    return s;
}

static void fuzz_bump(void *envp)
{
    FuzzEnv *env = envp;

    env->g64[0] = env->g64[0] * 7 + env->g64[1];
    env->g32[1][0] ^= env->g32[0][0] + 0x80000001u;
}

static void fuzz_set(void *envp)
{
    FuzzEnv *env = envp;

    env->g64[2] = 0x5555aaaa5555aaaaull;
    env->g32[2][0] = 0xfffffffe;
}

static IRHelper helper_mix = {
    .name = "fuzz_mix", .fn = (void *)fuzz_mix, .ret = IR_TYPE_I64, .nb_args = 2,
    .args = { IR_TYPE_I64, IR_TYPE_I64 }, .flags = IR_CALL_PURE,
};
static IRHelper helper_mix32 = {
    .name = "fuzz_mix32", .fn = (void *)fuzz_mix32, .ret = IR_TYPE_I32, .nb_args = 2,
    .args = { IR_TYPE_I32, IR_TYPE_I32 }, .flags = IR_CALL_PURE,
};
static IRHelper helper_sum = {
    .name = "fuzz_sum", .fn = (void *)fuzz_sum, .ret = IR_TYPE_I64, .nb_args = 1,
    .args = { IR_TYPE_I64 }, .flags = IR_CALL_READS_GLOBALS,
};
static IRHelper helper_bump = {
    .name = "fuzz_bump", .fn = (void *)fuzz_bump, .ret = IR_TYPE_VOID, .nb_args = 1,
    .args = { IR_TYPE_I64 }, .flags = IR_CALL_READS_GLOBALS | IR_CALL_WRITES_GLOBALS,
};
static IRHelper helper_set = {
    .name = "fuzz_set", .fn = (void *)fuzz_set, .ret = IR_TYPE_VOID, .nb_args = 1,
    .args = { IR_TYPE_I64 }, .flags = IR_CALL_WRITES_GLOBALS,
};

/* ---- the block generator ----------------------------------------------- */

typedef struct Gen {
    Rng rng;
    IRBlock *b;
    IRTempIdx pc;
    IRTempIdx glob[2][NG64];    /* [0]: i32 globals (NG32), [1]: i64 */
    int nglob[2];
    IRTempIdx local[2][NLOCAL];
    IRTempIdx temp[2][NTEMP];
    int defined[2][NTEMP];      /* written in the current basic block */
    uint32_t pending[16];       /* labels branched to, not yet set */
    int npending;
    int side_depth;     /* nesting of gen_side_exit */
    uint64_t insn_pc;
} Gen;

static int ti(IRType t)
{
    return t == IR_TYPE_I64;
}

static void gen_bb_end(Gen *g)
{
    memset(g->defined, 0, sizeof(g->defined));
}

static IRTempIdx gen_input(Gen *g, IRType t)
{
    for (;;) {
        unsigned k = rng_below(&g->rng, 100);
        if (k < 30)
            return g->glob[ti(t)][rng_below(&g->rng, g->nglob[ti(t)])];
        if (k < 50)
            return g->local[ti(t)][rng_below(&g->rng, NLOCAL)];
        if (k < 80) {
            unsigned i = rng_below(&g->rng, NTEMP);
            if (g->defined[ti(t)][i])
                return g->temp[ti(t)][i];
            continue;
        }
        return ir_const(g->b, t, rng_value(&g->rng, t));
    }
}

/* An output of type t other than avoid (0: none). */
static IRTempIdx gen_output(Gen *g, IRType t, IRTempIdx avoid)
{
    for (;;) {
        unsigned k = rng_below(&g->rng, 100);
        IRTempIdx d;
        if (k < 30) {
            d = g->glob[ti(t)][rng_below(&g->rng, g->nglob[ti(t)])];
        } else if (k < 50) {
            d = g->local[ti(t)][rng_below(&g->rng, NLOCAL)];
        } else {
            unsigned i = rng_below(&g->rng, NTEMP);
            d = g->temp[ti(t)][i];
        }
        if (d != avoid)
            return d;
    }
}

/* Mark d written (after the op's inputs were chosen). */
static void gen_def(Gen *g, IRTempIdx d)
{
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < NTEMP; i++)
            if (g->temp[k][i] == d)
                g->defined[k][i] = 1;
}

static IRType gen_type(Gen *g, uint32_t flags)
{
    if (flags & (IR_OPF_I64_ONLY | IR_OPF_WIDEN))
        return IR_TYPE_I64;
    if (flags & (IR_OPF_I32_ONLY | IR_OPF_NARROW))
        return IR_TYPE_I32;
    return rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
}

static int op_is_generic(IROpcode opc)
{
    const IROpDef *def = &ir_op_defs[opc];

    if (!(def->flags & IR_OPF_INT) || (def->flags & (IR_OPF_GUEST_MEM | IR_OPF_COND_BRANCH)))
        return 0;
    if (opc >= IR_OP_ld8u && opc <= IR_OP_st)
        return 0;
    return 1;
}

/* One arithmetic/logic/conversion/bitfield/conditional op. */
static void gen_generic(Gen *g, IROpcode opc)
{
    const IROpDef *def = &ir_op_defs[opc];
    IRType t = gen_type(g, def->flags);
    IRType in = def->flags & IR_OPF_WIDEN ? IR_TYPE_I32
              : def->flags & IR_OPF_NARROW ? IR_TYPE_I64 : t;
    unsigned bits = ir_type_bits(t);
    uint64_t args[IR_MAX_ARGS];
    int n = def->nb_oargs;

    /* Now and then all inputs constant, for the constant folder. */
    int all_const = rng_percent(&g->rng, 10);
    for (int i = 0; i < def->nb_iargs; i++)
        args[n++] = all_const ? ir_const(g->b, in, rng_value(&g->rng, in)) : gen_input(g, in);
    switch (opc) {
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit: {
        unsigned len = 1 + rng_below(&g->rng, bits);
        args[n++] = rng_below(&g->rng, bits - len + 1);
        args[n++] = len;
        break;
    }
    case IR_OP_extract2:
        args[n++] = rng_below(&g->rng, bits);
        break;
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        args[n++] = rng_below(&g->rng, IR_COND_COUNT);
        break;
    default:
        break;
    }
    args[0] = gen_output(g, t, 0);
    if (def->nb_oargs == 2)
        args[1] = gen_output(g, t, (IRTempIdx)args[0]);
    ir_emit(g->b, opc, t, args, n);
    for (int i = 0; i < def->nb_oargs; i++)
        gen_def(g, (IRTempIdx)args[i]);
}

/* A guest address temp of type at: src masked into the buffer, aligned to
 * align bytes. */
static IRTempIdx gen_guest_addr(Gen *g, IRType at, unsigned align)
{
    IRTempIdx src = gen_input(g, at);
    unsigned i = rng_below(&g->rng, NTEMP);
    IRTempIdx a = g->temp[ti(at)][i];
    uint64_t mask = (GUEST_SIZE - 1) & ~(uint64_t)(align - 1);

    ir_gen_op2(g->b, IR_OP_and, at, a, src, ir_const(g->b, at, mask));
    g->defined[ti(at)][i] = 1;
    return a;
}

static void gen_guest_mem(Gen *g, int load)
{
    IRType t = rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
    IRType at = rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
    unsigned size = rng_below(&g->rng, t == IR_TYPE_I64 ? 4 : 3);
    unsigned memop = size;

    if (load && rng_percent(&g->rng, 50))
        memop |= IR_MO_SIGN;
    if (rng_percent(&g->rng, 50))
        memop |= IR_MO_BE;
    if (rng_percent(&g->rng, 30))
        memop |= IR_MO_ALIGN;
    /* Unaligned addresses only without IR_MO_ALIGN; aligned ones either way. */
    unsigned align = (memop & IR_MO_ALIGN) || rng_percent(&g->rng, 50) ? 1u << size : 1;
    IRTempIdx a = gen_guest_addr(g, at, align);
    if (load) {
        IRTempIdx d = gen_output(g, t, 0);
        ir_gen_guest_ld(g->b, t, d, a, memop);
        gen_def(g, d);
    } else {
        ir_gen_guest_st(g->b, t, gen_input(g, t), a, memop);
    }
}

/* Host loads and stores relative to env, on the scratch fields only. */
static void gen_env_mem(Gen *g)
{
    static const struct { IROpcode opc; unsigned size; int i64_only; } ops[] = {
        { IR_OP_ld8u, 1, 0 }, { IR_OP_ld8s, 1, 0 }, { IR_OP_ld16u, 2, 0 },
        { IR_OP_ld16s, 2, 0 }, { IR_OP_ld32u, 4, 1 }, { IR_OP_ld32s, 4, 1 },
        { IR_OP_ld, 0, 0 }, { IR_OP_st8, 1, 0 }, { IR_OP_st16, 2, 0 },
        { IR_OP_st32, 4, 1 }, { IR_OP_st, 0, 0 },
    };
    unsigned k = rng_below(&g->rng, sizeof(ops) / sizeof(ops[0]));
    IRType t = ops[k].i64_only || rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
    unsigned size = ops[k].size ? ops[k].size : (t == IR_TYPE_I64 ? 8 : 4);
    uint64_t off = offsetof(FuzzEnv, scratch) + 8 * rng_below(&g->rng, NSCRATCH)
                 + size * rng_below(&g->rng, 8 / size);
    uint64_t args[3];

    if (ops[k].opc >= IR_OP_st8) {
        args[0] = gen_input(g, t);
        args[1] = IR_TEMP_ENV;
        args[2] = off;
        ir_emit(g->b, ops[k].opc, t, args, 3);
    } else {
        args[1] = IR_TEMP_ENV;
        args[2] = off;
        args[0] = gen_output(g, t, 0);
        ir_emit(g->b, ops[k].opc, t, args, 3);
        gen_def(g, (IRTempIdx)args[0]);
    }
}

static void gen_call(Gen *g)
{
    IRTempIdx args[2], d;

    switch (rng_below(&g->rng, 5)) {
    case 0:
        args[0] = gen_input(g, IR_TYPE_I64);
        args[1] = gen_input(g, IR_TYPE_I64);
        d = gen_output(g, IR_TYPE_I64, 0);
        ir_emit_call(g->b, &helper_mix, d, args);
        gen_def(g, d);
        break;
    case 1:
        args[0] = gen_input(g, IR_TYPE_I32);
        args[1] = gen_input(g, IR_TYPE_I32);
        d = gen_output(g, IR_TYPE_I32, 0);
        ir_emit_call(g->b, &helper_mix32, d, args);
        gen_def(g, d);
        break;
    case 2:
        args[0] = IR_TEMP_ENV;
        d = gen_output(g, IR_TYPE_I64, 0);
        ir_emit_call(g->b, &helper_sum, d, args);
        gen_def(g, d);
        break;
    case 3:
        args[0] = IR_TEMP_ENV;
        ir_emit_call(g->b, &helper_bump, 0, args);
        break;
    default:
        args[0] = IR_TEMP_ENV;
        ir_emit_call(g->b, &helper_set, 0, args);
        break;
    }
}

static void gen_set_pending(Gen *g)
{
    unsigned k = rng_below(&g->rng, g->npending);

    ir_gen_set_label(g->b, g->pending[k]);
    g->pending[k] = g->pending[--g->npending];
    gen_bb_end(g);
}

static void gen_exit(Gen *g)
{
    ir_gen_movi(g->b, IR_TYPE_I64, g->pc, 0x1000 + 4 * rng_below(&g->rng, 4096));
    switch (rng_below(&g->rng, 5)) {
    case 0: case 1:
        ir_gen_goto_tb(g->b, rng_below(&g->rng, IR_TB_SLOTS));
        break;
    case 2: case 3:
        ir_gen_exit_tb(g->b);
        break;
    default:
        ir_gen_lookup_and_goto(g->b);
        break;
    }
    gen_bb_end(g);
}

static void gen_body_op(Gen *g);

/* A superblock's conditional exit: "brcond c, L; ...; exit; L:", where L
 * has that one branch into it (the x86 backend keeps registers across it). */
static void gen_side_exit(Gen *g)
{
    IRType t = rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
    uint32_t l = ir_new_label(g->b);
    IRTempIdx a = gen_input(g, t), c = gen_input(g, t);

    ir_gen_brcond(g->b, t, (IRCond)rng_below(&g->rng, IR_COND_COUNT), a, c, l);
    gen_bb_end(g);
    g->side_depth++;
    for (unsigned i = rng_below(&g->rng, 8); i > 0; i--)
        gen_body_op(g);
    g->side_depth--;
    gen_exit(g);
    ir_gen_set_label(g->b, l);
    gen_bb_end(g);
}

static void gen_body_op(Gen *g)
{
    static IROpcode generic[IR_OP_COUNT];
    static int ngeneric;
    unsigned k = rng_below(&g->rng, 100);

    if (!ngeneric)
        for (int opc = 0; opc < IR_OP_COUNT; opc++)
            if (op_is_generic((IROpcode)opc))
                generic[ngeneric++] = (IROpcode)opc;

    if (k < 62) {
        gen_generic(g, generic[rng_below(&g->rng, ngeneric)]);
    } else if (k < 70) {
        gen_guest_mem(g, rng_percent(&g->rng, 50));
    } else if (k < 76) {
        gen_env_mem(g);
    } else if (k < 81) {
        gen_call(g);
    } else if (k < 87 && g->npending < 16) {
        IRType t = rng_percent(&g->rng, 50) ? IR_TYPE_I64 : IR_TYPE_I32;
        uint32_t l = ir_new_label(g->b);
        IRTempIdx a = gen_input(g, t), c = gen_input(g, t);
        ir_gen_brcond(g->b, t, (IRCond)rng_below(&g->rng, IR_COND_COUNT), a, c, l);
        g->pending[g->npending++] = l;
        gen_bb_end(g);
    } else if (k < 87 && g->side_depth < 2) {
        gen_side_exit(g);
    } else if (k < 88 && g->npending < 16) {
        uint32_t l = ir_new_label(g->b);
        ir_gen_br(g->b, l);
        g->pending[g->npending++] = l;
        gen_bb_end(g);
    } else if (k < 95 && g->npending) {
        gen_set_pending(g);
    } else if (k < 97) {
        uint64_t a[1] = { 1 + rng_below(&g->rng, IR_MB_ALL) };
        ir_emit(g->b, IR_OP_mb, IR_TYPE_I64, a, 1);
    } else {
        g->insn_pc += 4;
        ir_gen_insn_start(g->b, g->insn_pc, 0);
    }
}

/* Generate block `block` of run `seed` into a new IRBlock. */
static IRBlock *gen_block(const IRGlobals *globals, uint64_t seed, uint64_t block)
{
    Gen g;

    memset(&g, 0, sizeof(g));
    rng_seed(&g.rng, seed, block, 1);
    g.insn_pc = 0x1000;
    g.b = ir_block_new(globals, g.insn_pc, 0);
    g.pc = 1;
    g.nglob[1] = NG64;
    g.nglob[0] = NG32;
    for (int i = 0; i < NG64; i++)
        g.glob[1][i] = 2 + i;
    for (int i = 0; i < NG32; i++)
        g.glob[0][i] = 2 + NG64 + i;
    for (int k = 0; k < 2; k++) {
        IRType t = k ? IR_TYPE_I64 : IR_TYPE_I32;
        for (int i = 0; i < NLOCAL; i++)
            g.local[k][i] = ir_new_local(g.b, t);
        for (int i = 0; i < NTEMP; i++)
            g.temp[k][i] = ir_new_temp(g.b, t);
    }
    ir_gen_insn_start(g.b, g.insn_pc, 0);
    for (int k = 0; k < 2; k++) {
        IRType t = k ? IR_TYPE_I64 : IR_TYPE_I32;
        for (int i = 0; i < NLOCAL; i++) {
            /* From a global or a constant: no local is written yet. */
            if (rng_percent(&g.rng, 50))
                ir_gen_mov(g.b, t, g.local[k][i],
                           g.glob[k][rng_below(&g.rng, g.nglob[k])]);
            else
                ir_gen_movi(g.b, t, g.local[k][i], rng_value(&g.rng, t));
        }
    }
    unsigned n = 1 + rng_below(&g.rng, MAX_BODY_OPS);
    for (unsigned i = 0; i < n; i++)
        gen_body_op(&g);
    /* A second exit, reached through the labels still pending. */
    if (g.npending && rng_percent(&g.rng, 50)) {
        gen_exit(&g);
        gen_set_pending(&g);
        for (unsigned i = rng_below(&g.rng, 8); i > 0; i--)
            gen_body_op(&g);
    }
    while (g.npending)
        gen_set_pending(&g);
    gen_exit(&g);
    return g.b;
}

/* ---- running ------------------------------------------------------------ */

typedef struct State {
    FuzzEnv env;
    uint8_t mem[GUEST_SIZE + GUEST_SLACK];
    int exit_kind;      /* IRExitKind */
    unsigned slot;
} State;

static TranslationBlock *jmp_cache[TB_JMP_CACHE_SIZE];
static uint8_t guest_mem[GUEST_SIZE + GUEST_SLACK];
static TranslationBlock fake_tb;

static void init_state(State *s, uint64_t seed, uint64_t block)
{
    Rng r;

    rng_seed(&r, seed, block, 2);
    memset(s, 0, sizeof(*s));
    s->env.common.pc = 0x1000;
    s->env.common.jmp_cache = jmp_cache;
    for (int i = 0; i < NG64; i++)
        s->env.g64[i] = rng_value(&r, IR_TYPE_I64);
    for (int i = 0; i < NG32; i++) {
        s->env.g32[i][0] = (uint32_t)rng_value(&r, IR_TYPE_I32);
        s->env.g32[i][1] = CANARY;
    }
    for (int i = 0; i < NSCRATCH; i++)
        s->env.scratch[i] = rng_next(&r);
    for (size_t i = 0; i < sizeof(s->mem); i++)
        s->mem[i] = (uint8_t)rng_next(&r);
}

static void run_interp(IRBlock *b, State *s)
{
    memcpy(guest_mem, s->mem, sizeof(guest_mem));
    IRExit e = ir_interp_exec(b, &s->env, (uintptr_t)guest_mem, NULL);
    memcpy(s->mem, guest_mem, sizeof(guest_mem));
    s->exit_kind = e.kind;
    s->slot = e.kind == IR_EXIT_GOTO_TB ? e.slot : 0;
}

static CodeBuf codebuf;
static size_t code_start;

/* Returns 0, or -1 with a reason in why. */
static int run_jit(IRBlock *b, State *s, char *why, size_t whylen)
{
    uint32_t insn_end[4096];
    BackendBlockInfo info;

    if (b->nb_insns > sizeof(insn_end) / sizeof(insn_end[0])) {
        snprintf(why, whylen, "too many insns");
        return -1;
    }
    memset(&info, 0, sizeof(info));
    info.insn_end_offset = insn_end;
    int rc = backend_gen_block(b, &fake_tb, codebuf.rw + code_start, codebuf.rx + code_start,
                               codebuf.size - code_start, &info);
    if (rc != BACKEND_OK) {
        snprintf(why, whylen, "backend_gen_block returned %d", rc);
        return -1;
    }
    codebuf_sync(codebuf.rx + code_start, info.code_size);
    memcpy(guest_mem, s->mem, sizeof(guest_mem));
    uintptr_t ret = backend_exec(&s->env, codebuf.rx + code_start);
    memcpy(s->mem, guest_mem, sizeof(guest_mem));
    if ((ret & ~(uintptr_t)BACKEND_EXIT_MASK) != (uintptr_t)&fake_tb) {
        snprintf(why, whylen, "exit value 0x%llx does not name the block",
                 (unsigned long long)ret);
        return -1;
    }
    if ((ret & BACKEND_EXIT_MASK) < IR_TB_SLOTS) {
        s->exit_kind = IR_EXIT_GOTO_TB;
        s->slot = ret & BACKEND_EXIT_MASK;
        return 0;
    }
    switch (ret & BACKEND_EXIT_MASK) {
    case BACKEND_EXIT_TB:
        s->exit_kind = IR_EXIT_TB;
        break;
    case BACKEND_EXIT_LOOKUP:
        s->exit_kind = IR_EXIT_LOOKUP;
        break;
    default:
        snprintf(why, whylen, "unexpected exit code %u", (unsigned)(ret & BACKEND_EXIT_MASK));
        return -1;
    }
    return 0;
}

static const char *const exit_names[] = { "exit_tb", "goto_tb", "lookup_and_goto" };

static int same_state(const State *ref, const State *got)
{
    return ref->exit_kind == got->exit_kind && ref->slot == got->slot
        && memcmp(&ref->env, &got->env, sizeof(FuzzEnv)) == 0
        && memcmp(ref->mem, got->mem, sizeof(ref->mem)) == 0;
}

/* Print the differences of got from ref. */
static void print_diff(const State *ref, const State *got)
{
    int n = 0;

    if (ref->exit_kind != got->exit_kind || ref->slot != got->slot) {
        printf("  exit: expected %s %u, got %s %u\n", exit_names[ref->exit_kind], ref->slot,
               exit_names[got->exit_kind], got->slot);
        n++;
    }
    if (ref->env.common.pc != got->env.common.pc) {
        printf("  pc: expected 0x%llx, got 0x%llx\n", (unsigned long long)ref->env.common.pc,
               (unsigned long long)got->env.common.pc);
        n++;
    }
    for (int i = 0; i < NG64; i++) {
        if (ref->env.g64[i] != got->env.g64[i]) {
            printf("  g%d: expected 0x%llx, got 0x%llx\n", i,
                   (unsigned long long)ref->env.g64[i], (unsigned long long)got->env.g64[i]);
            n++;
        }
    }
    for (int i = 0; i < NG32; i++) {
        for (int h = 0; h < 2; h++) {
            if (ref->env.g32[i][h] != got->env.g32[i][h]) {
                printf("  w%d%s: expected 0x%x, got 0x%x\n", i, h ? " (upper half)" : "",
                       ref->env.g32[i][h], got->env.g32[i][h]);
                n++;
            }
        }
    }
    for (int i = 0; i < NSCRATCH; i++) {
        if (ref->env.scratch[i] != got->env.scratch[i]) {
            printf("  env scratch[%d] (offset %zu): expected 0x%llx, got 0x%llx\n", i,
                   offsetof(FuzzEnv, scratch) + 8 * i, (unsigned long long)ref->env.scratch[i],
                   (unsigned long long)got->env.scratch[i]);
            n++;
        }
    }
    if (memcmp(&ref->env.common, &got->env.common, sizeof(CPUCommon)) != 0
        && ref->env.common.pc == got->env.common.pc) {
        printf("  CPUCommon fields other than pc differ\n");
        n++;
    }
    for (size_t i = 0; i < sizeof(ref->mem); i++) {
        if (ref->mem[i] != got->mem[i]) {
            printf("  guest byte 0x%zx: expected 0x%02x, got 0x%02x\n", i, ref->mem[i],
                   got->mem[i]);
            n++;
        }
    }
    if (!n)
        printf("  padding bytes of the env differ\n");
}

enum { CFG_INTERP_OPT, CFG_JIT_OPT, CFG_JIT_NOOPT, CFG_COUNT };
static const char *const cfg_names[CFG_COUNT] = { "interp opt", "jit opt", "jit no-opt" };

static void usage(void)
{
    fprintf(stderr, "usage: ir-fuzz [-seed N] [-count N] [-v]\n");
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    unsigned long count = 10000;
    int verbose = 0;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-seed") && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "-count") && i + 1 < argc) {
            count = strtoul(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "-v")) {
            verbose = 1;
        } else {
            usage();
            return 2;
        }
    }

    IRGlobals globals;
    char name[IR_NAME_MAX];
    ir_globals_init(&globals);
    ir_globals_add(&globals, "pc", IR_TYPE_I64, offsetof(CPUCommon, pc));
    for (int i = 0; i < NG64; i++) {
        snprintf(name, sizeof(name), "g%d", i);
        ir_globals_add(&globals, name, IR_TYPE_I64, offsetof(FuzzEnv, g64) + 8 * i);
    }
    for (int i = 0; i < NG32; i++) {
        snprintf(name, sizeof(name), "w%d", i);
        ir_globals_add(&globals, name, IR_TYPE_I32, offsetof(FuzzEnv, g32) + 8 * i);
    }
    ir_helper_register(&helper_mix);
    ir_helper_register(&helper_mix32);
    ir_helper_register(&helper_sum);
    ir_helper_register(&helper_bump);
    ir_helper_register(&helper_set);

    int have_jit = backend_available;
    if (have_jit) {
        const char *disable = getenv("REMU_BACKEND_DISABLE");
        if (disable && *disable)
            backend_disable_features(disable);
        BackendLayout layout = {
            .env_pc = offsetof(CPUCommon, pc),
            .env_tb_flags = offsetof(CPUCommon, tb_flags),
            .env_exit_request = offsetof(CPUCommon, exit_request),
            .env_jmp_cache = offsetof(CPUCommon, jmp_cache),
            .tb_pc = offsetof(TranslationBlock, pc),
            .tb_flags = offsetof(TranslationBlock, flags),
            .tb_code = offsetof(TranslationBlock, code),
            .jmp_cache_shift = TB_JMP_CACHE_SHIFT,
            .jmp_cache_mask = TB_JMP_CACHE_SIZE - 1,
            .guest_base = (uintptr_t)guest_mem,
        };
        if (codebuf_init(&codebuf, 4 << 20) != 0) {
            printf("FAIL: codebuf_init: cannot map the code buffer\n");
            return 1;
        }
        long used = backend_init(&layout, codebuf.rw, codebuf.rx, 64 << 10);
        if (used < 0) {
            printf("FAIL: backend_init failed\n");
            return 1;
        }
        code_start = ((size_t)used + 63) & ~(size_t)63;
    }

    unsigned long fails[CFG_COUNT] = { 0 };
    unsigned long bad_blocks = 0;
    printf("ir-fuzz: seed %llu, %lu blocks, backend %s%s\n", (unsigned long long)seed, count,
           backend_name, have_jit ? "" : " (no JIT)");
    for (unsigned long i = 0; i < count; i++) {
        State init, ref, got;
        char err[256];
        IRBlock *b = gen_block(&globals, seed, i);

        if (ir_check(b, err, sizeof(err)) != 0) {
            if (bad_blocks++ < MAX_FAILS_SHOWN) {
                printf("FAIL: seed %llu block %lu: generated block is invalid: %s\n",
                       (unsigned long long)seed, i, err);
                ir_dump(stdout, b);
            }
            ir_block_free(b);
            continue;
        }
        if (verbose) {
            printf("-- seed %llu block %lu\n", (unsigned long long)seed, i);
            ir_dump(stdout, b);
        }
        init_state(&init, seed, i);
        ref = init;
        run_interp(b, &ref);
        ir_block_free(b);

        for (int c = 0; c < CFG_COUNT; c++) {
            if (c != CFG_INTERP_OPT && !have_jit)
                continue;
            char why[128] = "";
            int rc = 0;
            b = gen_block(&globals, seed, i);
            if (c != CFG_JIT_NOOPT)
                ir_optimize(b);
            got = init;
            if (c == CFG_INTERP_OPT)
                run_interp(b, &got);
            else
                rc = run_jit(b, &got, why, sizeof(why));
            if (rc != 0 || !same_state(&ref, &got)) {
                if (fails[c]++ < MAX_FAILS_SHOWN) {
                    printf("FAIL: seed %llu block %lu (%s)%s%s\n", (unsigned long long)seed, i,
                           cfg_names[c], *why ? ": " : "", why);
                    if (rc == 0)
                        print_diff(&ref, &got);
                    IRBlock *orig = gen_block(&globals, seed, i);
                    printf("  block as generated:\n");
                    ir_dump(stdout, orig);
                    ir_block_free(orig);
                    if (c != CFG_JIT_NOOPT) {
                        printf("  after ir_optimize:\n");
                        ir_dump(stdout, b);
                    }
                }
            }
            ir_block_free(b);
        }
    }

    int status = bad_blocks != 0;
    for (int c = 0; c < CFG_COUNT; c++) {
        if (c != CFG_INTERP_OPT && !have_jit) {
            printf("UNSUPPORTED: %s: backend %s has no JIT\n", cfg_names[c], backend_name);
            continue;
        }
        if (fails[c]) {
            printf("FAIL: %s: %lu of %lu blocks differ from the interpreter (seed %llu)\n",
                   cfg_names[c], fails[c], count, (unsigned long long)seed);
            status = 1;
        } else {
            printf("PASS: %s: %lu blocks\n", cfg_names[c], count);
        }
    }
    if (have_jit)
        codebuf_destroy(&codebuf);
    ir_globals_free(&globals);
    return status;
}
