/*
 * backend-x86.c - check program for the x86_64 backend.
 *
 * Builds IR blocks with the builder API, compiles them with the backend,
 * runs them on a hand-made env and compares the results with values
 * computed here by plain C expressions (the oracle is this file's ref_*
 * functions, written independently of the code generator).  Every case runs
 * with all host features and again with every optional feature disabled
 * (the program re-executes itself with REMU_BACKEND_DISABLE=all).
 *
 * Prints PASS:/FAIL: lines; exits non-zero if anything failed.
 */
#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "backend/backend.h"
#include "ir/ir.h"

/* ---- the env the generated code sees ---------------------------------- */

#define NG 14
#define NW 8

typedef struct TestEnv {
    uint64_t pc;
    uint32_t tb_flags;
    int32_t exit_request;
    void **jmp_cache;
    void *cpu;
    uint64_t g[NG];
    uint32_t w[NW];
    uint8_t scratch[64];
} TestEnv;

typedef struct FakeTB {
    uint64_t pc;
    uint32_t flags;
    uintptr_t code;
} __attribute__((aligned(8))) FakeTB;

static TestEnv env;
static IRGlobals globals;
static IRTempIdx G[NG], W[NW];
static void *jcache[1u << 12];
static FakeTB the_tb;   /* the tb address of every block under test */
static uint8_t *code_rw;
static uintptr_t code_rx;
static size_t code_size = 1 << 20, code_start;
static uint8_t guest_mem[256] __attribute__((aligned(64)));
static const char *variant = "all-features";
static int npass, nfail, group_fail, group_count;

/* ---- reporting ----------------------------------------------------------- */

static void group_begin(void)
{
    group_fail = 0;
    group_count = 0;
}

static void group_end(const char *name)
{
    if (group_fail == 0) {
        printf("PASS: %s [%s] (%d cases)\n", name, variant, group_count);
        npass++;
    } else {
        nfail++;
    }
}

static void check(const char *what, uint64_t got, uint64_t want)
{
    group_count++;
    if (got != want) {
        if (group_fail < 8)
            printf("FAIL: %s [%s] got 0x%llx want 0x%llx\n", what, variant,
                   (unsigned long long)got, (unsigned long long)want);
        group_fail++;
    }
}

/* ---- code buffer: one memfd mapped RW and RX ----------------------------- */

