/*
 * program.c - read and check IR program files (docs/ir.md, "IR programs").
 *
 * The file is read line by line; `#` starts a comment.  Everything a line
 * refers to must be declared on an earlier line (globals before the init and
 * expect lines naming them, memory regions before the data and expect lines
 * inside them), so every check happens where the line is read and the error
 * points at it.  Block bodies are kept as text with the line number of their
 * `block` line and parsed again by every translation; they are parsed once
 * here, after the whole file is read (a block may use globals declared
 * below it), so that a program that loads always translates.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpu.h"
#include "frontend/irtest/irtest.h"
#include "frontend/irtest/program.h"

typedef struct Tok {
    const char *s;
    int len;
    int col;
} Tok;

typedef struct Loader {
    IRTestProgram *p;
    const char *file;
    char *err;
    size_t errlen;
    int line;
    Tok *tok;
    int nb_tok, tok_cap;
    int caps[6];        /* capacities of the program's arrays */
} Loader;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        abort();
    return p;
}

/* Append room for one element to array *v of *n elements (capacity *cap). */
static void *push(void *vp, int *n, int *cap, size_t sz)
{
    void **v = vp;

    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        *v = xrealloc(*v, (size_t)*cap * sz);
    }
    char *e = (char *)*v + (size_t)(*n)++ * sz;
    memset(e, 0, sz);
    return e;
}

