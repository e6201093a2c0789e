/*
 * x86.h - state shared by the x86_64 code generator's files.
 *
 * codegen.c drives one block: prologue/epilogue, block entry, labels,
 * control flow, exits, calls and memory.  codegen-alu.c emits the integer
 * ops.  regalloc.c keeps track of where every temp's value is.
 *
 * Host register conventions (SysV ABI):
 *   rbx  env, for the whole life of generated code (callee-saved, and the
 *        cheapest base register: no SIB, no forced displacement);
 *   r11  scratch for the code generator inside one instruction sequence,
 *        never allocated;
 *   rsp  the frame: [rsp, rsp+16) outgoing stack arguments of helper calls,
 *        then 8-byte spill slots;
 *   every other register is allocatable, callee-saved ones first so values
 *   survive helper calls.
 */
#ifndef REMU_BACKEND_X86_64_X86_H
#define REMU_BACKEND_X86_64_X86_H

#include "backend/backend.h"
#include "backend/x86_64/emit.h"
#include "ir/ir.h"

#define X86_REG_ENV     R_BX
#define X86_REG_TMP     R_11
#define X86_CALL_STACK  16          /* bytes of outgoing stack arguments */
#define X86_SPILL_SLOTS 512
/* Callee-saved pushes (6 * 8) + return address leave rsp = 8 mod 16: the
 * frame size is 8 mod 16 so calls from generated code see an aligned stack. */
#define X86_FRAME_SIZE  (X86_CALL_STACK + X86_SPILL_SLOTS * 8 + 8)

/* Host features (backend_init's cpuid). */
enum {
    X86_FEAT_BMI1   = 1u << 0,
    X86_FEAT_BMI2   = 1u << 1,
    X86_FEAT_LZCNT  = 1u << 2,
    X86_FEAT_POPCNT = 1u << 3,
    X86_FEAT_MOVBE  = 1u << 4,
    X86_FEAT_FMA    = 1u << 5,
};
extern unsigned x86_features;
extern BackendLayout x86_layout;
extern uintptr_t x86_epilogue_rx;

static inline bool have(unsigned f) { return (x86_features & f) != 0; }

/* Where a temp's value is. */
enum { LOC_DEAD, LOC_REG, LOC_MEM, LOC_CONST };

typedef struct TempState {
    uint8_t loc;
    int8_t reg;         /* LOC_REG */
    bool mem_ok;        /* the memory home (env field / spill slot) is current */
    int32_t slot;       /* spill slot, -1 until needed */
} TempState;

/* The allocator's state, saved at a branch to a side-exit label and taken
 * up again where that label is set (regalloc.c). */
typedef struct RAState {
    int32_t reg_owner[16];
    TempState ts[];
} RAState;

typedef struct Reloc {
    uint32_t at;        /* offset of a rel32 field */
    uint32_t label;
} Reloc;

/* Out-of-line path of an IR_MO_ALIGN check. */
typedef struct SlowPath {
    uint32_t jcc_at;    /* rel32 of the jnz into the slow path */
    uint32_t ret_off;   /* address passed as retaddr: just after the access */
    int addr_reg;       /* holds the zero-extended guest address */
    unsigned memop;
} SlowPath;

typedef struct X86Gen {
    X86Code c;
    IRBlock *b;
    const void *tb;
    /* register allocator */
    TempState *ts;
    int32_t reg_owner[16];  /* temp index, or -1 */
    uint32_t locked;        /* registers in use by the current op */
    uint32_t nb_slots;
    int32_t free_slots[X86_SPILL_SLOTS]; /* slots of dead NORMAL temps */
    uint32_t nb_free_slots;
    bool too_big;
    /* labels */
    uint32_t *label_off;    /* UINT32_MAX: not set yet */
    bool *side_exit;        /* per label: a side-exit label (codegen.c) */
    RAState **label_state;  /* side-exit labels: the state saved at the branch */
    Reloc *relocs;
    uint32_t nb_relocs, cap_relocs;
    SlowPath *slow;
    uint32_t nb_slow, cap_slow;
    /* precise state */
    BackendBlockInfo *info;
    int cur_insn;
    size_t last_ret_pos;    /* a return address used to find the insn */
} X86Gen;

/* An operand: a register or (where the instruction allows) an immediate. */
typedef struct Opnd {
    bool is_imm;
    int reg;
    int64_t imm;
} Opnd;

/* ---- regalloc.c ---------------------------------------------------------- */

void ra_init(X86Gen *s);
void ra_free(X86Gen *s);
bool ra_dies(const IROp *op, int argi);
/* A register for scratch use until the end of the op (locked). */
int ra_scratch(X86Gen *s, uint32_t allowed);
/* Make sure register r holds nothing (its value moves or is spilled), lock it. */
void ra_claim(X86Gen *s, int r);
/* The value of temp t in a register from allowed (locked until op end).
 * Constants are loaded into a scratch register. */
int ra_in(X86Gen *s, IRTempIdx t, uint32_t allowed);
/* Copy the value of temp t into register r (already claimed). */
void ra_copy_to(X86Gen *s, IRTempIdx t, int r, bool w);
/* Input as an immediate when it is a constant that fits a sign-extended
 * imm32 at width w (i32: any), else in a register. */
Opnd ra_in_opnd(X86Gen *s, IRTempIdx t, bool w);
/* Register for output temp t: reuse reg if >= 0 (an input's register that
 * dies here), else a new one from allowed. */
int ra_out(X86Gen *s, IRTempIdx t, int reuse, uint32_t allowed);
/* Bind output temp t to register r (already claimed / a scratch). */
void ra_bind(X86Gen *s, IRTempIdx t, int r);
/* The register of input arg argi if it dies at op and may be overwritten. */
int ra_reuse(X86Gen *s, const IROp *op, int argi);
/* After an op: release dead inputs/outputs and the locks. */
void ra_op_end(X86Gen *s, const IROp *op);
/* Store dirty globals (and LOCAL temps when locals) to their homes. */
void ra_sync(X86Gen *s, bool locals);
/* Forget every register (after a label, or after a call that writes globals
 * for globals_only). */
/* ra_sync(s, false) except the global at env_off: returns the register
 * holding its unwritten value, or -1 if it has none. */
int ra_sync_but(X86Gen *s, int64_t env_off);
void ra_forget(X86Gen *s);
void ra_forget_globals(X86Gen *s);
/* Spill every value out of the caller-saved registers. */
void ra_spill_call_clobbered(X86Gen *s);
/* Drop NORMAL temps (dead at the end of a basic block). */
void ra_drop_normals(X86Gen *s);
/* Save the allocation (malloc'd) / take a saved one up again and free it. */
RAState *ra_save(X86Gen *s);
void ra_restore(X86Gen *s, RAState *st);
/* Globals overlapping env bytes [off, off+size): write back if dirty and, if
 * forget, drop their registers (a host store to env changes them). */
void ra_sync_env_range(X86Gen *s, int64_t off, int size, bool forget);

#define ALLOC_ALL   0xf7e7u     /* everything except rsp, rbx, r11 */
#define REGMASK(r)  (1u << (r))

/* ---- codegen-alu.c -------------------------------------------------------- */

/* Emit an integer op; false if opc is not one of its ops. */
bool x86_gen_alu(X86Gen *s, const IROp *op);
int x86_cond_cc(IRCond c);
/* Compare a and b (cmp or test as the condition needs); returns the cc. */
int x86_gen_compare(X86Gen *s, const IROp *op, IRTempIdx a, IRTempIdx b, IRCond cond);

#endif
