/*
 * optimize.c - the IR optimizer: one forward pass that folds, propagates and
 * simplifies, then one backward pass that removes dead code.  In place over
 * b->ops.
 *
 * THE RULE: never change what a block does.  The IR interpreter run on the
 * unoptimized block is the oracle; when a rewrite is not certainly exact, it
 * is not made.
 *
 * What the optimizer assumes
 *  - The invariants of ir.h: IR_TEMP_NORMAL temps are dead at the end of each
 *    basic block (set_label, br, brcond, block exits), locals and globals
 *    live across the whole block, constants are never written.
 *  - Helper flags (IR_CALL_*) tell the whole truth about a helper.
 *  - A host store (st8/st16/st32/st) may write any global: its base is a
 *    host pointer that may be env.  A host load may read any global.
 *    Guest memory ops never touch env.
 *  - Any op with IR_OPF_SIDE_EFFECTS (calls, guest memory, barriers, exits)
 *    may observe the globals in env: a call may read them, a guest memory
 *    access may fault and leave the block with the guest state as of that
 *    instruction.
 *
 * Forward pass, per basic block
 *  - Every temp is either unknown, known to hold a constant, or a member of
 *    a class of temps known to hold the same value (a circular list, so that
 *    writing one member drops only that member).  Every input is replaced by
 *    the best member of its class: a constant, then env, then a global, then
 *    a local, then a normal temp (lowest index breaks ties, so all members of
 *    a class agree on it).  Preferring long-lived temps lets the copies die.
 *  - Everything known is forgotten at every basic-block boundary: at
 *    set_label (other predecessors) and after br/brcond/exits -- except at
 *    a side-exit label (ir_side_exit_labels: its one branch is the only way
 *    in), which takes up what was known at that branch, minus NORMAL temps
 *    (dead past the branch).  Superblocks keep their knowledge that way.  What is known
 *    about globals is also forgotten after a call flagged
 *    IR_CALL_WRITES_GLOBALS and after any host store.  A call that only reads
 *    globals changes nothing here: the register allocator writes dirty globals
 *    back before it, and this pass never moves or deletes a store to a global
 *    that such a call might read (dead-code elimination treats globals as
 *    live at every op with side effects).
 *  - Folding: an op of the table below whose inputs are all constants becomes
 *    `mov out, $value`, computed with exactly the IR semantics (ops.def): i32
 *    values are computed modulo 2^32 and kept zero-extended; x/0 = 0,
 *    x%0 = x, MIN/-1 = MIN, MIN%-1 = 0; shift and rotate counts modulo the
 *    width; clz/ctz of zero give the second input; bswap16/32 swap the low
 *    bytes and zero-extend; setcond/negsetcond/movcond/brcond through
 *    ir_cond_eval.  add2/sub2/mulu2/muls2 become two movs (the second one is
 *    inserted after the op: the only place the op array grows).
 *  - Never folded: loads, calls (even IR_CALL_PURE helpers: running guest
 *    helpers at translation time is not safe), stores, barriers.
 *  - Simplification: algebraic identities (x+0, x*1, x*0, x&-1, x^x, shift
 *    by 0, x/1, ...); sub by a constant becomes add of its negation, and
 *    (x + c1) + c2 becomes x + (c1 + c2); commutative ops and comparisons put
 *    a constant second; neg(neg x) and not(not x) give x; an extension of a
 *    value known to be already extended (from the op that defined it in this
 *    basic block) is a copy; widening the low half of an i64 (extrl then
 *    exts/extu_i32_i64) is ext32s/ext32u of the i64; setcond / movcond / brcond with a decided
 *    condition (constants, equal operands, unsigned compares against 0) are
 *    folded; a setcond result tested against 0 by setcond is itself (or its
 *    negation), by brcond the setcond's own comparison.  Each rule is in the
 *    fold_<op> function of its op; the table fold_table maps ops to them.
 *  - brcond always taken becomes br; never taken, it is deleted and the
 *    basic block goes on.  A br or brcond to a label that immediately follows
 *    is deleted.  Code after a br or a block exit up to the next set_label is
 *    unreachable and deleted, except insn_start markers (their count and
 *    order give the guest pc on a fault) and block-exit ops (the block must
 *    still end with one).
 *  - `mov a, b` where a already holds b's value is deleted.
 *
 * Backward pass (dead-code elimination)
 *  - An op without IR_OPF_SIDE_EFFECTS (and not a marker or branch) whose
 *    outputs are all dead is deleted, and so is a call to an IR_CALL_PURE
 *    helper whose result is dead.  A two-output op with one dead output is
 *    narrowed (mulu2 -> mul or muluh, add2 -> add, ...).
 *  - Liveness: globals and locals are live at every basic-block end
 *    (labels, branches and block exits alike: no attempt to see which
 *    locals a later basic block reads), and globals before every op with
 *    side effects or host load; normal temps are dead at every basic-block
 *    end.
 *
 * What it never does: move or reorder ops; delete a reachable op with side
 * effects (except a dead pure call); delete set_label or insn_start; change
 * which temps an op writes.  It deletes by turning ops into nops (no
 * arguments), and grows the op array only for the second mov of a folded
 * two-output op.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ir/bits.h"
#include "ir/ir.h"
#include "ir/live.h"

/* ---- what is known about each temp --------------------------------------- */

typedef struct TempInfo {
    IRTempIdx prev, next;   /* circular list of temps holding the same value */
    int32_t def;            /* op that last wrote the temp, -1 after invalidation */
    int32_t last_write;     /* op that last wrote or invalidated the temp, or -1 */
    uint64_t val;           /* the constant, when is_const */
    bool is_const;
    bool touched;           /* on the list of temps to forget at a block boundary */
} TempInfo;

/* What is known at a branch to a side-exit label, taken up again there. */
typedef struct OptSnap {
    uint32_t nb_temps, nb_touched;
    int32_t bb_start;
    IRTempIdx *touched;
    TempInfo ti[];
} OptSnap;

typedef struct OptContext {
    IRBlock *b;
    bool *side_exit;        /* per label: ir_side_exit_labels */
    OptSnap **snap;         /* per side-exit label, between its branch and it */
    TempInfo *ti;
    IRTempIdx *touched;     /* temps whose TempInfo differs from "unknown" */
    uint32_t nb_touched, cap;
    int32_t bb_start;       /* first op of the current basic block */
    int32_t cur;            /* index of the op being folded */
} OptContext;

typedef bool FoldFn(OptContext *c, IROp *op);

static void *opt_realloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        abort();
    return p;
}

/* New temps (constants) may appear while folding: keep ti as large as temps. */
static void opt_grow(OptContext *c)
{
    uint32_t n = c->b->nb_temps;

    if (n <= c->cap)
        return;
    uint32_t ncap = c->cap ? c->cap : 64;
    while (ncap < n)
        ncap *= 2;
    c->ti = opt_realloc(c->ti, ncap * sizeof(*c->ti));
    c->touched = opt_realloc(c->touched, ncap * sizeof(*c->touched));
    for (uint32_t t = c->cap; t < ncap; t++) {
        c->ti[t] = (TempInfo){ .prev = t, .next = t, .def = -1, .last_write = -1 };
    }
    c->cap = ncap;
}