static int lerr(Loader *l, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int lerr(Loader *l, int col, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(l->err, l->errlen, "%s:%d:%d: error: ", l->file, l->line, col);

    if (n >= 0 && (size_t)n < l->errlen) {
        va_start(ap, fmt);
        vsnprintf(l->err + n, l->errlen - n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

#define TOKFMT "'%.*s'"
#define TOKARG(t) ((t).len > 40 ? 40 : (t).len), (t).s

static bool tok_eq(Tok t, const char *z)
{
    return (size_t)t.len == strlen(z) && memcmp(t.s, z, t.len) == 0;
}

/* Split [s, end) into tokens at blanks; '=' is a token of its own; '#'
 * starts a comment.  Returns the end of the line's text (before any
 * comment, without trailing blanks). */
static const char *tokenize(Loader *l, const char *ls, const char *end)
{
    const char *s = ls, *last = ls;

    l->nb_tok = 0;
    while (s < end && *s != '#') {
        if (isspace((unsigned char)*s)) {
            s++;
            continue;
        }
        Tok *t = push(&l->tok, &l->nb_tok, &l->tok_cap, sizeof(Tok));
        t->s = s;
        t->col = (int)(s - ls) + 1;
        if (*s == '=') {
            s++;
        } else {
            while (s < end && !isspace((unsigned char)*s) && *s != '=' && *s != '#')
                s++;
        }
        t->len = (int)(s - t->s);
        last = s;
    }
    return last;
}

/* [-](decimal | 0x hex), all of t; *v is the two's complement value. */
static bool tok_int(Tok t, uint64_t *v, bool *neg)
{
    uint64_t mag;

    if (!ir_parse_int(t.s, t.len, neg, &mag) || (*neg && mag > (1ull << 63)))
        return false;
    *v = *neg ? -mag : mag;
    return true;
}

/* An address or size: a non-negative number. */
static int tok_addr(Loader *l, Tok t, uint64_t *v)
{
    bool neg;

    if (!tok_int(t, v, &neg) || neg)
        return lerr(l, t.col, "expected an address or size, got " TOKFMT, TOKARG(t));
    return 0;
}

/* A value for `bits` bits: unsigned up to 2^bits-1 or negative down to
 * -2^(bits-1); returned truncated to bits. */
static int tok_value(Loader *l, Tok t, unsigned bits, uint64_t *v)
{
    bool neg;
    uint64_t mask = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;

    if (!tok_int(t, v, &neg))
        return lerr(l, t.col, "expected a number, got " TOKFMT, TOKARG(t));
    if (neg ? -*v > (1ull << (bits - 1)) : *v > mask)
        return lerr(l, t.col, "value " TOKFMT " does not fit in %u bits", TOKARG(t), bits);
    *v &= mask;
    return 0;
}

static int find_global(const IRTestProgram *p, Tok t)
{
    for (int i = 0; i < p->nb_globals; i++)
        if (tok_eq(t, p->globals[i].name))
            return i;
    return -2;
}

/* A global's name, or pc (-1).  Returns -2 after an error. */
static int tok_global(Loader *l, Tok t)
{
    if (tok_eq(t, "pc"))
        return -1;
    int g = find_global(l->p, t);
    if (g == -2)
        lerr(l, t.col, "unknown global " TOKFMT " (globals are declared before use)", TOKARG(t));
    return g;
}

static unsigned global_bits(const IRTestProgram *p, int g)
{
    return g >= 0 && p->globals[g].type == IR_TYPE_I32 ? 32 : 64;
}

static int expect_ntok(Loader *l, int n, const char *usage)
{
    if (l->nb_tok < n)
        return lerr(l, l->nb_tok ? l->tok[l->nb_tok - 1].col + l->tok[l->nb_tok - 1].len : 1,
                    "missing operand; usage: %s", usage);
    if (l->nb_tok > n)
        return lerr(l, l->tok[n].col, "unexpected " TOKFMT "; usage: %s", TOKARG(l->tok[n]),
                    usage);
    return 0;
}

static int expect_eq(Loader *l, int i)
{
    if (!tok_eq(l->tok[i], "="))
        return lerr(l, l->tok[i].col, "expected '=', got " TOKFMT, TOKARG(l->tok[i]));
    return 0;
}

/* ---- directives ------------------------------------------------------------ */

static int do_global(Loader *l)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    IRType type;

    if (expect_ntok(l, 3, "global i32|i64 NAME") < 0)
        return -1;
    if (tok_eq(t[1], "i32"))
        type = IR_TYPE_I32;
    else if (tok_eq(t[1], "i64"))
        type = IR_TYPE_I64;
    else
        return lerr(l, t[1].col, "bad global type " TOKFMT " (expected i32 or i64)", TOKARG(t[1]));
    bool ok = t[2].len > 0 && (isalpha((unsigned char)t[2].s[0]) || t[2].s[0] == '_');
    for (int i = 0; i < t[2].len; i++)
        ok = ok && (isalnum((unsigned char)t[2].s[i]) || t[2].s[i] == '_');
    if (!ok)
        return lerr(l, t[2].col, "bad global name " TOKFMT, TOKARG(t[2]));
    if (t[2].len >= IR_NAME_MAX)
        return lerr(l, t[2].col, "global name longer than %d characters", IR_NAME_MAX - 1);
    if (tok_eq(t[2], "pc") || tok_eq(t[2], "env"))
        return lerr(l, t[2].col, TOKFMT " is predeclared", TOKARG(t[2]));
    if (find_global(p, t[2]) >= 0)
        return lerr(l, t[2].col, "duplicate global " TOKFMT, TOKARG(t[2]));
    if (p->nb_globals == IRTEST_MAX_GLOBALS)
        return lerr(l, t[0].col, "too many globals (at most %d)", IRTEST_MAX_GLOBALS);
    IRTestGlobal *g = push(&p->globals, &p->nb_globals, &l->caps[0], sizeof(*g));
    memcpy(g->name, t[2].s, t[2].len);
    g->type = type;
    return 0;
}

static int do_memory(Loader *l)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    uint64_t addr, size;

    if (expect_ntok(l, 3, "memory ADDR SIZE") < 0 || tok_addr(l, t[1], &addr) < 0
        || tok_addr(l, t[2], &size) < 0)
        return -1;
    if (size == 0)
        return lerr(l, t[2].col, "empty memory region");
    if (addr >= IRTEST_ADDR_LIMIT || size > IRTEST_ADDR_LIMIT - addr)
        return lerr(l, t[1].col, "memory region beyond 4 GiB (guest addresses are 32-bit)");
    for (int i = 0; i < p->nb_regions; i++) {
        const IRTestRegion *r = &p->regions[i];
        if (addr < r->addr + r->size && r->addr < addr + size)
            return lerr(l, t[1].col, "memory region overlaps [0x%" PRIx64 ", 0x%" PRIx64 ")",
                        r->addr, r->addr + r->size);
    }
    IRTestRegion *r = push(&p->regions, &p->nb_regions, &l->caps[1], sizeof(*r));
    r->addr = addr;
    r->size = size;
    return 0;
}

static int do_data(Loader *l)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    uint64_t addr;

    if (l->nb_tok < 3)
        return expect_ntok(l, 3, "data ADDR BYTE...");
    if (tok_addr(l, t[1], &addr) < 0)
        return -1;
    size_t n = (size_t)l->nb_tok - 2;
    if (!irtest_program_region(p, addr, n))
        return lerr(l, t[1].col, "data [0x%" PRIx64 ", 0x%" PRIx64 ") is not inside one memory "
                    "region declared above", addr, addr + n);
    uint8_t *bytes = xrealloc(NULL, n);
    for (size_t i = 0; i < n; i++) {
        Tok b = t[2 + i];
        unsigned v = 0;
        bool ok = b.len >= 1 && b.len <= 2;
        for (int k = 0; ok && k < b.len; k++) {
            int c = (unsigned char)b.s[k];
            ok = isxdigit(c);
            v = v * 16 + (unsigned)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
        }
        if (!ok) {
            free(bytes);
            return lerr(l, b.col, "expected a byte in hex (00..ff), got " TOKFMT, TOKARG(b));
        }
        bytes[i] = (uint8_t)v;
    }
    IRTestData *d = push(&p->data, &p->nb_data, &l->caps[2], sizeof(*d));
    d->addr = addr;
    d->bytes = bytes;
    d->len = n;
    return 0;
}

static int do_init(Loader *l)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    uint64_t v;

    if ((l->nb_tok >= 3 && expect_eq(l, 2) < 0) || expect_ntok(l, 4, "init NAME = VALUE") < 0)
        return -1;
    int g = tok_global(l, t[1]);
    if (g == -2 || expect_eq(l, 2) < 0 || tok_value(l, t[3], global_bits(p, g), &v) < 0)
        return -1;
    for (int i = 0; i < p->nb_inits; i++)
        if (p->inits[i].global == g)
            return lerr(l, t[1].col, "duplicate init of " TOKFMT, TOKARG(t[1]));
    IRTestInit *in = push(&p->inits, &p->nb_inits, &l->caps[3], sizeof(*in));
    in->global = g;
    in->value = v;
    return 0;
}

