/*
 * parse.c - read the IR text form (docs/ir.md) into an IRBlock.
 *
 * One line at a time, in a single pass.  Invariants that make
 * dump(parse(text)) parse back to an identical op array:
 *  - declared temps are allocated when their declaration is read, and
 *    constants only at the end (in order of first use, by op then argument),
 *    so that declared temps always precede constants whatever the text order;
 *    ir_dump declares every temp first, so both orders agree;
 *  - a label named L<n> (n <= 65535, no leading zero) gets id n (plus the
 *    number of labels the block had before parsing); other label names get
 *    the ids after the largest numbered one, in order of first appearance.
 * Constants and labels are therefore left as fix-ups (op, argument) while
 * the ops are read, and filled in once the whole text is known.
 *
 * Beyond ir_check, the parser enforces what a reader of the text would get
 * wrong silently: a normal temp must be written in the basic block that
 * reads it (normal temps die at every label and branch).
 *
 * Every error carries a line and a 1-based column; the parser never reads
 * outside the text and frees everything it allocated, whatever the input.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

/* Largest label number L<n> taken as id n: label ids size per-block arrays. */
#define PARSE_MAX_LABEL_NUM 65535

typedef struct Str {
    const char *s;
    int len;
    int col;            /* 1-based column of s[0] */
} Str;

/* Name -> value, open addressing; keys point into the parsed text. */
typedef struct SymTab {
    Str *key;
    uint32_t *val;
    uint32_t cap, count;
} SymTab;

typedef struct Label {
    Str name;
    int num;            /* n for "L<n>", else -1 */
    int def_line;       /* 0: not defined (yet) */
    int ref_line, ref_col; /* first reference, 0 if none */
    uint32_t id;
} Label;

enum { FIX_CONST, FIX_LABEL };

typedef struct Fixup {
    uint32_t op;
    uint8_t arg, kind;
    IRType type;        /* FIX_CONST */
    uint64_t val;       /* constant value, or index into labels */
} Fixup;

typedef struct OpLoc { int line, col; } OpLoc;

typedef struct Parser {
    IRBlock *b;
    IRParseError *err;
    int line_base;
    int line;           /* current line, 1-based within the text */

    SymTab temps;       /* declared temps -> temp index */
    SymTab label_tab;   /* label name -> index into labels */
    Label *labels;
    uint32_t nb_labels, labels_cap;
    Fixup *fix;
    uint32_t nb_fix, fix_cap;
    OpLoc *oploc;       /* per op appended by this parse */
    uint32_t first_op, oploc_cap;

    /* Basic-block tracking of normal temps: written[t] == bb means temp t
     * was written in the current basic block. */
    uint32_t *written;
    uint32_t written_cap, bb;
} Parser;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        abort();
    return p;
}

/* Grow *v (of *cap elements of size sz) to hold at least need elements. */
static void grow(void *vp, uint32_t *cap, uint32_t need, size_t sz)
{
    void **v = vp;

    if (need <= *cap)
        return;
    uint32_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    *v = xrealloc(*v, (size_t)ncap * sz);
    *cap = ncap;
}

static int perr(Parser *p, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int perr(Parser *p, int col, const char *fmt, ...)
{
    va_list ap;

    p->err->line = p->line_base + p->line;
    p->err->column = col;
    va_start(ap, fmt);
    vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
    va_end(ap);
    return -1;
}

/* Names in messages are cut so that the message stays readable. */
#define NAMEFMT "'%.*s'"
#define NAMEARG(str) ((str).len > 40 ? 40 : (str).len), (str).s

static bool str_eq(Str a, const char *z)
{
    return (size_t)a.len == strlen(z) && memcmp(a.s, z, a.len) == 0;
}

static bool is_ident_start(int c) { return isalpha(c) || c == '_'; }
static bool is_ident_char(int c) { return isalnum(c) || c == '_'; }

static bool str_is_ident(Str a)
{
    if (a.len == 0 || !is_ident_start((unsigned char)a.s[0]))
        return false;
    for (int i = 1; i < a.len; i++)
        if (!is_ident_char((unsigned char)a.s[i]))
            return false;
    return true;
}

/* Copy a into buf (NUL-terminated); false if it does not fit. */
static bool str_copy(Str a, char *buf, size_t len)
{
    if ((size_t)a.len >= len)
        return false;
    memcpy(buf, a.s, a.len);
    buf[a.len] = '\0';
    return true;
}

/* ---- symbol tables ------------------------------------------------------- */

static uint32_t str_hash(Str a)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < a.len; i++)
        h = (h ^ (unsigned char)a.s[i]) * 16777619u;
    return h;
}

