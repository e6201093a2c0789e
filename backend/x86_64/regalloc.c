/*
 * regalloc.c - x86_64 register allocation over one block.
 *
 * A greedy, per-op allocator driven by ir_liveness's op->life bits.  Each
 * temp has one location: a host register, its memory home, or (constants)
 * nothing.  The memory home of a global is its field in env; of a LOCAL or
 * NORMAL temp, an 8-byte spill slot in the frame, given on first spill (a
 * NORMAL temp gives it back when it dies; running out of slots makes the
 * block BACKEND_ERR_TOO_BIG).
 *
 * Invariants:
 *  - an i32 value in a host register has its upper 32 bits zero (every i32
 *    op is emitted with 32-bit operand size, which zero-extends);
 *  - a register holds at most one temp (reg_owner); registers used by the
 *    op being emitted are in `locked` and are never spilled or reused by it;
 *  - globals stay in registers across ops and are written back (mem_ok set,
 *    the register kept) only where somebody else reads env: before helpers
 *    that read globals or may raise, before guest memory ops (a fault is
 *    handled by code that reads the guest state from env), at basic-block
 *    ends and at block exits;
 *  - at a label every register is forgotten: globals and LOCAL temps are in
 *    memory at every basic-block end (the state is the same on every edge
 *    into a label), NORMAL temps are dead there.  The exception is a
 *    side-exit label (codegen.c), which has one edge into it: the branch
 *    leaves the registers as they are and the label takes up the state
 *    saved at the branch (ra_save/ra_restore), so a superblock keeps its
 *    globals in registers past the conditional exits it contains.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "backend/x86_64/x86.h"

/* Allocation order: callee-saved first (they survive helper calls), the
 * registers with fixed roles in mul/div/shift last. */
static const int alloc_order[] = {
    R_BP, R_12, R_13, R_14, R_15, R_SI, R_DI, R_8, R_9, R_10, R_CX, R_DX, R_AX,
};
#define NB_ALLOC ((int)(sizeof(alloc_order) / sizeof(alloc_order[0])))
#define CALL_CLOBBERED (REGMASK(R_AX) | REGMASK(R_CX) | REGMASK(R_DX) | REGMASK(R_SI) \
                        | REGMASK(R_DI) | REGMASK(R_8) | REGMASK(R_9) | REGMASK(R_10) \
                        | REGMASK(R_11))

void ra_init(X86Gen *s)
{
    IRBlock *b = s->b;

    s->ts = calloc(b->nb_temps, sizeof(TempState));
    if (!s->ts)
        abort();
    for (int r = 0; r < 16; r++)
        s->reg_owner[r] = -1;
    for (uint32_t i = 0; i < b->nb_temps; i++) {
        TempState *t = &s->ts[i];
        t->slot = -1;
        switch (b->temps[i].kind) {
        case IR_TEMP_FIXED:
            t->loc = LOC_REG;
            t->reg = X86_REG_ENV;
            t->mem_ok = true;
            break;
        case IR_TEMP_GLOBAL:
        case IR_TEMP_LOCAL:
            t->loc = LOC_MEM;
            t->mem_ok = true;
            break;
        case IR_TEMP_CONST:
            t->loc = LOC_CONST;
            break;
        default:
            t->loc = LOC_DEAD;
            break;
        }
    }
    s->locked = 0;
    s->nb_slots = 0;
    s->nb_free_slots = 0;
}

void ra_free(X86Gen *s)
{
    free(s->ts);
    s->ts = NULL;
}

bool ra_dies(const IROp *op, int argi)
{
    return (op->life >> argi) & 1;
}

static bool temp_w(X86Gen *s, IRTempIdx t)
{
    return s->b->temps[t].type == IR_TYPE_I64;
}

static int32_t slot_offset(X86Gen *s, IRTempIdx t)
{
    TempState *ts = &s->ts[t];

    if (ts->slot < 0 && s->nb_free_slots > 0) {
        ts->slot = s->free_slots[--s->nb_free_slots];
    } else if (ts->slot < 0) {
        if (s->nb_slots >= X86_SPILL_SLOTS) {
            s->too_big = true;
            return X86_CALL_STACK;
        }
        ts->slot = (int32_t)s->nb_slots++;
    }
    return X86_CALL_STACK + ts->slot * 8;
}