static void codebuf_setup(void)
{
    int fd = memfd_create("backend-x86", 0);

    if (fd < 0 || ftruncate(fd, (off_t)code_size) < 0) {
        perror("memfd");
        exit(2);
    }
    code_rw = mmap(NULL, code_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    void *x = mmap(NULL, code_size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (code_rw == MAP_FAILED || x == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    code_rx = (uintptr_t)x;
    close(fd);
}

static void setup(void)
{
    BackendLayout L = {
        .env_pc = offsetof(TestEnv, pc),
        .env_tb_flags = offsetof(TestEnv, tb_flags),
        .env_exit_request = offsetof(TestEnv, exit_request),
        .env_jmp_cache = offsetof(TestEnv, jmp_cache),
        .tb_pc = offsetof(FakeTB, pc),
        .tb_flags = offsetof(FakeTB, flags),
        .tb_code = offsetof(FakeTB, code),
        .jmp_cache_shift = 12,
        .jmp_cache_mask = (1u << 12) - 1,
        .guest_base = (uintptr_t)guest_mem,
    };
    char name[16];

    codebuf_setup();
    long n = backend_init(&L, code_rw, code_rx, 4096);
    if (n < 0) {
        printf("FAIL: backend_init\n");
        exit(1);
    }
    code_start = ((size_t)n + 63) & ~(size_t)63;
    ir_globals_init(&globals);
    ir_globals_add(&globals, "pc", IR_TYPE_I64, offsetof(TestEnv, pc));
    for (int i = 0; i < NG; i++) {
        snprintf(name, sizeof(name), "g%d", i);
        G[i] = ir_globals_add(&globals, name, IR_TYPE_I64, (int32_t)(offsetof(TestEnv, g) + 8 * i));
    }
    for (int i = 0; i < NW; i++) {
        snprintf(name, sizeof(name), "w%d", i);
        W[i] = ir_globals_add(&globals, name, IR_TYPE_I32, (int32_t)(offsetof(TestEnv, w) + 4 * i));
    }
    env.jmp_cache = jcache;
}

static BackendBlockInfo last_info;
static uint32_t insn_ends[1024];

/* Compile b at the start of the code area; returns its RX address. */
static uintptr_t compile(IRBlock *b, size_t at)
{
    char err[200];

    if (ir_check(b, err, sizeof(err)) < 0) {
        printf("FAIL: ir_check: %s\n", err);
        exit(1);
    }
    last_info.insn_end_offset = insn_ends;
    int r = backend_gen_block(b, &the_tb, code_rw + at, code_rx + at, code_size - at, &last_info);
    if (r != BACKEND_OK) {
        printf("FAIL: backend_gen_block returned %d\n", r);
        exit(1);
    }
    return code_rx + at;
}

static uintptr_t run(IRBlock *b)
{
    uintptr_t code = compile(b, code_start);
    return backend_exec(&env, code);
}

/* ir_gen_exit_tb passes memcpy a NULL source (undefined behaviour that
 * UBSan reports): emit the exits with a valid empty argument array. */
static void gen_exit_tb(IRBlock *b)
{
    static const uint64_t none[1];
    ir_emit(b, IR_OP_exit_tb, IR_TYPE_I64, none, 0);
}

static void gen_lookup_and_goto(IRBlock *b)
{
    static const uint64_t none[1];
    ir_emit(b, IR_OP_lookup_and_goto, IR_TYPE_I64, none, 0);
}

static IRBlock *new_block(void)
{
    return ir_block_new(&globals, 0x1000, 0);
}

/* ---- reference semantics (plain C) ---------------------------------------- */

static uint64_t tr(IRType t, uint64_t v)
{
    return t == IR_TYPE_I32 ? (uint32_t)v : v;
}

static int64_t sx(IRType t, uint64_t v)
{
    return t == IR_TYPE_I32 ? (int64_t)(int32_t)v : (int64_t)v;
}

static unsigned width(IRType t)
{
    return t == IR_TYPE_I32 ? 32 : 64;
}

static uint64_t ref_clz(IRType t, uint64_t a, uint64_t z)
{
    unsigned n = 0;
    if (tr(t, a) == 0)
        return tr(t, z);
    for (int i = (int)width(t) - 1; i >= 0 && !((a >> i) & 1); i--)
        n++;
    return n;
}

static uint64_t ref_ctz(IRType t, uint64_t a, uint64_t z)
{
    unsigned n = 0;
    if (tr(t, a) == 0)
        return tr(t, z);
    while (!((a >> n) & 1))
        n++;
    return n;
}

static uint64_t ref_bin(IROpcode opc, IRType t, uint64_t a, uint64_t b)
{
    unsigned w = width(t);
    uint64_t ua = tr(t, a), ub = tr(t, b);
    int64_t sa = sx(t, a), sb = sx(t, b);
    int64_t smin = t == IR_TYPE_I32 ? INT32_MIN : INT64_MIN;
    unsigned c = (unsigned)(ub % w);

    switch (opc) {
    case IR_OP_add: return tr(t, ua + ub);
    case IR_OP_sub: return tr(t, ua - ub);
    case IR_OP_mul: return tr(t, ua * ub);
    case IR_OP_mulsh:
        if (t == IR_TYPE_I32)
            return tr(t, (uint64_t)((sa * sb) >> 32));
        return (uint64_t)(((__int128)sa * sb) >> 64);
    case IR_OP_muluh:
        if (t == IR_TYPE_I32)
            return (ua * ub) >> 32;
        return (uint64_t)(((unsigned __int128)ua * ub) >> 64);
    case IR_OP_div:
        if (sb == 0) return 0;
        if (sa == smin && sb == -1) return tr(t, (uint64_t)smin);
        return tr(t, (uint64_t)(sa / sb));
    case IR_OP_divu: return ub == 0 ? 0 : ua / ub;
    case IR_OP_rem:
        if (sb == 0) return ua;
        if (sa == smin && sb == -1) return 0;
        return tr(t, (uint64_t)(sa % sb));
    case IR_OP_remu: return ub == 0 ? ua : ua % ub;
    case IR_OP_and: return ua & ub;
    case IR_OP_or: return ua | ub;
    case IR_OP_xor: return ua ^ ub;
    case IR_OP_andc: return tr(t, ua & ~ub);
    case IR_OP_orc: return tr(t, ua | ~ub);
    case IR_OP_eqv: return tr(t, ~(ua ^ ub));
    case IR_OP_nand: return tr(t, ~(ua & ub));
    case IR_OP_nor: return tr(t, ~(ua | ub));
    case IR_OP_shl: return tr(t, ua << c);
    case IR_OP_shr: return ua >> c;
    case IR_OP_sar: return tr(t, (uint64_t)(sa >> c));
    case IR_OP_rotl: return c ? tr(t, (ua << c) | (ua >> (w - c))) : ua;
    case IR_OP_rotr: return c ? tr(t, (ua >> c) | (ua << (w - c))) : ua;
    case IR_OP_clz: return ref_clz(t, ua, ub);
    case IR_OP_ctz: return ref_ctz(t, ua, ub);
    default: abort();
    }
}

static uint64_t ref_un(IROpcode opc, IRType t, uint64_t a)
{
    uint64_t ua = tr(t, a);
    unsigned n = 0;

    switch (opc) {
    case IR_OP_neg: return tr(t, 0 - ua);
    case IR_OP_not: return tr(t, ~ua);
    case IR_OP_mov: return ua;
    case IR_OP_ctpop:
        for (unsigned i = 0; i < width(t); i++)
            n += (ua >> i) & 1;
        return n;
    case IR_OP_bswap16: return ((ua & 0xff) << 8) | ((ua >> 8) & 0xff);
    case IR_OP_bswap32:
        return ((ua & 0xff) << 24) | ((ua & 0xff00) << 8) | ((ua >> 8) & 0xff00) | ((ua >> 24) & 0xff);
    case IR_OP_bswap64: {
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            r |= ((ua >> (8 * i)) & 0xff) << (56 - 8 * i);
        return r;
    }
    case IR_OP_ext8s: return tr(t, (uint64_t)(int64_t)(int8_t)ua);
    case IR_OP_ext8u: return ua & 0xff;
    case IR_OP_ext16s: return tr(t, (uint64_t)(int64_t)(int16_t)ua);
    case IR_OP_ext16u: return ua & 0xffff;
    case IR_OP_ext32s: return (uint64_t)(int64_t)(int32_t)ua;
    case IR_OP_ext32u: return ua & 0xffffffffu;
    default: abort();
    }
}

static bool ref_cond(IRType t, IRCond c, uint64_t a, uint64_t b)
{
    uint64_t ua = tr(t, a), ub = tr(t, b);
    int64_t sa = sx(t, a), sb = sx(t, b);

    switch (c) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return ua == ub;
    case IR_COND_NE: return ua != ub;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return ua < ub;
    case IR_COND_GEU: return ua >= ub;
    case IR_COND_LEU: return ua <= ub;
    case IR_COND_GTU: return ua > ub;
    case IR_COND_TSTEQ: return (ua & ub) == 0;
    case IR_COND_TSTNE: return (ua & ub) != 0;
    default: abort();
    }
}

/* ---- edge values ------------------------------------------------------------ */

static const uint64_t vals64[] = {
    0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 0xff, 0x8000, 0x7fffffff, 0x80000000u, 0xffffffffu,
    0x100000000ull, (uint64_t)INT64_MAX, (uint64_t)INT64_MIN, UINT64_MAX, UINT64_MAX - 1,
    0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x00000000ffff0000ull,
};
#define NVALS ((int)(sizeof(vals64) / sizeof(vals64[0])))

static uint64_t val(IRType t, int i)
{
    /* i32: the low halves, plus INT32_MIN/MAX-ish values from the high halves */
    uint64_t v = vals64[i];
    if (t == IR_TYPE_I32 && v > UINT32_MAX)
        v = (v >> 32) ^ (v & 0x80000000u);
    return tr(t, v);
}

static IRTempIdx glob(IRType t, int i)
{
    return t == IR_TYPE_I32 ? W[i] : G[i];
}

static void set_glob(IRType t, int i, uint64_t v)
{
    if (t == IR_TYPE_I32)
        env.w[i] = (uint32_t)v;
    else
        env.g[i] = v;
}

static uint64_t get_glob(IRType t, int i)
{
    return t == IR_TYPE_I32 ? env.w[i] : env.g[i];
}

/* ---- op tests ------------------------------------------------------------------ */

/*
 * Input modes: 0 both globals, 1 a constant, 2 b constant, 3 both constant,
 * 4 through a NORMAL temp (dead right after its mov), 5 in place (a = a op b),
 * 6 the same global for both inputs.
 */
static void test_binop(IROpcode opc, IRType t)
{
    char name[64];

    snprintf(name, sizeof(name), "%s.%s", ir_op_defs[opc].name, ir_type_names[t]);
    group_begin();
    for (int mode = 0; mode < 7; mode++) {
        for (int i = 0; i < NVALS; i++) {
            for (int j = 0; j < NVALS; j++) {
                uint64_t a = val(t, i), bv = val(t, j);
                IRBlock *b = new_block();
                IRTempIdx A = mode == 1 || mode == 3 ? ir_const(b, t, a) : glob(t, 1);
                IRTempIdx B = mode == 2 || mode == 3 ? ir_const(b, t, bv) : glob(t, 2);
                int dst = 3;
                if (mode == 6) {
                    B = A;
                    bv = a;
                }
                ir_gen_insn_start(b, 0x1000, 0);
                if (mode == 4) {
                    IRTempIdx tmp = ir_new_temp(b, t);
                    ir_gen_op2(b, opc, t, tmp, A, B);
                    ir_gen_mov(b, t, glob(t, 3), tmp);
                } else if (mode == 5) {
                    ir_gen_op2(b, opc, t, A, A, B);
                    dst = 1;
                } else {
                    ir_gen_op2(b, opc, t, glob(t, 3), A, B);
                }
                gen_exit_tb(b);
                set_glob(t, 1, a);
                set_glob(t, 2, bv);
                set_glob(t, 3, 0x5a5a5a5a5a5a5a5aull);
                uintptr_t ex = run(b);
                snprintf(name, sizeof(name), "%s.%s mode %d a=0x%llx b=0x%llx",
                         ir_op_defs[opc].name, ir_type_names[t], mode,
                         (unsigned long long)a, (unsigned long long)bv);
                check(name, get_glob(t, dst), ref_bin(opc, t, a, bv));
                check(name, ex, (uintptr_t)&the_tb | BACKEND_EXIT_TB);
                if (mode != 5)
                    check(name, get_glob(t, 1), a);
                ir_block_free(b);
            }
        }
    }
    snprintf(name, sizeof(name), "%s.%s", ir_op_defs[opc].name, ir_type_names[t]);
    group_end(name);
}

static void test_unop(IROpcode opc, IRType t)
{
    char name[64];

    group_begin();
    for (int mode = 0; mode < 3; mode++) {
        for (int i = 0; i < NVALS; i++) {
            uint64_t a = val(t, i);
            IRBlock *b = new_block();
            IRTempIdx A = mode == 1 ? ir_const(b, t, a) : glob(t, 1);
            ir_gen_insn_start(b, 0x1000, 0);
            if (mode == 2) {
                IRTempIdx tmp = ir_new_temp(b, t);
                ir_gen_mov(b, t, tmp, A);
                ir_gen_op1(b, opc, t, tmp, tmp);
                ir_gen_mov(b, t, glob(t, 3), tmp);
            } else {
                ir_gen_op1(b, opc, t, glob(t, 3), A);
            }
            gen_exit_tb(b);
            set_glob(t, 1, a);
            run(b);
            snprintf(name, sizeof(name), "%s.%s mode %d a=0x%llx", ir_op_defs[opc].name,
                     ir_type_names[t], mode, (unsigned long long)a);
            check(name, get_glob(t, 3), ref_un(opc, t, a));
            ir_block_free(b);
        }
    }
    snprintf(name, sizeof(name), "%s.%s", ir_op_defs[opc].name, ir_type_names[t]);
    group_end(name);
}

/* i32 <-> i64 conversions */
static void test_conversions(void)
{
    group_begin();
    for (int i = 0; i < NVALS; i++) {
        uint64_t v = vals64[i];
        uint32_t v32 = (uint32_t)(v ^ (v >> 32));
        IRBlock *b = new_block();
        ir_gen_op1(b, IR_OP_extu_i32_i64, IR_TYPE_I64, G[3], W[1]);
        ir_gen_op1(b, IR_OP_exts_i32_i64, IR_TYPE_I64, G[4], W[1]);
        ir_gen_op1(b, IR_OP_extrl_i64_i32, IR_TYPE_I32, W[3], G[1]);
        ir_gen_op1(b, IR_OP_extrh_i64_i32, IR_TYPE_I32, W[4], G[1]);
        ir_gen_op1(b, IR_OP_extrh_i64_i32, IR_TYPE_I32, W[5], ir_const(b, IR_TYPE_I64, v));
        gen_exit_tb(b);
        env.w[1] = v32;
        env.g[1] = v;
        run(b);
        check("extu_i32_i64", env.g[3], (uint64_t)v32);
        check("exts_i32_i64", env.g[4], (uint64_t)(int64_t)(int32_t)v32);
        check("extrl_i64_i32", env.w[3], (uint32_t)v);
        check("extrh_i64_i32", env.w[4], (uint32_t)(v >> 32));
        check("extrh_i64_i32 const", env.w[5], (uint32_t)(v >> 32));
        ir_block_free(b);
    }
    group_end("conversions");
}

static void test_bitfields(IRType t)
{
    unsigned w = width(t);
    char name[96];

    group_begin();
    for (unsigned pos = 0; pos < w; pos += (pos < 4 || pos > w - 4) ? 1 : 7) {
        for (unsigned len = 1; pos + len <= w; len += (len < 4 || pos + len > w - 4) ? 1 : 5) {
            for (int i = 0; i < NVALS; i += 3) {
                uint64_t a = val(t, i), c = val(t, (i + 5) % NVALS);
                uint64_t mask = len == 64 ? UINT64_MAX : (1ull << len) - 1;
                uint64_t field = (tr(t, a) >> pos) & mask;
                uint64_t sfield = field;
                if (len < 64 && (field >> (len - 1)) & 1)
                    sfield = field | ~mask;
                uint64_t dep = tr(t, (tr(t, a) & ~(mask << pos)) | ((c & mask) << pos));
                IRBlock *b = new_block();
                uint64_t ex[4] = { glob(t, 3), glob(t, 1), pos, len };
                ir_emit(b, IR_OP_extract, t, ex, 4);
                ex[0] = glob(t, 4);
                ir_emit(b, IR_OP_sextract, t, ex, 4);
                uint64_t dp[5] = { glob(t, 5), glob(t, 1), glob(t, 2), pos, len };
                ir_emit(b, IR_OP_deposit, t, dp, 5);
                uint64_t dc[5] = { glob(t, 6), ir_const(b, t, a), glob(t, 2), pos, len };
                ir_emit(b, IR_OP_deposit, t, dc, 5);
                gen_exit_tb(b);
                set_glob(t, 1, a);
                set_glob(t, 2, c);
                run(b);
                snprintf(name, sizeof(name), "bitfield.%s pos %u len %u a=0x%llx c=0x%llx",
                         ir_type_names[t], pos, len, (unsigned long long)a, (unsigned long long)c);
                check(name, get_glob(t, 3), field);
                check(name, get_glob(t, 4), tr(t, sfield));
                check(name, get_glob(t, 5), dep);
                check(name, get_glob(t, 6), dep);
                ir_block_free(b);
            }
        }
    }
    for (unsigned pos = 0; pos < w; pos++) {
        for (int i = 0; i < NVALS; i += 2) {
            uint64_t lo = val(t, i), hi = val(t, (i + 7) % NVALS);
            uint64_t want = pos ? tr(t, (lo >> pos) | (hi << (w - pos))) : lo;
            IRBlock *b = new_block();
            uint64_t e2[4] = { glob(t, 3), glob(t, 1), glob(t, 2), pos };
            ir_emit(b, IR_OP_extract2, t, e2, 4);
            gen_exit_tb(b);
            set_glob(t, 1, lo);
            set_glob(t, 2, hi);
            run(b);
            snprintf(name, sizeof(name), "extract2.%s pos %u", ir_type_names[t], pos);
            check(name, get_glob(t, 3), want);
            ir_block_free(b);
        }
    }
    snprintf(name, sizeof(name), "bitfields.%s", ir_type_names[t]);
    group_end(name);
}

static void test_conditions(IRType t)
{
    char name[96];

    group_begin();
    for (int c = 0; c < IR_COND_COUNT; c++) {
        for (int mode = 0; mode < 4; mode++) {
            for (int i = 0; i < NVALS; i++) {
                for (int j = 0; j < NVALS; j += (mode == 3 ? 5 : 1)) {
                    uint64_t a = val(t, i), bv = val(t, j);
                    IRBlock *b = new_block();
                    IRTempIdx A = mode == 1 || mode == 3 ? ir_const(b, t, a) : glob(t, 1);
                    IRTempIdx B = mode == 2 || mode == 3 ? ir_const(b, t, bv) : glob(t, 2);
                    uint32_t l = ir_new_label(b);
                    bool want = ref_cond(t, (IRCond)c, a, bv);
                    ir_gen_setcond(b, t, (IRCond)c, glob(t, 3), A, B);
                    uint64_t ns[4] = { glob(t, 4), A, B, (uint64_t)c };
                    ir_emit(b, IR_OP_negsetcond, t, ns, 4);
                    ir_gen_movcond(b, t, (IRCond)c, glob(t, 5), A, B, glob(t, 6), glob(t, 7));
                    ir_gen_movi(b, IR_TYPE_I64, G[8], 100);
                    ir_gen_brcond(b, t, (IRCond)c, A, B, l);
                    ir_gen_movi(b, IR_TYPE_I64, G[8], 200);
                    ir_gen_set_label(b, l);
                    gen_exit_tb(b);
                    set_glob(t, 1, a);
                    set_glob(t, 2, bv);
                    set_glob(t, 6, 0x1111);
                    set_glob(t, 7, 0x2222);
                    run(b);
                    snprintf(name, sizeof(name), "cond.%s %s mode %d a=0x%llx b=0x%llx",
                             ir_type_names[t], ir_cond_names[c], mode,
                             (unsigned long long)a, (unsigned long long)bv);
                    check(name, get_glob(t, 3), want);
                    check(name, get_glob(t, 4), want ? tr(t, UINT64_MAX) : 0);
                    check(name, get_glob(t, 5), want ? 0x1111 : 0x2222);
                    check(name, env.g[8], want ? 100 : 200);
                    ir_block_free(b);
                }
            }
        }
    }
    snprintf(name, sizeof(name), "conditions.%s", ir_type_names[t]);
    group_end(name);
}

static void test_double_word(IRType t)
{
    char name[96];
    unsigned w = width(t);

    group_begin();
    for (int mode = 0; mode < 2; mode++) {
        for (int i = 0; i < NVALS; i++) {
            for (int j = 0; j < NVALS; j++) {
                uint64_t a = val(t, i), bv = val(t, j), c = val(t, (i + j) % NVALS);
                uint64_t d = val(t, (i * 3 + j) % NVALS);
                IRBlock *b = new_block();
                IRTempIdx B = mode ? ir_const(b, t, bv) : glob(t, 2);
                IRTempIdx D = mode ? ir_const(b, t, d) : glob(t, 4);
                uint64_t ad[6] = { glob(t, 5), glob(t, 6), glob(t, 1), glob(t, 3), B, D };
                ir_emit(b, IR_OP_add2, t, ad, 6);
                uint64_t sb[6] = { glob(t, 7), glob(t, 8 % NW), glob(t, 1), glob(t, 3), B, D };
                ir_emit(b, IR_OP_sub2, t, sb, 6);
                gen_exit_tb(b);
                set_glob(t, 1, a);
                set_glob(t, 2, bv);
                set_glob(t, 3, c);
                set_glob(t, 4, d);
                run(b);
                /* (c:a) + (d:bv), (c:a) - (d:bv) */
                uint64_t lo = tr(t, a + bv), carry = lo < a;
                uint64_t slo = tr(t, a - bv), borrow = a < bv;
                snprintf(name, sizeof(name), "add2/sub2.%s a=0x%llx b=0x%llx", ir_type_names[t],
                         (unsigned long long)a, (unsigned long long)bv);
                check(name, get_glob(t, 5), lo);
                check(name, get_glob(t, 6), tr(t, c + d + carry));
                check(name, get_glob(t, 7), slo);
                check(name, get_glob(t, 8 % NW), tr(t, c - d - borrow));
                ir_block_free(b);

                b = new_block();
                B = mode ? ir_const(b, t, bv) : glob(t, 2);
                uint64_t mu[4] = { glob(t, 5), glob(t, 6), glob(t, 1), B };
                ir_emit(b, IR_OP_mulu2, t, mu, 4);
                uint64_t ms[4] = { glob(t, 7), glob(t, 3), glob(t, 1), B };
                ir_emit(b, IR_OP_muls2, t, ms, 4);
                gen_exit_tb(b);
                set_glob(t, 1, a);
                set_glob(t, 2, bv);
                run(b);
                unsigned __int128 up = (unsigned __int128)a * bv;
                __int128 sp = (__int128)sx(t, a) * sx(t, bv);
                snprintf(name, sizeof(name), "mul2.%s a=0x%llx b=0x%llx", ir_type_names[t],
                         (unsigned long long)a, (unsigned long long)bv);
                check(name, get_glob(t, 5), tr(t, (uint64_t)up));
                check(name, get_glob(t, 6), tr(t, (uint64_t)(up >> w)));
                check(name, get_glob(t, 7), tr(t, (uint64_t)sp));
                check(name, get_glob(t, 3), tr(t, (uint64_t)(sp >> w)));
                ir_block_free(b);
            }
        }
    }
    snprintf(name, sizeof(name), "double-word.%s", ir_type_names[t]);
    group_end(name);
}

/* ---- memory --------------------------------------------------------------------- */

static void test_host_mem(void)
{
    group_begin();
    for (int i = 0; i < NVALS; i++) {
        uint64_t v = vals64[i];
        IRBlock *b = new_block();
        IRTempIdx p = ir_new_temp(b, IR_TYPE_I64);
        int32_t sc = offsetof(TestEnv, scratch);
        uint64_t st[3] = { G[1], IR_TEMP_ENV, (uint64_t)sc };
        ir_emit(b, IR_OP_st, IR_TYPE_I64, st, 3);
        /* loads through a pointer temp (env + scratch) */
        uint64_t ad[3] = { p, IR_TEMP_ENV, ir_const(b, IR_TYPE_I64, (uint64_t)sc) };
        ir_emit(b, IR_OP_add, IR_TYPE_I64, ad, 3);
        static const IROpcode lds[] = { IR_OP_ld8u, IR_OP_ld8s, IR_OP_ld16u, IR_OP_ld16s,
                                        IR_OP_ld32u, IR_OP_ld32s, IR_OP_ld };
        for (int k = 0; k < 7; k++) {
            uint64_t a[3] = { G[2 + k], p, 0 };
            ir_emit(b, lds[k], IR_TYPE_I64, a, 3);
        }
        uint64_t l32[3] = { W[1], p, 1 };
        ir_emit(b, IR_OP_ld8s, IR_TYPE_I32, l32, 3);
        uint64_t l32b[3] = { W[2], IR_TEMP_ENV, (uint64_t)sc };
        ir_emit(b, IR_OP_ld, IR_TYPE_I32, l32b, 3);
        /* stores of each size, register and immediate */
        uint64_t s8[3] = { G[1], IR_TEMP_ENV, (uint64_t)sc + 8 };
        ir_emit(b, IR_OP_st8, IR_TYPE_I64, s8, 3);
        uint64_t s16[3] = { ir_const(b, IR_TYPE_I64, v), IR_TEMP_ENV, (uint64_t)sc + 16 };
        ir_emit(b, IR_OP_st16, IR_TYPE_I64, s16, 3);
        uint64_t s32[3] = { G[1], IR_TEMP_ENV, (uint64_t)sc + 24 };
        ir_emit(b, IR_OP_st32, IR_TYPE_I64, s32, 3);
        uint64_t s64[3] = { ir_const(b, IR_TYPE_I64, v), IR_TEMP_ENV, (uint64_t)sc + 32 };
        ir_emit(b, IR_OP_st, IR_TYPE_I64, s64, 3);
        /* a host store over a global's field: the global must see it */
        uint64_t sg[3] = { ir_const(b, IR_TYPE_I64, 77), IR_TEMP_ENV, offsetof(TestEnv, g) + 8 * 12 };
        ir_gen_movi(b, IR_TYPE_I64, G[12], 5);
        ir_emit(b, IR_OP_st, IR_TYPE_I64, sg, 3);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[13], G[12], ir_const(b, IR_TYPE_I64, 1));
        gen_exit_tb(b);
        memset(env.scratch, 0xcc, sizeof(env.scratch));
        env.g[1] = v;
        run(b);
        check("ld8u", env.g[2], v & 0xff);
        check("ld8s", env.g[3], (uint64_t)(int64_t)(int8_t)v);
        check("ld16u", env.g[4], v & 0xffff);
        check("ld16s", env.g[5], (uint64_t)(int64_t)(int16_t)v);
        check("ld32u", env.g[6], v & 0xffffffffu);
        check("ld32s", env.g[7], (uint64_t)(int64_t)(int32_t)v);
        check("ld", env.g[8], v);
        check("ld8s.i32", env.w[1], (uint32_t)(int32_t)(int8_t)(v >> 8));
        check("ld.i32", env.w[2], (uint32_t)v);
        uint64_t x;
        check("st8", env.scratch[8] | (uint64_t)env.scratch[9] << 8, (v & 0xff) | 0xcc00);
        memcpy(&x, env.scratch + 16, 8);
        check("st16", x, (v & 0xffff) | 0xcccccccccccc0000ull);
        memcpy(&x, env.scratch + 24, 8);
        check("st32", x, (v & 0xffffffffu) | 0xcccccccc00000000ull);
        memcpy(&x, env.scratch + 32, 8);
        check("st", x, v);
        check("st over global", env.g[13], 78);
        ir_block_free(b);

        /* offsets that do not fit a disp32: base = env + 2^32, offset -2^32 + x */
        b = new_block();
        IRTempIdx q = ir_new_temp(b, IR_TYPE_I64);
        uint64_t aq[3] = { q, IR_TEMP_ENV, ir_const(b, IR_TYPE_I64, 1ull << 32) };
        ir_emit(b, IR_OP_add, IR_TYPE_I64, aq, 3);
        uint64_t far_st[3] = { G[1], q, (uint64_t)sc + 40 - (1ull << 32) };
        ir_emit(b, IR_OP_st, IR_TYPE_I64, far_st, 3);
        uint64_t far_ld[3] = { G[2], q, (uint64_t)sc + 40 - (1ull << 32) };
        ir_emit(b, IR_OP_ld32s, IR_TYPE_I64, far_ld, 3);
        gen_exit_tb(b);
        run(b);
        memcpy(&x, env.scratch + 40, 8);
        check("st far offset", x, v);
        check("ld far offset", env.g[2], (uint64_t)(int64_t)(int32_t)v);
        ir_block_free(b);
    }
    group_end("host memory");
}

static uint64_t bswap_n(uint64_t v, int size)
{
    uint64_t r = 0;
    for (int i = 0; i < size; i++)
        r |= ((v >> (8 * i)) & 0xff) << (8 * (size - 1 - i));
    return r;
}

static void test_guest_mem(IRType t, IRType at)
{
    char name[96];

    group_begin();
    for (int size = 0; size < 4; size++) {
        if (size == 3 && t == IR_TYPE_I32)
            continue;
        for (int flags = 0; flags < 4; flags++) {
            bool be = flags & 1, sign = flags & 2;
            for (int i = 0; i < NVALS; i++) {
                uint64_t v = val(t, i);
                int bytes = 1 << size;
                unsigned mo = (unsigned)size | (be ? IR_MO_BE : 0);
                IRBlock *b = new_block();
                IRTempIdx addr = at == IR_TYPE_I32 ? W[1] : G[1];
                ir_gen_guest_st(b, t, glob(t, 2), addr, mo);
                ir_gen_guest_ld(b, t, glob(t, 3), addr, mo | (sign ? IR_MO_SIGN : 0));
                IRTempIdx ca = ir_const(b, at, 40);
                ir_gen_guest_st(b, t, ir_const(b, t, v), ca, mo | IR_MO_ALIGN);
                gen_exit_tb(b);
                memset(guest_mem, 0xee, sizeof(guest_mem));
                set_glob(at, 1, 8 + (unsigned)i % 8);
                set_glob(t, 2, v);
                run(b);
                uint64_t m = 0, m2 = 0;
                memcpy(&m, guest_mem + 8 + i % 8, (size_t)bytes);
                memcpy(&m2, guest_mem + 40, (size_t)bytes);
                uint64_t mask = bytes == 8 ? UINT64_MAX : (1ull << (8 * bytes)) - 1;
                uint64_t stored = be ? bswap_n(v & mask, bytes) : v & mask;
                uint64_t want = v & mask;
                if (sign && bytes < 8 && (want >> (8 * bytes - 1)) & 1)
                    want |= ~mask;
                snprintf(name, sizeof(name), "guest mem.%s addr %s size %d be %d sign %d v=0x%llx",
                         ir_type_names[t], ir_type_names[at], bytes, be, sign,
                         (unsigned long long)v);
                check(name, m, stored);
                check(name, m2, stored);
                check(name, get_glob(t, 3), tr(t, want));
                check(name, guest_mem[8 + i % 8 + bytes], 0xee);
                ir_block_free(b);
            }
        }
    }
    snprintf(name, sizeof(name), "guest memory.%s addr %s", ir_type_names[t], ir_type_names[at]);
    group_end(name);
}

static sigjmp_buf fault_jmp;
static uint64_t fault_addr, fault_g1;
static unsigned fault_memop;
static uintptr_t fault_ret;

static void unaligned_hook(void *e, uint64_t addr, unsigned memop, uintptr_t retaddr)
{
    fault_addr = addr;
    fault_memop = memop;
    fault_ret = retaddr;
    fault_g1 = ((TestEnv *)e)->g[1];
    siglongjmp(fault_jmp, 1);
}

static void test_alignment(void)
{
    group_begin();
    ir_unaligned_hook = unaligned_hook;
    for (volatile int size = 1; size < 4; size++) {
        for (volatile int off = 0; off < 8; off++) {
            for (volatile int isld = 0; isld < 2; isld++) {
                unsigned mo = (unsigned)size | IR_MO_ALIGN | (off & 1 ? IR_MO_BE : 0);
                IRBlock *b = new_block();
                ir_gen_insn_start(b, 0x1000, 0);
                ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 5));
                ir_gen_insn_start(b, 0x1004, 0);
                if (isld)
                    ir_gen_guest_ld(b, IR_TYPE_I64, G[3], G[2], mo);
                else
                    ir_gen_guest_st(b, IR_TYPE_I64, G[1], G[2], mo);
                ir_gen_insn_start(b, 0x1008, 0);
                ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1));
                gen_exit_tb(b);
                env.g[1] = 10;
                env.g[2] = 16 + (uint64_t)off;
                uintptr_t code = compile(b, code_start);
                bool misaligned = off % (1 << size) != 0;
                fault_addr = 0;
                if (sigsetjmp(fault_jmp, 1) == 0) {
                    backend_exec(&env, code);
                    check("aligned access runs", misaligned, 0);
                    check("aligned access result", env.g[1], 16);
                } else {
                    check("misaligned access faults", misaligned, 1);
                    check("fault address", fault_addr, 16 + (uint64_t)off);
                    check("fault memop", fault_memop, mo);
                    check("globals written back before the fault", fault_g1, 15);
                    /* retaddr lies inside the code of insn 1 */
                    uintptr_t r = fault_ret - code;
                    check("retaddr after insn 0", r > insn_ends[0], 1);
                    check("retaddr before insn 1 end", r < insn_ends[1], 1);
                }
                ir_block_free(b);
            }
        }
    }
    group_end("alignment faults");
}