static bool sym_find(const SymTab *t, Str k, uint32_t *val)
{
    if (!t->cap)
        return false;
    for (uint32_t j = str_hash(k) & (t->cap - 1); t->key[j].s; j = (j + 1) & (t->cap - 1)) {
        if (t->key[j].len == k.len && memcmp(t->key[j].s, k.s, k.len) == 0) {
            *val = t->val[j];
            return true;
        }
    }
    return false;
}

/* Insert a key known to be absent. */
static void sym_add(SymTab *t, Str k, uint32_t val)
{
    if (2 * (t->count + 1) > t->cap) {
        SymTab n = { .cap = t->cap ? 2 * t->cap : 64 };
        n.key = calloc(n.cap, sizeof(Str));
        n.val = calloc(n.cap, sizeof(uint32_t));
        if (!n.key || !n.val)
            abort();
        for (uint32_t i = 0; i < t->cap; i++)
            if (t->key[i].s)
                sym_add(&n, t->key[i], t->val[i]);
        free(t->key);
        free(t->val);
        *t = n;
    }
    uint32_t j = str_hash(k) & (t->cap - 1);
    while (t->key[j].s)
        j = (j + 1) & (t->cap - 1);
    t->key[j] = k;
    t->val[j] = val;
    t->count++;
}

static void sym_free(SymTab *t)
{
    free(t->key);
    free(t->val);
}

/* ---- numbers and names --------------------------------------------------- */

bool ir_parse_int(const char *s, int len, bool *neg, uint64_t *mag)
{
    int i = 0;
    unsigned base = 10;
    uint64_t v = 0;

    *neg = false;
    if (i < len && s[i] == '-') {
        *neg = true;
        i++;
    }
    if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        base = 16;
        i += 2;
    }
    if (i >= len)
        return false;
    for (; i < len; i++) {
        int c = (unsigned char)s[i];
        unsigned d;
        if (isdigit(c))
            d = c - '0';
        else if (base == 16 && isxdigit(c))
            d = (unsigned)(tolower(c) - 'a' + 10);
        else
            return false;
        if (v > (UINT64_MAX - d) / base)
            return false;
        v = v * base + d;
    }
    *mag = v;
    return true;
}

static bool parse_int(Str a, bool *neg, uint64_t *mag)
{
    return ir_parse_int(a.s, a.len, neg, mag);
}

/* Does the integer fit type t (either as signed or as unsigned)? */
static bool int_fits(IRType t, bool neg, uint64_t mag)
{
    if (t == IR_TYPE_I32)
        return neg ? mag <= 0x80000000ull : mag <= 0xffffffffull;
    return neg ? mag <= 0x8000000000000000ull : true;
}

/* A plain number argument (no '$'), any 64-bit value. */
static int parse_plain(Parser *p, Str a, uint64_t *out)
{
    bool neg;
    uint64_t mag;

    if (!parse_int(a, &neg, &mag) || !int_fits(IR_TYPE_I64, neg, mag))
        return perr(p, a.col, "expected a number, got " NAMEFMT, NAMEARG(a));
    *out = neg ? -mag : mag;
    return 0;
}

static int parse_type(Parser *p, Str a, IRType *t)
{
    for (int i = 0; i < IR_TYPE_COUNT; i++) {
        if (str_eq(a, ir_type_names[i])) {
            *t = (IRType)i;
            return 0;
        }
    }
    return perr(p, a.col, "unknown type " NAMEFMT " (expected i32 or i64)", NAMEARG(a));
}

static int parse_cond(Parser *p, Str a, uint64_t *out)
{
    for (int i = 0; i < IR_COND_COUNT; i++) {
        if (str_eq(a, ir_cond_names[i])) {
            *out = (uint64_t)i;
            return 0;
        }
    }
    return perr(p, a.col, "bad condition " NAMEFMT " (expected one of never always eq ne "
                "lt ge le gt ltu geu leu gtu tsteq tstne)", NAMEARG(a));
}

