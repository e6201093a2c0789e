/*
 * ir.c - op descriptors, temps, the block builder and the invariant checker.
 */
#include "config.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

const IROpDef ir_op_defs[IR_OP_COUNT] = {
#define DEF(name, oargs, iargs, cargs, flags) { #name, oargs, iargs, cargs, flags },
#include "ops.def"
#undef DEF
};

const char *const ir_type_names[IR_TYPE_COUNT] = {
    [IR_TYPE_I32] = "i32", [IR_TYPE_I64] = "i64", [IR_TYPE_F32] = "f32",
    [IR_TYPE_F64] = "f64", [IR_TYPE_V128] = "v128",
};

const char *const ir_cond_names[IR_COND_COUNT] = {
    [IR_COND_NEVER] = "never", [IR_COND_ALWAYS] = "always",
    [IR_COND_EQ] = "eq", [IR_COND_NE] = "ne",
    [IR_COND_LT] = "lt", [IR_COND_GE] = "ge", [IR_COND_LE] = "le", [IR_COND_GT] = "gt",
    [IR_COND_LTU] = "ltu", [IR_COND_GEU] = "geu", [IR_COND_LEU] = "leu", [IR_COND_GTU] = "gtu",
    [IR_COND_TSTEQ] = "tsteq", [IR_COND_TSTNE] = "tstne",
};

void (*ir_unaligned_hook)(void *env, uint64_t addr, unsigned memop, uintptr_t retaddr);

/* ---- conditions --------------------------------------------------------- */

IRCond ir_cond_invert(IRCond c)
{
    static const IRCond inv[IR_COND_COUNT] = {
        [IR_COND_NEVER] = IR_COND_ALWAYS, [IR_COND_ALWAYS] = IR_COND_NEVER,
        [IR_COND_EQ] = IR_COND_NE, [IR_COND_NE] = IR_COND_EQ,
        [IR_COND_LT] = IR_COND_GE, [IR_COND_GE] = IR_COND_LT,
        [IR_COND_LE] = IR_COND_GT, [IR_COND_GT] = IR_COND_LE,
        [IR_COND_LTU] = IR_COND_GEU, [IR_COND_GEU] = IR_COND_LTU,
        [IR_COND_LEU] = IR_COND_GTU, [IR_COND_GTU] = IR_COND_LEU,
        [IR_COND_TSTEQ] = IR_COND_TSTNE, [IR_COND_TSTNE] = IR_COND_TSTEQ,
    };
    return inv[c];
}

IRCond ir_cond_swap(IRCond c)
{
    switch (c) {
    case IR_COND_LT: return IR_COND_GT;
    case IR_COND_GT: return IR_COND_LT;
    case IR_COND_LE: return IR_COND_GE;
    case IR_COND_GE: return IR_COND_LE;
    case IR_COND_LTU: return IR_COND_GTU;
    case IR_COND_GTU: return IR_COND_LTU;
    case IR_COND_LEU: return IR_COND_GEU;
    case IR_COND_GEU: return IR_COND_LEU;
    default: return c;      /* symmetric */
    }
}

bool ir_cond_eval(IRType t, IRCond c, uint64_t a, uint64_t b)
{
    int64_t sa, sb;

    a = ir_trunc(t, a);
    b = ir_trunc(t, b);
    sa = t == IR_TYPE_I32 ? (int32_t)a : (int64_t)a;
    sb = t == IR_TYPE_I32 ? (int32_t)b : (int64_t)b;
    switch (c) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    default: abort();
    }
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        abort();
    return p;
}

/* ---- helpers registry ------------------------------------------------------ */

static pthread_mutex_t helper_lock = PTHREAD_MUTEX_INITIALIZER;
static IRHelper **helpers;
static int nb_helpers, helpers_cap;

void ir_helper_register(IRHelper *h)
{
    pthread_mutex_lock(&helper_lock);
    for (int i = 0; i < nb_helpers; i++) {
        if (strcmp(helpers[i]->name, h->name) == 0) {
            pthread_mutex_unlock(&helper_lock);
            return;
        }
    }
    if (nb_helpers == helpers_cap) {
        helpers_cap = helpers_cap ? 2 * helpers_cap : 64;
        helpers = realloc(helpers, helpers_cap * sizeof(*helpers));
        if (!helpers)
            abort();
    }
    helpers[nb_helpers++] = h;
    pthread_mutex_unlock(&helper_lock);
}