/* ---- calls ------------------------------------------------------------------------ */

static uint64_t seen_g1;

static uint64_t h_add3(uint64_t a, uint64_t b, uint64_t c) { return a + b * 2 + c * 3; }
static uint32_t h_sub32(uint32_t a, uint32_t b) { return a - b; }
static uint64_t h_eight(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e,
                        uint64_t f, uint64_t g, uint64_t h)
{
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
static uint64_t h_read(void *e) { seen_g1 = ((TestEnv *)e)->g[1]; return seen_g1; }
static void h_write(void *e) { ((TestEnv *)e)->g[1] += 1000; }
static void h_raise(void *e, uint64_t c)
{
    if (c) {
        seen_g1 = ((TestEnv *)e)->g[1];
        siglongjmp(fault_jmp, 2);
    }
}

static IRHelper hh_add3 = { "t_add3", (void *)h_add3, IR_TYPE_I64, 3,
                            { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 }, IR_CALL_PURE };
static IRHelper hh_sub32 = { "t_sub32", (void *)h_sub32, IR_TYPE_I32, 2,
                             { IR_TYPE_I32, IR_TYPE_I32 }, IR_CALL_PURE };
static IRHelper hh_eight = { "t_eight", (void *)h_eight, IR_TYPE_I64, 8,
                             { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64,
                               IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 }, 0 };
static IRHelper hh_read = { "t_read", (void *)h_read, IR_TYPE_I64, 1, { IR_TYPE_I64 },
                            IR_CALL_READS_GLOBALS };
static IRHelper hh_write = { "t_write", (void *)h_write, IR_TYPE_VOID, 1, { IR_TYPE_I64 },
                             IR_CALL_WRITES_GLOBALS };
static IRHelper hh_raise = { "t_raise", (void *)h_raise, IR_TYPE_VOID, 2,
                             { IR_TYPE_I64, IR_TYPE_I64 }, IR_CALL_MAY_RAISE };

static void test_calls(void)
{
    group_begin();
    for (volatile int k = 0; k < 4; k++) {
        IRBlock *b = new_block();
        IRTempIdx t = ir_new_temp(b, IR_TYPE_I64), u = ir_new_temp(b, IR_TYPE_I64);
        IRTempIdx x = ir_new_temp(b, IR_TYPE_I32);
        /* live values across the calls in every kind of register */
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t, G[2], ir_const(b, IR_TYPE_I64, 1));
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, u, G[3], ir_const(b, IR_TYPE_I64, 2));
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 7));
        IRTempIdx a3[3] = { G[1], t, ir_const(b, IR_TYPE_I64, (uint64_t)k) };
        ir_emit_call(b, &hh_add3, G[4], a3);
        IRTempIdx a2[2] = { W[1], ir_const(b, IR_TYPE_I32, 3) };
        ir_emit_call(b, &hh_sub32, x, a2);
        ir_gen_mov(b, IR_TYPE_I32, W[2], x);
        IRTempIdx a8[8] = { G[1], t, u, G[2], G[3], ir_const(b, IR_TYPE_I64, 6), t, u };
        ir_emit_call(b, &hh_eight, G[5], a8);
        IRTempIdx ae[2] = { IR_TEMP_ENV, ir_const(b, IR_TYPE_I64, k == 3) };
        ir_emit_call(b, &hh_read, G[6], ae);
        ir_emit_call(b, &hh_write, 0, ae);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[7], G[1], t);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1));
        ir_emit_call(b, &hh_raise, 0, ae);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[8], u, G[1]);
        gen_exit_tb(b);
        env.g[1] = 100;
        env.g[2] = 20;
        env.g[3] = 30;
        env.w[1] = 1;
        uintptr_t code = compile(b, code_start);
        seen_g1 = 0;
        if (sigsetjmp(fault_jmp, 1) == 0) {
            backend_exec(&env, code);
            check("call returns normally", k == 3, 0);
            check("pure call", env.g[4], 107 + 21 * 2 + (uint64_t)k * 3);
            check("i32 call", env.w[2], 0xfffffffeu);
            check("8-argument call", env.g[5], 107 + 2 * 21 + 3 * 32 + 4 * 20 + 5 * 30 + 36 + 7 * 21 + 8 * 32);
            check("reads_globals sees written-back global", env.g[6], 107);
            check("writes_globals reloads", env.g[7], 1107 + 21);
            check("values survive calls", env.g[8], 32 + 1108);
        } else {
            check("raise only when asked", k == 3, 1);
            check("may_raise writes back", seen_g1, 1108);
        }
        ir_block_free(b);
    }
    group_end("helper calls");
}