/* Store t's register to its memory home. */
static void store_home(X86Gen *s, IRTempIdx t)
{
    IRTemp *tp = &s->b->temps[t];
    TempState *ts = &s->ts[t];
    int opc = OPC_MOV_EvGv | (tp->type == IR_TYPE_I64 ? P_W : 0);

    if (tp->kind == IR_TEMP_GLOBAL)
        emit_opc_modrm_offset(&s->c, opc, ts->reg, X86_REG_ENV, tp->env_offset);
    else
        emit_opc_modrm_offset(&s->c, opc, ts->reg, R_SP, slot_offset(s, t));
    ts->mem_ok = true;
}

/* Load t from its memory home into r. */
static void load_home(X86Gen *s, IRTempIdx t, int r)
{
    IRTemp *tp = &s->b->temps[t];
    int opc = OPC_MOV_GvEv | (tp->type == IR_TYPE_I64 ? P_W : 0);

    if (tp->kind == IR_TEMP_GLOBAL)
        emit_opc_modrm_offset(&s->c, opc, r, X86_REG_ENV, tp->env_offset);
    else
        emit_opc_modrm_offset(&s->c, opc, r, R_SP, slot_offset(s, t));
}

/* Move the value out of r: into a free register of move_to if there is
 * one, else to its memory home (stored only if that copy is stale). */
static void evict(X86Gen *s, int r, uint32_t move_to)
{
    int32_t t = s->reg_owner[r];

    if (t < 0)
        return;
    TempState *ts = &s->ts[t];
    for (int i = 0; i < NB_ALLOC; i++) {
        int r2 = alloc_order[i];
        if ((move_to & REGMASK(r2)) && s->reg_owner[r2] < 0 && !(s->locked & REGMASK(r2))
            && r2 != r) {
            emit_mov_rr(&s->c, true, r2, r);
            s->reg_owner[r2] = t;
            s->reg_owner[r] = -1;
            ts->reg = (int8_t)r2;
            return;
        }
    }
    if (!ts->mem_ok)
        store_home(s, (IRTempIdx)t);
    ts->loc = LOC_MEM;
    s->reg_owner[r] = -1;
}

/* A free, unlocked register from allowed; spills a value if needed. */
static int alloc_reg(X86Gen *s, uint32_t allowed)
{
    int victim = -1;

    allowed &= ~s->locked;
    for (int i = 0; i < NB_ALLOC; i++) {
        int r = alloc_order[i];
        if ((allowed & REGMASK(r)) && s->reg_owner[r] < 0)
            return r;
    }
    /* Prefer a value whose memory copy is current: dropping it costs nothing. */
    for (int i = 0; i < NB_ALLOC; i++) {
        int r = alloc_order[i];
        if (allowed & REGMASK(r)) {
            if (victim < 0)
                victim = r;
            if (s->ts[s->reg_owner[r]].mem_ok) {
                victim = r;
                break;
            }
        }
    }
    if (victim < 0)
        abort();    /* every op locks far fewer registers than exist */
    evict(s, victim, 0);
    return victim;
}

int ra_scratch(X86Gen *s, uint32_t allowed)
{
    int r = alloc_reg(s, allowed);
    s->locked |= REGMASK(r);
    return r;
}

void ra_claim(X86Gen *s, int r)
{
    evict(s, r, ALLOC_ALL);
    s->locked |= REGMASK(r);
}

void ra_copy_to(X86Gen *s, IRTempIdx t, int r, bool w)
{
    TempState *ts = &s->ts[t];

    switch (ts->loc) {
    case LOC_CONST:
        emit_movi(&s->c, w, r, s->b->temps[t].val);
        break;
    case LOC_REG:
        emit_mov_rr(&s->c, true, r, ts->reg);
        break;
    case LOC_MEM:
        load_home(s, t, r);
        break;
    default:
        break;      /* undefined value: any register content will do */
    }
}