/* [s|u](8|16|32|64)(le|be); the byte order may be left out for 8 bits. */
static int tok_memop(Loader *l, Tok t, unsigned *mo)
{
    static const char *const names[] = { "8", "16", "32", "64" };
    const char *s = t.s, *end = t.s + t.len;
    int size = -1;

    *mo = 0;
    if (s < end && (*s == 's' || *s == 'u')) {
        *mo = *s == 's' ? IR_MO_SIGN : 0;
        s++;
        for (int i = 0; i < 4; i++) {
            size_t n = strlen(names[i]);
            if ((size_t)(end - s) >= n && memcmp(s, names[i], n) == 0
                && (end - s == (ptrdiff_t)n || !isdigit((unsigned char)s[n]))) {
                size = i;
                s += n;
                break;
            }
        }
    }
    if (size >= 0 && end - s == 2 && (memcmp(s, "le", 2) == 0 || memcmp(s, "be", 2) == 0)) {
        *mo |= (unsigned)size | (s[0] == 'b' ? IR_MO_BE : 0);
        return 0;
    }
    if (size == 0 && s == end)
        return 0;
    return lerr(l, t.col, "bad memop " TOKFMT " (expected [s|u](8|16|32|64)(le|be), e.g. u32le)",
                TOKARG(t));
}

static int do_expect(Loader *l, const char *text_end)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    IRTestExpect e;

    memset(&e, 0, sizeof(e));
    if (l->nb_tok < 2)
        return expect_ntok(l, 2, "expect NAME = VALUE | expect mem ADDR MEMOP = VALUE | "
                              "expect exit halted | expect exit unaligned ADDR");
    if (tok_eq(t[1], "exit") && !(l->nb_tok > 2 && tok_eq(t[2], "="))) {
        e.kind = IRTEST_EXPECT_EXIT;
        if (l->nb_tok >= 3 && tok_eq(t[2], "halted")) {
            if (expect_ntok(l, 3, "expect exit halted") < 0)
                return -1;
            e.exit = IRTEST_EXIT_HALTED;
        } else if (l->nb_tok >= 3 && tok_eq(t[2], "unaligned")) {
            if (expect_ntok(l, 4, "expect exit unaligned ADDR") < 0 || tok_addr(l, t[3], &e.addr) < 0)
                return -1;
            e.exit = IRTEST_EXIT_UNALIGNED;
        } else {
            return lerr(l, l->nb_tok >= 3 ? t[2].col : t[1].col + t[1].len,
                        "expected 'halted' or 'unaligned ADDR' after 'expect exit'");
        }
    } else if (tok_eq(t[1], "mem") && !(l->nb_tok > 2 && tok_eq(t[2], "="))) {
        e.kind = IRTEST_EXPECT_MEM;
        if ((l->nb_tok >= 5 && expect_eq(l, 4) < 0)
            || expect_ntok(l, 6, "expect mem ADDR MEMOP = VALUE") < 0 || tok_addr(l, t[2], &e.addr) < 0
            || tok_memop(l, t[3], &e.memop) < 0 || expect_eq(l, 4) < 0
            || tok_value(l, t[5], 8u << (e.memop & IR_MO_SIZE), &e.value) < 0)
            return -1;
        if (!irtest_program_region(p, e.addr, 1u << (e.memop & IR_MO_SIZE)))
            return lerr(l, t[2].col, "0x%" PRIx64 " is not inside a memory region declared above",
                        e.addr);
    } else {
        e.kind = IRTEST_EXPECT_GLOBAL;
        if ((l->nb_tok >= 3 && expect_eq(l, 2) < 0) || expect_ntok(l, 4, "expect NAME = VALUE") < 0)
            return -1;
        e.global = tok_global(l, t[1]);
        if (e.global == -2 || expect_eq(l, 2) < 0
            || tok_value(l, t[3], global_bits(p, e.global), &e.value) < 0)
            return -1;
    }
    const char *s = t[0].s;
    size_t n = (size_t)(text_end - s);
    e.text = xrealloc(NULL, n + 1);
    memcpy(e.text, s, n);
    e.text[n] = '\0';
    *(IRTestExpect *)push(&p->expects, &p->nb_expects, &l->caps[5], sizeof(e)) = e;
    return 0;
}

