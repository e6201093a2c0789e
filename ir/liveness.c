/*
 * liveness.c - backward liveness over one block: fills op->life.
 *
 * Bit i of op->life is set when argument i (outputs first, then inputs, as
 * in op->args) holds a value that nobody reads after this op: for an input,
 * this op is its last use; for an output, the value written is never read.
 *
 * The rules (ir.h): NORMAL temps are dead at every basic-block end; LOCAL
 * temps and globals are live there (LOCAL temps may be read in a later
 * basic block), except that at a block exit only globals are live (they
 * must be in env; nothing reads a LOCAL temp once the block is left).  Besides reads by ops,
 * globals are read through env by anyone who looks at the guest state in
 * the middle of a block, so every global is live before:
 *  - a guest memory op (it may fault; the fault path reads env),
 *  - a helper call that reads or writes globals or may raise (a helper that
 *    writes only some globals leaves the others as they were),
 *  - a host load or store relative to env (it may touch a global's field).
 * Constants and env are never marked.  Nothing is removed.
 */
#include "config.h"

#include <stdlib.h>

#include "ir/ir.h"

static bool reads_env_state(const IRBlock *b, const IROp *op)
{
    switch (op->opc) {
    case IR_OP_guest_ld:
    case IR_OP_guest_st:
        return true;
    case IR_OP_call: {
        const IRHelper *h = (const IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
        if (h->flags & IR_CALL_PURE)
            return false;
        return (h->flags & (IR_CALL_READS_GLOBALS | IR_CALL_WRITES_GLOBALS
                            | IR_CALL_MAY_RAISE)) != 0;
    }
    case IR_OP_ld8u: case IR_OP_ld8s: case IR_OP_ld16u: case IR_OP_ld16s:
    case IR_OP_ld32u: case IR_OP_ld32s: case IR_OP_ld:
        return op->args[1] == IR_TEMP_ENV;
    case IR_OP_st8: case IR_OP_st16: case IR_OP_st32: case IR_OP_st:
        return op->args[1] == IR_TEMP_ENV;
    default:
        return false;
    }
}

/*
 * live[t] == gen means t is live.  A basic-block end makes every NORMAL
 * temp dead by starting a new generation, then marks the globals (temps
 * 1..count, ir.h) and the LOCAL temps live -- at a block exit only the
 * globals (nothing reads a LOCAL temp after the block is left).  That costs
 * the number of globals and locals, not of temps, per basic-block end.
 */
typedef struct Live {
    uint32_t *mark, gen;
    IRTempIdx *locals;
    uint32_t nb_locals, nb_globals;
} Live;

static void live_at_bb_end(Live *l, bool exit)
{
    l->gen++;
    for (uint32_t t = 1; t <= l->nb_globals; t++)
        l->mark[t] = l->gen;
    if (!exit)
        for (uint32_t i = 0; i < l->nb_locals; i++)
            l->mark[l->locals[i]] = l->gen;
}

#define IS_LIVE(l, t) ((l)->mark[t] == (l)->gen)

void ir_liveness(IRBlock *b)
{
    uint32_t n = b->nb_temps ? b->nb_temps : 1;
    Live l = { .mark = calloc(n, sizeof(uint32_t)), .gen = 1,
               .locals = calloc(n, sizeof(IRTempIdx)),
               .nb_globals = b->globals ? (uint32_t)b->globals->count : 0 };

    if (!l.mark || !l.locals)
        abort();
    for (uint32_t t = 0; t < b->nb_temps; t++)
        if (b->temps[t].kind == IR_TEMP_LOCAL)
            l.locals[l.nb_locals++] = t;
    live_at_bb_end(&l, true);
    for (uint32_t i = b->nb_ops; i-- > 0;) {
        IROp *op = &b->ops[i];
        uint32_t flags = ir_op_def(op)->flags;
        int nout = op->nb_oargs, nin = op->nb_iargs;
        uint16_t life = 0;

        if ((flags & IR_OPF_BB_END) && op->opc != IR_OP_set_label)
            live_at_bb_end(&l, (flags & IR_OPF_BLOCK_END) != 0);
        for (int a = 0; a < nout; a++) {
            IRTempIdx t = (IRTempIdx)op->args[a];
            if (!IS_LIVE(&l, t))
                life |= (uint16_t)(1u << a);
        }
        for (int a = 0; a < nout; a++)
            l.mark[op->args[a]] = 0;
        for (int a = nout; a < nout + nin; a++) {
            IRTempIdx t = (IRTempIdx)op->args[a];
            IRTempKind k = b->temps[t].kind;
            if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
                continue;
            if (!IS_LIVE(&l, t))
                life |= (uint16_t)(1u << a);
        }
        for (int a = nout; a < nout + nin; a++)
            l.mark[op->args[a]] = l.gen;
        if (reads_env_state(b, op)) {
            for (uint32_t t = 1; t <= l.nb_globals; t++)
                l.mark[t] = l.gen;
        }
        if (op->opc == IR_OP_set_label)
            live_at_bb_end(&l, false);
        /* outputs of constants / env cannot exist (ir_check); clear stray bits */
        for (int a = 0; a < nout + nin; a++) {
            IRTempKind k = b->temps[op->args[a]].kind;
            if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
                life &= (uint16_t)~(1u << a);
        }
        op->life = life;
    }
    free(l.mark);
    free(l.locals);
}
