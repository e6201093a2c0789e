/*
 * ir-roundtrip.c - check program for the IR text form (ir/dump.c, ir/parse.c).
 *
 *  1. Every op of the table, in every type it accepts and with every kind of
 *     operand (normal, local, global, env, constants) and every value of its
 *     constant arguments (conditions, memops, barriers, field positions...),
 *     is built with the builder, dumped, parsed back and compared with the
 *     built op (temps up to renumbering); a second dump/parse round must give
 *     an identical op array and identical text.
 *  2. Hand-written texts parse to known ops (the expected values are written
 *     by hand from docs/ir.md, not produced by the parser).
 *  3. Malformed texts fail with the expected line:column.
 *  4. Seeded random mutations of valid texts never crash the parser; what it
 *     accepts round-trips, what it rejects has a position inside the text.
 * Prints PASS:/FAIL: lines; exits 1 if anything failed.
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

static int failures;

static void report(bool ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void report(bool ok, const char *name, const char *fmt, ...)
{
    va_list ap;

    printf("%s: %s", ok ? "PASS" : "FAIL", name);
    if (!ok && fmt) {
        fputs(" (", stdout);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        fputs(")", stdout);
    }
    fputs("\n", stdout);
    if (!ok)
        failures++;
}

/* ---- fixtures ------------------------------------------------------------ */

/* Globals g64 (1), g32 (2), and three whose names collide with the names the
 * dumper generates for temps 7 and 8, to exercise its renaming. */
static IRGlobals globals;

static void h_void(void *env) { (void)env; }
static uint64_t h_add(uint64_t a, uint64_t b) { return a + b; }
static uint32_t h_mix(uint32_t a, uint64_t b, void *env) { return a ^ (uint32_t)b; }

static IRHelper helper_void = { .name = "rt_void", .fn = (void *)h_void, .ret = IR_TYPE_VOID,
                                .nb_args = 1, .args = { IR_TYPE_I64 } };
static IRHelper helper_add = { .name = "rt_add", .fn = (void *)h_add, .ret = IR_TYPE_I64,
                               .nb_args = 2, .args = { IR_TYPE_I64, IR_TYPE_I64 },
                               .flags = IR_CALL_PURE };
static IRHelper helper_mix = { .name = "rt_mix", .fn = (void *)h_mix, .ret = IR_TYPE_I32,
                               .nb_args = 3, .args = { IR_TYPE_I32, IR_TYPE_I64, IR_TYPE_I64 },
                               .flags = IR_CALL_READS_GLOBALS | IR_CALL_MAY_RAISE };
static IRHelper *const test_helpers[] = { &helper_void, &helper_add, &helper_mix };

static void fixtures_init(void)
{
    ir_globals_init(&globals);
    ir_globals_add(&globals, "g64", IR_TYPE_I64, 0x40);
    ir_globals_add(&globals, "g32", IR_TYPE_I32, 0x48);
    ir_globals_add(&globals, "t7", IR_TYPE_I64, 0x50);
    ir_globals_add(&globals, "t7_", IR_TYPE_I64, 0x58);
    ir_globals_add(&globals, "l8", IR_TYPE_I32, 0x60);
    for (size_t i = 0; i < sizeof(test_helpers) / sizeof(test_helpers[0]); i++)
        ir_helper_register(test_helpers[i]);
}

static char *dump_to_string(const IRBlock *b)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    if (!f)
        abort();
    ir_dump(f, b);
    fclose(f);
    return buf;
}

/* ---- comparisons ----------------------------------------------------------- */

/* Same op arrays with temps compared up to a renumbering of normal and local
 * temps (a one-to-one map built as we go). */