/* ---- register pressure, labels, locals ----------------------------------------------- */

static void test_pressure(void)
{
    enum { N = 40 };

    group_begin();
    for (int k = 0; k < 3; k++) {
        IRBlock *b = new_block();
        IRTempIdx t[N];
        IRTempIdx loc = ir_new_local(b, IR_TYPE_I64);
        uint32_t l1 = ir_new_label(b), l2 = ir_new_label(b);
        uint64_t want = 0, tv[N];
        for (int i = 0; i < N; i++) {
            t[i] = ir_new_temp(b, IR_TYPE_I64);
            ir_gen_op2(b, i % 3 ? IR_OP_mul : IR_OP_xor, IR_TYPE_I64, t[i], G[i % NG],
                       ir_const(b, IR_TYPE_I64, 0x9e3779b97f4a7c15ull + (uint64_t)i));
        }
        for (int i = 0; i < NG; i++)
            env.g[i] = 0x1234567ull * (uint64_t)(i + 1) + (uint64_t)k;
        env.g[0] = k == 1 ? 7 : 0;
        for (int i = 0; i < N; i++) {
            uint64_t g = env.g[i % NG], c = 0x9e3779b97f4a7c15ull + (uint64_t)i;
            tv[i] = i % 3 ? g * c : g ^ c;
        }
        /* a division in the middle needs rax/rdx while everything is live */
        IRTempIdx q = ir_new_temp(b, IR_TYPE_I64);
        ir_gen_op2(b, IR_OP_divu, IR_TYPE_I64, q, t[5], t[7]);
        IRTempIdx acc = ir_new_temp(b, IR_TYPE_I64);
        ir_gen_mov(b, IR_TYPE_I64, acc, q);
        want = tv[7] ? tv[5] / tv[7] : 0;
        for (int i = N - 1; i >= 0; i--) {
            ir_gen_op2(b, IR_OP_rotl, IR_TYPE_I64, acc, acc, ir_const(b, IR_TYPE_I64, 5));
            ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, acc, acc, t[i]);
            want = ((want << 5) | (want >> 59)) + tv[i];
        }
        ir_gen_mov(b, IR_TYPE_I64, loc, acc);
        ir_gen_brcond(b, IR_TYPE_I64, IR_COND_EQ, G[0], ir_const(b, IR_TYPE_I64, 7), l1);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, loc, loc, ir_const(b, IR_TYPE_I64, 1));
        ir_gen_op2(b, IR_OP_sub, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 3));
        ir_gen_br(b, l2);
        ir_gen_set_label(b, l1);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, loc, loc, ir_const(b, IR_TYPE_I64, 2));
        ir_gen_set_label(b, l2);
        ir_gen_mov(b, IR_TYPE_I64, G[13], loc);
        gen_exit_tb(b);
        uint64_t g1 = env.g[1];
        run(b);
        check("register pressure", env.g[13], want + (k == 1 ? 2 : 1));
        check("global across branch", env.g[1], k == 1 ? g1 : g1 - 3);
        ir_block_free(b);
    }
    /* a loop: sum 1..n with a backward branch */
    for (int n = 0; n < 5; n++) {
        IRBlock *b = new_block();
        uint32_t top = ir_new_label(b), out = ir_new_label(b);
        ir_gen_movi(b, IR_TYPE_I64, G[2], 0);
        ir_gen_set_label(b, top);
        ir_gen_brcond(b, IR_TYPE_I64, IR_COND_EQ, G[1], ir_const(b, IR_TYPE_I64, 0), out);
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[2], G[2], G[1]);
        ir_gen_op2(b, IR_OP_sub, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1));
        ir_gen_br(b, top);
        ir_gen_set_label(b, out);
        gen_exit_tb(b);
        env.g[1] = (uint64_t)n * 10;
        run(b);
        check("loop", env.g[2], (uint64_t)n * 10 * ((uint64_t)n * 10 + 1) / 2);
        ir_block_free(b);
    }
    group_end("register pressure and control flow");
}

