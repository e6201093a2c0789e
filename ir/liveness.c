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

#include "ir/ir.h"
#include "ir/live.h"

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

void ir_liveness(IRBlock *b)
{
    IRLive l;

    ir_live_init(&l, b);
    ir_live_bb_end(&l, false);      /* at a block exit only the globals */
    for (uint32_t i = b->nb_ops; i-- > 0;) {
        IROp *op = &b->ops[i];
        uint32_t flags = ir_op_def(op)->flags;
        int nout = op->nb_oargs, nin = op->nb_iargs;
        uint16_t life = 0;

        /* At a block exit nothing reads a LOCAL temp any more. */
        if ((flags & IR_OPF_BB_END) && op->opc != IR_OP_set_label)
            ir_live_bb_end(&l, !(flags & IR_OPF_BLOCK_END));
        for (int a = 0; a < nout; a++) {
            IRTempIdx t = (IRTempIdx)op->args[a];
            if (!ir_live_get(&l, t))
                life |= (uint16_t)(1u << a);
        }
        for (int a = 0; a < nout; a++)
            ir_live_kill(&l, (IRTempIdx)op->args[a]);
        for (int a = nout; a < nout + nin; a++) {
            IRTempIdx t = (IRTempIdx)op->args[a];
            IRTempKind k = b->temps[t].kind;
            if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
                continue;
            if (!ir_live_get(&l, t))
                life |= (uint16_t)(1u << a);
        }
        for (int a = nout; a < nout + nin; a++)
            ir_live_set(&l, (IRTempIdx)op->args[a]);
        if (reads_env_state(b, op))
            ir_live_globals(&l);
        if (op->opc == IR_OP_set_label)
            ir_live_bb_end(&l, true);
        /* outputs of constants / env cannot exist (ir_check); clear stray bits */
        for (int a = 0; a < nout + nin; a++) {
            IRTempKind k = b->temps[op->args[a]].kind;
            if (k == IR_TEMP_CONST || k == IR_TEMP_FIXED)
                life &= (uint16_t)~(1u << a);
        }
        op->life = life;
    }
    ir_live_free(&l);
}
