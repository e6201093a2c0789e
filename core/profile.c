/*
 * profile.c - execution counts for -d stats.
 *
 * With the stats log item on, every block is translated with counters: its
 * first op adds one to tb->exec_count, every way out of it adds the number
 * of guest insns executed on the way there to tb->insn_count (a superblock
 * leaves through side exits after part of its insns), and every helper call
 * adds one to its IRHelper's call count.  They are ordinary IR ops (ld, add, st on a
 * host address), so the JIT and the interpreter count alike and chained
 * jumps, which never leave generated code, are counted too.  The counters
 * are plain read-modify-writes: with several guest threads an increment may
 * be lost now and then, which a profile can afford and an atomic op per
 * block could not.  Without -d stats nothing here runs.
 *
 * A full flush frees the blocks, so their counts are folded into totals
 * (and into the list of hottest blocks) first.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/core-internal.h"
#include "core/log.h"
#include "core/profile.h"
#include "core/tb.h"

#define HOT_BLOCKS 10

typedef struct HotBlock {
    uint64_t pc, count, insns;      /* entries, guest insns executed in it */
    uint32_t nb_insns;
} HotBlock;

static struct {
    uint64_t blocks, insns;         /* executed, of blocks already freed */
    HotBlock hot[HOT_BLOCKS];       /* hottest blocks freed so far */
} retired;

/* Emit *counter += n for a 64-bit counter at a host address. */
static void gen_count(IRBlock *b, uint64_t *counter, uint64_t n)
{
    IRTempIdx base = ir_const(b, IR_TYPE_I64, (uint64_t)(uintptr_t)counter);
    IRTempIdx t = ir_new_temp(b, IR_TYPE_I64);
    uint64_t ld[3] = { t, base, 0 }, st[3] = { t, base, 0 };

    ir_emit(b, IR_OP_ld, IR_TYPE_I64, ld, 3);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t, t, ir_const(b, IR_TYPE_I64, n));
    ir_emit(b, IR_OP_st, IR_TYPE_I64, st, 3);
}

/* Insert the ops emitted since from before op pos; returns how many. */
static uint32_t insert_before(IRBlock *b, uint32_t from, uint32_t pos)
{
    ir_move_ops(b, from, pos);
    return b->nb_ops - from;
}

/*
 * The insn count goes just before each block exit, or before the call
 * right in front of it: a helper that raises a guest exception (SVC, UDEF)
 * never returns, and the exit after it only keeps the block well formed.
 */
void profile_instrument(IRBlock *b, TranslationBlock *tb)
{
    uint32_t from = b->nb_ops;
    uint64_t insns = 0;

    gen_count(b, &tb->exec_count, 1);
    insert_before(b, from, 0);
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        IRHelper *h;

        if (op->opc == IR_OP_insn_start) {
            insns++;
        } else if (ir_op_def(op)->flags & IR_OPF_BLOCK_END) {
            uint32_t at = i;
            while (at > 0 && b->ops[at - 1].opc == IR_OP_call)
                at--;
            from = b->nb_ops;
            gen_count(b, &tb->insn_count, insns);
            i += insert_before(b, from, at);
        } else if (op->opc == IR_OP_call) {
            h = (IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
            from = b->nb_ops;
            gen_count(b, &h->calls, 1);
            i += insert_before(b, from, i);     /* past the counter, onto the call */
        }
    }
}

/* Insert (pc, count) into a list of the hottest blocks, sorted down. */
static void hot_insert(HotBlock *hot, uint64_t pc, uint64_t count, uint32_t nb_insns,
                       uint64_t insns)
{
    int i = HOT_BLOCKS;

    if (!count || count <= hot[HOT_BLOCKS - 1].count)
        return;
    while (i > 0 && hot[i - 1].count < count) {
        if (i < HOT_BLOCKS)
            hot[i] = hot[i - 1];
        i--;
    }
    hot[i] = (HotBlock){ pc, count, insns, nb_insns };
}

void profile_retire(const TranslationBlock *tb)
{
    retired.blocks += tb->exec_count;
    retired.insns += tb->insn_count;
    hot_insert(retired.hot, tb->pc, tb->exec_count, tb->nb_insns, tb->insn_count);
}

static int cmp_helpers(const void *a, const void *b)
{
    uint64_t x = (*(IRHelper *const *)a)->calls, y = (*(IRHelper *const *)b)->calls;

    return x < y ? 1 : x > y ? -1 : 0;
}

void profile_print(FILE *f)
{
    HotBlock hot[HOT_BLOCKS];
    uint64_t blocks = retired.blocks, insns = retired.insns;
    IRHelper **helpers;
    int n;

    pthread_mutex_lock(&engine.tb_lock);
    memcpy(hot, retired.hot, sizeof(hot));
    for (size_t i = 0; i < engine.nb_tbs; i++) {
        const TranslationBlock *tb = engine.tbs[i];
        blocks += tb->exec_count;
        insns += tb->insn_count;
        hot_insert(hot, tb->pc, tb->exec_count, tb->nb_insns, tb->insn_count);
    }
    pthread_mutex_unlock(&engine.tb_lock);

    fprintf(f, "  blocks executed         %" PRIu64 "\n", blocks);
    fprintf(f, "  guest insns executed    %" PRIu64 " (%.1f per block)\n", insns,
            blocks ? (double)insns / (double)blocks : 0.0);
    fprintf(f, "  hottest blocks (pc, executions, insns, share of executed insns):\n");
    for (int i = 0; i < HOT_BLOCKS && hot[i].count; i++) {
        fprintf(f, "    0x%-14" PRIx64 " %12" PRIu64 " %4u %5.1f%%\n", hot[i].pc,
                hot[i].count, hot[i].nb_insns,
                insns ? 100.0 * (double)hot[i].insns / (double)insns : 0.0);
    }
    n = ir_helper_list(&helpers);
    qsort(helpers, (size_t)n, sizeof(*helpers), cmp_helpers);
    fprintf(f, "  helper calls (per 1000 guest insns):\n");
    for (int i = 0; i < n && helpers[i]->calls; i++) {
        fprintf(f, "    %-24s %12" PRIu64 " %8.2f\n", helpers[i]->name, helpers[i]->calls,
                insns ? 1000.0 * (double)helpers[i]->calls / (double)insns : 0.0);
    }
    free(helpers);
}
