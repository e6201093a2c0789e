/*
 * ir.h - remu's intermediate representation.
 *
 * One IRBlock holds the IR for one translation block: an array of temps and
 * an array of ops.  Temps are referred to by index (IRTempIdx).  The first
 * temps of every block are fixed by the block's IRGlobals: index 0 is `env`
 * (the host pointer to the guest CPU state, type i64), indices
 * 1..nb_globals are the guest-state globals in declaration order.  Block-local
 * temps and interned constants follow.
 *
 * Invariants every pass may rely on (checked by ir_check()):
 *  - every temp operand of an op has the op's type, except where the op's
 *    flags say otherwise (WIDEN: input i32; NARROW: input i64; memory ops:
 *    the address / base operand; call: the helper's signature);
 *  - IR_TEMP_NORMAL temps are dead at the end of each basic block (at
 *    set_label, br, brcond and block exits); IR_TEMP_LOCAL temps and globals
 *    live across the whole block;
 *  - constants are IR_TEMP_CONST temps and are never written;
 *  - the last op that is not a nop ends the block (IR_OPF_BLOCK_END).
 *
 * i32 values are kept in an uint64_t with the upper 32 bits equal to zero
 * wherever the engine materializes them (interpreter registers, constant
 * values), so that equal i32 values compare equal as uint64_t.
 */
#ifndef REMU_IR_H
#define REMU_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- op table -------------------------------------------------------- */

enum {
    IR_OPF_INT          = 1u << 0,  /* polymorphic i32/i64 via IROp.type */
    IR_OPF_I64_ONLY     = 1u << 1,
    IR_OPF_I32_ONLY     = 1u << 2,
    IR_OPF_WIDEN        = 1u << 3,  /* input i32, output i64 */
    IR_OPF_NARROW       = 1u << 4,  /* input i64, output i32 */
    IR_OPF_BB_END       = 1u << 5,  /* ends a basic block */
    IR_OPF_BLOCK_END    = 1u << 6,  /* leaves the translation block */
    IR_OPF_COND_BRANCH  = 1u << 7,
    IR_OPF_SIDE_EFFECTS = 1u << 8,  /* never deleted by dead-code elimination */
    IR_OPF_COMMUTATIVE  = 1u << 9,  /* the first two inputs may be swapped */
    IR_OPF_CALL_CLOBBER = 1u << 10, /* clobbers the host's call-clobbered regs */
    IR_OPF_GUEST_MEM    = 1u << 11, /* guest memory access: may fault */
    IR_OPF_MARKER       = 1u << 12, /* emits no host code by itself */
};

typedef enum IROpcode {
#define DEF(name, oargs, iargs, cargs, flags) IR_OP_##name,
#include "ops.def"
#undef DEF
    IR_OP_COUNT
} IROpcode;

typedef struct IROpDef {
    const char *name;
    uint8_t nb_oargs, nb_iargs, nb_cargs;
    uint32_t flags;
} IROpDef;

extern const IROpDef ir_op_defs[IR_OP_COUNT];

/* ---- types, conditions, memops --------------------------------------- */

typedef enum IRType {
    IR_TYPE_I32,
    IR_TYPE_I64,
    IR_TYPE_F32,    /* reserved for the FP/SIMD guests; no op uses them yet */
    IR_TYPE_F64,
    IR_TYPE_V128,
    IR_TYPE_COUNT,
    IR_TYPE_VOID = IR_TYPE_COUNT, /* helper return type only */
} IRType;

extern const char *const ir_type_names[IR_TYPE_COUNT]; /* "i32", "i64"... */

/* Comparison conditions (setcond, negsetcond, movcond, brcond). */
typedef enum IRCond {
    IR_COND_NEVER, IR_COND_ALWAYS,
    IR_COND_EQ, IR_COND_NE,
    IR_COND_LT, IR_COND_GE, IR_COND_LE, IR_COND_GT,     /* signed */
    IR_COND_LTU, IR_COND_GEU, IR_COND_LEU, IR_COND_GTU, /* unsigned */
    IR_COND_TSTEQ, IR_COND_TSTNE,                       /* (a & b) ==/!= 0 */
    IR_COND_COUNT
} IRCond;