/* [s|u](8|16|32|64)[le|be][+al]; the byte order may be left out for 8 bits. */
static int parse_memop(Parser *p, Str a, IRType type, bool load, uint64_t *out)
{
    static const char *const sizes[4] = { "8", "16", "32", "64" };
    const char *s = a.s, *end = a.s + a.len;
    uint64_t mo = 0;
    int size = -1;

    if (s < end && (*s == 's' || *s == 'u')) {
        if (*s == 's')
            mo |= IR_MO_SIGN;
        s++;
        for (int i = 3; i >= 0 && size < 0; i--) {
            size_t n = strlen(sizes[i]);
            if ((size_t)(end - s) >= n && memcmp(s, sizes[i], n) == 0) {
                size = i;
                s += n;
            }
        }
    }
    if (size < 0)
        goto bad;
    mo |= (uint64_t)size;
    if (end - s >= 2 && (memcmp(s, "le", 2) == 0 || memcmp(s, "be", 2) == 0)) {
        if (s[0] == 'b')
            mo |= IR_MO_BE;
        s += 2;
    } else if (size != IR_MO_8) {
        goto bad;
    }
    if (end - s == 3 && memcmp(s, "+al", 3) == 0) {
        mo |= IR_MO_ALIGN;
        s += 3;
    }
    if (s != end)
        goto bad;
    if ((mo & IR_MO_SIGN) && !load)
        return perr(p, a.col, "a store's memop is unsigned: " NAMEFMT, NAMEARG(a));
    if (size == IR_MO_64 && type != IR_TYPE_I64)
        return perr(p, a.col, "a 64-bit access needs an i64 op");
    *out = mo;
    return 0;
bad:
    return perr(p, a.col, "bad memop " NAMEFMT " (expected [s|u](8|16|32|64)(le|be)[+al], "
                "e.g. u32le or s16be+al)", NAMEARG(a));
}

/* all, or a '|'-separated list of ld_ld st_ld ld_st st_st, or a number. */
static int parse_barrier(Parser *p, Str a, uint64_t *out)
{
    static const char *const names[4] = { "ld_ld", "st_ld", "ld_st", "st_st" };
    uint64_t kind = 0;
    bool neg;
    uint64_t mag;

    if (str_eq(a, "all")) {
        *out = IR_MB_ALL;
        return 0;
    }
    if (parse_int(a, &neg, &mag) && !neg && mag <= IR_MB_ALL) {
        *out = mag;
        return 0;
    }
    for (int i = 0; i < a.len;) {
        Str w = { a.s + i, 0, a.col + i };
        while (i < a.len && a.s[i] != '|') {
            i++;
            w.len++;
        }
        while (w.len && isspace((unsigned char)w.s[0])) {
            w.s++; w.len--; w.col++;
        }
        while (w.len && isspace((unsigned char)w.s[w.len - 1]))
            w.len--;
        int k;
        for (k = 0; k < 4 && !str_eq(w, names[k]); k++)
            continue;
        if (k == 4)
            return perr(p, w.col, "bad barrier kind " NAMEFMT " (expected all, or ld_ld, "
                        "st_ld, ld_st, st_st joined by '|')", NAMEARG(w));
        kind |= 1u << k;
        i++;    /* skip the '|' */
    }
    *out = kind;
    return 0;
}

/* ---- temps -------------------------------------------------------------- */

static void written_grow(Parser *p)
{
    uint32_t old = p->written_cap;
    grow(&p->written, &p->written_cap, p->b->nb_temps, sizeof(uint32_t));
    if (p->written_cap > old)
        memset(p->written + old, 0xff, (p->written_cap - old) * sizeof(uint32_t));
}

/* "temp TYPE NAME[, NAME...]" or "local ...", rest starts after the keyword. */
static int parse_decl(Parser *p, bool local, const char *rest, const char *end, const char *ls)
{
    Str tname = { 0 };
    IRType type;

    while (rest < end && isspace((unsigned char)*rest))
        rest++;
    tname.s = rest;
    tname.col = (int)(rest - ls) + 1;
    while (rest < end && is_ident_char((unsigned char)*rest))
        rest++;
    tname.len = (int)(rest - tname.s);
    if (tname.len == 0)
        return perr(p, tname.col, "expected a type after '%s'", local ? "local" : "temp");
    if (parse_type(p, tname, &type) < 0)
        return -1;
    for (;;) {
        while (rest < end && isspace((unsigned char)*rest))
            rest++;
        Str name = { rest, 0, (int)(rest - ls) + 1 };
        while (rest < end && !isspace((unsigned char)*rest) && *rest != ',')
            rest++;
        name.len = (int)(rest - name.s);
        if (name.len == 0)
            return perr(p, name.col, "expected a temp name");
        if (!str_is_ident(name))
            return perr(p, name.col, "bad temp name " NAMEFMT " (letters, digits and _, "
                        "not starting with a digit)", NAMEARG(name));
        uint32_t prev;
        char buf[IR_NAME_MAX];
        if (str_eq(name, "env"))
            return perr(p, name.col, "duplicate declaration: 'env' is predefined");
        if (str_copy(name, buf, sizeof(buf)) && p->b->globals
            && ir_globals_find(p->b->globals, buf))
            return perr(p, name.col, "duplicate declaration: " NAMEFMT " is a global",
                        NAMEARG(name));
        if (sym_find(&p->temps, name, &prev))
            return perr(p, name.col, "duplicate declaration of " NAMEFMT, NAMEARG(name));
        IRTempIdx t = local ? ir_new_local(p->b, type) : ir_new_temp(p->b, type);
        sym_add(&p->temps, name, t);
        written_grow(p);
        while (rest < end && isspace((unsigned char)*rest))
            rest++;
        if (rest == end)
            return 0;
        if (*rest != ',')
            return perr(p, (int)(rest - ls) + 1, "expected ',' or the end of the line");
        rest++;
    }
}