/* ---- exits ---------------------------------------------------------------------------- */

static void test_exits(void)
{
    group_begin();
    /* exit request at block entry: nothing executes */
    IRBlock *b = new_block();
    ir_gen_movi(b, IR_TYPE_I64, G[1], 99);
    gen_exit_tb(b);
    env.g[1] = 1;
    env.exit_request = 1;
    check("exit request code", run(b), (uintptr_t)&the_tb | BACKEND_EXIT_REQUEST);
    check("exit request runs nothing", env.g[1], 1);
    env.exit_request = 0;
    check("exit_tb code", run(b), (uintptr_t)&the_tb | BACKEND_EXIT_TB);
    check("exit_tb wrote global", env.g[1], 99);
    ir_block_free(b);

    /* goto_tb: unchained exit, then chained to a second block */
    for (unsigned slot = 0; slot < 2; slot++) {
        b = new_block();
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1));
        ir_gen_movi(b, IR_TYPE_I64, G[0], 0x2000);
        ir_gen_goto_tb(b, slot);
        uintptr_t c1 = compile(b, code_start);
        BackendBlockInfo i1 = last_info;
        ir_block_free(b);
        check("goto_tb slot recorded", i1.jmp_insn_offset[slot] != UINT32_MAX, 1);
        check("goto_tb rel32 aligned", (c1 + i1.jmp_insn_offset[slot] + 1) % 4, 0);
        env.g[1] = 0;
        check("goto_tb unchained", backend_exec(&env, c1), (uintptr_t)&the_tb | slot);
        b = new_block();
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 100));
        gen_exit_tb(b);
        size_t at2 = code_start + 4096;
        uintptr_t c2 = compile(b, at2);
        ir_block_free(b);
        backend_patch_jump(code_rw + code_start + i1.jmp_insn_offset[slot],
                           c1 + i1.jmp_insn_offset[slot], c2);
        check("goto_tb chained", backend_exec(&env, c1), (uintptr_t)&the_tb | BACKEND_EXIT_TB);
        check("both blocks ran", env.g[1], 102);
        backend_patch_jump(code_rw + code_start + i1.jmp_insn_offset[slot],
                           c1 + i1.jmp_insn_offset[slot], c1 + i1.jmp_reset_offset[slot]);
        check("goto_tb reset", backend_exec(&env, c1), (uintptr_t)&the_tb | slot);
    }

    /* lookup_and_goto: miss, then hit through the jump cache */
    b = new_block();
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1));
    ir_gen_movi(b, IR_TYPE_I64, ir_globals_find(&globals, "pc"), 0x123456789000ull);
    gen_lookup_and_goto(b);
    uintptr_t c1 = compile(b, code_start);
    ir_block_free(b);
    b = new_block();
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[1], G[1], ir_const(b, IR_TYPE_I64, 1000));
    gen_exit_tb(b);
    uintptr_t c2 = compile(b, code_start + 4096);
    ir_block_free(b);
    uint64_t pc = 0x123456789000ull;
    unsigned h = (unsigned)((pc ^ (pc >> 12)) & 0xfff);
    static FakeTB target;
    memset(jcache, 0, sizeof(jcache));
    env.g[1] = 0;
    env.tb_flags = 5;
    check("lookup miss (empty)", backend_exec(&env, c1), (uintptr_t)&the_tb | BACKEND_EXIT_LOOKUP);
    check("lookup wrote pc", env.pc, pc);
    target = (FakeTB){ pc + 4, 5, c2 };
    jcache[h] = &target;
    check("lookup miss (pc)", backend_exec(&env, c1), (uintptr_t)&the_tb | BACKEND_EXIT_LOOKUP);
    target = (FakeTB){ pc, 6, c2 };
    check("lookup miss (flags)", backend_exec(&env, c1), (uintptr_t)&the_tb | BACKEND_EXIT_LOOKUP);
    target = (FakeTB){ pc, 5, c2 };
    env.g[1] = 0;
    check("lookup hit", backend_exec(&env, c1), (uintptr_t)&the_tb | BACKEND_EXIT_TB);
    check("lookup hit ran the target", env.g[1], 1001);
    group_end("exits");
}