static bool same_ops_modulo_temps(const IRBlock *a, const IRBlock *b, char *why, size_t len)
{
    size_t n = a->nb_temps > b->nb_temps ? a->nb_temps : b->nb_temps;
    int64_t *fwd = malloc(n * sizeof(int64_t)), *back = malloc(n * sizeof(int64_t));
    bool ok = false;

    for (size_t i = 0; i < n; i++)
        fwd[i] = back[i] = -1;
    if (a->nb_ops != b->nb_ops) {
        snprintf(why, len, "%u ops vs %u", a->nb_ops, b->nb_ops);
        goto out;
    }
    for (uint32_t i = 0; i < a->nb_ops; i++) {
        const IROp *x = &a->ops[i], *y = &b->ops[i];
        int nt = x->nb_oargs + x->nb_iargs;
        if (x->opc != y->opc || x->type != y->type || x->nb_oargs != y->nb_oargs
            || x->nb_iargs != y->nb_iargs || x->nb_cargs != y->nb_cargs) {
            snprintf(why, len, "op %u: header differs", i);
            goto out;
        }
        for (int k = 0; k < nt; k++) {
            const IRTemp *p = &a->temps[x->args[k]], *q = &b->temps[y->args[k]];
            if (p->kind != q->kind || p->type != q->type) {
                snprintf(why, len, "op %u arg %d: temp kind/type differs", i, k);
                goto out;
            }
            if (p->kind == IR_TEMP_CONST ? p->val != q->val
                : (p->kind == IR_TEMP_FIXED || p->kind == IR_TEMP_GLOBAL) ? x->args[k] != y->args[k]
                : (fwd[x->args[k]] < 0 && back[y->args[k]] >= 0)
                  || (fwd[x->args[k]] >= 0 && fwd[x->args[k]] != (int64_t)y->args[k])) {
                snprintf(why, len, "op %u arg %d: different temp", i, k);
                goto out;
            }
            if (p->kind == IR_TEMP_NORMAL || p->kind == IR_TEMP_LOCAL) {
                fwd[x->args[k]] = (int64_t)y->args[k];
                back[y->args[k]] = (int64_t)x->args[k];
            }
        }
        for (int k = nt; k < nt + x->nb_cargs; k++) {
            if (x->args[k] != y->args[k]) {
                snprintf(why, len, "op %u arg %d: constant 0x%" PRIx64 " vs 0x%" PRIx64,
                         i, k, x->args[k], y->args[k]);
                goto out;
            }
        }
    }
    if (a->nb_insns != b->nb_insns) {
        snprintf(why, len, "nb_insns %u vs %u", a->nb_insns, b->nb_insns);
        goto out;
    }
    ok = true;
out:
    free(fwd);
    free(back);
    return ok;
}

static bool same_blocks_exactly(const IRBlock *a, const IRBlock *b, char *why, size_t len)
{
    if (a->nb_temps != b->nb_temps || a->nb_ops != b->nb_ops || a->nb_labels != b->nb_labels
        || a->nb_insns != b->nb_insns) {
        snprintf(why, len, "counts differ: temps %u/%u ops %u/%u labels %u/%u", a->nb_temps,
                 b->nb_temps, a->nb_ops, b->nb_ops, a->nb_labels, b->nb_labels);
        return false;
    }
    for (uint32_t i = 0; i < a->nb_temps; i++) {
        const IRTemp *p = &a->temps[i], *q = &b->temps[i];
        if (p->kind != q->kind || p->type != q->type || p->val != q->val
            || strcmp(p->name, q->name) != 0) {
            snprintf(why, len, "temp %u differs", i);
            return false;
        }
    }
    for (uint32_t i = 0; i < a->nb_ops; i++) {
        const IROp *x = &a->ops[i], *y = &b->ops[i];
        int n = x->nb_oargs + x->nb_iargs + x->nb_cargs;
        if (x->opc != y->opc || x->type != y->type || x->nb_oargs != y->nb_oargs
            || x->nb_iargs != y->nb_iargs || x->nb_cargs != y->nb_cargs
            || memcmp(x->args, y->args, n * sizeof(uint64_t)) != 0) {
            snprintf(why, len, "op %u differs", i);
            return false;
        }
    }
    return true;
}

/*
 * dump(built) -> parse -> B1 (compared with built up to temp numbering);
 * dump(B1) -> parse -> B2 (identical to B1, and dumps to identical text).
 * Returns true, or false with a reason in why.
 */
static bool roundtrip(const IRBlock *built, char *why, size_t len)
{
    IRParseError err;
    IRBlock *b1 = ir_block_new(&globals, built->pc, 0), *b2 = ir_block_new(&globals, built->pc, 0);
    char *t0 = dump_to_string(built), *t1 = NULL, *t2 = NULL;
    bool ok = false;

    if (ir_parse_block(b1, t0, 0, &err) < 0) {
        snprintf(why, len, "parse of the dump failed at %d:%d: %s", err.line, err.column, err.msg);
        goto out;
    }
    if (!same_ops_modulo_temps(built, b1, why, len))
        goto out;
    t1 = dump_to_string(b1);
    if (ir_parse_block(b2, t1, 0, &err) < 0) {
        snprintf(why, len, "second parse failed at %d:%d: %s", err.line, err.column, err.msg);
        goto out;
    }
    if (!same_blocks_exactly(b1, b2, why, len))
        goto out;
    t2 = dump_to_string(b2);
    if (strcmp(t1, t2) != 0) {
        snprintf(why, len, "second dump differs from the first");
        goto out;
    }
    ok = true;
out:
    if (!ok && getenv("RT_VERBOSE"))
        fprintf(stderr, "---- text:\n%s----\n", t0);
    free(t0);
    free(t1);
    free(t2);
    ir_block_free(b1);
    ir_block_free(b2);
    return ok;
}

/* ---- part 1: every op of the table ---------------------------------------- */

/* An interesting constant of each type. */
static uint64_t sample_const(IRType t, int k)
{
    static const uint64_t v[] = { 0, 1, 0xfffffffffffffffbull, 0x12345678, 0x8000000000000000ull,
                                  0xffffffff, 4095, 4096, 0xfffffffffffff000ull };
    return ir_trunc(t, v[k % (sizeof(v) / sizeof(v[0]))]);
}