/* Look up a temp name: env, a global, or a declared temp. */
static bool lookup_temp(Parser *p, Str a, IRTempIdx *t)
{
    char buf[IR_NAME_MAX];
    uint32_t v;

    if (str_eq(a, "env")) {
        *t = IR_TEMP_ENV;
        return true;
    }
    if (str_copy(a, buf, sizeof(buf)) && p->b->globals) {
        IRTempIdx g = ir_globals_find(p->b->globals, buf);
        if (g && g < p->b->nb_temps && p->b->temps[g].kind == IR_TEMP_GLOBAL) {
            *t = g;
            return true;
        }
    }
    if (sym_find(&p->temps, a, &v)) {
        *t = v;
        return true;
    }
    return false;
}

static void add_fixup(Parser *p, uint32_t op, int arg, int kind, IRType type, uint64_t val)
{
    grow(&p->fix, &p->fix_cap, p->nb_fix + 1, sizeof(Fixup));
    p->fix[p->nb_fix++] = (Fixup){ op, (uint8_t)arg, (uint8_t)kind, type, val };
}

/*
 * Temp operand i of op (which has opc, type, counts and, for a call, the
 * helper set).  A constant becomes a fix-up for op index op_index.
 */
static int parse_temp_arg(Parser *p, IROp *op, uint32_t op_index, int i, Str a)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    bool output = i < op->nb_oargs;
    bool addr = (def->flags & IR_OPF_GUEST_MEM) && i == op->nb_oargs + op->nb_iargs - 1;
    IRType want = addr ? IR_TYPE_I64 : ir_op_arg_type(p->b, op, i);
    IRTempIdx t;

    if (a.s[0] == '$') {
        Str num = { a.s + 1, a.len - 1, a.col + 1 };
        Str suffix = { 0 };
        IRType ctype = want;
        bool neg;
        uint64_t mag;

        if (output)
            return perr(p, a.col, "an output cannot be a constant");
        for (int k = 0; k < num.len; k++) {
            if (num.s[k] == ':') {
                suffix = (Str){ num.s + k + 1, num.len - k - 1, num.col + k + 1 };
                num.len = k;
                break;
            }
        }
        if (suffix.s) {
            if (parse_type(p, suffix, &ctype) < 0)
                return -1;
            if (addr ? ctype != IR_TYPE_I32 && ctype != IR_TYPE_I64 : ctype != want)
                return perr(p, suffix.col, "type mismatch: constant is %s, expected %s",
                            ir_type_names[ctype], addr ? "i32 or i64" : ir_type_names[want]);
        }
        if (ctype != IR_TYPE_I32 && ctype != IR_TYPE_I64)
            return perr(p, a.col, "constants of type %s are not supported", ir_type_names[ctype]);
        if (!parse_int(num, &neg, &mag))
            return perr(p, a.col, "bad constant " NAMEFMT " (expected $<int>, e.g. $5, $-1, "
                        "$0xff)", NAMEARG(a));
        if (!int_fits(ctype, neg, mag))
            return perr(p, a.col, "constant " NAMEFMT " does not fit in %s", NAMEARG(a),
                        ir_type_names[ctype]);
        add_fixup(p, op_index, i, FIX_CONST, ctype, neg ? -mag : mag);
        op->args[i] = IR_TEMP_ENV;  /* replaced by the fix-up */
        return 0;
    }
    if (!str_is_ident(a))
        return perr(p, a.col, "expected a temp name or a $constant, got " NAMEFMT, NAMEARG(a));
    if (!lookup_temp(p, a, &t))
        return perr(p, a.col, "unknown temp " NAMEFMT, NAMEARG(a));

    const IRTemp *tp = &p->b->temps[t];
    if (output && (tp->kind == IR_TEMP_FIXED || tp->kind == IR_TEMP_CONST))
        return perr(p, a.col, "cannot write to " NAMEFMT, NAMEARG(a));
    if (addr) {
        if (tp->type != IR_TYPE_I32 && tp->type != IR_TYPE_I64)
            return perr(p, a.col, "type mismatch: address " NAMEFMT " is %s, expected i32 or i64",
                        NAMEARG(a), ir_type_names[tp->type]);
    } else if (tp->type != want) {
        return perr(p, a.col, "type mismatch: " NAMEFMT " is %s, expected %s", NAMEARG(a),
                    ir_type_names[tp->type], ir_type_names[want]);
    }
    if (!output && tp->kind == IR_TEMP_NORMAL && p->written[t] != p->bb)
        return perr(p, a.col, "temp " NAMEFMT " is read before it is written in this basic "
                    "block (normal temps die at labels and branches; use 'local')",
                    NAMEARG(a));
    op->args[i] = t;
    return 0;
}