int ir_helper_list(IRHelper ***out)
{
    int n;

    pthread_mutex_lock(&helper_lock);
    n = nb_helpers;
    *out = xrealloc(NULL, (n ? (size_t)n : 1) * sizeof(**out));
    if (n)
        memcpy(*out, helpers, (size_t)n * sizeof(**out));
    pthread_mutex_unlock(&helper_lock);
    return n;
}

IRHelper *ir_helper_lookup(const char *name)
{
    IRHelper *h = NULL;

    pthread_mutex_lock(&helper_lock);
    for (int i = 0; i < nb_helpers; i++) {
        if (strcmp(helpers[i]->name, name) == 0) {
            h = helpers[i];
            break;
        }
    }
    pthread_mutex_unlock(&helper_lock);
    return h;
}

/* ---- globals ---------------------------------------------------------------- */

void ir_globals_init(IRGlobals *g)
{
    memset(g, 0, sizeof(*g));
}

void ir_globals_free(IRGlobals *g)
{
    free(g->v);
    memset(g, 0, sizeof(*g));
}

IRTempIdx ir_globals_find(const IRGlobals *g, const char *name)
{
    for (int i = 0; i < g->count; i++)
        if (strcmp(g->v[i].name, name) == 0)
            return (IRTempIdx)(i + 1);
    return 0;
}

IRTempIdx ir_globals_add(IRGlobals *g, const char *name, IRType type, int32_t env_offset)
{
    if (ir_globals_find(g, name) || strlen(name) >= IR_NAME_MAX || strcmp(name, "env") == 0)
        return 0;
    if (g->count == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 32;
        g->v = realloc(g->v, g->cap * sizeof(*g->v));
        if (!g->v)
            abort();
    }
    IRGlobal *x = &g->v[g->count++];
    memset(x, 0, sizeof(*x));
    strcpy(x->name, name);
    x->type = type;
    x->env_offset = env_offset;
    return (IRTempIdx)g->count;
}

/* ---- blocks ----------------------------------------------------------------- */

/* Constants are interned per (type, value) in an open-addressing table of
 * temp indices, so that equal constants are one temp. */
typedef struct ConstHash {
    uint32_t cap, count;
    IRTempIdx *slot;    /* 0 = empty (temp 0 is env, never a constant) */
} ConstHash;

static IRTempIdx alloc_temp(IRBlock *b, IRType type, IRTempKind kind)
{
    if (b->nb_temps == b->temps_cap) {
        b->temps_cap = b->temps_cap ? 2 * b->temps_cap : 256;
        b->temps = xrealloc(b->temps, b->temps_cap * sizeof(IRTemp));
    }
    IRTemp *t = &b->temps[b->nb_temps];
    memset(t, 0, sizeof(*t));
    t->type = type;
    t->kind = kind;
    return b->nb_temps++;
}

void ir_block_reset(IRBlock *b, uint64_t pc, uint32_t flags)
{
    ConstHash *ch = b->const_hash;

    b->nb_temps = 0;
    b->nb_ops = 0;
    b->nb_labels = 0;
    b->nb_insns = 0;
    b->pc = pc;
    b->flags = flags;
    memset(ch->slot, 0, ch->cap * sizeof(IRTempIdx));
    ch->count = 0;

    IRTempIdx env = alloc_temp(b, IR_TYPE_I64, IR_TEMP_FIXED);
    strcpy(b->temps[env].name, "env");
    for (int i = 0; b->globals && i < b->globals->count; i++) {
        const IRGlobal *g = &b->globals->v[i];
        IRTempIdx t = alloc_temp(b, g->type, IR_TEMP_GLOBAL);
        b->temps[t].env_offset = g->env_offset;
        strcpy(b->temps[t].name, g->name);
    }
}

IRBlock *ir_block_new(const IRGlobals *globals, uint64_t pc, uint32_t flags)
{
    IRBlock *b = calloc(1, sizeof(*b));
    ConstHash *ch = calloc(1, sizeof(*ch));

    if (!b || !ch)
        abort();
    ch->cap = 256;
    ch->slot = calloc(ch->cap, sizeof(IRTempIdx));
    if (!ch->slot)
        abort();
    b->const_hash = ch;
    b->globals = globals;
    ir_block_reset(b, pc, flags);
    return b;
}