/*
 * A temp of type t for argument position k under operand variant v:
 *  0: normal temps (inputs written by a mov just before), env as host base;
 *  1: locals for outputs, constants for inputs;
 *  2: globals where one of the type exists, else locals.
 */
static IRTempIdx pick_temp(IRBlock *b, IRType t, bool output, int v, int k, bool base)
{
    if (base && v == 0)
        return IR_TEMP_ENV;
    switch (v) {
    case 0: {
        IRTempIdx x = ir_new_temp(b, t);
        if (!output)
            ir_gen_movi(b, t, x, sample_const(t, k + 1));
        return x;
    }
    case 1:
        return output ? ir_new_local(b, t) : ir_const(b, t, sample_const(t, k));
    default:
        return t == IR_TYPE_I64 ? (IRTempIdx)(1 + (k & 1) * 2)   /* g64 or t7 */
             : t == IR_TYPE_I32 ? (IRTempIdx)(2 + (k & 1) * 3)   /* g32 or l8 */
             : ir_new_local(b, t);
    }
}

/* The values of the constant arguments to try for an op, as tuples. */
static int const_tuples(IROpcode opc, IRType type, uint64_t tuples[][2], int max)
{
    unsigned w = ir_type_bits(type);
    int n = 0;

#define ADD(a, c) do { if (n < max) { tuples[n][0] = (a); tuples[n][1] = (c); n++; } } while (0)
    switch (opc) {
    case IR_OP_insn_start:
        ADD(0x1000, 0); ADD(UINT64_MAX, 5); ADD(0, 0x123456789ull);
        break;
    case IR_OP_brcond:
        for (int c = 0; c < IR_COND_COUNT; c++)
            ADD(c, 0);
        break;
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        for (int c = 0; c < IR_COND_COUNT; c++)
            ADD(c, 0);
        break;
    case IR_OP_mb:
        for (int k = 0; k <= IR_MB_ALL; k++)
            ADD(k, 0);
        break;
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        ADD(0, 1); ADD(0, w); ADD(w - 1, 1); ADD(3, 5); ADD(8, w - 8);
        break;
    case IR_OP_extract2:
        ADD(0, 0); ADD(1, 0); ADD(w - 1, 0);
        break;
    case IR_OP_goto_tb:
        ADD(0, 0); ADD(1, 0); ADD(IR_TB_SLOTS - 1, 0);
        break;
    case IR_OP_guest_ld: case IR_OP_guest_st:
        for (unsigned mo = 0; mo <= (IR_MO_SIZE | IR_MO_SIGN | IR_MO_BE | IR_MO_ALIGN); mo++) {
            if ((mo & IR_MO_SIZE) == IR_MO_64 && type != IR_TYPE_I64)
                continue;
            if ((mo & IR_MO_SIGN) && opc == IR_OP_guest_st)
                continue;
            ADD(mo, 0);
        }
        break;
    default:
        if (ir_op_defs[opc].nb_cargs == 1 && opc >= IR_OP_ld8u && opc <= IR_OP_st) {
            ADD(0, 0); ADD(8, 0); ADD(0x48, 0); ADD((uint64_t)-16, 0); ADD(0x12345, 0);
        } else {
            ADD(0, 0);
        }
        break;
    }
#undef ADD
    return n;
}

/* Build one block around op opc; returns false if this combination does not
 * exist (e.g. a global of a type that has none). */