extern const char *const ir_cond_names[IR_COND_COUNT]; /* "eq", "ltu"... */
IRCond ir_cond_invert(IRCond c);   /* !(a c b)  == (a inv(c) b) */
IRCond ir_cond_swap(IRCond c);     /* (a c b)   == (b swap(c) a) */
/* Evaluate a condition on two values of the given integer type. */
bool ir_cond_eval(IRType t, IRCond c, uint64_t a, uint64_t b);

/* Guest memory operation descriptor (constant argument of guest_ld/st). */
typedef enum IRMemOp {
    IR_MO_8 = 0, IR_MO_16 = 1, IR_MO_32 = 2, IR_MO_64 = 3,
    IR_MO_SIZE  = 3,          /* log2 of the access size in bytes */
    IR_MO_SIGN  = 1 << 2,     /* loads: sign-extend to the op type */
    IR_MO_BE    = 1 << 3,     /* big-endian (default little-endian) */
    IR_MO_ALIGN = 1 << 4,     /* a misaligned address raises an alignment fault */
} IRMemOp;

/* Memory barrier kinds (constant of mb). */
enum {
    IR_MB_LD_LD = 1, IR_MB_ST_LD = 2, IR_MB_LD_ST = 4, IR_MB_ST_ST = 8,
    IR_MB_ALL = 15,
};

/* ---- helpers ---------------------------------------------------------- */

/* What a helper may do to guest state; the register allocator and the
 * optimizer obey these and nothing else. */
enum {
    IR_CALL_PURE          = 1u << 0, /* no side effects: deleted when result dead,
                                        folded when all inputs are constant */
    IR_CALL_READS_GLOBALS = 1u << 1, /* dirty globals are written back before */
    IR_CALL_WRITES_GLOBALS= 1u << 2, /* globals are reloaded after */
    IR_CALL_MAY_RAISE     = 1u << 3, /* may leave via cpu_loop_exit: globals are
                                        written back before, and the guest pc is
                                        recovered from the return address */
};

#define IR_HELPER_MAX_ARGS 8

typedef struct IRHelper {
    const char *name;
    void *fn;
    IRType ret;                         /* IR_TYPE_I32, IR_TYPE_I64 or IR_TYPE_VOID */
    uint8_t nb_args;
    IRType args[IR_HELPER_MAX_ARGS];    /* i32 or i64 (host pointers are i64) */
    uint32_t flags;                     /* IR_CALL_* */
    void *interp_cif;                   /* lazily prepared ffi_cif (interpreter) */
    uint64_t calls;                     /* executed calls, counted only by the
                                           -d stats instrumentation (core/profile.c) */
} IRHelper;

/* Helpers are registered by name so that IR text can call them.  Registering
 * the same name twice returns the first; the table lives for the process. */
void ir_helper_register(IRHelper *h);
IRHelper *ir_helper_lookup(const char *name);
/* A malloc'ed copy of the registered helpers (*out, free it); returns the count. */
int ir_helper_list(IRHelper ***out);

/* ---- temps ------------------------------------------------------------ */

typedef uint32_t IRTempIdx;
#define IR_TEMP_ENV ((IRTempIdx)0)

typedef enum IRTempKind {
    IR_TEMP_FIXED,   /* env: lives in a reserved host register */
    IR_TEMP_GLOBAL,  /* bound to a field of the guest CPU state */
    IR_TEMP_LOCAL,   /* lives across basic blocks within the block */
    IR_TEMP_NORMAL,  /* dead at the end of each basic block */
    IR_TEMP_CONST,
} IRTempKind;

#define IR_NAME_MAX 24

typedef struct IRTemp {
    IRType type;
    IRTempKind kind;
    int32_t env_offset;     /* globals: byte offset of the field in env */
    uint64_t val;           /* constants: value (i32 zero-extended) */
    char name[IR_NAME_MAX]; /* globals: declared name; others: empty */
} IRTemp;

/* The globals one guest (or one IR test program) declares; shared by all its
 * blocks.  env is not in this list; it is always temp 0. */
typedef struct IRGlobal {
    char name[IR_NAME_MAX];
    IRType type;
    int32_t env_offset;
} IRGlobal;

typedef struct IRGlobals {
    IRGlobal *v;
    int count, cap;
} IRGlobals;

void ir_globals_init(IRGlobals *g);
void ir_globals_free(IRGlobals *g);
/* Returns the global's temp index (1-based position), or 0 on a duplicate name. */
IRTempIdx ir_globals_add(IRGlobals *g, const char *name, IRType type, int32_t env_offset);
IRTempIdx ir_globals_find(const IRGlobals *g, const char *name); /* 0: none */