/* ---- labels ------------------------------------------------------------- */

static uint32_t label_get(Parser *p, Str name)
{
    uint32_t idx;

    if (sym_find(&p->label_tab, name, &idx))
        return idx;
    grow(&p->labels, &p->labels_cap, p->nb_labels + 1, sizeof(Label));
    idx = p->nb_labels++;
    Label *l = &p->labels[idx];
    memset(l, 0, sizeof(*l));
    l->name = name;
    l->num = -1;
    /* L0, L1... up to L65535 are numbered; L007 or L99999 are plain names
     * (so that names and ids stay one-to-one, and ids stay small). */
    if (name.len >= 2 && name.s[0] == 'L' && isdigit((unsigned char)name.s[1])
        && !(name.s[1] == '0' && name.len > 2)) {
        int k, n = 0;
        for (k = 1; k < name.len && isdigit((unsigned char)name.s[k]) && n <= PARSE_MAX_LABEL_NUM; k++)
            n = n * 10 + (name.s[k] - '0');
        if (k == name.len && n <= PARSE_MAX_LABEL_NUM)
            l->num = n;
    }
    sym_add(&p->label_tab, name, idx);
    return idx;
}

static int label_define(Parser *p, Str name)
{
    if (!str_is_ident(name))
        return perr(p, name.col, "bad label name " NAMEFMT, NAMEARG(name));
    uint32_t idx = label_get(p, name);     /* may move p->labels */
    Label *l = &p->labels[idx];
    if (l->def_line)
        return perr(p, name.col, "duplicate label " NAMEFMT " (first defined at line %d)",
                    NAMEARG(name), p->line_base + l->def_line);
    l->def_line = p->line;
    return 0;
}

static int label_ref(Parser *p, Str name, uint32_t op_index, int arg)
{
    if (!str_is_ident(name))
        return perr(p, name.col, "expected a label name, got " NAMEFMT, NAMEARG(name));
    uint32_t idx = label_get(p, name);
    Label *l = &p->labels[idx];
    if (!l->ref_line) {
        l->ref_line = p->line;
        l->ref_col = name.col;
    }
    add_fixup(p, op_index, arg, FIX_LABEL, IR_TYPE_I64, idx);
    return 0;
}

/* Give every label its id once all are known (see the file comment). */
static int labels_assign(Parser *p)
{
    uint32_t base = p->b->nb_labels, next = 0;
    Label *undef = NULL;

    for (uint32_t i = 0; i < p->nb_labels; i++) {
        Label *l = &p->labels[i];
        if (!l->def_line && (!undef || l->ref_line < undef->ref_line
                             || (l->ref_line == undef->ref_line && l->ref_col < undef->ref_col)))
            undef = l;
        if (l->num >= 0 && (uint32_t)l->num + 1 > next)
            next = (uint32_t)l->num + 1;
    }
    if (undef) {
        p->line = undef->ref_line;
        return perr(p, undef->ref_col, "undefined label " NAMEFMT, NAMEARG(undef->name));
    }
    for (uint32_t i = 0; i < p->nb_labels; i++) {
        Label *l = &p->labels[i];
        l->id = base + (l->num >= 0 ? (uint32_t)l->num : next++);
    }
    while (p->b->nb_labels < base + next)
        ir_new_label(p->b);
    return 0;
}

