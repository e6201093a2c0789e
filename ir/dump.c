/*
 * dump.c - print IR blocks in the text form that ir/parse.c reads back.
 *
 * The syntax is described in docs/ir.md.  Invariants of the output:
 *  - every temp operand prints as a name that denotes that temp and no other:
 *    `env`, a global's declared name, `$value` for a constant, and a
 *    generated name for normal (`t<index>`) and local (`l<index>`) temps,
 *    with `_` appended while it collides with a global's name;
 *  - ir_dump declares every normal and local temp, in index order, before the
 *    first op, so that ir_parse_block allocates them in the same order and a
 *    second dump/parse round gives the identical op array;
 *  - labels print as `L<id>`, and the parser maps `L<n>` back to id n;
 *  - a constant whose type its position does not determine (the address of a
 *    guest memory op) reads as i64 unless it carries a `:i32` suffix, which
 *    is printed exactly when the constant is not i64.
 * The dumper never trusts its input: a malformed op prints something visibly
 * wrong (`<bad ...>`) instead of reading out of bounds, because it is also
 * used to show blocks that ir_check rejected.
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "ir/ir.h"

/* Longest generated name: "l" + 10 digits + some '_' + NUL. */
#define DUMP_NAME_MAX (IR_NAME_MAX + 16)

static bool is_global_name(const IRBlock *b, const char *name)
{
    return b->globals && ir_globals_find(b->globals, name) != 0;
}

/* The name a normal or local temp prints as (see the file comment). */
static void temp_gen_name(const IRBlock *b, IRTempIdx t, char *buf, size_t len)
{
    size_t n = (size_t)snprintf(buf, len, "%c%" PRIu32,
                                b->temps[t].kind == IR_TEMP_LOCAL ? 'l' : 't', t);

    while (is_global_name(b, buf) && n + 1 < len) {
        buf[n++] = '_';
        buf[n] = '\0';
    }
}

/* Print an integer constant argument: small ones in decimal, the rest in
 * hexadecimal; negative values of the type's signed range with a '-'. */
static void print_signed(FILE *f, IRType type, uint64_t v)
{
    int64_t s = type == IR_TYPE_I32 ? (int64_t)(int32_t)v : (int64_t)v;

    v = ir_trunc(type, v);
    if (s < 0 && s >= -4096)
        fprintf(f, "%" PRId64, s);
    else if (v < 4096)
        fprintf(f, "%" PRIu64, v);
    else
        fprintf(f, "0x%" PRIx64, v);
}

static void print_unsigned(FILE *f, uint64_t v)
{
    if (v < 10)
        fprintf(f, "%" PRIu64, v);
    else
        fprintf(f, "0x%" PRIx64, v);
}

static void print_temp(FILE *f, const IRBlock *b, uint64_t t, bool is_addr)
{
    char name[DUMP_NAME_MAX];

    if (t >= b->nb_temps) {
        fprintf(f, "<bad temp %" PRIu64 ">", t);
        return;
    }
    const IRTemp *tp = &b->temps[t];
    switch (tp->kind) {
    case IR_TEMP_FIXED:
    case IR_TEMP_GLOBAL:
        fputs(tp->name[0] ? tp->name : "<unnamed global>", f);
        break;
    case IR_TEMP_CONST:
        fputc('$', f);
        print_signed(f, tp->type, tp->val);
        if (is_addr && tp->type != IR_TYPE_I64)
            fprintf(f, ":%s", tp->type < IR_TYPE_COUNT ? ir_type_names[tp->type] : "?");
        break;
    default:
        temp_gen_name(b, (IRTempIdx)t, name, sizeof(name));
        fputs(name, f);
        break;
    }
}

static void print_memop(FILE *f, uint64_t mo)
{
    if (mo & ~(uint64_t)(IR_MO_SIZE | IR_MO_SIGN | IR_MO_BE | IR_MO_ALIGN)) {
        fprintf(f, "<bad memop 0x%" PRIx64 ">", mo);
        return;
    }
    fprintf(f, "%c%u%s%s", (mo & IR_MO_SIGN) ? 's' : 'u', 8u << (mo & IR_MO_SIZE),
            (mo & IR_MO_BE) ? "be" : "le", (mo & IR_MO_ALIGN) ? "+al" : "");
}

static void print_cond(FILE *f, uint64_t c)
{
    if (c < IR_COND_COUNT)
        fputs(ir_cond_names[c], f);
    else
        fprintf(f, "<bad cond %" PRIu64 ">", c);
}