/* ---- ops and blocks --------------------------------------------------- */

#define IR_MAX_ARGS 16

typedef struct IROp {
    uint16_t opc;           /* IROpcode */
    uint8_t type;           /* IRType of an IR_OPF_INT op */
    uint8_t nb_oargs, nb_iargs, nb_cargs;  /* copied from the def; vary for call */
    uint16_t life;          /* filled by ir_liveness: bit i set = arg i dies here */
    uint64_t args[IR_MAX_ARGS]; /* temp indices, then constant values */
} IROp;

typedef struct IRBlock {
    const IRGlobals *globals;
    IRTemp *temps;
    uint32_t nb_temps, temps_cap;
    IROp *ops;
    uint32_t nb_ops, ops_cap;
    uint32_t nb_labels;
    uint64_t pc;            /* guest pc of the first instruction */
    uint32_t flags;         /* guest mode flags the block was translated for */
    uint32_t nb_insns;      /* number of insn_start markers */
    void *const_hash;       /* private: interning of constants */
} IRBlock;

/* Create/destroy a block whose first temps are env and the given globals. */
IRBlock *ir_block_new(const IRGlobals *globals, uint64_t pc, uint32_t flags);
void ir_block_free(IRBlock *b);
/* Empty the block for reuse (keeps env and globals). */
void ir_block_reset(IRBlock *b, uint64_t pc, uint32_t flags);

static inline const IROpDef *ir_op_def(const IROp *op) { return &ir_op_defs[op->opc]; }
static inline IRTemp *ir_temp(IRBlock *b, IRTempIdx t) { return &b->temps[t]; }
static inline bool ir_temp_is_const(const IRBlock *b, IRTempIdx t)
{
    return b->temps[t].kind == IR_TEMP_CONST;
}
static inline bool ir_temp_is_global(const IRBlock *b, IRTempIdx t)
{
    return b->temps[t].kind == IR_TEMP_GLOBAL;
}
/* Width in bits of an integer type. */
static inline unsigned ir_type_bits(IRType t) { return t == IR_TYPE_I32 ? 32 : 64; }
/* Truncate a value to an integer type (i32: zero the upper half). */
static inline uint64_t ir_trunc(IRType t, uint64_t v)
{
    return t == IR_TYPE_I32 ? (uint32_t)v : v;
}

/* The type of argument i of op (outputs, then inputs), per the rules above. */
IRType ir_op_arg_type(const IRBlock *b, const IROp *op, int i);

/* ---- builder ---------------------------------------------------------- */

IRTempIdx ir_new_temp(IRBlock *b, IRType type);        /* IR_TEMP_NORMAL */
IRTempIdx ir_new_local(IRBlock *b, IRType type);       /* IR_TEMP_LOCAL */
IRTempIdx ir_const(IRBlock *b, IRType type, uint64_t v); /* interned */
uint32_t ir_new_label(IRBlock *b);

/* Append an op with all arguments given; returns the new op.  Pointers to ops
 * are invalidated by the next append. */
IROp *ir_emit(IRBlock *b, IROpcode opc, IRType type, const uint64_t *args, int nargs);
/* Same, for a call: outputs (0 or 1) then inputs as the helper declares. */
IROp *ir_emit_call(IRBlock *b, IRHelper *h, IRTempIdx ret, const IRTempIdx *args);

/* Move the ops [from, nb_ops) so that they start at index pos <= from (the
 * ops in between follow them): how a pass inserts ops it has just appended. */
void ir_move_ops(IRBlock *b, uint32_t from, uint32_t pos);

/* Convenience generators (type-polymorphic where the op is). */
void ir_gen_op1(IRBlock *b, IROpcode opc, IRType t, IRTempIdx d, IRTempIdx a);
void ir_gen_op2(IRBlock *b, IROpcode opc, IRType t, IRTempIdx d, IRTempIdx a, IRTempIdx c);
void ir_gen_mov(IRBlock *b, IRType t, IRTempIdx d, IRTempIdx a);
void ir_gen_movi(IRBlock *b, IRType t, IRTempIdx d, uint64_t v);
void ir_gen_insn_start(IRBlock *b, uint64_t pc, uint64_t extra);
void ir_gen_set_label(IRBlock *b, uint32_t label);
void ir_gen_br(IRBlock *b, uint32_t label);
void ir_gen_brcond(IRBlock *b, IRType t, IRCond c, IRTempIdx a, IRTempIdx x, uint32_t label);
void ir_gen_setcond(IRBlock *b, IRType t, IRCond c, IRTempIdx d, IRTempIdx a, IRTempIdx x);
void ir_gen_movcond(IRBlock *b, IRType t, IRCond c, IRTempIdx d, IRTempIdx c1,
                    IRTempIdx c2, IRTempIdx v1, IRTempIdx v2);