static IRTempIdx opt_const(OptContext *c, IRType type, uint64_t v)
{
    IRTempIdx t = ir_const(c->b, type, v);
    opt_grow(c);
    return t;
}

static inline IRTempIdx in_arg(const IROp *op, int k)
{
    return (IRTempIdx)op->args[op->nb_oargs + k];
}

static inline uint64_t cst_arg(const IROp *op, int k)
{
    return op->args[op->nb_oargs + op->nb_iargs + k];
}

static inline IRTempKind temp_kind(const OptContext *c, IRTempIdx t)
{
    return c->b->temps[t].kind;
}

static inline bool is_const(const OptContext *c, IRTempIdx t)
{
    return c->b->temps[t].kind == IR_TEMP_CONST;
}

/* Input t (already replaced by its best copy) is the constant v of type ty. */
static bool is_const_val(const OptContext *c, IRTempIdx t, IRType ty, uint64_t v)
{
    return is_const(c, t) && c->b->temps[t].val == ir_trunc(ty, v);
}

static inline uint64_t const_val(const OptContext *c, IRTempIdx t)
{
    return c->b->temps[t].val;
}

static bool known_const(const OptContext *c, IRTempIdx t, uint64_t *v)
{
    if (is_const(c, t)) {
        *v = c->b->temps[t].val;
        return true;
    }
    if (c->ti[t].is_const) {
        *v = c->ti[t].val;
        return true;
    }
    return false;
}

static void touch(OptContext *c, IRTempIdx t)
{
    if (!c->ti[t].touched) {
        c->ti[t].touched = true;
        c->touched[c->nb_touched++] = t;
    }
}

/* Leave the class (become a singleton); forget a known constant. */
static void info_forget(OptContext *c, IRTempIdx t)
{
    TempInfo *i = &c->ti[t];

    if (i->next != t) {
        c->ti[i->prev].next = i->next;
        c->ti[i->next].prev = i->prev;
        i->next = i->prev = t;
    }
    i->is_const = false;
}

/* t is written by the current op. */
static void info_written(OptContext *c, IRTempIdx t)
{
    info_forget(c, t);
    c->ti[t].def = c->cur;
    c->ti[t].last_write = c->cur;
}

/* t may have been changed behind our back (a call, a store to env). */
static void info_invalidate(OptContext *c, IRTempIdx t)
{
    info_forget(c, t);
    c->ti[t].def = -1;
    c->ti[t].last_write = c->cur;
}

static void info_set_const(OptContext *c, IRTempIdx t, uint64_t v)
{
    touch(c, t);
    c->ti[t].is_const = true;
    c->ti[t].val = v;
}

/* dst (a singleton) joins the class of src. */
static void info_join(OptContext *c, IRTempIdx dst, IRTempIdx src)
{
    TempInfo *s = &c->ti[src], *d = &c->ti[dst];

    touch(c, dst);
    touch(c, src);
    d->prev = src;
    d->next = s->next;
    c->ti[s->next].prev = dst;
    s->next = dst;
}

/* Forget everything: a new basic block starts at op start. */
static void info_reset_all(OptContext *c, int32_t start)
{
    for (uint32_t k = 0; k < c->nb_touched; k++) {
        IRTempIdx t = c->touched[k];
        c->ti[t].prev = c->ti[t].next = t;
        c->ti[t].is_const = false;
        c->ti[t].touched = false;
    }
    c->nb_touched = 0;
    c->bb_start = start;
}

static void info_invalidate_globals(OptContext *c)
{
    for (int g = 0; g < c->b->globals->count; g++)
        info_invalidate(c, (IRTempIdx)(g + 1));
}

static int kind_rank(IRTempKind k)
{
    switch (k) {
    case IR_TEMP_CONST: return 4;
    case IR_TEMP_FIXED: return 3;
    case IR_TEMP_GLOBAL: return 2;
    case IR_TEMP_LOCAL: return 1;
    default: return 0;
    }
}

/* The member of t's class that every use of the class should read. */
static IRTempIdx best_copy(OptContext *c, IRTempIdx t)
{
    IRTempKind k = temp_kind(c, t);

    if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
        return t;
    if (c->ti[t].is_const)
        return opt_const(c, c->b->temps[t].type, c->ti[t].val);
    IRTempIdx best = t;
    int rank = kind_rank(k);
    for (IRTempIdx u = c->ti[t].next; u != t; u = c->ti[u].next) {
        int r = kind_rank(temp_kind(c, u));
        if (r > rank || (r == rank && u < best)) {
            best = u;
            rank = r;
        }
    }
    return best;
}

/* a and b certainly hold the same value now. */
static bool same_value(OptContext *c, IRTempIdx a, IRTempIdx b)
{
    uint64_t va, vb;

    if (a == b)
        return true;
    if (known_const(c, a, &va))
        return known_const(c, b, &vb) && va == vb
               && c->b->temps[a].type == c->b->temps[b].type;
    for (IRTempIdx u = c->ti[a].next; u != a; u = c->ti[u].next)
        if (u == b)
            return true;
    return false;
}

/* Index of the op that wrote t in this basic block, if t was not changed
 * behind our back since; -1 otherwise. */
static int32_t def_index(const OptContext *c, IRTempIdx t)
{
    IRTempKind k = temp_kind(c, t);

    if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
        return -1;
    return c->ti[t].def >= c->bb_start ? c->ti[t].def : -1;
}

/* t holds the same value now as when op n read it. */
static bool unchanged_since(const OptContext *c, IRTempIdx t, int32_t n)
{
    IRTempKind k = temp_kind(c, t);

    return k == IR_TEMP_CONST || k == IR_TEMP_FIXED || c->ti[t].last_write < n;
}

/* ---- rewriting ops --------------------------------------------------------- */

static void op_to_nop(IROp *op)
{
    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_nop;
}

static void op_to_mov(IROp *op, IRTempIdx dst, IRTempIdx src)
{
    op->opc = IR_OP_mov;
    op->nb_oargs = 1;
    op->nb_iargs = 1;
    op->nb_cargs = 0;
    op->args[0] = dst;
    op->args[1] = src;
}

/* Rewrite a one-output op as the unary op opc on a. */
static void op_to_unary(IROp *op, IROpcode opc, IRTempIdx a)
{
    op->opc = opc;
    op->nb_iargs = 1;
    op->nb_cargs = 0;
    op->args[1] = a;
}

/* Insert a zeroed op after op i; returns it.  Pointers to ops go stale. */
static IROp *op_insert_after(IRBlock *b, uint32_t i)
{
    if (b->nb_ops == b->ops_cap) {
        b->ops_cap = b->ops_cap ? 2 * b->ops_cap : 64;
        b->ops = opt_realloc(b->ops, b->ops_cap * sizeof(IROp));
    }
    memmove(&b->ops[i + 2], &b->ops[i + 1], (b->nb_ops - i - 1) * sizeof(IROp));
    b->nb_ops++;
    memset(&b->ops[i + 1], 0, sizeof(IROp));
    return &b->ops[i + 1];
}