static void print_barrier(FILE *f, uint64_t kind)
{
    static const char *const names[4] = { "ld_ld", "st_ld", "ld_st", "st_st" };

    if (kind == IR_MB_ALL) {
        fputs("all", f);
        return;
    }
    if (kind == 0 || (kind & ~(uint64_t)IR_MB_ALL)) {
        print_unsigned(f, kind);
        return;
    }
    const char *sep = "";
    for (int i = 0; i < 4; i++) {
        if (kind & (1u << i)) {
            fprintf(f, "%s%s", sep, names[i]);
            sep = "|";
        }
    }
}

/* Print the constant arguments of op, which follow its temps. */
static void print_consts(FILE *f, const IROp *op, const uint64_t *c, const char *sep)
{
    switch (op->opc) {
    case IR_OP_br:
        fprintf(f, "%sL%" PRIu64, sep, c[0]);
        break;
    case IR_OP_brcond:
        fputs(sep, f);
        print_cond(f, c[0]);
        fprintf(f, ", L%" PRIu64, c[1]);
        break;
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        fputs(sep, f);
        print_cond(f, c[0]);
        break;
    case IR_OP_mb:
        fputs(sep, f);
        print_barrier(f, c[0]);
        break;
    case IR_OP_guest_ld: case IR_OP_guest_st:
        fputs(sep, f);
        print_memop(f, c[0]);
        break;
    case IR_OP_insn_start:
        fprintf(f, "%s0x%" PRIx64 ", ", sep, c[0]);
        print_unsigned(f, c[1]);
        break;
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        fprintf(f, "%s%" PRIu64 ", %" PRIu64, sep, c[0], c[1]);
        break;
    case IR_OP_extract2: case IR_OP_goto_tb:
        fprintf(f, "%s%" PRIu64, sep, c[0]);
        break;
    default:
        /* Host loads and stores: a signed byte offset from the base. */
        for (int i = 0; i < op->nb_cargs; i++) {
            fputs(sep, f);
            print_signed(f, IR_TYPE_I64, c[i]);
            sep = ", ";
        }
        break;
    }
}

void ir_dump_op(FILE *f, const IRBlock *b, const IROp *op)
{
    if (op->opc >= IR_OP_COUNT) {
        fprintf(f, "<bad opcode %u>", op->opc);
        return;
    }
    const IROpDef *def = &ir_op_defs[op->opc];
    int ntemps = op->nb_oargs + op->nb_iargs;
    if (ntemps + op->nb_cargs > IR_MAX_ARGS) {
        fprintf(f, "%s <bad argument counts>", def->name);
        return;
    }
    if (op->opc == IR_OP_set_label) {
        fprintf(f, "L%" PRIu64 ":", op->args[0]);
        return;
    }

    fputs(def->name, f);
    if (def->flags & IR_OPF_INT)
        fprintf(f, ".%s", op->type < IR_TYPE_COUNT ? ir_type_names[op->type] : "?");

    const char *sep = " ";
    if (op->opc == IR_OP_call) {
        const IRHelper *h = (const IRHelper *)(uintptr_t)op->args[ntemps];
        fprintf(f, " %s", h ? h->name : "<null helper>");
        sep = ", ";
    }
    for (int i = 0; i < ntemps; i++) {
        /* Only the address of a guest memory op has a type that its position
         * does not fix. */
        bool addr = (def->flags & IR_OPF_GUEST_MEM) && i == ntemps - 1;
        fputs(sep, f);
        print_temp(f, b, op->args[i], addr);
        sep = ", ";
    }
    if (op->opc != IR_OP_call)
        print_consts(f, op, &op->args[ntemps], sep);
}

void ir_dump(FILE *f, const IRBlock *b)
{
    char name[DUMP_NAME_MAX];

    for (IRTempIdx t = 0; t < b->nb_temps; t++) {
        const IRTemp *tp = &b->temps[t];
        if (tp->kind != IR_TEMP_NORMAL && tp->kind != IR_TEMP_LOCAL)
            continue;
        temp_gen_name(b, t, name, sizeof(name));
        fprintf(f, "    %s %s %s\n", tp->kind == IR_TEMP_LOCAL ? "local" : "temp",
                tp->type < IR_TYPE_COUNT ? ir_type_names[tp->type] : "?", name);
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc != IR_OP_set_label)
            fputs("    ", f);
        ir_dump_op(f, b, op);
        fputc('\n', f);
    }
}