int ra_in(X86Gen *s, IRTempIdx t, uint32_t allowed)
{
    TempState *ts = &s->ts[t];
    int r;

    /* env never moves: code generators only read input registers. */
    if (s->b->temps[t].kind == IR_TEMP_FIXED)
        return X86_REG_ENV;
    if (ts->loc == LOC_REG) {
        if (allowed & REGMASK(ts->reg)) {
            s->locked |= REGMASK(ts->reg);
            return ts->reg;
        }
        r = alloc_reg(s, allowed);
        emit_mov_rr(&s->c, true, r, ts->reg);
        s->reg_owner[ts->reg] = -1;
        s->reg_owner[r] = (int32_t)t;
        ts->reg = (int8_t)r;
        s->locked |= REGMASK(r);
        return r;
    }
    r = alloc_reg(s, allowed);
    s->locked |= REGMASK(r);
    if (ts->loc == LOC_CONST) {
        emit_movi(&s->c, temp_w(s, t), r, s->b->temps[t].val);
        return r;
    }
    if (ts->loc == LOC_MEM) {
        load_home(s, t, r);
        ts->mem_ok = true;
    } else {
        ts->mem_ok = false;
    }
    ts->loc = LOC_REG;
    ts->reg = (int8_t)r;
    s->reg_owner[r] = (int32_t)t;
    return r;
}

Opnd ra_in_opnd(X86Gen *s, IRTempIdx t, bool w)
{
    Opnd o = { 0 };

    if (s->ts[t].loc == LOC_CONST) {
        uint64_t v = s->b->temps[t].val;
        int64_t sv = w ? (int64_t)v : (int32_t)v;
        if (fits_i32(sv)) {
            o.is_imm = true;
            o.imm = sv;
            return o;
        }
    }
    o.reg = ra_in(s, t, ALLOC_ALL);
    return o;
}

void ra_bind(X86Gen *s, IRTempIdx t, int r)
{
    TempState *ts = &s->ts[t];

    if (ts->loc == LOC_REG && ts->reg != r && s->reg_owner[ts->reg] == (int32_t)t)
        s->reg_owner[ts->reg] = -1;
    if (s->reg_owner[r] >= 0 && s->reg_owner[r] != (int32_t)t) {
        /* r held a dying input reused for this output */
        IRTempKind k = s->b->temps[s->reg_owner[r]].kind;
        TempState *o = &s->ts[s->reg_owner[r]];
        o->loc = k == IR_TEMP_NORMAL ? LOC_DEAD : LOC_MEM;
        o->mem_ok = true;
    }
    s->reg_owner[r] = (int32_t)t;
    s->locked |= REGMASK(r);
    ts->loc = LOC_REG;
    ts->reg = (int8_t)r;
    ts->mem_ok = false;
}

int ra_out(X86Gen *s, IRTempIdx t, int reuse, uint32_t allowed)
{
    TempState *ts = &s->ts[t];
    int r = reuse;

    /* An output already in an unlocked register (a global being updated)
     * keeps that register. */
    if (r < 0 && ts->loc == LOC_REG && (allowed & ~s->locked & REGMASK(ts->reg)))
        r = ts->reg;
    if (r < 0)
        r = alloc_reg(s, allowed);

    ra_bind(s, t, r);
    return r;
}

int ra_reuse(X86Gen *s, const IROp *op, int argi)
{
    IRTempIdx t = (IRTempIdx)op->args[argi];
    TempState *ts = &s->ts[t];
    IRTempKind k = s->b->temps[t].kind;

    if (!ra_dies(op, argi) || ts->loc != LOC_REG || k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
        return -1;
    /* The same temp used again as a later input of this op is fine (same
     * value), but it must not be an output other than the one reusing it:
     * callers only reuse for their single output. */
    return ts->reg;
}

void ra_op_end(X86Gen *s, const IROp *op)
{
    int nargs = op->nb_oargs + op->nb_iargs;

    for (int i = 0; i < nargs; i++) {
        IRTempIdx t = (IRTempIdx)op->args[i];
        bool is_out = false;
        IRTempKind k = s->b->temps[t].kind;

        if (!ra_dies(op, i) || k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
            continue;
        if (i >= op->nb_oargs) {
            for (int j = 0; j < op->nb_oargs; j++)
                if (op->args[j] == t)
                    is_out = true;
            if (is_out)
                continue;
        }
        TempState *ts = &s->ts[t];
        if (ts->loc == LOC_REG) {
            if (s->reg_owner[ts->reg] == (int32_t)t)
                s->reg_owner[ts->reg] = -1;
        }
        /* Dead: nothing will read it before it is written again.  A global
         * keeps its (possibly stale) env field as home; a NORMAL temp gives
         * its spill slot back (LOCAL temps keep theirs: they are live
         * again at the next basic-block end). */
        ts->loc = k == IR_TEMP_GLOBAL || k == IR_TEMP_LOCAL ? LOC_MEM : LOC_DEAD;
        ts->mem_ok = true;
        if (k == IR_TEMP_NORMAL && ts->slot >= 0) {
            s->free_slots[s->nb_free_slots++] = ts->slot;
            ts->slot = -1;
        }
    }
    s->locked = 0;
}

void ra_sync(X86Gen *s, bool locals)
{
    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t < 0)
            continue;
        IRTempKind k = s->b->temps[t].kind;
        if ((k == IR_TEMP_GLOBAL || (locals && k == IR_TEMP_LOCAL)) && !s->ts[t].mem_ok)
            store_home(s, (IRTempIdx)t);
    }
}