static bool fold_mov(OptContext *c, IROp *op);

static bool fold_to_copy(OptContext *c, IROp *op, IRTempIdx src)
{
    op_to_mov(op, (IRTempIdx)op->args[0], src);
    return fold_mov(c, op);
}

static bool fold_to_const(OptContext *c, IROp *op, uint64_t v)
{
    IRTempIdx k = opt_const(c, (IRType)op->type, v);
    return fold_to_copy(c, op, k);
}

/* ---- constant evaluation with the IR's exact semantics -------------------- */

/* Full product of two w-bit values (signed or unsigned), as lo and hi halves. */
static void mul_full(IRType t, bool sign, uint64_t x, uint64_t y, uint64_t *lo, uint64_t *hi)
{
    if (t == IR_TYPE_I32) {
        uint64_t p;
        if (sign)
            p = (uint64_t)((int64_t)(int32_t)(uint32_t)x * (int64_t)(int32_t)(uint32_t)y);
        else
            p = (uint64_t)(uint32_t)x * (uint32_t)y;
        *lo = (uint32_t)p;
        *hi = (uint32_t)(p >> 32);
    } else {
        unsigned __int128 p = (unsigned __int128)x * y;
        uint64_t h = (uint64_t)(p >> 64);
        /* The signed product differs from the unsigned one by 2^64 times
         * each negative operand's partner. */
        if (sign && (x >> 63))
            h -= y;
        if (sign && (y >> 63))
            h -= x;
        *lo = (uint64_t)p;
        *hi = h;
    }
}

/* Value of a one-output op of type t with inputs x, y (y unused by unary ops)
 * and constant arguments k0, k1.  Inputs are zero-extended to 64 bits. */
static uint64_t eval_op(IROpcode opc, IRType t, uint64_t x, uint64_t y, uint64_t k0, uint64_t k1)
{
    unsigned w = ir_type_bits(t);
    unsigned s = (unsigned)(y & (w - 1));
    uint64_t r, lo, hi;

    switch (opc) {
    case IR_OP_mov: r = x; break;
    case IR_OP_add: r = x + y; break;
    case IR_OP_sub: r = x - y; break;
    case IR_OP_neg: r = 0 - x; break;
    case IR_OP_mul: r = x * y; break;
    case IR_OP_mulsh: mul_full(t, true, x, y, &lo, &hi); r = hi; break;
    case IR_OP_muluh: mul_full(t, false, x, y, &lo, &hi); r = hi; break;
    case IR_OP_div: {
        int64_t sx = (int64_t)sext_bits(x, w), sy = (int64_t)sext_bits(y, w);
        if (sy == 0)
            r = 0;
        else if (sy == -1)
            r = 0 - x;          /* MIN / -1 wraps to MIN */
        else
            r = (uint64_t)(sx / sy);
        break;
    }
    case IR_OP_rem: {
        int64_t sx = (int64_t)sext_bits(x, w), sy = (int64_t)sext_bits(y, w);
        if (sy == 0)
            r = x;
        else if (sy == -1)
            r = 0;
        else
            r = (uint64_t)(sx % sy);
        break;
    }
    case IR_OP_divu: r = y ? x / y : 0; break;
    case IR_OP_remu: r = y ? x % y : x; break;
    case IR_OP_and: r = x & y; break;
    case IR_OP_or: r = x | y; break;
    case IR_OP_xor: r = x ^ y; break;
    case IR_OP_not: r = ~x; break;
    case IR_OP_andc: r = x & ~y; break;
    case IR_OP_orc: r = x | ~y; break;
    case IR_OP_eqv: r = ~(x ^ y); break;
    case IR_OP_nand: r = ~(x & y); break;
    case IR_OP_nor: r = ~(x | y); break;
    case IR_OP_shl: r = x << s; break;
    case IR_OP_shr: r = (x & mask_bits(w)) >> s; break;
    case IR_OP_sar: r = sar_bits(x, s, w); break;
    case IR_OP_rotl:
        x &= mask_bits(w);
        r = s ? (x << s) | (x >> (w - s)) : x;
        break;
    case IR_OP_rotr:
        x &= mask_bits(w);
        r = s ? (x >> s) | (x << (w - s)) : x;
        break;
    case IR_OP_clz:
        x &= mask_bits(w);
        r = x ? (uint64_t)(__builtin_clzll(x) - (64 - w)) : y;
        break;
    case IR_OP_ctz:
        x &= mask_bits(w);
        r = x ? (uint64_t)__builtin_ctzll(x) : y;
        break;
    case IR_OP_ctpop: r = (uint64_t)__builtin_popcountll(x & mask_bits(w)); break;
    case IR_OP_bswap16: r = (uint64_t)__builtin_bswap16((uint16_t)x); break;
    case IR_OP_bswap32: r = (uint64_t)__builtin_bswap32((uint32_t)x); break;
    case IR_OP_bswap64: r = __builtin_bswap64(x); break;
    case IR_OP_ext8s: r = sext_bits(x, 8); break;
    case IR_OP_ext8u: r = x & 0xff; break;
    case IR_OP_ext16s: r = sext_bits(x, 16); break;
    case IR_OP_ext16u: r = x & 0xffff; break;
    case IR_OP_ext32s: r = sext_bits(x, 32); break;
    case IR_OP_ext32u: r = x & 0xffffffffu; break;
    case IR_OP_extu_i32_i64: r = x & 0xffffffffu; break;
    case IR_OP_exts_i32_i64: r = sext_bits(x, 32); break;
    case IR_OP_extrl_i64_i32: r = x & 0xffffffffu; break;
    case IR_OP_extrh_i64_i32: r = x >> 32; break;
    case IR_OP_extract: r = (x >> k0) & mask_bits((unsigned)k1); break;
    case IR_OP_sextract: r = sext_bits(x >> k0, (unsigned)k1); break;
    case IR_OP_deposit: {
        uint64_t m = mask_bits((unsigned)k1) << k0;
        r = (x & ~m) | ((y << k0) & m);
        break;
    }
    case IR_OP_extract2:
        x &= mask_bits(w);
        r = k0 ? (x >> k0) | (y << (w - k0)) : x;
        break;
    default:
        abort();    /* only ops listed in fold_table reach here */
    }
    return ir_trunc(t, r);
}