/* ---- liveness, guest_base forms, code-buffer limits ------------------------------------ */

static void test_liveness(void)
{
    group_begin();
    IRBlock *b = new_block();
    IRTempIdx t0 = ir_new_temp(b, IR_TYPE_I64), t1 = ir_new_temp(b, IR_TYPE_I64);
    IRTempIdx t2 = ir_new_temp(b, IR_TYPE_I64), t3 = ir_new_temp(b, IR_TYPE_I64);
    IRTempIdx l0 = ir_new_local(b, IR_TYPE_I64);
    IRTempIdx one = ir_const(b, IR_TYPE_I64, 1);
    uint32_t lab = ir_new_label(b);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t0, G[1], one);     /* 0: nothing dies */
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t1, t0, t0);        /* 1: t0 dies (args 1, 2) */
    ir_gen_mov(b, IR_TYPE_I64, G[2], t1);                     /* 2: t1 dies (arg 1) */
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t2, G[1], one);     /* 3: output dead (arg 0) */
    ir_gen_movi(b, IR_TYPE_I64, G[4], 5);                     /* 4: overwritten at 5: dead */
    ir_gen_movi(b, IR_TYPE_I64, G[4], 6);                     /* 5: live */
    ir_gen_movi(b, IR_TYPE_I64, G[3], 5);                     /* 6: read by a fault: live */
    ir_gen_guest_ld(b, IR_TYPE_I64, t3, G[1], IR_MO_64);      /* 7: output t3 dead */
    ir_gen_movi(b, IR_TYPE_I64, G[3], 6);                     /* 8 */
    ir_gen_mov(b, IR_TYPE_I64, l0, G[1]);                     /* 9: local live across label */
    ir_gen_set_label(b, lab);                                 /* 10 */
    ir_gen_mov(b, IR_TYPE_I64, G[5], l0);                     /* 11: l0 dies (arg 1) */
    gen_exit_tb(b);                                           /* 12 */
    ir_liveness(b);
    static const uint16_t want[] = { 0, 6, 2, 1, 1, 0, 0, 1, 0, 0, 0, 2, 0 };
    for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        char name[48];
        snprintf(name, sizeof(name), "liveness op %u", i);
        check(name, b->ops[i].life, want[i]);
    }
    ir_block_free(b);
    group_end("liveness");
}

/* Guest addresses with guest_base 0 (plain [reg]) and a small guest_base
 * (disp32), besides the large one used everywhere else (scratch register). */
static void test_guest_base(void)
{
    static const uintptr_t bases[2] = { 0, 0x10000 };
    BackendLayout L = {
        .env_pc = offsetof(TestEnv, pc), .env_tb_flags = offsetof(TestEnv, tb_flags),
        .env_exit_request = offsetof(TestEnv, exit_request),
        .env_jmp_cache = offsetof(TestEnv, jmp_cache),
        .tb_pc = offsetof(FakeTB, pc), .tb_flags = offsetof(FakeTB, flags),
        .tb_code = offsetof(FakeTB, code), .jmp_cache_shift = 12,
        .jmp_cache_mask = (1u << 12) - 1,
    };

    group_begin();
    for (int k = 0; k < 3; k++) {
        L.guest_base = k < 2 ? bases[k] : (uintptr_t)guest_mem;
        if (backend_init(&L, code_rw, code_rx, 4096) < 0)
            check("backend_init", 1, 0);
        IRBlock *b = new_block();
        ir_gen_guest_st(b, IR_TYPE_I64, G[2], G[1], IR_MO_64 | IR_MO_BE);
        ir_gen_guest_ld(b, IR_TYPE_I64, G[3], G[1], IR_MO_32 | IR_MO_SIGN);
        ir_gen_guest_ld(b, IR_TYPE_I32, W[3], G[1], IR_MO_16 | IR_MO_BE | IR_MO_ALIGN);
        gen_exit_tb(b);
        env.g[1] = (uintptr_t)guest_mem + 16 - L.guest_base;
        env.g[2] = 0x8182838485868788ull;
        run(b);
        uint64_t m;
        memcpy(&m, guest_mem + 16, 8);
        check("guest_base store", m, 0x8887868584838281ull);
        check("guest_base load", env.g[3], 0xffffffff84838281ull);
        check("guest_base load be16", env.w[3], 0x8182);
        ir_block_free(b);
    }
    group_end("guest_base forms");
}

static void test_limits(void)
{
    group_begin();
    IRBlock *b = new_block();
    for (int i = 0; i < 50; i++)
        ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, G[i % NG], G[(i + 1) % NG], G[(i + 2) % NG]);
    gen_exit_tb(b);
    BackendBlockInfo info = { .insn_end_offset = insn_ends };
    for (size_t avail = 0; avail < 64; avail += 7)
        check("small buffer reports full",
              backend_gen_block(b, &the_tb, code_rw + code_start, code_rx + code_start, avail, &info),
              (uint64_t)(int64_t)BACKEND_ERR_FULL);
    check("large buffer fits",
          backend_gen_block(b, &the_tb, code_rw + code_start, code_rx + code_start, 65536, &info),
          BACKEND_OK);
    ir_block_free(b);

    /* n values live at once: 400 fit the spill area, 700 do not */
    static const int counts[2] = { 400, 700 };
    for (int k = 0; k < 2; k++) {
        int n = counts[k];
        IRTempIdx *t = calloc((size_t)n, sizeof(IRTempIdx));
        uint64_t want = 0;
        b = new_block();
        for (int i = 0; i < n; i++) {
            t[i] = ir_new_temp(b, IR_TYPE_I64);
            ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t[i], G[1], ir_const(b, IR_TYPE_I64, (uint64_t)i * i));
        }
        env.g[1] = 12345;
        for (int i = 0; i < n; i++) {
            ir_gen_op2(b, IR_OP_xor, IR_TYPE_I64, G[2], G[2], t[i]);
            want ^= 12345 + (uint64_t)i * i;
        }
        gen_exit_tb(b);
        int r = backend_gen_block(b, &the_tb, code_rw + code_start, code_rx + code_start,
                                  code_size - code_start, &info);
        if (k == 0) {
            check("400 live values compile", r, BACKEND_OK);
            env.g[2] = 0;
            backend_exec(&env, code_rx + code_start);
            check("400 live values", env.g[2], want);
        } else {
            check("700 live values: too big", r, (uint64_t)(int64_t)BACKEND_ERR_TOO_BIG);
        }
        ir_block_free(b);
        free(t);
    }
    group_end("code buffer and frame limits");
}

