/*
 * ir-optcheck.c - "IR text in, expected IR text out" tests of ir_optimize.
 *
 * Usage: ir-optcheck DIR [FILE.opt...]
 * Reads every *.opt file in DIR (in name order), or only the named ones, and
 * prints `PASS: NAME` or `FAIL: NAME` for each, followed on failure by the
 * reason and both blocks.  Exits 1 if any test failed, else 0.
 *
 * File format:
 *
 *     # comments and blank lines anywhere
 *     global i64 x0          # guest globals, as in IR program files; `pc` is
 *     global i32 w1          # predeclared (i64), as for the IR test guest
 *     --- input
 *     ...IR text of one block (the syntax of COMMON.md / docs/ir.md)...
 *     --- expected
 *     ...IR text of what ir_optimize must turn it into...
 *
 * Both texts are parsed with ir_parse_block into blocks sharing the globals;
 * the input block is optimized and must still pass ir_check; then the two are
 * compared op by op, nops ignored:
 *  - same opcode, same argument counts, same type for typed (IR_OPF_INT) ops;
 *  - temp arguments: same kind and type; constants by value, globals and env
 *    by name; normal and local temps through a consistent one-to-one renaming
 *    built as the comparison goes, so a test never has to predict which temp
 *    the optimizer kept or how the parser numbered them;
 *  - labels through a consistent one-to-one renaming as well; other constant
 *    arguments (conditions, memops, offsets, helper) exactly.
 *
 * The expected text is written from the optimizer's rules (ir/optimize.c),
 * by hand, never captured from its output.
 *
 * The built-in helpers of the IR test guest (COMMON.md) are registered here
 * with the same names, signatures and flags, so that this program does not
 * depend on frontend/irtest being linked.
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpu.h"
#include "ir/ir.h"

/* ---- helpers of the IR test guest (never called here) ---------------------- */

static void h_halt(void *env) { (void)env; }
static uint64_t h_add64(uint64_t a, uint64_t b) { return a + b; }
static void h_bump(void *env) { (void)env; }
static uint64_t h_sum_globals(void *env) { (void)env; return 0; }
static void h_raise_if(void *env, uint64_t c) { (void)env; (void)c; }
static void h_invalidate(void *env, uint64_t a, uint64_t n) { (void)env; (void)a; (void)n; }

static IRHelper helpers[] = {
    { .name = "halt", .fn = (void *)h_halt, .ret = IR_TYPE_VOID, .nb_args = 1,
      .args = { IR_TYPE_I64 }, .flags = IR_CALL_MAY_RAISE },
    { .name = "add64", .fn = (void *)h_add64, .ret = IR_TYPE_I64, .nb_args = 2,
      .args = { IR_TYPE_I64, IR_TYPE_I64 }, .flags = IR_CALL_PURE },
    { .name = "bump", .fn = (void *)h_bump, .ret = IR_TYPE_VOID, .nb_args = 1,
      .args = { IR_TYPE_I64 }, .flags = IR_CALL_WRITES_GLOBALS },
    { .name = "sum_globals", .fn = (void *)h_sum_globals, .ret = IR_TYPE_I64, .nb_args = 1,
      .args = { IR_TYPE_I64 }, .flags = IR_CALL_READS_GLOBALS },
    { .name = "raise_if", .fn = (void *)h_raise_if, .ret = IR_TYPE_VOID, .nb_args = 2,
      .args = { IR_TYPE_I64, IR_TYPE_I64 }, .flags = IR_CALL_MAY_RAISE },
    { .name = "invalidate", .fn = (void *)h_invalidate, .ret = IR_TYPE_VOID, .nb_args = 3,
      .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 }, .flags = 0 },
};

/* ---- reading a test file ------------------------------------------------------ */