static IRBlock *build_op_block(IROpcode opc, IRType type, int v, const uint64_t c[2],
                               IRHelper *h)
{
    IRBlock *b = ir_block_new(&globals, 0x1000, 0);
    const IROpDef *def = &ir_op_defs[opc];
    IROp proto;
    uint64_t args[IR_MAX_ARGS];

    ir_gen_insn_start(b, 0x1000, 0);
    if (opc == IR_OP_call) {
        IRTempIdx targs[IR_HELPER_MAX_ARGS];
        IRTempIdx ret = 0;
        if (h->ret != IR_TYPE_VOID)
            ret = pick_temp(b, h->ret, true, v, 0, false);
        for (int i = 0; i < h->nb_args; i++)
            targs[i] = pick_temp(b, h->args[i], false, v, i + 1, h->args[i] == IR_TYPE_I64 && i == h->nb_args - 1);
        ir_emit_call(b, h, ret, targs);
        ir_gen_exit_tb(b);
        return b;
    }

    memset(&proto, 0, sizeof(proto));
    proto.opc = opc;
    proto.type = type;
    proto.nb_oargs = def->nb_oargs;
    proto.nb_iargs = def->nb_iargs;
    proto.nb_cargs = def->nb_cargs;
    int nt = def->nb_oargs + def->nb_iargs;
    for (int i = 0; i < nt; i++) {
        bool addr = (def->flags & IR_OPF_GUEST_MEM) && i == nt - 1;
        /* Host loads and stores: argument 1 is the base pointer. */
        bool base = opc >= IR_OP_ld8u && opc <= IR_OP_st && i == 1;
        /* Alternate the address type of guest memory ops between variants. */
        IRType t = addr ? ((v + (int)c[0]) & 1 ? IR_TYPE_I32 : IR_TYPE_I64)
                        : ir_op_arg_type(b, &proto, i);
        args[i] = pick_temp(b, t, i < def->nb_oargs, v, i, base);
        proto.args[i] = args[i];
    }
    /* Labels 0 and 1 exist; the op uses 1 so that ids are not trivially 0. */
    ir_new_label(b);
    uint32_t label = ir_new_label(b);
    switch (opc) {
    case IR_OP_set_label: case IR_OP_br:
        args[nt] = label;
        break;
    case IR_OP_brcond:
        args[nt] = c[0];
        args[nt + 1] = label;
        break;
    default:
        for (int k = 0; k < def->nb_cargs; k++)
            args[nt + k] = c[k];
        break;
    }
    ir_emit(b, opc, type, args, nt + def->nb_cargs);
    if (opc == IR_OP_br || opc == IR_OP_brcond)
        ir_gen_set_label(b, label);
    if (!(def->flags & IR_OPF_BLOCK_END))
        ir_gen_exit_tb(b);
    return b;
}

static void test_all_ops(void)
{
    int nblocks = 0;
    char name[96], why[256];
    uint64_t tuples[64][2];

    for (int opc = 0; opc < IR_OP_COUNT; opc++) {
        const IROpDef *def = &ir_op_defs[opc];
        for (int ti = 0; ti < 2; ti++) {
            IRType type = ti ? IR_TYPE_I64 : IR_TYPE_I32;
            if (!(def->flags & IR_OPF_INT) && type == IR_TYPE_I32)
                continue;
            if ((def->flags & IR_OPF_I64_ONLY) && type != IR_TYPE_I64)
                continue;
            if ((def->flags & IR_OPF_I32_ONLY) && type != IR_TYPE_I32)
                continue;
            if (opc == IR_OP_nop)
                continue;   /* ir_dump skips nops by design */
            snprintf(name, sizeof(name), "roundtrip %s%s%s", def->name,
                     def->flags & IR_OPF_INT ? "." : "", def->flags & IR_OPF_INT ? ir_type_names[type] : "");
            bool ok = true;
            int nh = opc == IR_OP_call ? (int)(sizeof(test_helpers) / sizeof(test_helpers[0])) : 1;
            int nc = const_tuples((IROpcode)opc, type, tuples, 64);
            for (int hi = 0; hi < nh && ok; hi++) {
                for (int ci = 0; ci < nc && ok; ci++) {
                    for (int v = 0; v < 3 && ok; v++) {
                        IRBlock *b = build_op_block((IROpcode)opc, type, v, tuples[ci],
                                                    test_helpers[hi]);
                        char cerr[160];
                        if (ir_check(b, cerr, sizeof(cerr)) < 0) {
                            snprintf(why, sizeof(why), "test built an invalid block: %s", cerr);
                            ok = false;
                        } else if (!roundtrip(b, why, sizeof(why))) {
                            ok = false;
                        }
                        if (!ok) {
                            size_t l = strlen(why);
                            snprintf(why + l, sizeof(why) - l, " [variant %d, constants 0x%"
                                     PRIx64 ", 0x%" PRIx64 "]", v, tuples[ci][0], tuples[ci][1]);
                        }
                        nblocks++;
                        ir_block_free(b);
                    }
                }
            }
            report(ok, name, "%s", why);
        }
    }
    printf("note: %d built blocks round-tripped\n", nblocks);
}

/* ---- part 2: known parses ------------------------------------------------- */

static IRBlock *parse_ok(const char *name, const char *text)
{
    IRBlock *b = ir_block_new(&globals, 0x1000, 0);
    IRParseError err;

    if (ir_parse_block(b, text, 0, &err) < 0) {
        report(false, name, "unexpected error %d:%d: %s", err.line, err.column, err.msg);
        ir_block_free(b);
        return NULL;
    }
    return b;
}