/* ---- op lists ----------------------------------------------------------------------------- */

static const IROpcode binops[] = {
    IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_div, IR_OP_divu,
    IR_OP_rem, IR_OP_remu, IR_OP_and, IR_OP_or, IR_OP_xor, IR_OP_andc, IR_OP_orc,
    IR_OP_eqv, IR_OP_nand, IR_OP_nor, IR_OP_shl, IR_OP_shr, IR_OP_sar, IR_OP_rotl,
    IR_OP_rotr, IR_OP_clz, IR_OP_ctz,
};
static const IROpcode unops[] = {
    IR_OP_mov, IR_OP_neg, IR_OP_not, IR_OP_ctpop, IR_OP_bswap16, IR_OP_bswap32,
    IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u,
};

/* ---- random straight-line and diamond blocks ------------------------------------------ */

/*
 * Random blocks over globals, NORMAL and LOCAL temps and constants, mixing
 * every op group, helper calls and guest memory, with forward branches.
 * The expected state is computed alongside generation by the ref_*
 * functions above (every value is known while the block is built), so this
 * exercises the register allocator's spills, reuse and write-backs.
 */
typedef struct RVar {
    IRTempIdx t;
    IRType ty;
    IRTempKind kind;
    int gi;             /* index in env.g / env.w for globals */
    bool defined;
    uint64_t v;
} RVar;

static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static unsigned rndn(unsigned n)
{
    return (unsigned)(rnd() % n);
}

static uint64_t rnd_value(IRType t)
{
    switch (rndn(4)) {
    case 0: return val(t, (int)rndn(NVALS));
    case 1: return tr(t, rndn(70));
    default: return tr(t, rnd());
    }
}

static RVar rv[80];
static int nrv;
static uint8_t gm_ref[256];

static uint64_t hr_read(void *e) { return ((TestEnv *)e)->g[1]; }
static void hr_write(void *e) { ((TestEnv *)e)->g[1] += 1000; }
static IRHelper hr_read_h = { "r_read", (void *)hr_read, IR_TYPE_I64, 1, { IR_TYPE_I64 },
                              IR_CALL_READS_GLOBALS };
static IRHelper hr_write_h = { "r_write", (void *)hr_write, IR_TYPE_VOID, 1, { IR_TYPE_I64 },
                               IR_CALL_WRITES_GLOBALS };

/* A source operand of type t: a defined variable or a constant. */
static IRTempIdx pick_src(IRBlock *b, IRType t, uint64_t *v)
{
    if (rndn(4) != 0) {
        for (int tries = 0; tries < 20; tries++) {
            RVar *x = &rv[rndn((unsigned)nrv)];
            if (x->ty == t && x->defined) {
                *v = x->v;
                return x->t;
            }
        }
    }
    *v = rnd_value(t);
    return ir_const(b, t, *v);
}

static RVar *pick_dst(IRType t)
{
    for (;;) {
        RVar *x = &rv[rndn((unsigned)nrv)];
        if (x->ty == t)
            return x;
    }
}

static void set_var(RVar *x, uint64_t v, bool apply)
{
    if (apply) {
        x->v = tr(x->ty, v);
        x->defined = true;
    } else if (!x->defined) {
        /* written on one path only: not readable afterwards */
        x->defined = false;
    }
}

static void random_op(IRBlock *b, bool apply)
{
    IRType t = rndn(2) ? IR_TYPE_I64 : IR_TYPE_I32;
    uint64_t a, c, d, e;
    RVar *x;

    switch (rndn(12)) {
    case 0: case 1: case 2: {
        IROpcode opc = binops[rndn(sizeof(binops) / sizeof(binops[0]))];
        IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
        x = pick_dst(t);
        ir_gen_op2(b, opc, t, x->t, A, B);
        set_var(x, ref_bin(opc, t, a, c), apply);
        break;
    }
    case 3: {
        IROpcode opc = unops[rndn(sizeof(unops) / sizeof(unops[0]))];
        IRTempIdx A = pick_src(b, t, &a);
        x = pick_dst(t);
        ir_gen_op1(b, opc, t, x->t, A);
        set_var(x, ref_un(opc, t, a), apply);
        break;
    }
    case 4: {
        IRCond cc = (IRCond)rndn(IR_COND_COUNT);
        IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
        IRTempIdx V1 = pick_src(b, t, &d), V2 = pick_src(b, t, &e);
        bool r = ref_cond(t, cc, a, c);
        x = pick_dst(t);
        switch (rndn(3)) {
        case 0:
            ir_gen_setcond(b, t, cc, x->t, A, B);
            set_var(x, r, apply);
            break;
        case 1: {
            uint64_t ns[4] = { x->t, A, B, cc };
            ir_emit(b, IR_OP_negsetcond, t, ns, 4);
            set_var(x, r ? UINT64_MAX : 0, apply);
            break;
        }
        default:
            ir_gen_movcond(b, t, cc, x->t, A, B, V1, V2);
            set_var(x, r ? d : e, apply);
            break;
        }
        break;
    }
    case 5: {
        unsigned w = width(t), pos = rndn(w), len = 1 + rndn(w - pos);
        IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
        uint64_t mask = len == 64 ? UINT64_MAX : (1ull << len) - 1;
        x = pick_dst(t);
        if (rndn(2)) {
            uint64_t dp[5] = { x->t, A, B, pos, len };
            ir_emit(b, IR_OP_deposit, t, dp, 5);
            set_var(x, (a & ~(mask << pos)) | ((c & mask) << pos), apply);
        } else {
            uint64_t ex[4] = { x->t, A, pos, len };
            bool s = rndn(2);
            uint64_t f = (a >> pos) & mask;
            if (s && len < 64 && ((f >> (len - 1)) & 1))
                f |= ~mask;
            ir_emit(b, s ? IR_OP_sextract : IR_OP_extract, t, ex, 4);
            set_var(x, f, apply);
        }
        break;
    }
    case 6: {
        IRTempIdx A;
        if (rndn(2)) {
            A = pick_src(b, IR_TYPE_I32, &a);
            x = pick_dst(IR_TYPE_I64);
            bool s = rndn(2);
            ir_gen_op1(b, s ? IR_OP_exts_i32_i64 : IR_OP_extu_i32_i64, IR_TYPE_I64, x->t, A);
            set_var(x, s ? (uint64_t)(int64_t)(int32_t)a : a, apply);
        } else {
            A = pick_src(b, IR_TYPE_I64, &a);
            x = pick_dst(IR_TYPE_I32);
            bool h = rndn(2);
            ir_gen_op1(b, h ? IR_OP_extrh_i64_i32 : IR_OP_extrl_i64_i32, IR_TYPE_I32, x->t, A);
            set_var(x, h ? a >> 32 : a, apply);
        }
        break;
    }
    case 7: {
        unsigned k = rndn(3);
        if (k == 0) {
            IRTempIdx args[3];
            uint64_t v[3];
            for (int i = 0; i < 3; i++)
                args[i] = pick_src(b, IR_TYPE_I64, &v[i]);
            x = pick_dst(IR_TYPE_I64);
            ir_emit_call(b, &hh_add3, x->t, args);
            set_var(x, v[0] + 2 * v[1] + 3 * v[2], apply);
        } else if (k == 1) {
            IRTempIdx args[1] = { IR_TEMP_ENV };
            x = pick_dst(IR_TYPE_I64);
            ir_emit_call(b, &hr_read_h, x->t, args);
            set_var(x, rv[1].v, apply);     /* rv[1] is g1 */
        } else {
            IRTempIdx args[1] = { IR_TEMP_ENV };
            ir_emit_call(b, &hr_write_h, 0, args);
            set_var(&rv[1], rv[1].v + 1000, apply);
        }
        break;
    }
    case 8: case 9: {
        /* guest memory at a constant or computed 8-aligned address */
        int size = (int)rndn(t == IR_TYPE_I64 ? 4 : 3), bytes = 1 << size;
        bool be = rndn(2), sign = rndn(2);
        unsigned mo = (unsigned)size | (be ? IR_MO_BE : 0) | (rndn(2) ? IR_MO_ALIGN : 0);
        uint64_t addr = rndn(24) * 8;
        IRTempIdx A = ir_const(b, IR_TYPE_I64, addr);
        uint64_t mask = bytes == 8 ? UINT64_MAX : (1ull << (8 * bytes)) - 1;
        if (rndn(2)) {
            IRTempIdx V = pick_src(b, t, &a);
            ir_gen_guest_st(b, t, V, A, mo);
            if (apply) {
                uint64_t m = a & mask;
                for (int i = 0; i < bytes; i++)
                    gm_ref[addr + (unsigned)(be ? bytes - 1 - i : i)] = (uint8_t)(m >> (8 * i));
            }
        } else {
            uint64_t m = 0;
            for (int i = 0; i < bytes; i++)
                m |= (uint64_t)gm_ref[addr + (unsigned)(be ? bytes - 1 - i : i)] << (8 * i);
            if (sign && bytes < 8 && ((m >> (8 * bytes - 1)) & 1))
                m |= ~mask;
            x = pick_dst(t);
            ir_gen_guest_ld(b, t, x->t, A, mo | (sign ? IR_MO_SIGN : 0));
            set_var(x, m, apply);
        }
        break;
    }
    case 10: {
        IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
        IRTempIdx C = pick_src(b, t, &d), D = pick_src(b, t, &e);
        RVar *lo = pick_dst(t), *hi = pick_dst(t);
        unsigned w = width(t);
        if (lo == hi)
            break;
        uint64_t r_lo, r_hi;
        switch (rndn(4)) {
        case 0: {
            uint64_t args[6] = { lo->t, hi->t, A, B, C, D };
            ir_emit(b, IR_OP_add2, t, args, 6);
            r_lo = tr(t, a + d);
            r_hi = tr(t, c + e + (r_lo < a));
            break;
        }
        case 1: {
            uint64_t args[6] = { lo->t, hi->t, A, B, C, D };
            ir_emit(b, IR_OP_sub2, t, args, 6);
            r_lo = tr(t, a - d);
            r_hi = tr(t, c - e - (a < d));
            break;
        }
        case 2: {
            uint64_t args[4] = { lo->t, hi->t, A, B };
            ir_emit(b, IR_OP_mulu2, t, args, 4);
            unsigned __int128 p = (unsigned __int128)a * c;
            r_lo = tr(t, (uint64_t)p);
            r_hi = tr(t, (uint64_t)(p >> w));
            break;
        }
        default: {
            uint64_t args[4] = { lo->t, hi->t, A, B };
            ir_emit(b, IR_OP_muls2, t, args, 4);
            __int128 p = (__int128)sx(t, a) * sx(t, c);
            r_lo = tr(t, (uint64_t)p);
            r_hi = tr(t, (uint64_t)(p >> w));
            break;
        }
        }
        set_var(lo, r_lo, apply);
        set_var(hi, r_hi, apply);
        break;
    }
    default: {
        /* extract2 and mov */
        IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
        unsigned w = width(t), pos = rndn(w);
        x = pick_dst(t);
        uint64_t e2[4] = { x->t, A, B, pos };
        ir_emit(b, IR_OP_extract2, t, e2, 4);
        set_var(x, pos ? (a >> pos) | (c << (w - pos)) : a, apply);
        break;
    }
    }
}

