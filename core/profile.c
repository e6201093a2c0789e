/*
 * profile.c - execution counts for -d stats.
 *
 * With the stats log item on, every block is translated with counters: its
 * first op adds one to tb->exec_count and every helper call adds one to
 * its IRHelper's call count.  They are ordinary IR ops (ld, add, st on a
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
    uint64_t pc, count;
    uint32_t nb_insns;
} HotBlock;

static struct {
    uint64_t blocks, insns;         /* executed, of blocks already freed */
    HotBlock hot[HOT_BLOCKS];       /* hottest blocks freed so far */
} retired;

/* Emit *counter += 1 for a 64-bit counter at a host address. */
static void gen_count(IRBlock *b, uint64_t *counter)
{
    IRTempIdx base = ir_const(b, IR_TYPE_I64, (uint64_t)(uintptr_t)counter);
    IRTempIdx t = ir_new_temp(b, IR_TYPE_I64);
    uint64_t ld[3] = { t, base, 0 }, st[3] = { t, base, 0 };

    ir_emit(b, IR_OP_ld, IR_TYPE_I64, ld, 3);
    ir_gen_op2(b, IR_OP_add, IR_TYPE_I64, t, t, ir_const(b, IR_TYPE_I64, 1));
    ir_emit(b, IR_OP_st, IR_TYPE_I64, st, 3);
}

void profile_instrument(IRBlock *b, TranslationBlock *tb)
{
    uint32_t from = b->nb_ops;

    gen_count(b, &tb->exec_count);
    ir_move_ops(b, from, 0);
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IROp *op = &b->ops[i];
        IRHelper *h;

        if (op->opc != IR_OP_call)
            continue;
        h = (IRHelper *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
        from = b->nb_ops;
        gen_count(b, &h->calls);
        ir_move_ops(b, from, i);
        i += b->nb_ops - from;      /* past the counter, onto the call */
    }
}

/* Insert (pc, count) into a list of the hottest blocks, sorted down. */
static void hot_insert(HotBlock *hot, uint64_t pc, uint64_t count, uint32_t nb_insns)
{
    int i = HOT_BLOCKS;

    if (!count || count <= hot[HOT_BLOCKS - 1].count)
        return;
    while (i > 0 && hot[i - 1].count < count) {
        if (i < HOT_BLOCKS)
            hot[i] = hot[i - 1];
        i--;
    }
    hot[i] = (HotBlock){ pc, count, nb_insns };
}

void profile_retire(const TranslationBlock *tb)
{
    retired.blocks += tb->exec_count;
    retired.insns += tb->exec_count * tb->nb_insns;
    hot_insert(retired.hot, tb->pc, tb->exec_count, tb->nb_insns);
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
        insns += tb->exec_count * tb->nb_insns;
        hot_insert(hot, tb->pc, tb->exec_count, tb->nb_insns);
    }
    pthread_mutex_unlock(&engine.tb_lock);

    fprintf(f, "  blocks executed         %" PRIu64 "\n", blocks);
    fprintf(f, "  guest insns executed    %" PRIu64 " (%.1f per block)\n", insns,
            blocks ? (double)insns / (double)blocks : 0.0);
    fprintf(f, "  hottest blocks (pc, executions, insns, share of executed insns):\n");
    for (int i = 0; i < HOT_BLOCKS && hot[i].count; i++) {
        fprintf(f, "    0x%-14" PRIx64 " %12" PRIu64 " %4u %5.1f%%\n", hot[i].pc,
                hot[i].count, hot[i].nb_insns,
                insns ? 100.0 * (double)(hot[i].count * hot[i].nb_insns) / (double)insns : 0.0);
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