static void test_known(void)
{
    IRBlock *b;
    char why[256];

    /* Constants take the type of their position; $-1 in an i32 position is
     * 0xffffffff; a guest address constant is i64 unless suffixed. */
    b = parse_ok("known constants",
                 "mov.i32 g32, $-1\n"
                 "mov.i64 g64, $-0x8000000000000000\n"
                 "add.i32 g32, g32, $0xffffffff\n"
                 "guest_ld.i64 g64, $0x10000, u32le\n"
                 "guest_ld.i32 g32, $0x20:i32, s8\n"
                 "exit_tb\n");
    if (b) {
        const IRTemp *t = b->temps;
        bool ok = b->nb_ops == 6
            && t[b->ops[0].args[1]].type == IR_TYPE_I32 && t[b->ops[0].args[1]].val == 0xffffffffu
            && t[b->ops[1].args[1]].type == IR_TYPE_I64 && t[b->ops[1].args[1]].val == 1ull << 63
            && b->ops[2].args[2] == b->ops[0].args[1]   /* interned: same constant */
            && t[b->ops[3].args[1]].type == IR_TYPE_I64 && t[b->ops[3].args[1]].val == 0x10000
            && b->ops[3].args[2] == IR_MO_32
            && t[b->ops[4].args[1]].type == IR_TYPE_I32 && b->ops[4].args[2] == (IR_MO_8 | IR_MO_SIGN);
        report(ok, "known constants", "values or types differ");
        ir_block_free(b);
    }

    /* Labels: L<n> is id n; named labels follow the largest number in order
     * of definition; declarations may come late; comments and blank lines. */
    b = parse_ok("known labels",
                 "# a comment\n"
                 "\n"
                 "    insn_start 0x1000, 0   # first insn\n"
                 "    brcond.i64 g64, $0, eq, done\n"
                 "    br L3\n"
                 "L3:\n"
                 "    temp i64 x, y\n"
                 "    local i32 z\n"
                 "    mov.i64 x, g64\n"
                 "    add.i64 y, x, $1\n"
                 "    mov.i32 z, $7\n"
                 "    insn_start 0x1004, 1\n"
                 "    brcond.i64 y, g64, tstne, other\n"
                 "other:\n"
                 "done:\n"
                 "    mb ld_ld | st_st\n"
                 "    goto_tb 1\n");
    if (b) {
        /* Ops: 0 insn_start, 1 brcond->done, 2 br L3, 3 L3:, 4 mov x, 5 add y,
         * 6 mov z, 7 insn_start, 8 brcond->other, 9 other:, 10 done:, 11 mb,
         * 12 goto_tb.  Ids: L3 = 3, then done = 4 and other = 5 in order of
         * first appearance. */
        const IROp *o = b->ops;
        bool ok = b->nb_ops == 13 && b->nb_insns == 2 && b->nb_labels == 6
            && o[1].opc == IR_OP_brcond && o[1].args[2] == IR_COND_EQ && o[1].args[3] == 4
            && o[2].opc == IR_OP_br && o[2].args[0] == 3
            && o[3].opc == IR_OP_set_label && o[3].args[0] == 3
            && b->temps[o[4].args[0]].kind == IR_TEMP_NORMAL && o[4].args[1] == 1
            && o[5].args[1] == o[4].args[0]
            && b->temps[o[6].args[0]].kind == IR_TEMP_LOCAL
            && b->temps[o[6].args[0]].type == IR_TYPE_I32
            && o[7].opc == IR_OP_insn_start && o[7].args[0] == 0x1004 && o[7].args[1] == 1
            && o[8].args[2] == IR_COND_TSTNE && o[8].args[3] == 5
            && o[9].opc == IR_OP_set_label && o[9].args[0] == 5
            && o[10].opc == IR_OP_set_label && o[10].args[0] == 4
            && o[11].opc == IR_OP_mb && o[11].args[0] == (IR_MB_LD_LD | IR_MB_ST_ST)
            && o[12].opc == IR_OP_goto_tb && o[12].args[0] == 1;
        report(ok, "known labels", "ops differ from the hand-derived list");
        report(roundtrip(b, why, sizeof(why)), "known labels roundtrip", "%s", why);
        ir_block_free(b);
    }

    /* The dumper renames temps whose generated name is a global's name. */
    b = ir_block_new(&globals, 0x1000, 0);
    IRTempIdx a = ir_new_temp(b, IR_TYPE_I64), l = ir_new_local(b, IR_TYPE_I32);
    IRTempIdx x = ir_new_temp(b, IR_TYPE_I64), y = ir_new_local(b, IR_TYPE_I32);
    ir_gen_movi(b, IR_TYPE_I64, a, 1);
    ir_gen_mov(b, IR_TYPE_I32, l, 2);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, x, a, a);
    ir_gen_mov(b, IR_TYPE_I32, y, l);
    ir_gen_exit_tb(b);
    char *text = dump_to_string(b);
    char expect[512];
    snprintf(expect, sizeof(expect),
             "    temp i64 t%u\n    local i32 l%u\n    temp i64 t%u\n    local i32 l%u\n"
             "    mov.i64 t%u, $1\n    mov.i32 l%u, g32\n    add.i64 t%u, t%u, t%u\n"
             "    mov.i32 l%u, l%u\n    exit_tb\n", a, l, x, y, a, l, x, a, a, y, l);
    /* With 5 globals, a = 6, l = 7, x = 8, y = 9: "l7" is free, "t8" is free. */
    bool ok = a == 6 && l == 7 && x == 8 && y == 9 && strcmp(text, expect) == 0;
    report(ok, "dump names", "got:\n%s", text);
    free(text);
    ir_block_free(b);

    b = ir_block_new(&globals, 0x1000, 0);
    ir_new_temp(b, IR_TYPE_I64);            /* 6 */
    IRTempIdx t7 = ir_new_temp(b, IR_TYPE_I64), l8 = ir_new_local(b, IR_TYPE_I32);
    ir_gen_movi(b, IR_TYPE_I64, t7, 5);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, 3, t7, 4);   /* t7 (global) = t7 (temp) + t7_ */
    ir_gen_mov(b, IR_TYPE_I32, l8, 5);
    ir_gen_exit_tb(b);
    text = dump_to_string(b);
    ok = strstr(text, "    temp i64 t7__\n") && strstr(text, "    local i32 l8_\n")
         && strstr(text, "add.i64 t7, t7__, t7_\n") && strstr(text, "mov.i32 l8_, l8\n")
         && roundtrip(b, why, sizeof(why));
    report(ok, "dump names avoid globals", "got:\n%s", text);
    free(text);
    ir_block_free(b);

    /* line_base shifts reported lines. */
    b = ir_block_new(&globals, 0x1000, 0);
    IRParseError err;
    ok = ir_parse_block(b, "exit_tb\nfoo\n", 41, &err) < 0 && err.line == 43 && err.column == 1;
    report(ok, "line_base", "got %d:%d", err.line, err.column);
    ir_block_free(b);
}