/* The two outputs of add2/sub2/mulu2/muls2 on constant inputs. */
static void eval_double(const IROp *op, const uint64_t *in, uint64_t *lo, uint64_t *hi)
{
    IRType t = (IRType)op->type;

    switch (op->opc) {
    case IR_OP_mulu2:
        mul_full(t, false, in[0], in[1], lo, hi);
        return;
    case IR_OP_muls2:
        mul_full(t, true, in[0], in[1], lo, hi);
        return;
    default:
        break;
    }
    /* add2/sub2: (ah:al) +/- (bh:bl) on 2w-bit numbers. */
    if (t == IR_TYPE_I32) {
        uint64_t p = (in[0] & 0xffffffffu) | in[1] << 32;
        uint64_t q = (in[2] & 0xffffffffu) | in[3] << 32;
        uint64_t v = op->opc == IR_OP_add2 ? p + q : p - q;
        *lo = (uint32_t)v;
        *hi = (uint32_t)(v >> 32);
    } else {
        unsigned __int128 p = (unsigned __int128)in[1] << 64 | in[0];
        unsigned __int128 q = (unsigned __int128)in[3] << 64 | in[2];
        unsigned __int128 v = op->opc == IR_OP_add2 ? p + q : p - q;
        *lo = (uint64_t)v;
        *hi = (uint64_t)(v >> 64);
    }
}

/* Fold a one-output op whose inputs are all constants. */
static bool fold_const_inputs(OptContext *c, IROp *op)
{
    uint64_t v[2] = { 0, 0 };

    for (int k = 0; k < op->nb_iargs; k++) {
        if (!is_const(c, in_arg(op, k)))
            return false;
        v[k] = const_val(c, in_arg(op, k));
    }
    uint64_t k0 = op->nb_cargs > 0 ? cst_arg(op, 0) : 0;
    uint64_t k1 = op->nb_cargs > 1 ? cst_arg(op, 1) : 0;
    return fold_to_const(c, op, eval_op((IROpcode)op->opc, (IRType)op->type, v[0], v[1], k0, k1));
}

/* ---- knowledge from defining ops ------------------------------------------- */

/*
 * Smallest w such that t is known to hold the zero-extension of its low w
 * bits (the width of t's type when nothing is known), from the op that
 * defined t in this basic block.  depth bounds the walk through movs.
 */
static unsigned known_zext(OptContext *c, IRTempIdx t, int depth)
{
    unsigned w = ir_type_bits(c->b->temps[t].type);
    uint64_t v;
    int32_t d;

    if (known_const(c, t, &v))
        return v ? 64 - __builtin_clzll(v) : 0;
    if ((d = def_index(c, t)) < 0)
        return w;
    const IROp *o = &c->b->ops[d];
    switch (o->opc) {
    case IR_OP_ext8u: case IR_OP_ld8u:
        return 8;
    case IR_OP_ext16u: case IR_OP_ld16u: case IR_OP_bswap16:
        return 16;
    case IR_OP_ext32u: case IR_OP_ld32u: case IR_OP_bswap32: case IR_OP_extu_i32_i64:
        return 32;
    case IR_OP_extract:
        return (unsigned)cst_arg(o, 1);
    case IR_OP_setcond:
        return 1;
    case IR_OP_guest_ld:
        if (!(cst_arg(o, 0) & IR_MO_SIGN))
            return 8u << (cst_arg(o, 0) & IR_MO_SIZE);
        return w;
    case IR_OP_and:
        if (is_const(c, in_arg(o, 1))) {
            v = const_val(c, in_arg(o, 1));
            return v ? 64 - __builtin_clzll(v) : 0;
        }
        return w;
    case IR_OP_mov:
        if (depth < 4 && unchanged_since(c, in_arg(o, 0), d))
            return known_zext(c, in_arg(o, 0), depth + 1);
        return w;
    default:
        return w;
    }
}

/* Smallest w such that t is known to hold the sign-extension of its low w bits. */
static unsigned known_sext(OptContext *c, IRTempIdx t, int depth)
{
    unsigned w = ir_type_bits(c->b->temps[t].type);
    unsigned z;
    int32_t d;

    if ((d = def_index(c, t)) >= 0) {
        const IROp *o = &c->b->ops[d];
        switch (o->opc) {
        case IR_OP_ext8s: case IR_OP_ld8s:
            return 8;
        case IR_OP_ext16s: case IR_OP_ld16s:
            return 16;
        case IR_OP_ext32s: case IR_OP_ld32s: case IR_OP_exts_i32_i64:
            return 32;
        case IR_OP_sextract:
            return (unsigned)cst_arg(o, 1);
        case IR_OP_negsetcond:
            return 1;
        case IR_OP_guest_ld:
            if (cst_arg(o, 0) & IR_MO_SIGN)
                return 8u << (cst_arg(o, 0) & IR_MO_SIZE);
            break;
        case IR_OP_mov:
            if (depth < 4 && unchanged_since(c, in_arg(o, 0), d))
                return known_sext(c, in_arg(o, 0), depth + 1);
            return w;
        default:
            break;
        }
    }
    /* A value zero-extended from z < w bits is sign-extended from z + 1. */
    z = known_zext(c, t, depth);
    return z < w ? z + 1 : w;
}

/* If t was defined in this basic block by `opc t, x` and x is unchanged
 * since, return x; otherwise return t itself. */
static IRTempIdx defined_by_unary(OptContext *c, IRTempIdx t, IROpcode opc, IRType type)
{
    int32_t d = def_index(c, t);

    if (d < 0)
        return t;
    const IROp *o = &c->b->ops[d];
    if (o->opc == opc && o->type == type && o->args[0] == t
        && unchanged_since(c, in_arg(o, 0), d))
        return in_arg(o, 0);
    return t;
}

/* ---- conditions ------------------------------------------------------------- */

/* 1: (a cond b) is certainly true, 0: certainly false, -1: unknown. */
static int cond_decide(OptContext *c, IRType t, IRCond cond, IRTempIdx a, IRTempIdx b)
{
    if (cond == IR_COND_NEVER)
        return 0;
    if (cond == IR_COND_ALWAYS)
        return 1;
    if (is_const(c, a) && is_const(c, b))
        return ir_cond_eval(t, cond, const_val(c, a), const_val(c, b));
    if (same_value(c, a, b)) {
        switch (cond) {
        case IR_COND_EQ: case IR_COND_GE: case IR_COND_LE:
        case IR_COND_GEU: case IR_COND_LEU:
            return 1;
        case IR_COND_NE: case IR_COND_LT: case IR_COND_GT:
        case IR_COND_LTU: case IR_COND_GTU:
            return 0;
        default:
            return -1;  /* tsteq/tstne on equal operands depend on the value */
        }
    }
    if (is_const_val(c, b, t, 0)) {
        switch (cond) {
        case IR_COND_LTU: case IR_COND_TSTNE:
            return 0;
        case IR_COND_GEU: case IR_COND_TSTEQ:
            return 1;
        default:
            return -1;
        }
    }
    return -1;
}

/* Put a constant operand of a comparison second (args ia, ia+1; cond at ic). */
static void cond_canonicalize(OptContext *c, IROp *op, int ia, int ic)
{
    IRTempIdx a = (IRTempIdx)op->args[ia], b = (IRTempIdx)op->args[ia + 1];

    if (is_const(c, a) && !is_const(c, b)) {
        op->args[ia] = b;
        op->args[ia + 1] = a;
        op->args[ic] = ir_cond_swap((IRCond)op->args[ic]);
    }
}

