/*
 * live.h - the live set of a backward walk over a block, shared by the
 * dead-code pass (optimize.c) and the liveness pass (liveness.c).
 *
 * Walking backwards, liveness changes one temp at a time (an op's outputs
 * die, its inputs become live) or in bulk: at a basic-block end (NORMAL
 * temps die; globals, and LOCAL temps unless the block is left, are live)
 * and before anything that reads the guest state through env (every global
 * is live).  The bulk changes are a guest memory op or a basic-block end
 * away from each other, so they must not cost one store per global: each
 * change is stamped instead with a clock that steps by 2, a temp's own last
 * change keeps its stamp (odd: made live, even: made dead), and a temp is
 * as its latest change says, its own or a bulk one.  Every operation is
 * O(1).  Globals are temps 1..count (ir.h).
 */
#ifndef REMU_IR_LIVE_H
#define REMU_IR_LIVE_H

#include <stdlib.h>

#include "ir/ir.h"

typedef struct IRLive {
    uint32_t *mark;             /* per temp: its own last change, 0 = none */
    uint32_t now;               /* the clock */
    uint32_t bb_end;            /* the last basic-block end */
    uint32_t globals;           /* the last "every global live" */
    bool locals_live;           /* at bb_end */
    uint32_t nb_globals;
    const IRTemp *temps;
} IRLive;

static inline void ir_live_init(IRLive *l, const IRBlock *b)
{
    *l = (IRLive){ .mark = calloc(b->nb_temps ? b->nb_temps : 1, sizeof(uint32_t)),
                   .nb_globals = b->globals ? (uint32_t)b->globals->count : 0,
                   .temps = b->temps };
    if (!l->mark)
        abort();
}

static inline void ir_live_free(IRLive *l)
{
    free(l->mark);
}

static inline bool ir_live_get(const IRLive *l, IRTempIdx t)
{
    uint32_t own = l->mark[t];
    bool global = t >= 1 && t <= l->nb_globals;
    uint32_t bulk = global && l->globals > l->bb_end ? l->globals : l->bb_end;

    if (own > bulk)
        return own & 1;
    if (global)
        return true;
    return l->locals_live && l->temps[t].kind == IR_TEMP_LOCAL;
}

static inline void ir_live_set(IRLive *l, IRTempIdx t)
{
    l->now += 2;
    l->mark[t] = l->now | 1;
}

static inline void ir_live_kill(IRLive *l, IRTempIdx t)
{
    l->now += 2;
    l->mark[t] = l->now;
}

/* A basic-block end: NORMAL temps dead, globals live, LOCAL temps as told. */
static inline void ir_live_bb_end(IRLive *l, bool locals_live)
{
    l->now += 2;
    l->bb_end = l->now;
    l->locals_live = locals_live;
}

/* Every global is read here (through env). */
static inline void ir_live_globals(IRLive *l)
{
    l->now += 2;
    l->globals = l->now;
}

#endif