/* ---- part 3: malformed texts ---------------------------------------------- */

typedef struct BadCase {
    const char *text;
    int line_base, line, col;
    const char *msg;    /* a substring of the expected message */
} BadCase;

static const BadCase bad_cases[] = {
    { "add.i64 g64, g64\nexit_tb\n", 0, 1, 1, "wrong number of arguments" },
    { "add.i64 g64, g64, $1, $2\nexit_tb", 0, 1, 23, "wrong number of arguments" },
    { "foo.i64 g64\n", 0, 1, 1, "unknown op 'foo'" },
    { "    mov.i64 g64, nope\n", 0, 1, 18, "unknown temp 'nope'" },
    { "mov.i64 g64, g32\n", 0, 1, 14, "type mismatch" },
    { "guest_ld.i64 g64, g64, u33le\n", 0, 1, 24, "bad memop" },
    { "guest_ld.i64 g64, g64, u32\n", 0, 1, 24, "bad memop" },
    { "guest_ld.i64 g64, g64, u32le+", 0, 1, 24, "bad memop" },
    { "guest_st.i32 g32, g64, s32le\nexit_tb", 0, 1, 24, "unsigned" },
    { "guest_ld.i32 g32, g64, u64le\n", 0, 1, 24, "64-bit" },
    { "guest_ld.i32 g32, g32, u8\nguest_st.i32 g32, g64:i32, u8\n", 0, 2, 19, "expected a temp name" },
    { "guest_ld.i32 g32, $1:i16, u8\n", 0, 1, 22, "unknown type 'i16'" },
    { "setcond.i64 g64, g64, g64, foo\n", 0, 1, 28, "bad condition" },
    { "brcond.i32 g32, g32, LT, L0\nL0:\nexit_tb\n", 0, 1, 22, "bad condition" },
    { "temp i64 a\ntemp i32 a\n", 0, 2, 10, "duplicate declaration" },
    { "temp i64 a, b,a\n", 0, 1, 15, "duplicate declaration" },
    { "local i64 g64\n", 0, 1, 11, "duplicate declaration" },
    { "temp i64 env\n", 0, 1, 10, "duplicate declaration" },
    { "temp i65 x\n", 0, 1, 6, "unknown type" },
    { "temp i64 9x\n", 0, 1, 10, "bad temp name" },
    { "temp i64\n", 0, 1, 9, "expected a temp name" },
    { "temp\n", 0, 1, 5, "expected a type" },
    { "br Lx\n", 0, 1, 4, "undefined label 'Lx'" },
    { "brcond.i64 g64, $0, eq, L3\nexit_tb\n", 0, 1, 25, "undefined label 'L3'" },
    { "L1:\nL1:\nexit_tb", 0, 2, 1, "duplicate label" },
    { "L1: mov.i64 g64, $1\n", 0, 1, 5, "after the label" },
    { "mov.i64 g64, $1\n", 0, 2, 1, "does not end" },
    { "mov.i64 g64, $1", 0, 1, 1, "does not end" },
    { "", 0, 1, 1, "does not end" },
    { "goto_tb 0\nmov.i64 g64, $1\n", 7, 10, 1, "does not end" },
    { "add g64, g64, g64\nexit_tb", 0, 1, 1, "type suffix" },
    { "add.i16 g64, g64, g64\nexit_tb", 0, 1, 5, "bad type suffix" },
    { "exit_tb.i64\n", 0, 1, 8, "no type suffix" },
    { "ext32s.i32 g32, g32\nexit_tb", 0, 1, 8, "only as .i64" },
    { "extrl_i64_i32.i64 g64, g64\nexit_tb", 0, 1, 15, "only as .i32" },
    { "temp i64 t\nadd.i64 g64, t, $1\nexit_tb", 0, 2, 14, "read before it is written" },
    { "temp i64 t\nmov.i64 t, $1\nL0:\nmov.i64 g64, t\nexit_tb", 0, 4, 14, "read before" },
    { "temp i64 t\nmov.i64 t, $1\nbr L0\nL0:\nexit_tb\nmov.i64 g64, t\n", 0, 6, 14, "read before" },
    { "mov.i64 $1, g64\nexit_tb", 0, 1, 9, "output cannot be a constant" },
    { "mov.i64 env, g64\nexit_tb", 0, 1, 9, "cannot write to 'env'" },
    { "mov.i32 g32, $0x100000000\nexit_tb", 0, 1, 14, "does not fit" },
    { "mov.i32 g32, $-0x80000001\nexit_tb", 0, 1, 14, "does not fit" },
    { "mov.i64 g64, $0x10000000000000000\nexit_tb", 0, 1, 14, "bad constant" },
    { "mov.i64 g64, $abc\n", 0, 1, 14, "bad constant" },
    { "mov.i64 g64, $\n", 0, 1, 14, "bad constant" },
    { "mov.i64 g64, $1:i32\n", 0, 1, 17, "type mismatch" },
    { "mov.i64 g64, 5\n", 0, 1, 14, "expected a temp name or a $constant" },
    { "mov.i64 g64,, $1\n", 0, 1, 13, "empty argument" },
    { "mov.i64 g64, $1,\n", 0, 1, 17, "empty argument" },
    { "call nosuch, env\nexit_tb", 0, 1, 6, "unknown helper 'nosuch'" },
    { "call rt_add, g64, g64\nexit_tb", 0, 1, 1, "expected 1 output and 2 inputs" },
    { "call rt_void, env, env\nexit_tb", 0, 1, 20, "wrong number of arguments" },
    { "call rt_mix, g64, g32, g64, env\nexit_tb", 0, 1, 14, "type mismatch" },
    { "call\n", 0, 1, 1, "helper name" },
    { "extract.i32 g32, g32, 30, 3\nexit_tb", 0, 1, 27, "field length" },
    { "extract.i64 g64, g64, 64, 1\nexit_tb", 0, 1, 23, "field position" },
    { "deposit.i64 g64, g64, g64, -1, 2\nexit_tb", 0, 1, 28, "field position" },
    { "extract2.i32 g32, g32, g32, 32\nexit_tb", 0, 1, 29, "position" },
    { "goto_tb 6\n", 0, 1, 9, "slot" },
    { "goto_tb x\n", 0, 1, 9, "expected a number" },
    { "insn_start 0x1000\nexit_tb", 0, 1, 1, "wrong number" },
    { "insn_start 0x1000, 0x\nexit_tb", 0, 1, 20, "expected a number" },
    { "mb ld_ld|xx_yy\nexit_tb", 0, 1, 10, "barrier" },
    { "mb\nexit_tb", 0, 1, 1, "wrong number" },
    { "ld.i64 g64, g32, 8\nexit_tb", 0, 1, 13, "type mismatch" },
    { "st32.i64 g64, env, 8x\nexit_tb", 0, 1, 20, "expected a number" },
    { "\n\n  exit_tb foo", 10, 13, 11, "wrong number" },
    { "\x01\n", 0, 1, 1, "expected an op" },
    { "mov.i64\tg64,\t$1\nexit_tb @", 0, 2, 9, "wrong number of arguments" },
    { "mov.i64@ g64, $1\nexit_tb", 0, 1, 8, "unexpected character '@'" },
    { "exit_tb\n+\n", 0, 2, 1, "expected an op" },
    { "br 5\n", 0, 1, 4, "expected a label name" },
    { "set_label L1\nset_label L1\nexit_tb\n", 0, 2, 11, "duplicate label" },
};