/* ---- fold_<op> ----------------------------------------------------------------
 * Each returns true when it has rewritten the op and recorded what its
 * outputs now hold (always through fold_mov, or the op became a nop/br);
 * false leaves the op as it is, and the caller records its outputs as
 * unknown.  Inputs are already replaced by their best copies, and constant
 * inputs of commutative ops already put second. */

static bool fold_mov(OptContext *c, IROp *op)
{
    IRTempIdx d = (IRTempIdx)op->args[0], s = (IRTempIdx)op->args[1];
    uint64_t v;

    if (same_value(c, d, s)) {
        op_to_nop(op);
        return true;
    }
    info_written(c, d);
    if (known_const(c, s, &v))
        info_set_const(c, d, v);
    else
        info_join(c, d, s);
    return true;
}

static bool fold_add(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;

    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);
    int32_t d;

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, b, t, 0))
        return fold_to_copy(c, op, a);
    /* (x + c1) + c2 = x + (c1 + c2), while x still holds what was added. */
    if (is_const(c, b) && (d = def_index(c, a)) >= 0) {
        const IROp *o = &c->b->ops[d];
        if (o->opc == IR_OP_add && o->args[0] == a && is_const(c, in_arg(o, 1))
            && unchanged_since(c, in_arg(o, 0), d)) {
            op->args[1] = in_arg(o, 0);
            op->args[2] = opt_const(c, t, const_val(c, in_arg(o, 1)) + const_val(c, b));
            return fold_add(c, op);
        }
    }
    return false;
}

static bool fold_neg(OptContext *c, IROp *op)
{
    IRTempIdx a = in_arg(op, 0), x;

    if (fold_const_inputs(c, op))
        return true;
    x = defined_by_unary(c, a, IR_OP_neg, (IRType)op->type);
    return x != a ? fold_to_copy(c, op, x) : false;
}

static bool fold_sub(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (same_value(c, a, b))
        return fold_to_const(c, op, 0);
    if (is_const(c, b)) {
        /* Canonical form: add of the negated constant. */
        op->opc = IR_OP_add;
        op->args[2] = opt_const(c, t, 0 - const_val(c, b));
        return fold_add(c, op);
    }
    if (is_const_val(c, a, t, 0)) {
        op_to_unary(op, IR_OP_neg, b);
        return fold_neg(c, op);
    }
    return false;
}

static bool fold_mul(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, in_arg(op, 1), t, 0))
        return fold_to_const(c, op, 0);
    if (is_const_val(c, in_arg(op, 1), t, 1))
        return fold_to_copy(c, op, in_arg(op, 0));
    return false;
}

/* mulsh, muluh */
static bool fold_mul_high(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, in_arg(op, 1), t, 0))
        return fold_to_const(c, op, 0);
    /* x * 1 fits in the low half: the unsigned high half is 0. */
    if (op->opc == IR_OP_muluh && is_const_val(c, in_arg(op, 1), t, 1))
        return fold_to_const(c, op, 0);
    return false;
}

/* div, divu, rem, remu: the IR defines every case, so x/0 folds too. */
static bool fold_divide(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);
    bool quot = op->opc == IR_OP_div || op->opc == IR_OP_divu;
    bool sign = op->opc == IR_OP_div || op->opc == IR_OP_rem;

    if (fold_const_inputs(c, op))
        return true;
    if (!is_const(c, b))
        return false;
    if (const_val(c, b) == 0)
        return quot ? fold_to_const(c, op, 0) : fold_to_copy(c, op, a);
    if (const_val(c, b) == 1)
        return quot ? fold_to_copy(c, op, a) : fold_to_const(c, op, 0);
    if (sign && is_const_val(c, b, t, -1)) {
        if (!quot)
            return fold_to_const(c, op, 0);
        /* x / -1 = -x, and MIN / -1 = MIN = -MIN: exactly neg. */
        op_to_unary(op, IR_OP_neg, a);
        return fold_neg(c, op);
    }
    return false;
}

static bool fold_and(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, b, t, 0))
        return fold_to_const(c, op, 0);
    if (is_const_val(c, b, t, -1) || same_value(c, a, b))
        return fold_to_copy(c, op, a);
    /* A mask that keeps every bit a may have set. */
    if (is_const(c, b) && (mask_bits(known_zext(c, a, 0)) & ~const_val(c, b)) == 0)
        return fold_to_copy(c, op, a);
    return false;
}

static bool fold_or(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, b, t, -1))
        return fold_to_const(c, op, -1);
    if (is_const_val(c, b, t, 0) || same_value(c, a, b))
        return fold_to_copy(c, op, a);
    return false;
}

static bool fold_not(OptContext *c, IROp *op)
{
    IRTempIdx a = in_arg(op, 0), x;

    if (fold_const_inputs(c, op))
        return true;
    x = defined_by_unary(c, a, IR_OP_not, (IRType)op->type);
    return x != a ? fold_to_copy(c, op, x) : false;
}

static bool fold_xor(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (same_value(c, a, b))
        return fold_to_const(c, op, 0);
    if (is_const_val(c, b, t, 0))
        return fold_to_copy(c, op, a);
    if (is_const_val(c, b, t, -1)) {
        op_to_unary(op, IR_OP_not, a);
        return fold_not(c, op);
    }
    return false;
}

static bool fold_andc(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, b, t, 0))
        return fold_to_copy(c, op, a);
    if (is_const_val(c, b, t, -1) || is_const_val(c, a, t, 0) || same_value(c, a, b))
        return fold_to_const(c, op, 0);
    return false;
}

static bool fold_orc(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (is_const_val(c, b, t, -1))
        return fold_to_copy(c, op, a);
    if (is_const_val(c, b, t, 0) || is_const_val(c, a, t, -1) || same_value(c, a, b))
        return fold_to_const(c, op, -1);
    return false;
}

/* eqv, nand, nor: each is `not` of a simple op, so a few identities apply. */
static bool fold_inverted(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);
    bool same = same_value(c, a, b);

    if (fold_const_inputs(c, op))
        return true;
    switch (op->opc) {
    case IR_OP_eqv:                 /* ~(a ^ b) */
        if (same)
            return fold_to_const(c, op, -1);
        if (is_const_val(c, b, t, -1))
            return fold_to_copy(c, op, a);
        if (!is_const_val(c, b, t, 0))
            return false;
        break;
    case IR_OP_nand:                /* ~(a & b) */
        if (is_const_val(c, b, t, 0))
            return fold_to_const(c, op, -1);
        if (!same && !is_const_val(c, b, t, -1))
            return false;
        break;
    default:                        /* nor: ~(a | b) */
        if (is_const_val(c, b, t, -1))
            return fold_to_const(c, op, 0);
        if (!same && !is_const_val(c, b, t, 0))
            return false;
        break;
    }
    op_to_unary(op, IR_OP_not, a);
    return fold_not(c, op);
}

