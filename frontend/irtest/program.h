/*
 * program.h - IR program files, the "guest code" of the IR test guest.
 *
 * A program declares globals (8-byte slots after CPUCommon in env), guest
 * memory regions and their initial bytes, initial values, blocks of IR text
 * keyed by (pc, variant), and the results expected after the run.  The
 * format is in docs/ir.md ("IR programs").  Loading checks everything,
 * including parsing every block body once, so that a program that loads
 * never fails to translate.
 */
#ifndef REMU_FRONTEND_IRTEST_PROGRAM_H
#define REMU_FRONTEND_IRTEST_PROGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"

/* Guest addresses of the IR test guest lie in [0, IRTEST_ADDR_LIMIT). */
#define IRTEST_ADDR_LIMIT (1ull << 32)
/* At most this many globals besides pc (bounds irtest_arch.env_size). */
#define IRTEST_MAX_GLOBALS 256

typedef struct IRTestGlobal {
    char name[IR_NAME_MAX];
    IRType type;                /* i32 or i64 */
} IRTestGlobal;

typedef struct IRTestRegion {
    uint64_t addr, size;
} IRTestRegion;

typedef struct IRTestData {
    uint64_t addr;
    uint8_t *bytes;
    size_t len;
} IRTestData;

typedef struct IRTestInit {
    int global;                 /* index into globals, or -1 for pc */
    uint64_t value;
} IRTestInit;

typedef struct IRTestBlock {
    uint64_t pc;
    uint64_t variant;
    char *text;                 /* the body, between "block" and "end" */
    int line_base;              /* line of the "block" line */
} IRTestBlock;

typedef enum IRTestExpectKind {
    IRTEST_EXPECT_GLOBAL,       /* expect NAME = VALUE (NAME may be pc) */
    IRTEST_EXPECT_MEM,          /* expect mem ADDR MEMOP = VALUE */
    IRTEST_EXPECT_EXIT,         /* expect exit halted | unaligned ADDR */
} IRTestExpectKind;

typedef enum IRTestExit {
    IRTEST_EXIT_HALTED,
    IRTEST_EXIT_UNALIGNED,
} IRTestExit;

typedef struct IRTestExpect {
    IRTestExpectKind kind;
    int global;                 /* GLOBAL: index, or -1 for pc */
    uint64_t addr;              /* MEM: guest address; EXIT unaligned: address */
    unsigned memop;             /* MEM: IRMemOp size, sign and byte order */
    uint64_t value;
    IRTestExit exit;
    char *text;                 /* the line as written, without comment */
} IRTestExpect;

typedef struct IRTestProgram {
    char *file;
    IRTestGlobal *globals;
    int nb_globals;
    IRTestRegion *regions;
    int nb_regions;
    IRTestData *data;
    int nb_data;
    IRTestInit *inits;
    int nb_inits;
    IRTestBlock *blocks;
    int nb_blocks;
    IRTestExpect *expects;
    int nb_expects;
    uint64_t start_pc;          /* init pc, else the first block's pc */
} IRTestProgram;

/*
 * Read and check a program.  Returns 0, or -1 with "FILE:LINE:COL: error:
 * message" in err.  Registers the built-in helpers (block bodies call them).
 */
int irtest_program_load(IRTestProgram *p, const char *file, char *err, size_t errlen);
/* The same from text in memory; file is the name used in messages. */
int irtest_program_parse(IRTestProgram *p, const char *file, const char *text,
                         char *err, size_t errlen);
void irtest_program_free(IRTestProgram *p);

/* Byte offset in env of program global i (an i32 global is the first 4
 * bytes of its 8-byte slot). */
int32_t irtest_global_offset(int i);
/* Add the IR globals of a program to g: pc, then the program's globals. */
void irtest_program_globals(const IRTestProgram *p, IRGlobals *g);
/* The block text for (pc, variant), or NULL. */
const IRTestBlock *irtest_program_find_block(const IRTestProgram *p, uint64_t pc,
                                             uint64_t variant);
/* The region containing [addr, addr+len), or NULL. */
const IRTestRegion *irtest_program_region(const IRTestProgram *p, uint64_t addr, uint64_t len);

#endif