static void test_bad(void)
{
    char name[64];

    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
        const BadCase *c = &bad_cases[i];
        IRBlock *b = ir_block_new(&globals, 0x1000, 0);
        IRParseError err = { 0 };
        int rc = ir_parse_block(b, c->text, c->line_base, &err);
        snprintf(name, sizeof(name), "error %zu at %d:%d", i + 1, c->line, c->col);
        if (rc == 0)
            report(false, name, "accepted");
        else
            report(err.line == c->line && err.column == c->col && strstr(err.msg, c->msg),
                   name, "got %d:%d: %s", err.line, err.column, err.msg);
        ir_block_free(b);
    }
}

/* ---- part 4: random mutations ---------------------------------------------- */

static const char *const seeds[] = {
    "    insn_start 0x1000, 0\n"
    "    brcond.i64 g64, $1, eq, Ldone\n"
    "    mov.i64 t7, $0x1010\n"
    "    goto_tb 0\n"
    "Ldone:\n"
    "    mov.i64 t7, $0x1100\n"
    "    goto_tb 1\n",

    "    insn_start 0x1010, 0\n"
    "    temp i64 t\n"
    "    local i32 w\n"
    "    and.i64 t, g64, $1\n"
    "    brcond.i64 t, $0, eq, Leven\n"
    "    mul.i64 g64, g64, $3\n"
    "    extrl_i64_i32.i32 w, g64\n"
    "    br Lnext\n"
    "Leven:\n"
    "    shr.i64 g64, g64, $1\n"
    "Lnext:\n"
    "    movcond.i64 t7, g64, t7, g64, t7, gtu\n"
    "    guest_st.i32 w, g64, u16be+al\n"
    "    call rt_mix, g32, w, g64, env\n"
    "    mb st_ld|ld_st\n"
    "    deposit.i32 g32, g32, w, 4, 8\n"
    "    lookup_and_goto\n",
};