/* shl, shr, sar, rotl, rotr */
static bool fold_shift(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    IRTempIdx a = in_arg(op, 0), b = in_arg(op, 1);

    if (fold_const_inputs(c, op))
        return true;
    if (is_const(c, b) && (const_val(c, b) & (ir_type_bits(t) - 1)) == 0)
        return fold_to_copy(c, op, a);
    if (is_const_val(c, a, t, 0))
        return fold_to_const(c, op, 0);
    if (is_const_val(c, a, t, -1) && op->opc != IR_OP_shl && op->opc != IR_OP_shr)
        return fold_to_const(c, op, -1);
    return false;
}

/* clz, ctz: a nonzero constant input decides without the second input. */
static bool fold_count_zeros(OptContext *c, IROp *op)
{
    IRTempIdx a = in_arg(op, 0);

    if (!is_const(c, a))
        return false;
    if (const_val(c, a) == 0)
        return fold_to_copy(c, op, in_arg(op, 1));
    return fold_to_const(c, op, eval_op((IROpcode)op->opc, (IRType)op->type,
                                        const_val(c, a), 0, 0, 0));
}

/* ctpop, bswap*, extrl/extrh_i64_i32: constants only. */
static bool fold_unary(OptContext *c, IROp *op)
{
    return fold_const_inputs(c, op);
}

/* ext8s ... ext32u: also a copy when the input is already extended. */
static bool fold_ext(OptContext *c, IROp *op)
{
    IRTempIdx a = in_arg(op, 0);
    unsigned w;
    bool sign;

    if (fold_const_inputs(c, op))
        return true;
    switch (op->opc) {
    case IR_OP_ext8s: w = 8; sign = true; break;
    case IR_OP_ext8u: w = 8; sign = false; break;
    case IR_OP_ext16s: w = 16; sign = true; break;
    case IR_OP_ext16u: w = 16; sign = false; break;
    case IR_OP_ext32s: w = 32; sign = true; break;
    default: w = 32; sign = false; break;
    }
    if ((sign ? known_sext(c, a, 0) : known_zext(c, a, 0)) <= w)
        return fold_to_copy(c, op, a);
    return false;
}

/*
 * extu/exts_i32_i64 of the low half of an i64 x (extrl_i64_i32 in this basic
 * block, x unchanged since) is ext32u/ext32s of x: one op instead of two, and
 * the i32 copy usually dies.
 */
static bool fold_widen(OptContext *c, IROp *op)
{
    IRTempIdx a = in_arg(op, 0), x;

    if (fold_const_inputs(c, op))
        return true;
    x = defined_by_unary(c, a, IR_OP_extrl_i64_i32, IR_TYPE_I32);
    if (x == a)
        return false;
    op->opc = op->opc == IR_OP_exts_i32_i64 ? IR_OP_ext32s : IR_OP_ext32u;
    op->args[1] = x;
    return fold_ext(c, op);
}

/* extract, sextract: a field that is the whole value is a copy. */
static bool fold_extract(OptContext *c, IROp *op)
{
    if (fold_const_inputs(c, op))
        return true;
    if (cst_arg(op, 0) == 0 && cst_arg(op, 1) == ir_type_bits((IRType)op->type))
        return fold_to_copy(c, op, in_arg(op, 0));
    return false;
}

static bool fold_deposit(OptContext *c, IROp *op)
{
    if (fold_const_inputs(c, op))
        return true;
    if (cst_arg(op, 0) == 0 && cst_arg(op, 1) == ir_type_bits((IRType)op->type))
        return fold_to_copy(c, op, in_arg(op, 1));
    return false;
}

static bool fold_extract2(OptContext *c, IROp *op)
{
    if (fold_const_inputs(c, op))
        return true;
    if (cst_arg(op, 0) == 0)
        return fold_to_copy(c, op, in_arg(op, 0));
    return false;
}

/* setcond, negsetcond */
static bool fold_setcond(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    int r;

    cond_canonicalize(c, op, 1, 3);
    IRCond cond = (IRCond)op->args[3];
    IRTempIdx a = in_arg(op, 0);
    r = cond_decide(c, t, cond, a, in_arg(op, 1));
    if (r < 0) {
        /* Testing a value known to be 0/1 (setcond) or 0/-1 (negsetcond)
         * against 0 gives the value itself, or for setcond eq its negation. */
        if (!is_const_val(c, in_arg(op, 1), t, 0) || (cond != IR_COND_EQ && cond != IR_COND_NE))
            return false;
        if (op->opc == IR_OP_setcond && known_zext(c, a, 0) <= 1) {
            if (cond == IR_COND_NE)
                return fold_to_copy(c, op, a);
            op->opc = IR_OP_xor;
            op->nb_cargs = 0;
            op->args[2] = opt_const(c, t, 1);
            return fold_xor(c, op);
        }
        if (op->opc == IR_OP_negsetcond && cond == IR_COND_NE && known_sext(c, a, 0) <= 1)
            return fold_to_copy(c, op, a);
        return false;
    }
    if (op->opc == IR_OP_negsetcond)
        return fold_to_const(c, op, r ? (uint64_t)-1 : 0);
    return fold_to_const(c, op, (uint64_t)r);
}

static bool fold_movcond(OptContext *c, IROp *op)
{
    IRTempIdx v1 = in_arg(op, 2), v2 = in_arg(op, 3);
    int r;

    cond_canonicalize(c, op, 1, 5);
    if (same_value(c, v1, v2))
        return fold_to_copy(c, op, v1);
    r = cond_decide(c, (IRType)op->type, (IRCond)op->args[5], in_arg(op, 0), in_arg(op, 1));
    if (r < 0)
        return false;
    return fold_to_copy(c, op, r ? v1 : v2);
}

/*
 * brcond on (setcond x, y, cc) ==/!= 0 branches on x cc y directly (the
 * setcond often dies then).  Same for negsetcond.  x and y must still hold
 * what the setcond compared.
 */
static void brcond_through_setcond(OptContext *c, IROp *op)
{
    IRCond cond = (IRCond)op->args[2];
    IRTempIdx a = in_arg(op, 0);
    int32_t d;

    if ((cond != IR_COND_EQ && cond != IR_COND_NE)
        || !is_const_val(c, in_arg(op, 1), (IRType)op->type, 0)
        || (d = def_index(c, a)) < 0)
        return;
    const IROp *o = &c->b->ops[d];
    if ((o->opc != IR_OP_setcond && o->opc != IR_OP_negsetcond) || o->args[0] != a
        || !unchanged_since(c, in_arg(o, 0), d) || !unchanged_since(c, in_arg(o, 1), d))
        return;
    IRCond cc = (IRCond)o->args[3];
    op->args[0] = in_arg(o, 0);
    op->args[1] = in_arg(o, 1);
    op->args[2] = cond == IR_COND_NE ? cc : ir_cond_invert(cc);
}

