/*
 * profile.h - execution counts for -d stats (core/profile.c).
 */
#ifndef REMU_CORE_PROFILE_H
#define REMU_CORE_PROFILE_H

#include <stdio.h>

#include "core/tb.h"
#include "ir/ir.h"

/* Add the block and helper-call counters to b, translated for tb. */
void profile_instrument(IRBlock *b, TranslationBlock *tb);
/* Fold the counts of a block about to be freed into the totals. */
void profile_retire(const TranslationBlock *tb);
/* Print the execution part of the statistics. */
void profile_print(FILE *f);

#endif