/* NORMAL temps die at a basic-block end. */
static void bb_end(void)
{
    for (int i = 0; i < nrv; i++)
        if (rv[i].kind == IR_TEMP_NORMAL)
            rv[i].defined = false;
}

/* The ops of a failing random block, as comment lines. */
static void dump_block(IRBlock *b)
{
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        IROp *op = &b->ops[i];
        printf("# %3u %-14s %s life=%x:", i, ir_op_defs[op->opc].name, ir_type_names[op->type], op->life);
        for (int a = 0; a < op->nb_oargs + op->nb_iargs; a++) {
            IRTemp *t = &b->temps[op->args[a]];
            if (t->kind == IR_TEMP_CONST) printf(" $0x%llx", (unsigned long long)t->val);
            else if (t->kind == IR_TEMP_GLOBAL || t->kind == IR_TEMP_FIXED) printf(" %s", t->name);
            else printf(" %c%u", t->kind == IR_TEMP_LOCAL ? 'l' : 't', (unsigned)op->args[a]);
        }
        for (int a = 0; a < op->nb_cargs; a++)
            printf(" #%llx", (unsigned long long)op->args[op->nb_oargs + op->nb_iargs + a]);
        printf("\n");
    }
}

static void test_random(int nblocks)
{
    char name[64];

    group_begin();
    for (int n = 0; n < nblocks; n++) {
        IRBlock *b = new_block();
        rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)(n + 1);
        nrv = 0;
        for (int i = 0; i < NG; i++)
            rv[nrv++] = (RVar){ G[i], IR_TYPE_I64, IR_TEMP_GLOBAL, i, true, rnd_value(IR_TYPE_I64) };
        for (int i = 0; i < NW; i++)
            rv[nrv++] = (RVar){ W[i], IR_TYPE_I32, IR_TEMP_GLOBAL, i, true, rnd_value(IR_TYPE_I32) };
        for (int i = 0; i < 20; i++) {
            IRType t = i < 12 ? IR_TYPE_I64 : IR_TYPE_I32;
            rv[nrv++] = (RVar){ ir_new_temp(b, t), t, IR_TEMP_NORMAL, -1, false, 0 };
        }
        for (int i = 0; i < 5; i++) {
            IRType t = i < 3 ? IR_TYPE_I64 : IR_TYPE_I32;
            rv[nrv++] = (RVar){ ir_new_local(b, t), t, IR_TEMP_LOCAL, -1, false, 0 };
        }
        for (int i = 0; i < NG; i++)
            env.g[i] = rv[i].v;
        for (int i = 0; i < NW; i++)
            env.w[i] = (uint32_t)rv[NG + i].v;
        for (int i = 0; i < 256; i++)
            guest_mem[i] = gm_ref[i] = (uint8_t)rnd();
        /* every tenth block is long, to need many spill slots */
        int nops = n % 10 == 9 ? 300 + (int)rndn(300) : 10 + (int)rndn(60);
        for (int k = 0; k < nops; k++) {
            if (k % 7 == 0)
                ir_gen_insn_start(b, 0x1000 + 4 * (uint64_t)k, 0);
            if (rndn(10) == 0) {
                /* diamond: brcond over one op */
                IRType t = rndn(2) ? IR_TYPE_I64 : IR_TYPE_I32;
                uint64_t a, c;
                IRTempIdx A = pick_src(b, t, &a), B = pick_src(b, t, &c);
                IRCond cc = (IRCond)rndn(IR_COND_COUNT);
                uint32_t l = ir_new_label(b);
                ir_gen_brcond(b, t, cc, A, B, l);
                bb_end();
                random_op(b, !ref_cond(t, cc, a, c));
                ir_gen_set_label(b, l);
                bb_end();
            } else {
                random_op(b, true);
            }
        }
        gen_exit_tb(b);
        run(b);
        int failed_before = group_fail;
        for (int i = 0; i < NG; i++) {
            snprintf(name, sizeof(name), "random block %d g%d", n, i);
            check(name, env.g[i], rv[i].v);
        }
        for (int i = 0; i < NW; i++) {
            snprintf(name, sizeof(name), "random block %d w%d", n, i);
            check(name, env.w[i], rv[NG + i].v);
        }
        snprintf(name, sizeof(name), "random block %d guest memory", n);
        check(name, memcmp(guest_mem, gm_ref, sizeof(gm_ref)), 0);
        if (group_fail != failed_before && failed_before < 4)
            dump_block(b);
        ir_block_free(b);
    }
    group_end("random blocks");
}

/* ---- main ------------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    /* Second pass: run everything again without optional host features. */
    if (!getenv("REMU_BACKEND_DISABLE") && argc < 2) {
        setup();
        printf("host features: %s\n", backend_features());
    } else {
        static char buf[96];
        if (!getenv("REMU_BACKEND_DISABLE"))
            setenv("REMU_BACKEND_DISABLE", "all", 1);
        if (strcmp(getenv("REMU_BACKEND_DISABLE"), "all") == 0) {
            variant = "no-features";
        } else {
            snprintf(buf, sizeof(buf), "disable=%s", getenv("REMU_BACKEND_DISABLE"));
            variant = buf;
        }
        setup();
        if (strcmp(variant, "no-features") == 0 && strcmp(backend_features(), "") != 0)
            printf("FAIL: features not disabled: %s\n", backend_features());
    }
    for (int t = 0; t < 2; t++) {
        IRType ty = t ? IR_TYPE_I64 : IR_TYPE_I32;
        for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++)
            test_binop(binops[i], ty);
        for (size_t i = 0; i < sizeof(unops) / sizeof(unops[0]); i++)
            test_unop(unops[i], ty);
        test_bitfields(ty);
        test_conditions(ty);
        test_double_word(ty);
        test_guest_mem(ty, IR_TYPE_I64);
        test_guest_mem(ty, IR_TYPE_I32);
    }
    test_unop(IR_OP_bswap64, IR_TYPE_I64);
    test_unop(IR_OP_ext32s, IR_TYPE_I64);
    test_unop(IR_OP_ext32u, IR_TYPE_I64);
    test_conversions();
    test_host_mem();
    test_alignment();
    test_calls();
    test_pressure();
    test_exits();
    test_random(3000);
    test_liveness();
    test_guest_base();
    test_limits();
    printf("%s: %d groups passed, %d failed\n", variant, npass, nfail);

    int rc = nfail ? 1 : 0;
    if (strcmp(variant, "all-features") == 0) {
        /* re-run this program with the fallbacks */
        fflush(stdout);
        char cmd[4096];
        snprintf(cmd, sizeof(cmd), "REMU_BACKEND_DISABLE=all '%s' fallback", argv[0]);
        int r = system(cmd);
        if (r != 0)
            rc = 1;
    }
    return rc;
}