static bool fold_brcond(OptContext *c, IROp *op)
{
    int r;

    brcond_through_setcond(c, op);
    cond_canonicalize(c, op, 0, 2);
    r = cond_decide(c, (IRType)op->type, (IRCond)op->args[2], in_arg(op, 0), in_arg(op, 1));
    if (r < 0)
        return false;
    if (r == 0) {
        op_to_nop(op);
        return true;
    }
    uint64_t label = op->args[3];
    memset(op, 0, sizeof(*op));
    op->opc = IR_OP_br;
    op->type = IR_TYPE_I64;
    op->nb_cargs = 1;
    op->args[0] = label;
    return true;
}

/* add2, sub2, mulu2, muls2 on constants: two movs. */
static bool fold_double(OptContext *c, IROp *op)
{
    IRType t = (IRType)op->type;
    uint64_t in[4], lo, hi;
    IRTempIdx out_lo = (IRTempIdx)op->args[0], out_hi = (IRTempIdx)op->args[1];

    for (int k = 0; k < op->nb_iargs; k++) {
        if (!is_const(c, in_arg(op, k)))
            return false;
        in[k] = const_val(c, in_arg(op, k));
    }
    eval_double(op, in, &lo, &hi);
    IRTempIdx klo = opt_const(c, t, lo), khi = opt_const(c, t, hi);
    /* The inserted mov is folded when the main loop reaches it. */
    IROp *second = op_insert_after(c->b, (uint32_t)c->cur);
    op_to_mov(second, out_hi, khi);
    second->type = t;
    op = &c->b->ops[c->cur];
    op_to_mov(op, out_lo, klo);
    return fold_mov(c, op);
}

static FoldFn *const fold_table[IR_OP_COUNT] = {
    [IR_OP_brcond] = fold_brcond,
    [IR_OP_mov] = fold_mov,
    [IR_OP_add] = fold_add,
    [IR_OP_sub] = fold_sub,
    [IR_OP_neg] = fold_neg,
    [IR_OP_mul] = fold_mul,
    [IR_OP_mulsh] = fold_mul_high,
    [IR_OP_muluh] = fold_mul_high,
    [IR_OP_muls2] = fold_double,
    [IR_OP_mulu2] = fold_double,
    [IR_OP_add2] = fold_double,
    [IR_OP_sub2] = fold_double,
    [IR_OP_div] = fold_divide,
    [IR_OP_divu] = fold_divide,
    [IR_OP_rem] = fold_divide,
    [IR_OP_remu] = fold_divide,
    [IR_OP_and] = fold_and,
    [IR_OP_or] = fold_or,
    [IR_OP_xor] = fold_xor,
    [IR_OP_not] = fold_not,
    [IR_OP_andc] = fold_andc,
    [IR_OP_orc] = fold_orc,
    [IR_OP_eqv] = fold_inverted,
    [IR_OP_nand] = fold_inverted,
    [IR_OP_nor] = fold_inverted,
    [IR_OP_shl] = fold_shift,
    [IR_OP_shr] = fold_shift,
    [IR_OP_sar] = fold_shift,
    [IR_OP_rotl] = fold_shift,
    [IR_OP_rotr] = fold_shift,
    [IR_OP_clz] = fold_count_zeros,
    [IR_OP_ctz] = fold_count_zeros,
    [IR_OP_ctpop] = fold_unary,
    [IR_OP_bswap16] = fold_unary,
    [IR_OP_bswap32] = fold_unary,
    [IR_OP_bswap64] = fold_unary,
    [IR_OP_ext8s] = fold_ext,
    [IR_OP_ext8u] = fold_ext,
    [IR_OP_ext16s] = fold_ext,
    [IR_OP_ext16u] = fold_ext,
    [IR_OP_ext32s] = fold_ext,
    [IR_OP_ext32u] = fold_ext,
    [IR_OP_extu_i32_i64] = fold_widen,
    [IR_OP_exts_i32_i64] = fold_widen,
    [IR_OP_extrl_i64_i32] = fold_unary,
    [IR_OP_extrh_i64_i32] = fold_unary,
    [IR_OP_extract] = fold_extract,
    [IR_OP_sextract] = fold_extract,
    [IR_OP_deposit] = fold_deposit,
    [IR_OP_extract2] = fold_extract2,
    [IR_OP_setcond] = fold_setcond,
    [IR_OP_negsetcond] = fold_setcond,
    [IR_OP_movcond] = fold_movcond,
};

/* ---- forward pass ------------------------------------------------------------ */

static bool is_host_store(IROpcode opc)
{
    return opc == IR_OP_st8 || opc == IR_OP_st16 || opc == IR_OP_st32 || opc == IR_OP_st;
}

static bool is_host_load(IROpcode opc)
{
    return opc >= IR_OP_ld8u && opc <= IR_OP_ld;
}

static const IRHelper *call_helper(const IROp *op)
{
    return (const IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
}

/* The op left as it is: its outputs hold values we know nothing about. */
static void finish_op(OptContext *c, const IROp *op)
{
    for (int k = 0; k < op->nb_oargs; k++)
        info_written(c, (IRTempIdx)op->args[k]);
    if ((op->opc == IR_OP_call && (call_helper(op)->flags & IR_CALL_WRITES_GLOBALS))
        || is_host_store((IROpcode)op->opc))
        info_invalidate_globals(c);
}

/*
 * The next op after i that is not a nop is `set_label label`.  With
 * skip_dead, ops that the unreachable-code rule deletes are skipped too
 * (everything but insn_start and block exits).
 */
static bool label_follows(const IRBlock *b, uint32_t i, uint64_t label, bool skip_dead)
{
    for (uint32_t j = i + 1; j < b->nb_ops; j++) {
        const IROp *op = &b->ops[j];
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc == IR_OP_set_label)
            return op->args[0] == label;
        if (!skip_dead || op->opc == IR_OP_insn_start
            || (ir_op_def(op)->flags & IR_OPF_BLOCK_END))
            return false;
    }
    return false;
}

static void snap_save(OptContext *c, uint32_t label)
{
    uint32_t n = c->b->nb_temps;
    OptSnap *s = opt_realloc(NULL, sizeof(OptSnap) + n * sizeof(TempInfo));

    s->nb_temps = n;
    s->nb_touched = c->nb_touched;
    s->bb_start = c->bb_start;
    s->touched = opt_realloc(NULL, (c->nb_touched + 1) * sizeof(IRTempIdx));
    memcpy(s->touched, c->touched, c->nb_touched * sizeof(IRTempIdx));
    memcpy(s->ti, c->ti, n * sizeof(TempInfo));
    free(c->snap[label]);
    c->snap[label] = s;
}

/* Temps made since the save (constants) start unknown: nothing saved can
 * name them.  NORMAL temps are dead past the branch (ir.h), so nothing may
 * be derived from them there: each is invalidated. */