/* ---- ops ---------------------------------------------------------------- */

static int find_op(Str name)
{
    for (int i = 0; i < IR_OP_COUNT; i++)
        if (str_eq(name, ir_op_defs[i].name))
            return i;
    return -1;
}

/* Split the argument list [s, end) at commas; each argument is trimmed. */
static int split_args(Parser *p, const char *s, const char *end, const char *ls,
                      Str *args, int max, int *nargs)
{
    int n = 0;

    while (s < end && isspace((unsigned char)*s))
        s++;
    if (s == end) {
        *nargs = 0;
        return 0;
    }
    for (;;) {
        const char *a = s;
        while (s < end && *s != ',')
            s++;
        const char *e = s;
        while (a < e && isspace((unsigned char)*a))
            a++;
        while (e > a && isspace((unsigned char)e[-1]))
            e--;
        if (a == e)
            return perr(p, (int)(a - ls) + 1, "empty argument");
        if (n == max)
            return perr(p, (int)(a - ls) + 1, "too many arguments");
        args[n++] = (Str){ a, (int)(e - a), (int)(a - ls) + 1 };
        if (s == end)
            break;
        s++;    /* the comma */
    }
    *nargs = n;
    return 0;
}

static int check_nargs(Parser *p, Str mnem, const Str *args, int nargs, int want)
{
    if (nargs == want)
        return 0;
    return perr(p, nargs > want ? args[want].col : mnem.col,
                "wrong number of arguments for " NAMEFMT ": expected %d, got %d",
                NAMEARG(mnem), want, nargs);
}

/* The constant arguments of a non-call op, by what each one means. */
static int parse_const_args(Parser *p, IROp *op, uint32_t op_index, const Str *a)
{
    int n = op->nb_oargs + op->nb_iargs;
    uint64_t *c = &op->args[n];
    unsigned bits = ir_type_bits((IRType)op->type);

    switch (op->opc) {
    case IR_OP_set_label:
        return label_define(p, a[0]) < 0 ? -1 : label_ref(p, a[0], op_index, n);
    case IR_OP_br:
        return label_ref(p, a[0], op_index, n);
    case IR_OP_brcond:
        if (parse_cond(p, a[0], &c[0]) < 0)
            return -1;
        return label_ref(p, a[1], op_index, n + 1);
    case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
        return parse_cond(p, a[0], &c[0]);
    case IR_OP_mb:
        return parse_barrier(p, a[0], &c[0]);
    case IR_OP_guest_ld: case IR_OP_guest_st:
        return parse_memop(p, a[0], (IRType)op->type, op->opc == IR_OP_guest_ld, &c[0]);
    case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
        if (parse_plain(p, a[0], &c[0]) < 0 || parse_plain(p, a[1], &c[1]) < 0)
            return -1;
        if (c[0] >= bits)
            return perr(p, a[0].col, "field position must be below %u", bits);
        if (c[1] < 1 || c[1] > bits - c[0])
            return perr(p, a[1].col, "field length must be 1..%u at position %u",
                        bits - (unsigned)c[0], (unsigned)c[0]);
        return 0;
    case IR_OP_extract2:
        if (parse_plain(p, a[0], &c[0]) < 0)
            return -1;
        if (c[0] >= bits)
            return perr(p, a[0].col, "position must be below %u", bits);
        return 0;
    case IR_OP_goto_tb:
        if (parse_plain(p, a[0], &c[0]) < 0)
            return -1;
        if (c[0] >= IR_TB_SLOTS)
            return perr(p, a[0].col, "goto_tb slot must be below %d", IR_TB_SLOTS);
        return 0;
    default:
        /* insn_start words, host load/store offsets: plain numbers. */
        for (int i = 0; i < op->nb_cargs; i++)
            if (parse_plain(p, a[i], &c[i]) < 0)
                return -1;
        return 0;
    }
}

static void note_op(Parser *p, int col)
{
    uint32_t k = p->b->nb_ops - 1 - p->first_op;
    grow(&p->oploc, &p->oploc_cap, k + 1, sizeof(OpLoc));
    p->oploc[k] = (OpLoc){ p->line, col };
}

/* After an op: its outputs are written; a basic-block end kills normal temps. */
static void track_op(Parser *p, const IROp *op)
{
    for (int i = 0; i < op->nb_oargs; i++)
        if (op->args[i] < p->written_cap)
            p->written[op->args[i]] = p->bb;
    if (ir_op_defs[op->opc].flags & IR_OPF_BB_END)
        p->bb++;
}

