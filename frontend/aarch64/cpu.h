/*
 * cpu.h - the AArch64 guest CPU state ("env") and exception numbers.
 *
 * Shared by the frontend (frontend/aarch64/) and the Linux personality
 * (user/aarch64/); system mode will extend it.
 */
#ifndef REMU_AARCH64_CPU_H
#define REMU_AARCH64_CPU_H

#include <stdint.h>

#include "core/cpu.h"

/*
 * Condition flags are lazy (frontend/aarch64/translate-flags.c): cc_op says
 * what the last flag-setting insn did with operands cc_a, cc_b, or that the
 * flags are explicit in nf, zf, cf, vf, unpacked so translated code sets them
 * with plain moves: N is bit 63 of nf, Z is set when zf == 0, C is cf (0 or
 * 1), V is bit 63 of vf.  aarch64_get_nzcv()/set_nzcv() pack and unpack the
 * architectural NZCV value; nothing else may read or write these fields.
 */
typedef enum A64CCOp {
    A64_CC_EXPLICIT = 0,        /* nf, zf, cf, vf (a zeroed env: Z set) */
    A64_CC_LOGIC,               /* cc_a = result, sign-extended; C = V = 0 */
    A64_CC_ADD32, A64_CC_ADD64, /* cc_a + cc_b (32-bit: both sign-extended) */
    A64_CC_SUB32, A64_CC_SUB64, /* cc_a - cc_b, as CMP */
} A64CCOp;

typedef struct AArch64Env {
    CPUCommon common;           /* common.pc is the PC */
    uint64_t x[31];             /* X0..X30 */
    uint64_t sp;                /* SP_EL0 */
    uint64_t nf, zf, cf, vf;    /* NZCV, unpacked as above */
    uint64_t cc_op, cc_a, cc_b; /* lazy NZCV, as above */
    uint64_t tpidr_el0, tpidrro_el0;
    uint32_t fpcr, fpsr;
    /* Exclusive monitor: address and value(s) loaded by LDXR/LDXP, or -1. */
    uint64_t excl_addr, excl_val, excl_val2;
    uint64_t atomic_pair[2];    /* the old memory pair of CASP (helper-atomic.c) */
    uint64_t v[32][2] __attribute__((aligned(16))); /* V0..V31, lane 0 first */
} AArch64Env;

/* Exceptions the frontend raises (cpu_exec returns them; below EXCP_*). */
enum {
    EXCP_A64_SVC = 1,           /* SVC: env->common.pc is the next insn,
                                   cpu->exception_addr holds imm16 */
    EXCP_A64_UDEF,              /* unallocated/undefined: pc at the insn */
    EXCP_A64_BRK,               /* BRK #imm16: pc at the insn, imm16 in exception_addr */
};

uint32_t aarch64_get_nzcv(const AArch64Env *env);
void aarch64_set_nzcv(AArch64Env *env, uint32_t nzcv);

extern const GuestArch aarch64_arch;

#endif