static void snap_restore(OptContext *c, uint32_t label)
{
    OptSnap *s = c->snap[label];

    info_reset_all(c, s->bb_start);
    memcpy(c->ti, s->ti, s->nb_temps * sizeof(TempInfo));
    memcpy(c->touched, s->touched, s->nb_touched * sizeof(IRTempIdx));
    c->nb_touched = s->nb_touched;
    c->bb_start = s->bb_start;
    for (uint32_t t = 0; t < s->nb_temps; t++)
        if (temp_kind(c, (IRTempIdx)t) == IR_TEMP_NORMAL)
            info_invalidate(c, (IRTempIdx)t);
    free(s->touched);
    free(s);
    c->snap[label] = NULL;
}

static void opt_forward(OptContext *c)
{
    IRBlock *b = c->b;
    bool unreachable = false;

    info_reset_all(c, 0);
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        IROp *op = &b->ops[i];
        uint32_t flags = ir_op_def(op)->flags;

        c->cur = (int32_t)i;
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc == IR_OP_set_label) {
            unreachable = false;
            if (c->snap[op->args[0]])
                snap_restore(c, (uint32_t)op->args[0]);
            else
                info_reset_all(c, (int32_t)i);
            continue;
        }
        if (unreachable) {
            if (op->opc != IR_OP_insn_start && !(flags & IR_OPF_BLOCK_END))
                op_to_nop(op);
            continue;
        }

        for (int k = 0; k < op->nb_iargs; k++) {
            uint64_t *a = &op->args[op->nb_oargs + k];
            *a = best_copy(c, (IRTempIdx)*a);
        }
        if ((flags & IR_OPF_COMMUTATIVE) && is_const(c, in_arg(op, 0))
            && !is_const(c, in_arg(op, 1))) {
            uint64_t *a = &op->args[op->nb_oargs];
            uint64_t x = a[0];
            a[0] = a[1];
            a[1] = x;
        }

        FoldFn *fn = fold_table[op->opc];
        if (!fn || !fn(c, op))
            finish_op(c, &b->ops[i]);

        op = &b->ops[i];
        flags = ir_op_def(op)->flags;
        if ((op->opc == IR_OP_br || op->opc == IR_OP_brcond)
            && c->side_exit[op->args[op->opc == IR_OP_br ? 0 : 3]])
            snap_save(c, (uint32_t)op->args[op->opc == IR_OP_br ? 0 : 3]);
        if (op->opc == IR_OP_br) {
            if (label_follows(b, i, op->args[0], true))
                op_to_nop(op);
            unreachable = true;
            info_reset_all(c, (int32_t)i + 1);
        } else if (op->opc == IR_OP_brcond && label_follows(b, i, op->args[3], false)) {
            op_to_nop(op);      /* both ways lead to the next op */
        } else if (flags & IR_OPF_BB_END) {
            unreachable = (flags & IR_OPF_BLOCK_END) != 0;
            info_reset_all(c, (int32_t)i + 1);
        }
    }
}

/* ---- backward pass: dead code ------------------------------------------------ */

/* Two-output ops with one output dead become the one-output op. */
static void narrow_double(const IRLive *l, IROp *op)
{
    bool lo = ir_live_get(l, (IRTempIdx)op->args[0]), hi = ir_live_get(l, (IRTempIdx)op->args[1]);
    IROpcode opc;
    uint64_t out;

    if (lo && !hi) {
        out = op->args[0];
        switch (op->opc) {
        case IR_OP_add2: opc = IR_OP_add; break;
        case IR_OP_sub2: opc = IR_OP_sub; break;
        default: opc = IR_OP_mul; break;
        }
    } else if (!lo && hi && (op->opc == IR_OP_mulu2 || op->opc == IR_OP_muls2)) {
        out = op->args[1];
        opc = op->opc == IR_OP_mulu2 ? IR_OP_muluh : IR_OP_mulsh;
    } else {
        return;
    }
    /* add2/sub2 inputs are al, ah, bl, bh; mul*2 inputs are a, b. */
    uint64_t a = op->args[2];
    uint64_t b = (op->opc == IR_OP_add2 || op->opc == IR_OP_sub2) ? op->args[4] : op->args[3];
    op->opc = opc;
    op->nb_oargs = 1;
    op->nb_iargs = 2;
    op->nb_cargs = 0;
    op->args[0] = out;
    op->args[1] = a;
    op->args[2] = b;
}

static bool op_removable(const IROp *op)
{
    uint32_t flags = ir_op_def(op)->flags;

    if (op->opc == IR_OP_call)
        return (call_helper(op)->flags & IR_CALL_PURE) != 0;
    return op->nb_oargs > 0
           && !(flags & (IR_OPF_SIDE_EFFECTS | IR_OPF_BB_END | IR_OPF_MARKER));
}

static void opt_dead_code(IRBlock *b)
{
    IRLive l;

    /* The block ends in an exit: only the globals are live after it (a
     * LOCAL temp is live at a basic-block end inside the block). */
    ir_live_init(&l, b);
    ir_live_bb_end(&l, false);
    for (uint32_t i = b->nb_ops; i-- > 0;) {
        IROp *op = &b->ops[i];
        uint32_t flags = ir_op_def(op)->flags;

        if (op->opc == IR_OP_nop)
            continue;
        if (flags & IR_OPF_BB_END)
            ir_live_bb_end(&l, true);
        if (op->opc == IR_OP_mov && op->args[0] == op->args[1]) {
            op_to_nop(op);
            continue;
        }
        if (op_removable(op)) {
            bool dead = true;
            for (int k = 0; k < op->nb_oargs; k++)
                dead &= !ir_live_get(&l, (IRTempIdx)op->args[k]);
            if (dead) {
                op_to_nop(op);
                continue;
            }
        }
        if (op->opc == IR_OP_add2 || op->opc == IR_OP_sub2
            || op->opc == IR_OP_mulu2 || op->opc == IR_OP_muls2)
            narrow_double(&l, op);
        for (int k = 0; k < op->nb_oargs; k++)
            ir_live_kill(&l, (IRTempIdx)op->args[k]);
        for (int k = 0; k < op->nb_iargs; k++)
            ir_live_set(&l, (IRTempIdx)op->args[op->nb_oargs + k]);
        if ((flags & IR_OPF_SIDE_EFFECTS) || is_host_load((IROpcode)op->opc))
            ir_live_globals(&l);
    }
    ir_live_free(&l);
}

/* ---- entry point --------------------------------------------------------------- */

void ir_optimize(IRBlock *b)
{
    OptContext c = { .b = b };

    c.side_exit = ir_side_exit_labels(b);
    c.snap = calloc(b->nb_labels + 1, sizeof(OptSnap *));
    if (!c.snap)
        abort();
    opt_grow(&c);
    opt_forward(&c);
    for (uint32_t l = 0; l <= b->nb_labels; l++) {
        if (c.snap[l])
            free(c.snap[l]->touched);
        free(c.snap[l]);
    }
    free(c.snap);
    free(c.side_exit);
    free(c.ti);
    free(c.touched);
    opt_dead_code(b);
}