void ir_block_free(IRBlock *b)
{
    if (!b)
        return;
    ConstHash *ch = b->const_hash;
    free(ch->slot);
    free(ch);
    free(b->temps);
    free(b->ops);
    free(b);
}

IRTempIdx ir_new_temp(IRBlock *b, IRType type)
{
    return alloc_temp(b, type, IR_TEMP_NORMAL);
}

IRTempIdx ir_new_local(IRBlock *b, IRType type)
{
    return alloc_temp(b, type, IR_TEMP_LOCAL);
}

static uint32_t const_hash_of(IRType type, uint64_t v)
{
    uint64_t h = (v ^ ((uint64_t)type << 61)) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

static void const_hash_grow(IRBlock *b)
{
    ConstHash *ch = b->const_hash;
    uint32_t ncap = ch->cap * 2;
    IRTempIdx *ns = calloc(ncap, sizeof(IRTempIdx));

    if (!ns)
        abort();
    for (uint32_t i = 0; i < ch->cap; i++) {
        IRTempIdx t = ch->slot[i];
        if (!t)
            continue;
        uint32_t j = const_hash_of(b->temps[t].type, b->temps[t].val) & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = t;
    }
    free(ch->slot);
    ch->slot = ns;
    ch->cap = ncap;
}

IRTempIdx ir_const(IRBlock *b, IRType type, uint64_t v)
{
    ConstHash *ch = b->const_hash;

    v = ir_trunc(type, v);
    if (2 * (ch->count + 1) > ch->cap)
        const_hash_grow(b);
    uint32_t j = const_hash_of(type, v) & (ch->cap - 1);
    while (ch->slot[j]) {
        IRTemp *t = &b->temps[ch->slot[j]];
        if (t->type == type && t->val == v)
            return ch->slot[j];
        j = (j + 1) & (ch->cap - 1);
    }
    IRTempIdx t = alloc_temp(b, type, IR_TEMP_CONST);
    b->temps[t].val = v;
    ch->slot[j] = t;
    ch->count++;
    return t;
}

uint32_t ir_new_label(IRBlock *b)
{
    return b->nb_labels++;
}

IROp *ir_emit(IRBlock *b, IROpcode opc, IRType type, const uint64_t *args, int nargs)
{
    const IROpDef *def = &ir_op_defs[opc];

    assert(opc != IR_OP_call);
    assert(nargs == def->nb_oargs + def->nb_iargs + def->nb_cargs);
    if (b->nb_ops == b->ops_cap) {
        b->ops_cap = b->ops_cap ? 2 * b->ops_cap : 512;
        b->ops = xrealloc(b->ops, b->ops_cap * sizeof(IROp));
    }
    IROp *op = &b->ops[b->nb_ops++];
    /* Only the arguments the op has are written: args[] is 16 words, and
     * clearing all of them for every op showed in translation profiles.
     * Nothing reads past nb_oargs + nb_iargs + nb_cargs. */
    op->opc = opc;
    op->type = type;
    op->nb_oargs = def->nb_oargs;
    op->nb_iargs = def->nb_iargs;
    op->nb_cargs = def->nb_cargs;
    op->life = 0;
    if (nargs)
        memcpy(op->args, args, nargs * sizeof(uint64_t));
    if (opc == IR_OP_insn_start)
        b->nb_insns++;
    return op;
}

void ir_move_ops(IRBlock *b, uint32_t from, uint32_t pos)
{
    uint32_t n = b->nb_ops - from;
    IROp *tmp;

    assert(pos <= from && from <= b->nb_ops);
    if (!n || pos == from)
        return;
    tmp = xrealloc(NULL, n * sizeof(IROp));
    memcpy(tmp, &b->ops[from], n * sizeof(IROp));
    memmove(&b->ops[pos + n], &b->ops[pos], (from - pos) * sizeof(IROp));
    memcpy(&b->ops[pos], tmp, n * sizeof(IROp));
    free(tmp);
}

IROp *ir_emit_call(IRBlock *b, IRHelper *h, IRTempIdx ret, const IRTempIdx *args)
{
    if (b->nb_ops == b->ops_cap) {
        b->ops_cap = b->ops_cap ? 2 * b->ops_cap : 512;
        b->ops = xrealloc(b->ops, b->ops_cap * sizeof(IROp));
    }
    IROp *op = &b->ops[b->nb_ops++];
    int n = 0;

    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_call;
    op->type = h->ret == IR_TYPE_VOID ? IR_TYPE_I64 : h->ret;
    op->nb_oargs = h->ret == IR_TYPE_VOID ? 0 : 1;
    op->nb_iargs = h->nb_args;
    op->nb_cargs = 1;
    if (op->nb_oargs)
        op->args[n++] = ret;
    for (int i = 0; i < h->nb_args; i++)
        op->args[n++] = args[i];
    op->args[n] = (uint64_t)(uintptr_t)h;
    return op;
}

IRType ir_op_arg_type(const IRBlock *b, const IROp *op, int i)
{
    const IROpDef *def = &ir_op_defs[op->opc];
    int nout = op->nb_oargs;

    switch (op->opc) {
    case IR_OP_call: {
        const IRHelper *h = (const IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
        return i < nout ? h->ret : h->args[i - nout];
    }
    case IR_OP_guest_ld:
        return i == 0 ? (IRType)op->type : b->temps[op->args[1]].type;
    case IR_OP_guest_st:
        return i == 0 ? (IRType)op->type : b->temps[op->args[1]].type;
    default:
        break;
    }
    if (i >= nout) {
        if (def->flags & IR_OPF_WIDEN)
            return IR_TYPE_I32;
        if (def->flags & IR_OPF_NARROW)
            return IR_TYPE_I64;
        /* ld*: input 0 is the base pointer; st*: input 1 is. */
        if (op->opc >= IR_OP_ld8u && op->opc <= IR_OP_ld && i == nout)
            return IR_TYPE_I64;
        if (op->opc >= IR_OP_st8 && op->opc <= IR_OP_st && i == nout + 1)
            return IR_TYPE_I64;
    }
    return (IRType)op->type;
}

/* ---- generators --------------------------------------------------------- */

void ir_gen_op1(IRBlock *b, IROpcode opc, IRType t, IRTempIdx d, IRTempIdx a)
{
    uint64_t args[2] = { d, a };
    ir_emit(b, opc, t, args, 2);
}

void ir_gen_op2(IRBlock *b, IROpcode opc, IRType t, IRTempIdx d, IRTempIdx a, IRTempIdx c)
{
    uint64_t args[3] = { d, a, c };
    ir_emit(b, opc, t, args, 3);
}

void ir_gen_mov(IRBlock *b, IRType t, IRTempIdx d, IRTempIdx a)
{
    if (d != a)
        ir_gen_op1(b, IR_OP_mov, t, d, a);
}

void ir_gen_movi(IRBlock *b, IRType t, IRTempIdx d, uint64_t v)
{
    ir_gen_op1(b, IR_OP_mov, t, d, ir_const(b, t, v));
}

void ir_gen_insn_start(IRBlock *b, uint64_t pc, uint64_t extra)
{
    uint64_t args[2] = { pc, extra };
    ir_emit(b, IR_OP_insn_start, IR_TYPE_I64, args, 2);
}

void ir_gen_set_label(IRBlock *b, uint32_t label)
{
    uint64_t args[1] = { label };
    ir_emit(b, IR_OP_set_label, IR_TYPE_I64, args, 1);
}

void ir_gen_br(IRBlock *b, uint32_t label)
{
    uint64_t args[1] = { label };
    ir_emit(b, IR_OP_br, IR_TYPE_I64, args, 1);
}

void ir_gen_brcond(IRBlock *b, IRType t, IRCond c, IRTempIdx a, IRTempIdx x, uint32_t label)
{
    uint64_t args[4] = { a, x, c, label };
    ir_emit(b, IR_OP_brcond, t, args, 4);
}

void ir_gen_setcond(IRBlock *b, IRType t, IRCond c, IRTempIdx d, IRTempIdx a, IRTempIdx x)
{
    uint64_t args[4] = { d, a, x, c };
    ir_emit(b, IR_OP_setcond, t, args, 4);
}

void ir_gen_movcond(IRBlock *b, IRType t, IRCond c, IRTempIdx d, IRTempIdx c1,
                    IRTempIdx c2, IRTempIdx v1, IRTempIdx v2)
{
    uint64_t args[6] = { d, c1, c2, v1, v2, c };
    ir_emit(b, IR_OP_movcond, t, args, 6);
}

void ir_gen_guest_ld(IRBlock *b, IRType t, IRTempIdx d, IRTempIdx addr, unsigned memop)
{
    uint64_t args[3] = { d, addr, memop };
    ir_emit(b, IR_OP_guest_ld, t, args, 3);
}

void ir_gen_guest_st(IRBlock *b, IRType t, IRTempIdx val, IRTempIdx addr, unsigned memop)
{
    uint64_t args[3] = { val, addr, memop };
    ir_emit(b, IR_OP_guest_st, t, args, 3);
}

void ir_gen_goto_tb(IRBlock *b, unsigned slot)
{
    uint64_t args[1] = { slot };
    ir_emit(b, IR_OP_goto_tb, IR_TYPE_I64, args, 1);
}

void ir_gen_exit_tb(IRBlock *b)
{
    ir_emit(b, IR_OP_exit_tb, IR_TYPE_I64, NULL, 0);
}

void ir_gen_lookup_and_goto(IRBlock *b)
{
    ir_emit(b, IR_OP_lookup_and_goto, IR_TYPE_I64, NULL, 0);
}

/* ---- invariant checker ----------------------------------------------------- */

/* Report the first violation: "op N (name): message". */
#define CHECK(cond, ...) do {                                        \
        if (!(cond)) {                                               \
            int n_ = snprintf(err, errlen, "op %u (%s): ", i, def->name); \
            if (n_ >= 0 && (size_t)n_ < errlen)                      \
                snprintf(err + n_, errlen - n_, __VA_ARGS__);        \
            goto fail;                                               \
        }                                                            \
    } while (0)

static bool memop_valid(uint64_t mo, IRType t, bool load)
{
    if (mo & ~(uint64_t)(IR_MO_SIZE | IR_MO_SIGN | IR_MO_BE | IR_MO_ALIGN))
        return false;
    if ((mo & IR_MO_SIZE) == IR_MO_64 && t != IR_TYPE_I64)
        return false;
    if ((mo & IR_MO_SIGN) && !load)
        return false;
    return true;
}

int ir_check(const IRBlock *b, char *err, size_t errlen)
{
    const IROp *last = NULL;
    unsigned char *label_set = calloc(b->nb_labels + 1, 1);

    if (!label_set)
        abort();
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *def;

        if (op->opc >= IR_OP_COUNT) {
            snprintf(err, errlen, "op %u: bad opcode %u", i, op->opc);
            goto fail;
        }
        def = &ir_op_defs[op->opc];
        CHECK(op->nb_oargs + op->nb_iargs + op->nb_cargs <= IR_MAX_ARGS, "too many arguments");
        if (op->opc != IR_OP_call)
            CHECK(op->nb_oargs == def->nb_oargs && op->nb_iargs == def->nb_iargs
                   && op->nb_cargs == def->nb_cargs, "argument counts differ from the op table");
        if (def->flags & IR_OPF_INT) {
            CHECK(op->type == IR_TYPE_I32 || op->type == IR_TYPE_I64, "type must be i32 or i64");
            CHECK(!(def->flags & IR_OPF_I64_ONLY) || op->type == IR_TYPE_I64, "op is i64 only");
            CHECK(!(def->flags & IR_OPF_I32_ONLY) || op->type == IR_TYPE_I32, "op is i32 only");
        }
        for (int a = 0; a < op->nb_oargs + op->nb_iargs; a++) {
            uint64_t t = op->args[a];
            CHECK(t < b->nb_temps, "argument %d: temp %llu out of range", a, (unsigned long long)t);
            const IRTemp *tp = &b->temps[t];
            if (a < op->nb_oargs)
                CHECK(tp->kind != IR_TEMP_CONST && tp->kind != IR_TEMP_FIXED,
                       "argument %d: output is a constant or env", a);
            IRType want = ir_op_arg_type(b, op, a);
            if (op->opc == IR_OP_guest_ld || op->opc == IR_OP_guest_st) {
                if (a == op->nb_oargs + op->nb_iargs - 1)
                    CHECK(tp->type == IR_TYPE_I32 || tp->type == IR_TYPE_I64,
                           "address must be i32 or i64");
            }
            CHECK(tp->type == want, "argument %d: temp %llu is %s, expected %s", a,
                   (unsigned long long)t, ir_type_names[tp->type], ir_type_names[want]);
        }
        const uint64_t *c = &op->args[op->nb_oargs + op->nb_iargs];
        switch (op->opc) {
        case IR_OP_set_label:
            CHECK(c[0] < b->nb_labels, "label %llu out of range", (unsigned long long)c[0]);
            CHECK(!label_set[c[0]], "label %llu set twice", (unsigned long long)c[0]);
            label_set[c[0]] = 1;
            break;
        case IR_OP_br:
            CHECK(c[0] < b->nb_labels, "label %llu out of range", (unsigned long long)c[0]);
            break;
        case IR_OP_brcond:
            CHECK(c[0] < IR_COND_COUNT, "bad condition");
            CHECK(c[1] < b->nb_labels, "label %llu out of range", (unsigned long long)c[1]);
            break;
        case IR_OP_setcond: case IR_OP_negsetcond: case IR_OP_movcond:
            CHECK(c[0] < IR_COND_COUNT, "bad condition");
            break;
        case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
            CHECK(c[1] >= 1 && c[0] < ir_type_bits(op->type)
                  && c[1] <= ir_type_bits(op->type) - c[0],
                   "bad field pos=%llu len=%llu", (unsigned long long)c[0], (unsigned long long)c[1]);
            break;
        case IR_OP_extract2:
            CHECK(c[0] < ir_type_bits(op->type), "bad position %llu", (unsigned long long)c[0]);
            break;
        case IR_OP_guest_ld:
            CHECK(memop_valid(c[0], op->type, true), "bad memop 0x%llx", (unsigned long long)c[0]);
            break;
        case IR_OP_guest_st:
            CHECK(memop_valid(c[0], op->type, false), "bad memop 0x%llx", (unsigned long long)c[0]);
            break;
        case IR_OP_goto_tb:
            CHECK(c[0] < IR_TB_SLOTS, "goto_tb slot must be below %d", IR_TB_SLOTS);
            break;
        case IR_OP_call:
            CHECK(c[0] != 0, "call without helper");
            break;
        default:
            break;
        }
        if (op->opc != IR_OP_nop)
            last = op;
    }
    /* A label branched to but never set. */
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        const IROpDef *def = &ir_op_defs[op->opc];
        uint64_t tgt = op->opc == IR_OP_br ? op->args[0]
                     : op->opc == IR_OP_brcond ? op->args[3] : UINT64_MAX;
        CHECK(tgt == UINT64_MAX || label_set[tgt],
              "label %llu is branched to but never set", (unsigned long long)tgt);
    }
    free(label_set);
    if (!last || !(ir_op_defs[last->opc].flags & IR_OPF_BLOCK_END)) {
        snprintf(err, errlen, "block does not end with goto_tb, exit_tb or lookup_and_goto");
        return -1;
    }
    return 0;