static int parse_call(Parser *p, Str mnem, const Str *args, int nargs)
{
    char buf[64];
    IROp op;
    IRTempIdx targs[IR_HELPER_MAX_ARGS + 1];

    if (nargs < 1)
        return perr(p, mnem.col, "call needs a helper name");
    if (!str_is_ident(args[0]) || !str_copy(args[0], buf, sizeof(buf)))
        return perr(p, args[0].col, "bad helper name " NAMEFMT, NAMEARG(args[0]));
    IRHelper *h = ir_helper_lookup(buf);
    if (!h)
        return perr(p, args[0].col, "unknown helper " NAMEFMT, NAMEARG(args[0]));
    if (h->nb_args > IR_HELPER_MAX_ARGS)
        return perr(p, args[0].col, "helper " NAMEFMT " has too many arguments", NAMEARG(args[0]));

    memset(&op, 0, sizeof(op));
    op.opc = IR_OP_call;
    op.type = h->ret == IR_TYPE_VOID ? IR_TYPE_I64 : h->ret;
    op.nb_oargs = h->ret == IR_TYPE_VOID ? 0 : 1;
    op.nb_iargs = h->nb_args;
    op.nb_cargs = 1;
    int ntemps = op.nb_oargs + op.nb_iargs;
    op.args[ntemps] = (uint64_t)(uintptr_t)h;
    if (nargs - 1 != ntemps)
        return perr(p, nargs - 1 > ntemps ? args[1 + ntemps].col : mnem.col,
                    "wrong number of arguments for call %s: expected %s%d input%s, got %d "
                    "argument%s", h->name, op.nb_oargs ? "1 output and " : "", op.nb_iargs,
                    op.nb_iargs == 1 ? "" : "s", nargs - 1, nargs - 1 == 1 ? "" : "s");
    uint32_t op_index = p->b->nb_ops;
    for (int i = 0; i < ntemps; i++)
        if (parse_temp_arg(p, &op, op_index, i, args[1 + i]) < 0)
            return -1;
    for (int i = 0; i < ntemps; i++)
        targs[i] = (IRTempIdx)op.args[i];
    ir_emit_call(p->b, h, op.nb_oargs ? targs[0] : 0, targs + op.nb_oargs);
    note_op(p, mnem.col);
    track_op(p, &op);
    return 0;
}

/* One line that is neither blank nor a comment: [s, end) with s at its
 * first non-blank character, ls the start of the line. */