static void test_fuzz(void)
{
    static const char alphabet[] = "$,:#.|-_ \n\t0123456789abcdefxLlt\xff\x80";
    uint64_t state = 0x2545F4914F6CDD1Dull;
    int accepted = 0, rejected = 0, bad = 0;
    char why[256];

    for (int iter = 0; iter < 20000; iter++) {
        const char *seed = seeds[iter % 2];
        size_t len = strlen(seed);
        char *t = malloc(len + 64);
        memcpy(t, seed, len + 1);
        int nmut = 1 + iter % 4;
        for (int m = 0; m < nmut; m++) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            size_t pos = (state >> 8) % (len + 1);
            switch ((state >> 40) % 4) {
            case 0:     /* truncate */
                t[pos] = '\0';
                len = pos;
                break;
            case 1:     /* replace */
                if (pos < len)
                    t[pos] = alphabet[(state >> 50) % (sizeof(alphabet) - 1)];
                break;
            case 2:     /* insert (at most 4 per text: the buffer has room) */
                memmove(t + pos + 1, t + pos, len - pos + 1);
                t[pos] = alphabet[(state >> 50) % (sizeof(alphabet) - 1)];
                len++;
                break;
            default:    /* delete */
                if (pos < len) {
                    memmove(t + pos, t + pos + 1, len - pos);
                    len--;
                }
                break;
            }
        }
        int nlines = 1;
        for (size_t k = 0; k < len; k++)
            nlines += t[k] == '\n';
        IRBlock *b = ir_block_new(&globals, 0x1000, 0);
        IRParseError err = { 0 };
        if (ir_parse_block(b, t, 100, &err) == 0) {
            accepted++;
            if (!roundtrip(b, why, sizeof(why))) {
                if (bad++ < 3)
                    printf("accepted text does not round-trip (%s):\n%s\n", why, t);
            }
        } else {
            rejected++;
            if (err.line < 101 || err.line > 100 + nlines || err.column < 1 || !err.msg[0]) {
                if (bad++ < 3)
                    printf("bad error position %d:%d '%s' for:\n%s\n", err.line, err.column,
                           err.msg, t);
            }
        }
        ir_block_free(b);
        free(t);
    }
    report(bad == 0, "fuzz: 20000 mutated texts", "%d bad results", bad);
    printf("note: fuzz accepted %d, rejected %d\n", accepted, rejected);
}

/* ir_check must reject bitfields whose pos + len wraps around 2^64: a
 * check written as pos + len <= width once accepted pos = 2^64 - 1, len = 2. */
static void test_check_field_overflow(void)
{
    static const uint64_t fields[][2] = {
        { UINT64_MAX, 2 }, { 2, UINT64_MAX }, { 64, 1 }, { 0, 65 }, { 1ull << 63, 1ull << 63 },
    };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        IRBlock *b = ir_block_new(&globals, 0x1000, 0);
        IRTempIdx t = ir_new_temp(b, IR_TYPE_I64);
        uint64_t args[4] = { t, ir_const(b, IR_TYPE_I64, 5), fields[i][0], fields[i][1] };
        char err[200] = "";

        ir_emit(b, IR_OP_extract, IR_TYPE_I64, args, 4);
        ir_gen_exit_tb(b);
        bool rejected = ir_check(b, err, sizeof(err)) != 0;
        char name[80];
        snprintf(name, sizeof(name), "ir_check rejects extract pos=%llu len=%llu",
                 (unsigned long long)fields[i][0], (unsigned long long)fields[i][1]);
        report(rejected, name, "accepted");
        ir_block_free(b);
    }
}

int main(void)
{
    fixtures_init();
    test_check_field_overflow();
    test_all_ops();
    test_known();
    test_bad();
    test_fuzz();
    printf("%s\n", failures ? "some tests FAILED" : "all tests passed");
    return failures ? 1 : 0;
}