void ir_gen_guest_ld(IRBlock *b, IRType t, IRTempIdx d, IRTempIdx addr, unsigned memop);
void ir_gen_guest_st(IRBlock *b, IRType t, IRTempIdx val, IRTempIdx addr, unsigned memop);
/* Per label (index 0..nb_labels): is it a side-exit label (ir.c)?  The
 * array is malloc'd; the caller frees it. */
bool *ir_side_exit_labels(const IRBlock *b);
/* A block has at most IR_TB_SLOTS direct (goto_tb) destinations. */
#define IR_TB_SLOTS 6
void ir_gen_goto_tb(IRBlock *b, unsigned slot);
void ir_gen_exit_tb(IRBlock *b);
void ir_gen_lookup_and_goto(IRBlock *b);

/* ---- checking, text form ---------------------------------------------- */

/* Check the invariants above.  Returns 0, or -1 with a message in err. */
int ir_check(const IRBlock *b, char *err, size_t errlen);

/*
 * Text form (docs/ir.md).  ir_dump prints a block so that ir_parse_block reads
 * it back into an identical block (same ops, same temp kinds and types; temp
 * numbering may differ only in unused temps).
 */
void ir_dump(FILE *f, const IRBlock *b);
void ir_dump_op(FILE *f, const IRBlock *b, const IROp *op);

typedef struct IRParseError {
    int line, column;
    char msg[160];
} IRParseError;

/*
 * Parse the body of one block ("global" declarations are taken from
 * b->globals; temps, labels and ops are added to b).  text ends at NUL.
 * line_base is added to reported line numbers (for blocks inside a larger
 * file).  Returns 0, or -1 with *err filled.
 */
int ir_parse_block(IRBlock *b, const char *text, int line_base, IRParseError *err);

/* The integer syntax of IR text: [-](decimal | 0x hex), exactly len chars.
 * *mag gets the magnitude (it must fit 64 bits). */
bool ir_parse_int(const char *s, int len, bool *neg, uint64_t *mag);

/* ---- passes ----------------------------------------------------------- */

/* Optimize in place (ir/optimize.c states the rules). */
void ir_optimize(IRBlock *b);
/* Compute op->life for every op (dead-argument bits). Removes nothing. */
void ir_liveness(IRBlock *b);

/* ---- interpreter ------------------------------------------------------ */

/* What a block exit asks the caller to do. */
typedef enum IRExitKind {
    IR_EXIT_TB,       /* exit_tb: look up the next block by env pc */
    IR_EXIT_GOTO_TB,  /* goto_tb slot: chain to the block at env pc */
    IR_EXIT_LOOKUP,   /* lookup_and_goto: look up by env pc, may stay in code */
} IRExitKind;

typedef struct IRExit {
    IRExitKind kind;
    unsigned slot;    /* goto_tb slot */
} IRExit;

/*
 * Run block b with the given env.  guest_base is added to guest addresses.
 * Helpers that leave through cpu_loop_exit siglongjmp out of this function;
 * before each call and guest memory op the interpreter stores the index of
 * the current insn_start in *cur_insn (if non-NULL) so the caller can restore
 * the guest pc precisely.
 */
IRExit ir_interp_exec(const IRBlock *b, void *env, uintptr_t guest_base,
                      volatile int *cur_insn);

/*
 * Guest memory alignment faults: the interpreter and the JIT call this hook
 * when an IR_MO_ALIGN access is misaligned.  core/ sets it; it does not
 * return (it leaves through cpu_loop_exit).  retaddr is a host address inside
 * the generated code of the faulting guest instruction (the JIT passes the
 * address just after the access in the block's main body, not an address in
 * an out-of-line stub), or 0 from the interpreter, which has already stored
 * the current insn index.
 */
extern void (*ir_unaligned_hook)(void *env, uint64_t addr, unsigned memop,
                                 uintptr_t retaddr);

#endif