/* "block PC [VARIANT]": the body runs to the next line that is "end".
 * *next is where reading continues; *line is advanced past the body. */
static int do_block(Loader *l, const char **next)
{
    IRTestProgram *p = l->p;
    Tok *t = l->tok;
    uint64_t pc, variant = 0;
    int block_line = l->line, block_col = t[0].col;

    if (l->nb_tok < 2 || l->nb_tok > 3)
        return expect_ntok(l, l->nb_tok < 2 ? 2 : 3, "block PC [VARIANT]");
    if (tok_addr(l, t[1], &pc) < 0 || (l->nb_tok == 3 && tok_addr(l, t[2], &variant) < 0))
        return -1;
    if (variant > 255)
        return lerr(l, t[2].col, "a variant is a byte value (0..255)");
    if (irtest_program_find_block(p, pc, variant))
        return lerr(l, t[1].col, "duplicate block 0x%" PRIx64 " variant %" PRIu64, pc, variant);

    const char *body = *next, *s = body;
    for (;;) {
        if (!*s) {
            l->line = block_line;
            return lerr(l, block_col, "missing 'end' for this block");
        }
        const char *ls = s, *eol = strchr(s, '\n');
        if (!eol)
            eol = s + strlen(s);
        s = *eol ? eol + 1 : eol;
        l->line++;
        tokenize(l, ls, eol);
        if (l->nb_tok && tok_eq(l->tok[0], "end")) {
            if (l->nb_tok > 1)
                return lerr(l, l->tok[1].col, "unexpected text after 'end'");
            IRTestBlock *b = push(&p->blocks, &p->nb_blocks, &l->caps[4], sizeof(*b));
            b->pc = pc;
            b->variant = variant;
            b->line_base = block_line;
            b->text = xrealloc(NULL, (size_t)(ls - body) + 1);
            memcpy(b->text, body, (size_t)(ls - body));
            b->text[ls - body] = '\0';
            *next = s;
            return 0;
        }
        if (l->nb_tok && tok_eq(l->tok[0], "block"))
            return lerr(l, l->tok[0].col, "'block' inside a block: missing 'end' for the "
                        "block at line %d", block_line);
    }
}

/* Parse every block body once (see the file comment). */
static int check_blocks(Loader *l)
{
    IRTestProgram *p = l->p;
    IRGlobals g;
    IRParseError perr;
    int rc = 0;

    irtest_register_helpers();
    ir_globals_init(&g);
    irtest_program_globals(p, &g);
    IRBlock *b = ir_block_new(&g, 0, 0);
    for (int i = 0; i < p->nb_blocks && rc == 0; i++) {
        ir_block_reset(b, p->blocks[i].pc, 0);
        if (ir_parse_block(b, p->blocks[i].text, p->blocks[i].line_base, &perr) < 0) {
            l->line = perr.line;
            rc = lerr(l, perr.column, "%s", perr.msg);
        }
    }
    ir_block_free(b);
    ir_globals_free(&g);
    return rc;
}