static int parse_line(Parser *p, const char *s, const char *end, const char *ls)
{
    Str mnem = { s, 0, (int)(s - ls) + 1 }, tsuf = { 0 };
    Str args[IR_MAX_ARGS + 1];
    int nargs = 0;
    IROp op;

    while (s < end && is_ident_char((unsigned char)*s))
        s++;
    mnem.len = (int)(s - mnem.s);
    if (mnem.len == 0)
        return perr(p, mnem.col, "expected an op, a declaration or a label");

    if (s < end && *s == ':') {
        for (const char *q = s + 1; q < end; q++)
            if (!isspace((unsigned char)*q))
                return perr(p, (int)(q - ls) + 1, "unexpected text after the label");
        if (label_define(p, mnem) < 0)
            return -1;
        uint64_t args1[1] = { 0 };
        ir_emit(p->b, IR_OP_set_label, IR_TYPE_I64, args1, 1);
        note_op(p, mnem.col);
        track_op(p, &p->b->ops[p->b->nb_ops - 1]);
        return label_ref(p, mnem, p->b->nb_ops - 1, 0);
    }
    if (s < end && *s == '.') {
        tsuf.s = ++s;
        tsuf.col = (int)(s - ls) + 1;
        while (s < end && is_ident_char((unsigned char)*s))
            s++;
        tsuf.len = (int)(s - tsuf.s);
    }
    if (s < end && !isspace((unsigned char)*s))
        return perr(p, (int)(s - ls) + 1, isprint((unsigned char)*s) ? "unexpected character '%c'"
                    : "unexpected character 0x%02x", (unsigned char)*s);

    if (!tsuf.s && (str_eq(mnem, "temp") || str_eq(mnem, "local")))
        return parse_decl(p, str_eq(mnem, "local"), s, end, ls);

    int opc = find_op(mnem);
    if (opc < 0)
        return perr(p, mnem.col, "unknown op " NAMEFMT, NAMEARG(mnem));
    const IROpDef *def = &ir_op_defs[opc];
    IRType type = IR_TYPE_I64;
    if (def->flags & IR_OPF_INT) {
        if (!tsuf.s)
            return perr(p, mnem.col, NAMEFMT " needs a type suffix (.i32 or .i64)", NAMEARG(mnem));
        if (str_eq(tsuf, "i32"))
            type = IR_TYPE_I32;
        else if (!str_eq(tsuf, "i64"))
            return perr(p, tsuf.col, "bad type suffix " NAMEFMT " (expected i32 or i64)",
                        NAMEARG(tsuf));
        if ((def->flags & IR_OPF_I64_ONLY) && type != IR_TYPE_I64)
            return perr(p, tsuf.col, NAMEFMT " exists only as .i64", NAMEARG(mnem));
        if ((def->flags & IR_OPF_I32_ONLY) && type != IR_TYPE_I32)
            return perr(p, tsuf.col, NAMEFMT " exists only as .i32", NAMEARG(mnem));
    } else if (tsuf.s) {
        return perr(p, tsuf.col - 1, NAMEFMT " takes no type suffix", NAMEARG(mnem));
    }

    if (split_args(p, s, end, ls, args, IR_MAX_ARGS + 1, &nargs) < 0)
        return -1;
    if (opc == IR_OP_call)
        return parse_call(p, mnem, args, nargs);
    int ntemps = def->nb_oargs + def->nb_iargs;
    if (check_nargs(p, mnem, args, nargs, ntemps + def->nb_cargs) < 0)
        return -1;

    memset(&op, 0, sizeof(op));
    op.opc = (uint16_t)opc;
    op.type = (uint8_t)type;
    op.nb_oargs = def->nb_oargs;
    op.nb_iargs = def->nb_iargs;
    op.nb_cargs = def->nb_cargs;
    uint32_t op_index = p->b->nb_ops;
    for (int i = 0; i < ntemps; i++)
        if (parse_temp_arg(p, &op, op_index, i, args[i]) < 0)
            return -1;
    if (parse_const_args(p, &op, op_index, args + ntemps) < 0)
        return -1;
    ir_emit(p->b, (IROpcode)opc, type, op.args, nargs);
    note_op(p, mnem.col);
    track_op(p, &op);
    return 0;
}

/* Turn an ir_check message "op N (name): what" into an error at op N. */
static int check_error(Parser *p, const char *msg, int end_line)
{
    unsigned n;
    const char *what = strstr(msg, "): ");

    if (sscanf(msg, "op %u", &n) == 1 && n >= p->first_op && n < p->b->nb_ops
        && n - p->first_op < p->oploc_cap) {
        OpLoc loc = p->oploc[n - p->first_op];
        p->line = loc.line;
        return perr(p, loc.col, "%s", what ? what + 3 : msg);
    }
    p->line = end_line;
    return perr(p, 1, "%s", msg);
}

int ir_parse_block(IRBlock *b, const char *text, int line_base, IRParseError *err)
{
    Parser p;
    const char *s = text;
    int rc = 0;

    memset(&p, 0, sizeof(p));
    p.b = b;
    p.err = err;
    p.line_base = line_base;
    p.first_op = b->nb_ops;
    written_grow(&p);

    while (*s) {
        const char *ls = s, *end, *q;
        p.line++;
        while (*s && *s != '\n')
            s++;
        end = s;
        if (*s)
            s++;
        for (q = ls; q < end && *q != '#'; q++)
            continue;
        end = q;
        while (end > ls && isspace((unsigned char)end[-1]))
            end--;
        for (q = ls; q < end && isspace((unsigned char)*q); q++)
            continue;
        if (q == end)
            continue;
        rc = parse_line(&p, q, end, ls);
        if (rc < 0)
            goto out;
    }
    /* The line the text ends on: where "the block has no end" is reported. */
    int end_line = 1;
    for (const char *q = text; *q; q++)
        end_line += *q == '\n';

    rc = labels_assign(&p);
    if (rc < 0)
        goto out;
    for (uint32_t i = 0; i < p.nb_fix; i++) {
        Fixup *f = &p.fix[i];
        b->ops[f->op].args[f->arg] = f->kind == FIX_CONST ? ir_const(b, f->type, f->val)
                                                          : p.labels[f->val].id;
    }

    char msg[sizeof(err->msg)];
    if (ir_check(b, msg, sizeof(msg)) < 0)
        rc = check_error(&p, msg, end_line);
out:
    sym_free(&p.temps);
    sym_free(&p.label_tab);
    free(p.labels);
    free(p.fix);
    free(p.oploc);
    free(p.written);
    return rc;
}