int ra_sync_but(X86Gen *s, int64_t env_off)
{
    int keep = -1;

    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t < 0 || s->b->temps[t].kind != IR_TEMP_GLOBAL || s->ts[t].mem_ok)
            continue;
        if (s->b->temps[t].env_offset == env_off)
            keep = r;
        else
            store_home(s, (IRTempIdx)t);
    }
    return keep;
}

void ra_forget(X86Gen *s)
{
    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t < 0)
            continue;
        IRTempKind k = s->b->temps[t].kind;
        s->ts[t].loc = k == IR_TEMP_NORMAL ? LOC_DEAD : LOC_MEM;
        s->ts[t].mem_ok = true;
        s->reg_owner[r] = -1;
    }
}

void ra_forget_globals(X86Gen *s)
{
    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t >= 0 && s->b->temps[t].kind == IR_TEMP_GLOBAL) {
            s->ts[t].loc = LOC_MEM;
            s->ts[t].mem_ok = true;
            s->reg_owner[r] = -1;
        }
    }
}

void ra_drop_normals(X86Gen *s)
{
    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t >= 0 && s->b->temps[t].kind == IR_TEMP_NORMAL) {
            s->ts[t].loc = LOC_DEAD;
            s->reg_owner[r] = -1;
        }
    }
}

void ra_spill_call_clobbered(X86Gen *s)
{
    for (int r = 0; r < 16; r++)
        if ((CALL_CLOBBERED & REGMASK(r)) && s->reg_owner[r] >= 0)
            evict(s, r, ALLOC_ALL & ~CALL_CLOBBERED);
}

void ra_sync_env_range(X86Gen *s, int64_t off, int size, bool forget)
{
    for (int r = 0; r < 16; r++) {
        int32_t t = s->reg_owner[r];
        if (t < 0 || s->b->temps[t].kind != IR_TEMP_GLOBAL)
            continue;
        int64_t goff = s->b->temps[t].env_offset;
        int gsize = s->b->temps[t].type == IR_TYPE_I64 ? 8 : 4;
        if (goff >= off + size || off >= goff + gsize)
            continue;
        if (!s->ts[t].mem_ok)
            store_home(s, (IRTempIdx)t);
        if (forget) {
            s->ts[t].loc = LOC_MEM;
            s->reg_owner[r] = -1;
        }
    }
}

RAState *ra_save(X86Gen *s)
{
    size_t n = s->b->nb_temps;
    RAState *st = malloc(sizeof(RAState) + n * sizeof(TempState));

    if (!st)
        abort();
    memcpy(st->reg_owner, s->reg_owner, sizeof(st->reg_owner));
    memcpy(st->ts, s->ts, n * sizeof(TempState));
    return st;
}

/*
 * Where values are comes back from the save; spill slots do not: a slot
 * given out on the exit path (a LOCAL's, which it keeps for good) must stay
 * that temp's, because the other edges into later labels store it there.
 */
void ra_restore(X86Gen *s, RAState *st)
{
    memcpy(s->reg_owner, st->reg_owner, sizeof(s->reg_owner));
    for (uint32_t i = 0; i < s->b->nb_temps; i++) {
        int32_t slot = s->ts[i].slot;
        s->ts[i] = st->ts[i];
        s->ts[i].slot = slot;
    }
    free(st);
}
