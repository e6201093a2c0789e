/*
 * irtest.h - the IR test guest: a "guest architecture" whose code is IR text.
 *
 * Its env is a CPUCommon followed by one 8-byte slot per program global.
 * Each block of the program is one guest "instruction stream" of 1 byte at
 * its pc, so invalidating [pc, pc+1) drops its translation; the block text
 * used for a pc is chosen by the byte of guest memory at pc (its variant).
 *
 * Order of use: load the program, irtest_set_program(), then engine_init()
 * with irtest_arch_for(program) (or irtest_arch), because init_globals and
 * translate read the program.
 */
#ifndef REMU_FRONTEND_IRTEST_IRTEST_H
#define REMU_FRONTEND_IRTEST_IRTEST_H

#include <stdint.h>

#include "core/cpu.h"
#include "frontend/irtest/program.h"

/* env_size fits IRTEST_MAX_GLOBALS globals. */
extern const GuestArch irtest_arch;

/* The same guest with env_size exactly the size program p needs (a static
 * copy, valid until the next call). */
const GuestArch *irtest_arch_for(const IRTestProgram *p);

/* The program the guest runs, and where guest address 0 is in the host. */
void irtest_set_program(const IRTestProgram *p, uintptr_t guest_base);

/* Register halt, add64, bump, sum_globals, raise_if, invalidate (idempotent). */
void irtest_register_helpers(void);

/* The runner: remu ir [options] FILE (see docs/ir.md). */
int irtest_main(int argc, char **argv);

#endif