typedef struct OptTest {
    char *text;             /* the whole file, modified in place */
    const char *input, *expected;
    int input_line, expected_line;  /* line before each section's first line */
} OptTest;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, n;

    if (!f)
        return NULL;
    do {
        if (cap - len < 4096) {
            cap = cap ? 2 * cap : 8192;
            buf = realloc(buf, cap + 1);
            if (!buf)
                abort();
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    fclose(f);
    buf[len] = 0;
    return buf;
}

/* Split the file at the `--- input` / `--- expected` lines and declare the
 * globals of the header.  Returns NULL or an error message (in msg). */
static const char *parse_test(OptTest *t, IRGlobals *g, char *msg, size_t msglen)
{
    char *p = t->text;
    int line = 0;
    int section = 0;    /* 0 header, 1 input, 2 expected */

    while (*p) {
        char *eol = strchr(p, '\n');
        char *next = eol ? eol + 1 : p + strlen(p);
        line++;
        if (strncmp(p, "--- input", 9) == 0 && section == 0) {
            *p = 0;
            t->input = next;
            t->input_line = line;
            section = 1;
        } else if (strncmp(p, "--- expected", 12) == 0 && section == 1) {
            *p = 0;
            t->expected = next;
            t->expected_line = line;
            section = 2;
        } else if (section == 0) {
            char buf[256], kw[16], type[8], name[IR_NAME_MAX + 8];
            size_t len = (size_t)(eol ? eol - p : next - p);
            int n;
            if (len >= sizeof(buf))
                len = sizeof(buf) - 1;
            memcpy(buf, p, len);
            buf[len] = 0;
            buf[strcspn(buf, "#")] = 0;
            n = sscanf(buf, "%15s %7s %31s", kw, type, name);
            if (n > 0) {
                IRType ty = strcmp(type, "i32") == 0 ? IR_TYPE_I32 : IR_TYPE_I64;
                if (n != 3 || strcmp(kw, "global") != 0
                    || (strcmp(type, "i32") != 0 && strcmp(type, "i64") != 0)) {
                    snprintf(msg, msglen, "line %d: expected `global i32|i64 NAME`", line);
                    return msg;
                }
                if (!ir_globals_add(g, name, ty,
                                    (int32_t)(sizeof(CPUCommon) + 8 * (g->count - 1)))) {
                    snprintf(msg, msglen, "line %d: bad or duplicate global %s", line, name);
                    return msg;
                }
            }
        }
        p = next;
    }
    if (section != 2) {
        snprintf(msg, msglen, "missing `--- input` or `--- expected` line");
        return msg;
    }
    return NULL;
}

/* ---- comparing blocks ------------------------------------------------------------- */

/* A one-to-one renaming between indices of two blocks. */
typedef struct Renaming {
    int64_t *fwd, *bwd;
    size_t nf, nb;
} Renaming;

static void ren_init(Renaming *r, size_t nf, size_t nb)
{
    r->nf = nf;
    r->nb = nb;
    r->fwd = malloc((nf + 1) * sizeof(int64_t));
    r->bwd = malloc((nb + 1) * sizeof(int64_t));
    if (!r->fwd || !r->bwd)
        abort();
    for (size_t i = 0; i < nf; i++)
        r->fwd[i] = -1;
    for (size_t i = 0; i < nb; i++)
        r->bwd[i] = -1;
}

static void ren_free(Renaming *r)
{
    free(r->fwd);
    free(r->bwd);
}

static bool ren_match(Renaming *r, uint64_t a, uint64_t e)
{
    if (a >= r->nf || e >= r->nb)
        return false;
    if (r->fwd[a] < 0 && r->bwd[e] < 0) {
        r->fwd[a] = (int64_t)e;
        r->bwd[e] = (int64_t)a;
        return true;
    }
    return r->fwd[a] == (int64_t)e && r->bwd[e] == (int64_t)a;
}

static bool temps_match(const IRBlock *a, uint64_t ta, const IRBlock *e, uint64_t te,
                        Renaming *ren)
{
    const IRTemp *x = &a->temps[ta], *y = &e->temps[te];

    if (x->kind != y->kind || x->type != y->type)
        return false;
    switch (x->kind) {
    case IR_TEMP_CONST:
        return x->val == y->val;
    case IR_TEMP_FIXED:
    case IR_TEMP_GLOBAL:
        return strcmp(x->name, y->name) == 0;
    default:
        return ren_match(ren, ta, te);
    }
}

static bool is_label_arg(const IROp *op, int k)
{
    int c = k - op->nb_oargs - op->nb_iargs;

    return (op->opc == IR_OP_set_label && c == 0) || (op->opc == IR_OP_br && c == 0)
           || (op->opc == IR_OP_brcond && c == 1);
}

/* Compare; on a difference write the reason to why. */
static bool blocks_match(const IRBlock *a, const IRBlock *e, char *why, size_t whylen)
{
    Renaming temps, labels;
    uint32_t i = 0, j = 0;
    bool ok = false;

    ren_init(&temps, a->nb_temps, e->nb_temps);
    ren_init(&labels, a->nb_labels, e->nb_labels);
    for (;;) {
        while (i < a->nb_ops && a->ops[i].opc == IR_OP_nop)
            i++;
        while (j < e->nb_ops && e->ops[j].opc == IR_OP_nop)
            j++;
        if (i == a->nb_ops || j == e->nb_ops) {
            if (i != a->nb_ops || j != e->nb_ops) {
                snprintf(why, whylen, "optimized block has %s ops than expected",
                         i == a->nb_ops ? "fewer" : "more");
                goto out;
            }
            break;
        }
        const IROp *x = &a->ops[i], *y = &e->ops[j];
        const IROpDef *def = &ir_op_defs[x->opc];
        int nt = x->nb_oargs + x->nb_iargs;
        if (x->opc != y->opc || x->nb_oargs != y->nb_oargs || x->nb_iargs != y->nb_iargs
            || x->nb_cargs != y->nb_cargs || ((def->flags & IR_OPF_INT) && x->type != y->type)) {
            snprintf(why, whylen, "op %u (%s) differs from expected op %u (%s)",
                     i, def->name, j, ir_op_defs[y->opc].name);
            goto out;
        }
        for (int k = 0; k < nt + x->nb_cargs; k++) {
            bool same;
            if (k < nt)
                same = temps_match(a, x->args[k], e, y->args[k], &temps);
            else if (is_label_arg(x, k))
                same = ren_match(&labels, x->args[k], y->args[k]);
            else
                same = x->args[k] == y->args[k];
            if (!same) {
                snprintf(why, whylen, "op %u (%s): argument %d differs from expected op %u",
                         i, def->name, k, j);
                goto out;
            }
        }
        i++;
        j++;
    }
    ok = true;
out:
    ren_free(&temps);
    ren_free(&labels);
    return ok;
}

/* ---- one test ------------------------------------------------------------------- */

static void print_block(const char *title, const IRBlock *b)
{
    printf("--- %s\n", title);
    ir_dump(stdout, b);
}

/* Returns true on PASS; prints the PASS/FAIL line and details. */
static bool run_test(const char *path, const char *name)
{
    OptTest t = { 0 };
    IRGlobals g;
    IRBlock *in = NULL, *ex = NULL, *orig = NULL;
    IRParseError perr;
    char msg[512], err[256];
    const char *fail = NULL;

    ir_globals_init(&g);
    t.text = read_file(path);
    if (!t.text) {
        snprintf(msg, sizeof(msg), "cannot read %s", path);
        fail = msg;
        goto done;
    }
    ir_globals_add(&g, "pc", IR_TYPE_I64, (int32_t)offsetof(CPUCommon, pc));
    if ((fail = parse_test(&t, &g, msg, sizeof(msg))))
        goto done;
    in = ir_block_new(&g, 0x1000, 0);
    orig = ir_block_new(&g, 0x1000, 0);
    ex = ir_block_new(&g, 0x1000, 0);
    if (ir_parse_block(in, t.input, t.input_line, &perr) < 0
        || ir_parse_block(orig, t.input, t.input_line, &perr) < 0
        || ir_parse_block(ex, t.expected, t.expected_line, &perr) < 0) {
        snprintf(msg, sizeof(msg), "%s:%d:%d: error: %s", path, perr.line, perr.column, perr.msg);
        fail = msg;
        goto done;
    }
    if (ir_check(in, err, sizeof(err)) < 0 || ir_check(ex, err, sizeof(err)) < 0) {
        snprintf(msg, sizeof(msg), "test block fails ir_check: %s", err);
        fail = msg;
        goto done;
    }
    ir_optimize(in);
    if (ir_check(in, err, sizeof(err)) < 0) {
        snprintf(msg, sizeof(msg), "optimized block fails ir_check: %s", err);
        fail = msg;
    } else if (!blocks_match(in, ex, err, sizeof(err))) {
        snprintf(msg, sizeof(msg), "%s", err);
        fail = msg;
    }

done:
    if (fail) {
        printf("FAIL: %s (%s)\n", name, fail);
        if (orig && orig->nb_ops)
            print_block("input", orig);
        if (in && in->nb_ops)
            print_block("optimized", in);
        if (ex && ex->nb_ops)
            print_block("expected", ex);
    } else {
        printf("PASS: %s\n", name);
    }
    ir_block_free(in);
    ir_block_free(orig);
    ir_block_free(ex);
    ir_globals_free(&g);
    free(t.text);
    return fail == NULL;
}

static int opt_file_filter(const struct dirent *d)
{
    size_t n = strlen(d->d_name);

    return n > 4 && strcmp(d->d_name + n - 4, ".opt") == 0;
}

int main(int argc, char **argv)
{
    struct dirent **list;
    int n, failed = 0, passed = 0;
    char path[4096];

    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [FILE.opt...]\n", argv[0]);
        return 2;
    }
    for (size_t k = 0; k < sizeof(helpers) / sizeof(helpers[0]); k++)
        ir_helper_register(&helpers[k]);

    if (argc > 2) {
        for (int k = 2; k < argc; k++) {
            snprintf(path, sizeof(path), "%s/%s", argv[1], argv[k]);
            if (run_test(path, argv[k]))
                passed++;
            else
                failed++;
        }
    } else {
        n = scandir(argv[1], &list, opt_file_filter, alphasort);
        if (n < 0) {
            printf("FAIL: %s (cannot read the directory)\n", argv[1]);
            return 1;
        }
        for (int k = 0; k < n; k++) {
            snprintf(path, sizeof(path), "%s/%s", argv[1], list[k]->d_name);
            if (run_test(path, list[k]->d_name))
                passed++;
            else
                failed++;
            free(list[k]);
        }
        free(list);
        if (n == 0) {
            printf("FAIL: %s (no .opt files)\n", argv[1]);
            failed++;
        }
    }
    printf("ir-optcheck: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