fail:
    free(label_set);
    return -1;
}

/*
 * Side-exit labels: a label that exactly one branch (br or brcond) reaches,
 * from above, and that code above cannot fall into (the op before it
 * leaves the block or branches away).  That is how a superblock's
 * conditional exit reads -- "brcond !c, L; ...; goto_tb n; L: ..." -- and
 * with a single edge the state at L is the state at the branch, which the
 * optimizer and the x86 register allocator keep across it.
 */
bool *ir_side_exit_labels(const IRBlock *b)
{
    uint32_t *refs = calloc(b->nb_labels + 1, sizeof(uint32_t));
    bool *side = calloc(b->nb_labels + 1, sizeof(bool));
    bool *seen = calloc(b->nb_labels + 1, sizeof(bool));   /* a branch to it so far */
    const IROp *prev = NULL;

    if (!refs || !side || !seen)
        abort();
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_br)
            refs[op->args[0]]++;
        else if (op->opc == IR_OP_brcond)
            refs[op->args[3]]++;
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        if (op->opc == IR_OP_nop || op->opc == IR_OP_insn_start)
            continue;
        if (op->opc == IR_OP_br || op->opc == IR_OP_brcond) {
            seen[op->args[op->opc == IR_OP_br ? 0 : 3]] = true;
        } else if (op->opc == IR_OP_set_label) {
            uint32_t l = (uint32_t)op->args[0];
            side[l] = refs[l] == 1 && seen[l] && prev &&
                      (prev->opc == IR_OP_br || (ir_op_def(prev)->flags & IR_OPF_BLOCK_END));
        }
        prev = op;
    }
    free(refs);
    free(seen);
    return side;
}