int irtest_program_parse(IRTestProgram *p, const char *file, const char *text,
                         char *err, size_t errlen)
{
    Loader l;
    const char *s = text;
    int rc = 0;

    memset(p, 0, sizeof(*p));
    memset(&l, 0, sizeof(l));
    p->file = xrealloc(NULL, strlen(file) + 1);
    strcpy(p->file, file);
    l.p = p;
    l.file = file;
    l.err = err;
    l.errlen = errlen;

    while (*s && rc == 0) {
        const char *ls = s, *eol = strchr(s, '\n');
        if (!eol)
            eol = s + strlen(s);
        s = *eol ? eol + 1 : eol;
        l.line++;
        const char *text_end = tokenize(&l, ls, eol);
        if (l.nb_tok == 0)
            continue;
        Tok k = l.tok[0];
        if (tok_eq(k, "global"))
            rc = do_global(&l);
        else if (tok_eq(k, "memory"))
            rc = do_memory(&l);
        else if (tok_eq(k, "data"))
            rc = do_data(&l);
        else if (tok_eq(k, "init"))
            rc = do_init(&l);
        else if (tok_eq(k, "expect"))
            rc = do_expect(&l, text_end);
        else if (tok_eq(k, "block"))
            rc = do_block(&l, &s);
        else if (tok_eq(k, "end"))
            rc = lerr(&l, k.col, "'end' without 'block'");
        else
            rc = lerr(&l, k.col, "unknown directive " TOKFMT " (expected global, memory, data, "
                      "init, block or expect)", TOKARG(k));
    }
    if (rc == 0 && p->nb_blocks == 0) {
        l.line = 1;
        rc = lerr(&l, 1, "the program has no blocks");
    }
    if (rc == 0)
        rc = check_blocks(&l);
    if (rc == 0) {
        p->start_pc = p->blocks[0].pc;
        for (int i = 0; i < p->nb_inits; i++) {
            if (p->inits[i].global == -1)
                p->start_pc = p->inits[i].value;
        }
    }
    free(l.tok);
    if (rc < 0)
        irtest_program_free(p);
    return rc;
}

int irtest_program_load(IRTestProgram *p, const char *file, char *err, size_t errlen)
{
    FILE *f = fopen(file, "rb");
    char *text = NULL;
    size_t len = 0, cap = 0;

    memset(p, 0, sizeof(*p));
    if (!f) {
        snprintf(err, errlen, "%s: error: cannot open: %s", file, strerror(errno));
        return -1;
    }
    for (;;) {
        if (cap - len < 4096) {
            cap = cap ? 2 * cap : 65536;
            text = xrealloc(text, cap);
        }
        size_t n = fread(text + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    text[len] = '\0';
    if (bad || memchr(text, '\0', len)) {
        snprintf(err, errlen, "%s: error: %s", file, bad ? "read error" : "not a text file");
        free(text);
        return -1;
    }
    int rc = irtest_program_parse(p, file, text, err, errlen);
    free(text);
    return rc;
}

void irtest_program_free(IRTestProgram *p)
{
    for (int i = 0; i < p->nb_data; i++)
        free(p->data[i].bytes);
    for (int i = 0; i < p->nb_blocks; i++)
        free(p->blocks[i].text);
    for (int i = 0; i < p->nb_expects; i++)
        free(p->expects[i].text);
    free(p->file);
    free(p->globals);
    free(p->regions);
    free(p->data);
    free(p->inits);
    free(p->blocks);
    free(p->expects);
    memset(p, 0, sizeof(*p));
}

int32_t irtest_global_offset(int i)
{
    return (int32_t)(sizeof(CPUCommon) + 8 * (size_t)i);
}

void irtest_program_globals(const IRTestProgram *p, IRGlobals *g)
{
    ir_globals_add(g, "pc", IR_TYPE_I64, (int32_t)offsetof(CPUCommon, pc));
    for (int i = 0; i < p->nb_globals; i++)
        ir_globals_add(g, p->globals[i].name, p->globals[i].type, irtest_global_offset(i));
}

const IRTestBlock *irtest_program_find_block(const IRTestProgram *p, uint64_t pc,
                                             uint64_t variant)
{
    for (int i = 0; i < p->nb_blocks; i++)
        if (p->blocks[i].pc == pc && p->blocks[i].variant == variant)
            return &p->blocks[i];
    return NULL;
}

const IRTestRegion *irtest_program_region(const IRTestProgram *p, uint64_t addr, uint64_t len)
{
    for (int i = 0; i < p->nb_regions; i++) {
        const IRTestRegion *r = &p->regions[i];
        if (addr >= r->addr && addr - r->addr <= r->size && len <= r->size - (addr - r->addr))
            return r;
    }
    return NULL;
}
