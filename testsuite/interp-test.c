/*
 * interp-test.c - known-answer tests of the IR interpreter (ir/interp.c).
 *
 * Every expected value below is a literal computed independently with Python
 * integer arithmetic (exact, unbounded integers with the IR's rules written
 * out: truncating division with the x/0 and MIN/-1 cases, counts modulo the
 * width, ...), never by running the interpreter or the same C expressions.
 *
 * Each op case runs in three shapes: inputs in normal temps, inputs as
 * constant temps, and outputs written over the input temps (so an op must
 * read all inputs before writing any output).  Results are copied to globals
 * and read back from env memory.  Prints one PASS:/FAIL: line per group.
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

#define T32 IR_TYPE_I32
#define T64 IR_TYPE_I64

typedef struct BinCase {
    IROpcode opc;
    IRType type;
    int counts;             /* second operand from the shift counts */
    uint64_t want[49];
} BinCase;

typedef struct UnCase {
    IROpcode opc;
    IRType type;
    uint64_t want[7];
} UnCase;

typedef struct DwCase {
    IROpcode opc;
    IRType type;
    uint64_t in[4], out[2];
} DwCase;

typedef struct FieldCase {
    IROpcode opc;
    IRType type;
    uint64_t a, b, pos, len, want;
} FieldCase;

typedef struct MemCase {
    IRType type;
    uint64_t addr;
    unsigned memop;
    uint64_t want;
} MemCase;

typedef struct StCase {
    IRType type;
    unsigned memop;
    const char *bytes;      /* the 16 bytes of guest memory after the store, hex */
} StCase;

static const uint64_t vals32[7] = {
    0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9,
};
static const uint64_t vals64[7] = {
    0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
    0x123456789abcdef0, 0xfffffffffffffff9,
};
static const uint64_t counts32[7] = { 0, 1, 31, 32, 33, 4, 63 };
static const uint64_t counts64[7] = { 0, 1, 63, 64, 65, 4, 127 };

/* Binary ops: want[i * 7 + j] = op(a[i], b[j]), a from vals, b from vals or counts. */
static const BinCase bin_cases[] = {
    { IR_OP_add, T32, 0, {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x1, 0x2, 0x0,
        0x80000001, 0x80000000, 0x12345679, 0xfffffffa, 0xffffffff, 0x0, 0xfffffffe,
        0x7fffffff, 0x7ffffffe, 0x12345677, 0xfffffff8, 0x80000000, 0x80000001, 0x7fffffff,
        0x0, 0xffffffff, 0x92345678, 0x7ffffff9, 0x7fffffff, 0x80000000, 0x7ffffffe,
        0xffffffff, 0xfffffffe, 0x92345677, 0x7ffffff8, 0x12345678, 0x12345679, 0x12345677,
        0x92345678, 0x92345677, 0x2468acf0, 0x12345671, 0xfffffff9, 0xfffffffa, 0xfffffff8,
        0x7ffffff9, 0x7ffffff8, 0x12345671, 0xfffffff2,
    } },
    { IR_OP_add, T64, 0, {
        0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x123456789abcdef0, 0xfffffffffffffff9, 0x1, 0x2, 0x0, 0x8000000000000001,
        0x8000000000000000, 0x123456789abcdef1, 0xfffffffffffffffa, 0xffffffffffffffff, 0x0,
        0xfffffffffffffffe, 0x7fffffffffffffff, 0x7ffffffffffffffe, 0x123456789abcdeef,
        0xfffffffffffffff8, 0x8000000000000000, 0x8000000000000001, 0x7fffffffffffffff, 0x0,
        0xffffffffffffffff, 0x923456789abcdef0, 0x7ffffffffffffff9, 0x7fffffffffffffff,
        0x8000000000000000, 0x7ffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe,
        0x923456789abcdeef, 0x7ffffffffffffff8, 0x123456789abcdef0, 0x123456789abcdef1,
        0x123456789abcdeef, 0x923456789abcdef0, 0x923456789abcdeef, 0x2468acf13579bde0,
        0x123456789abcdee9, 0xfffffffffffffff9, 0xfffffffffffffffa, 0xfffffffffffffff8,
        0x7ffffffffffffff9, 0x7ffffffffffffff8, 0x123456789abcdee9, 0xfffffffffffffff2,
    } },
    { IR_OP_sub, T32, 0, {
        0x0, 0xffffffff, 0x1, 0x80000000, 0x80000001, 0xedcba988, 0x7, 0x1, 0x0, 0x2,
        0x80000001, 0x80000002, 0xedcba989, 0x8, 0xffffffff, 0xfffffffe, 0x0, 0x7fffffff,
        0x80000000, 0xedcba987, 0x6, 0x80000000, 0x7fffffff, 0x80000001, 0x0, 0x1, 0x6dcba988,
        0x80000007, 0x7fffffff, 0x7ffffffe, 0x80000000, 0xffffffff, 0x0, 0x6dcba987,
        0x80000006, 0x12345678, 0x12345677, 0x12345679, 0x92345678, 0x92345679, 0x0,
        0x1234567f, 0xfffffff9, 0xfffffff8, 0xfffffffa, 0x7ffffff9, 0x7ffffffa, 0xedcba981,
        0x0,
    } },
    { IR_OP_sub, T64, 0, {
        0x0, 0xffffffffffffffff, 0x1, 0x8000000000000000, 0x8000000000000001,
        0xedcba98765432110, 0x7, 0x1, 0x0, 0x2, 0x8000000000000001, 0x8000000000000002,
        0xedcba98765432111, 0x8, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0,
        0x7fffffffffffffff, 0x8000000000000000, 0xedcba9876543210f, 0x6, 0x8000000000000000,
        0x7fffffffffffffff, 0x8000000000000001, 0x0, 0x1, 0x6dcba98765432110,
        0x8000000000000007, 0x7fffffffffffffff, 0x7ffffffffffffffe, 0x8000000000000000,
        0xffffffffffffffff, 0x0, 0x6dcba9876543210f, 0x8000000000000006, 0x123456789abcdef0,
        0x123456789abcdeef, 0x123456789abcdef1, 0x923456789abcdef0, 0x923456789abcdef1, 0x0,
        0x123456789abcdef7, 0xfffffffffffffff9, 0xfffffffffffffff8, 0xfffffffffffffffa,
        0x7ffffffffffffff9, 0x7ffffffffffffffa, 0xedcba98765432109, 0x0,
    } },
    { IR_OP_mul, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff,
        0x12345678, 0xfffffff9, 0x0, 0xffffffff, 0x1, 0x80000000, 0x80000001, 0xedcba988, 0x7,
        0x0, 0x80000000, 0x80000000, 0x0, 0x80000000, 0x0, 0x80000000, 0x0, 0x7fffffff,
        0x80000001, 0x80000000, 0x1, 0xedcba988, 0x80000007, 0x0, 0x12345678, 0xedcba988, 0x0,
        0xedcba988, 0x1df4d840, 0x8091a2b8, 0x0, 0xfffffff9, 0x7, 0x80000000, 0x80000007,
        0x8091a2b8, 0x31,
    } },
    { IR_OP_mul, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000,
        0x7fffffffffffffff, 0x123456789abcdef0, 0xfffffffffffffff9, 0x0, 0xffffffffffffffff,
        0x1, 0x8000000000000000, 0x8000000000000001, 0xedcba98765432110, 0x7, 0x0,
        0x8000000000000000, 0x8000000000000000, 0x0, 0x8000000000000000, 0x0,
        0x8000000000000000, 0x0, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000000,
        0x1, 0xedcba98765432110, 0x8000000000000007, 0x0, 0x123456789abcdef0,
        0xedcba98765432110, 0x0, 0xedcba98765432110, 0xa5e20890f2a52100, 0x8091a2b3c4d5e770,
        0x0, 0xfffffffffffffff9, 0x7, 0x8000000000000000, 0x8000000000000007,
        0x8091a2b3c4d5e770, 0x31,
    } },
    { IR_OP_mulsh, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xffffffff, 0xffffffff, 0x0, 0x0,
        0xffffffff, 0x0, 0xffffffff, 0x0, 0x0, 0xffffffff, 0xffffffff, 0x0, 0x0, 0xffffffff,
        0x0, 0x40000000, 0xc0000000, 0xf6e5d4c4, 0x3, 0x0, 0x0, 0xffffffff, 0xc0000000,
        0x3fffffff, 0x91a2b3b, 0xfffffffc, 0x0, 0x0, 0xffffffff, 0xf6e5d4c4, 0x91a2b3b,
        0x14b66dc, 0xffffffff, 0x0, 0xffffffff, 0x0, 0x3, 0xfffffffc, 0xffffffff, 0x0,
    } },
    { IR_OP_mulsh, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xffffffffffffffff, 0xffffffffffffffff,
        0x0, 0x0, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, 0x0, 0x0, 0xffffffffffffffff,
        0xffffffffffffffff, 0x0, 0x0, 0xffffffffffffffff, 0x0, 0x4000000000000000,
        0xc000000000000000, 0xf6e5d4c3b2a19088, 0x3, 0x0, 0x0, 0xffffffffffffffff,
        0xc000000000000000, 0x3fffffffffffffff, 0x91a2b3c4d5e6f77, 0xfffffffffffffffc, 0x0,
        0x0, 0xffffffffffffffff, 0xf6e5d4c3b2a19088, 0x91a2b3c4d5e6f77, 0x14b66dc33f6acdc,
        0xffffffffffffffff, 0x0, 0xffffffffffffffff, 0x0, 0x3, 0xfffffffffffffffc,
        0xffffffffffffffff, 0x0,
    } },
    { IR_OP_muluh, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0xfffffffe, 0x7fffffff, 0x7ffffffe, 0x12345677, 0xfffffff8, 0x0, 0x0, 0x7fffffff,
        0x40000000, 0x3fffffff, 0x91a2b3c, 0x7ffffffc, 0x0, 0x0, 0x7ffffffe, 0x3fffffff,
        0x3fffffff, 0x91a2b3b, 0x7ffffffb, 0x0, 0x0, 0x12345677, 0x91a2b3c, 0x91a2b3b,
        0x14b66dc, 0x12345677, 0x0, 0x0, 0xfffffff8, 0x7ffffffc, 0x7ffffffb, 0x12345677,
        0xfffffff2,
    } },
    { IR_OP_muluh, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0xfffffffffffffffe, 0x7fffffffffffffff, 0x7ffffffffffffffe, 0x123456789abcdeef,
        0xfffffffffffffff8, 0x0, 0x0, 0x7fffffffffffffff, 0x4000000000000000,
        0x3fffffffffffffff, 0x91a2b3c4d5e6f78, 0x7ffffffffffffffc, 0x0, 0x0,
        0x7ffffffffffffffe, 0x3fffffffffffffff, 0x3fffffffffffffff, 0x91a2b3c4d5e6f77,
        0x7ffffffffffffffb, 0x0, 0x0, 0x123456789abcdeef, 0x91a2b3c4d5e6f78, 0x91a2b3c4d5e6f77,
        0x14b66dc33f6acdc, 0x123456789abcdeef, 0x0, 0x0, 0xfffffffffffffff8,
        0x7ffffffffffffffc, 0x7ffffffffffffffb, 0x123456789abcdeef, 0xfffffffffffffff2,
    } },
    { IR_OP_div, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0xffffffff, 0x0, 0x0, 0x0, 0x0, 0x0,
        0xffffffff, 0x1, 0x0, 0x0, 0x0, 0x0, 0x0, 0x80000000, 0x80000000, 0x1, 0xffffffff,
        0xfffffff9, 0x12492492, 0x0, 0x7fffffff, 0x80000001, 0x0, 0x1, 0x7, 0xedb6db6e, 0x0,
        0x12345678, 0xedcba988, 0x0, 0x0, 0x1, 0xfd663ccb, 0x0, 0xfffffff9, 0x7, 0x0, 0x0, 0x0,
        0x1,
    } },
    { IR_OP_div, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0xffffffffffffffff, 0x0, 0x0, 0x0, 0x0,
        0x0, 0xffffffffffffffff, 0x1, 0x0, 0x0, 0x0, 0x0, 0x0, 0x8000000000000000,
        0x8000000000000000, 0x1, 0xffffffffffffffff, 0xfffffffffffffff9, 0x1249249249249249,
        0x0, 0x7fffffffffffffff, 0x8000000000000001, 0x0, 0x1, 0x7, 0xedb6db6db6db6db7, 0x0,
        0x123456789abcdef0, 0xedcba98765432110, 0x0, 0x0, 0x1, 0xfd663cca33099703, 0x0,
        0xfffffffffffffff9, 0x7, 0x0, 0x0, 0x0, 0x1,
    } },
    { IR_OP_rem, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x1, 0x1, 0x1, 0xffffffff, 0x0,
        0x0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x80000000, 0x0, 0x0, 0x0,
        0xffffffff, 0xff6e5d48, 0xfffffffe, 0x7fffffff, 0x0, 0x0, 0x7fffffff, 0x0, 0x91a2b7,
        0x1, 0x12345678, 0x0, 0x0, 0x12345678, 0x12345678, 0x0, 0x5, 0xfffffff9, 0x0, 0x0,
        0xfffffff9, 0xfffffff9, 0xfffffff9, 0x0,
    } },
    { IR_OP_rem, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x1, 0x1, 0x1,
        0xffffffffffffffff, 0x0, 0x0, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, 0x0, 0x0, 0x0,
        0xffffffffffffffff, 0xff6e5d4c3b2a1890, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0,
        0x0, 0x7fffffffffffffff, 0x0, 0x91a2b3c4d5e76f, 0x0, 0x123456789abcdef0, 0x0, 0x0,
        0x123456789abcdef0, 0x123456789abcdef0, 0x0, 0x5, 0xfffffffffffffff9, 0x0, 0x0,
        0xfffffffffffffff9, 0xfffffffffffffff9, 0xfffffffffffffff9, 0x0,
    } },
    { IR_OP_divu, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0xffffffff,
        0x1, 0x1, 0x2, 0xe, 0x1, 0x0, 0x80000000, 0x0, 0x1, 0x1, 0x7, 0x0, 0x0, 0x7fffffff,
        0x0, 0x0, 0x1, 0x7, 0x0, 0x0, 0x12345678, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0xfffffff9,
        0x0, 0x1, 0x1, 0xe, 0x1,
    } },
    { IR_OP_divu, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0xffffffffffffffff, 0x1, 0x1, 0x2, 0xe, 0x1, 0x0, 0x8000000000000000, 0x0, 0x1, 0x1,
        0x7, 0x0, 0x0, 0x7fffffffffffffff, 0x0, 0x0, 0x1, 0x7, 0x0, 0x0, 0x123456789abcdef0,
        0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0xfffffffffffffff9, 0x0, 0x1, 0x1, 0xe, 0x1,
    } },
    { IR_OP_remu, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x1, 0x1, 0x1, 0x1, 0x1, 0xffffffff, 0x0,
        0x0, 0x7fffffff, 0x1, 0x123456f, 0x6, 0x80000000, 0x0, 0x80000000, 0x0, 0x1, 0x91a2b8,
        0x80000000, 0x7fffffff, 0x0, 0x7fffffff, 0x7fffffff, 0x0, 0x91a2b7, 0x7fffffff,
        0x12345678, 0x0, 0x12345678, 0x12345678, 0x12345678, 0x0, 0x12345678, 0xfffffff9, 0x0,
        0xfffffff9, 0x7ffffff9, 0x7ffffffa, 0x1234569, 0x0,
    } },
    { IR_OP_remu, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x1, 0x1, 0x1, 0x1, 0x1,
        0xffffffffffffffff, 0x0, 0x0, 0x7fffffffffffffff, 0x1, 0x123456789abcedf, 0x6,
        0x8000000000000000, 0x0, 0x8000000000000000, 0x0, 0x1, 0x91a2b3c4d5e770,
        0x8000000000000000, 0x7fffffffffffffff, 0x0, 0x7fffffffffffffff, 0x7fffffffffffffff,
        0x0, 0x91a2b3c4d5e76f, 0x7fffffffffffffff, 0x123456789abcdef0, 0x0, 0x123456789abcdef0,
        0x123456789abcdef0, 0x123456789abcdef0, 0x0, 0x123456789abcdef0, 0xfffffffffffffff9,
        0x0, 0xfffffffffffffff9, 0x7ffffffffffffff9, 0x7ffffffffffffffa, 0x123456789abced9,
        0x0,
    } },
    { IR_OP_and, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x1, 0x0, 0x1, 0x0, 0x1, 0x0, 0x1,
        0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x0, 0x0, 0x80000000,
        0x80000000, 0x0, 0x0, 0x80000000, 0x0, 0x1, 0x7fffffff, 0x0, 0x7fffffff, 0x12345678,
        0x7ffffff9, 0x0, 0x0, 0x12345678, 0x0, 0x12345678, 0x12345678, 0x12345678, 0x0, 0x1,
        0xfffffff9, 0x80000000, 0x7ffffff9, 0x12345678, 0xfffffff9,
    } },
    { IR_OP_and, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x1, 0x0, 0x1, 0x0, 0x1, 0x0, 0x1,
        0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x123456789abcdef0,
        0xfffffffffffffff9, 0x0, 0x0, 0x8000000000000000, 0x8000000000000000, 0x0, 0x0,
        0x8000000000000000, 0x0, 0x1, 0x7fffffffffffffff, 0x0, 0x7fffffffffffffff,
        0x123456789abcdef0, 0x7ffffffffffffff9, 0x0, 0x0, 0x123456789abcdef0, 0x0,
        0x123456789abcdef0, 0x123456789abcdef0, 0x123456789abcdef0, 0x0, 0x1,
        0xfffffffffffffff9, 0x8000000000000000, 0x7ffffffffffffff9, 0x123456789abcdef0,
        0xfffffffffffffff9,
    } },
    { IR_OP_or, T32, 0, {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x1, 0x1,
        0xffffffff, 0x80000001, 0x7fffffff, 0x12345679, 0xfffffff9, 0xffffffff, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x80000000, 0x80000001,
        0xffffffff, 0x80000000, 0xffffffff, 0x92345678, 0xfffffff9, 0x7fffffff, 0x7fffffff,
        0xffffffff, 0xffffffff, 0x7fffffff, 0x7fffffff, 0xffffffff, 0x12345678, 0x12345679,
        0xffffffff, 0x92345678, 0x7fffffff, 0x12345678, 0xfffffff9, 0xfffffff9, 0xfffffff9,
        0xffffffff, 0xfffffff9, 0xffffffff, 0xfffffff9, 0xfffffff9,
    } },
    { IR_OP_or, T64, 0, {
        0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x123456789abcdef0, 0xfffffffffffffff9, 0x1, 0x1, 0xffffffffffffffff,
        0x8000000000000001, 0x7fffffffffffffff, 0x123456789abcdef1, 0xfffffffffffffff9,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000,
        0x8000000000000001, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
        0x923456789abcdef0, 0xfffffffffffffff9, 0x7fffffffffffffff, 0x7fffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff,
        0xffffffffffffffff, 0x123456789abcdef0, 0x123456789abcdef1, 0xffffffffffffffff,
        0x923456789abcdef0, 0x7fffffffffffffff, 0x123456789abcdef0, 0xfffffffffffffff9,
        0xfffffffffffffff9, 0xfffffffffffffff9, 0xffffffffffffffff, 0xfffffffffffffff9,
        0xffffffffffffffff, 0xfffffffffffffff9, 0xfffffffffffffff9,
    } },
    { IR_OP_xor, T32, 0, {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x1, 0x0,
        0xfffffffe, 0x80000001, 0x7ffffffe, 0x12345679, 0xfffffff8, 0xffffffff, 0xfffffffe,
        0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0x80000000, 0x80000001, 0x7fffffff, 0x0,
        0xffffffff, 0x92345678, 0x7ffffff9, 0x7fffffff, 0x7ffffffe, 0x80000000, 0xffffffff,
        0x0, 0x6dcba987, 0x80000006, 0x12345678, 0x12345679, 0xedcba987, 0x92345678,
        0x6dcba987, 0x0, 0xedcba981, 0xfffffff9, 0xfffffff8, 0x6, 0x7ffffff9, 0x80000006,
        0xedcba981, 0x0,
    } },
    { IR_OP_xor, T64, 0, {
        0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x123456789abcdef0, 0xfffffffffffffff9, 0x1, 0x0, 0xfffffffffffffffe,
        0x8000000000000001, 0x7ffffffffffffffe, 0x123456789abcdef1, 0xfffffffffffffff8,
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6, 0x8000000000000000, 0x8000000000000001, 0x7fffffffffffffff,
        0x0, 0xffffffffffffffff, 0x923456789abcdef0, 0x7ffffffffffffff9, 0x7fffffffffffffff,
        0x7ffffffffffffffe, 0x8000000000000000, 0xffffffffffffffff, 0x0, 0x6dcba9876543210f,
        0x8000000000000006, 0x123456789abcdef0, 0x123456789abcdef1, 0xedcba9876543210f,
        0x923456789abcdef0, 0x6dcba9876543210f, 0x0, 0xedcba98765432109, 0xfffffffffffffff9,
        0xfffffffffffffff8, 0x6, 0x7ffffffffffffff9, 0x8000000000000006, 0xedcba98765432109,
        0x0,
    } },
    { IR_OP_andc, T32, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x1, 0x0, 0xffffffff,
        0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0x80000000, 0x80000000, 0x0,
        0x0, 0x80000000, 0x80000000, 0x0, 0x7fffffff, 0x7ffffffe, 0x0, 0x7fffffff, 0x0,
        0x6dcba987, 0x6, 0x12345678, 0x12345678, 0x0, 0x12345678, 0x0, 0x0, 0x0, 0xfffffff9,
        0xfffffff8, 0x0, 0x7ffffff9, 0x80000000, 0xedcba981, 0x0,
    } },
    { IR_OP_andc, T64, 0, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x1, 0x0,
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6, 0x8000000000000000, 0x8000000000000000, 0x0, 0x0,
        0x8000000000000000, 0x8000000000000000, 0x0, 0x7fffffffffffffff, 0x7ffffffffffffffe,
        0x0, 0x7fffffffffffffff, 0x0, 0x6dcba9876543210f, 0x6, 0x123456789abcdef0,
        0x123456789abcdef0, 0x0, 0x123456789abcdef0, 0x0, 0x0, 0x0, 0xfffffffffffffff9,
        0xfffffffffffffff8, 0x0, 0x7ffffffffffffff9, 0x8000000000000000, 0xedcba98765432109,
        0x0,
    } },
    { IR_OP_orc, T32, 0, {
        0xffffffff, 0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0xffffffff,
        0xffffffff, 0x1, 0x7fffffff, 0x80000001, 0xedcba987, 0x7, 0xffffffff, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe,
        0x80000000, 0xffffffff, 0x80000000, 0xedcba987, 0x80000006, 0xffffffff, 0xffffffff,
        0x7fffffff, 0x7fffffff, 0xffffffff, 0xffffffff, 0x7fffffff, 0xffffffff, 0xfffffffe,
        0x12345678, 0x7fffffff, 0x92345678, 0xffffffff, 0x1234567e, 0xffffffff, 0xffffffff,
        0xfffffff9, 0xffffffff, 0xfffffff9, 0xffffffff, 0xffffffff,
    } },
    { IR_OP_orc, T64, 0, {
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6, 0xffffffffffffffff, 0xffffffffffffffff, 0x1,
        0x7fffffffffffffff, 0x8000000000000001, 0xedcba9876543210f, 0x7, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe,
        0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0xedcba9876543210f,
        0x8000000000000006, 0xffffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff,
        0x7fffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x7fffffffffffffff,
        0xffffffffffffffff, 0xfffffffffffffffe, 0x123456789abcdef0, 0x7fffffffffffffff,
        0x923456789abcdef0, 0xffffffffffffffff, 0x123456789abcdef6, 0xffffffffffffffff,
        0xffffffffffffffff, 0xfffffffffffffff9, 0xffffffffffffffff, 0xfffffffffffffff9,
        0xffffffffffffffff, 0xffffffffffffffff,
    } },
    { IR_OP_eqv, T32, 0, {
        0xffffffff, 0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0xfffffffe,
        0xffffffff, 0x1, 0x7ffffffe, 0x80000001, 0xedcba986, 0x7, 0x0, 0x1, 0xffffffff,
        0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x7fffffff, 0x7ffffffe, 0x80000000,
        0xffffffff, 0x0, 0x6dcba987, 0x80000006, 0x80000000, 0x80000001, 0x7fffffff, 0x0,
        0xffffffff, 0x92345678, 0x7ffffff9, 0xedcba987, 0xedcba986, 0x12345678, 0x6dcba987,
        0x92345678, 0xffffffff, 0x1234567e, 0x6, 0x7, 0xfffffff9, 0x80000006, 0x7ffffff9,
        0x1234567e, 0xffffffff,
    } },
    { IR_OP_eqv, T64, 0, {
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6, 0xfffffffffffffffe, 0xffffffffffffffff, 0x1,
        0x7ffffffffffffffe, 0x8000000000000001, 0xedcba9876543210e, 0x7, 0x0, 0x1,
        0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x123456789abcdef0,
        0xfffffffffffffff9, 0x7fffffffffffffff, 0x7ffffffffffffffe, 0x8000000000000000,
        0xffffffffffffffff, 0x0, 0x6dcba9876543210f, 0x8000000000000006, 0x8000000000000000,
        0x8000000000000001, 0x7fffffffffffffff, 0x0, 0xffffffffffffffff, 0x923456789abcdef0,
        0x7ffffffffffffff9, 0xedcba9876543210f, 0xedcba9876543210e, 0x123456789abcdef0,
        0x6dcba9876543210f, 0x923456789abcdef0, 0xffffffffffffffff, 0x123456789abcdef6, 0x6,
        0x7, 0xfffffffffffffff9, 0x8000000000000006, 0x7ffffffffffffff9, 0x123456789abcdef6,
        0xffffffffffffffff,
    } },
    { IR_OP_nand, T32, 0, {
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0xffffffff, 0xfffffffe, 0xfffffffe, 0xffffffff, 0xfffffffe, 0xffffffff, 0xfffffffe,
        0xffffffff, 0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0xffffffff,
        0xffffffff, 0x7fffffff, 0x7fffffff, 0xffffffff, 0xffffffff, 0x7fffffff, 0xffffffff,
        0xfffffffe, 0x80000000, 0xffffffff, 0x80000000, 0xedcba987, 0x80000006, 0xffffffff,
        0xffffffff, 0xedcba987, 0xffffffff, 0xedcba987, 0xedcba987, 0xedcba987, 0xffffffff,
        0xfffffffe, 0x6, 0x7fffffff, 0x80000006, 0xedcba987, 0x6,
    } },
    { IR_OP_nand, T64, 0, {
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xfffffffffffffffe, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe,
        0xffffffffffffffff, 0xfffffffffffffffe, 0xffffffffffffffff, 0xfffffffffffffffe, 0x0,
        0x7fffffffffffffff, 0x8000000000000000, 0xedcba9876543210f, 0x6, 0xffffffffffffffff,
        0xffffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0x7fffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe,
        0x8000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0xedcba9876543210f,
        0x8000000000000006, 0xffffffffffffffff, 0xffffffffffffffff, 0xedcba9876543210f,
        0xffffffffffffffff, 0xedcba9876543210f, 0xedcba9876543210f, 0xedcba9876543210f,
        0xffffffffffffffff, 0xfffffffffffffffe, 0x6, 0x7fffffffffffffff, 0x8000000000000006,
        0xedcba9876543210f, 0x6,
    } },
    { IR_OP_nor, T32, 0, {
        0xffffffff, 0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6, 0xfffffffe,
        0xfffffffe, 0x0, 0x7ffffffe, 0x80000000, 0xedcba986, 0x6, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0x0, 0x7fffffff, 0x7ffffffe, 0x0, 0x7fffffff, 0x0, 0x6dcba987, 0x6, 0x80000000,
        0x80000000, 0x0, 0x0, 0x80000000, 0x80000000, 0x0, 0xedcba987, 0xedcba986, 0x0,
        0x6dcba987, 0x80000000, 0xedcba987, 0x6, 0x6, 0x6, 0x0, 0x6, 0x0, 0x6, 0x6,
    } },
    { IR_OP_nor, T64, 0, {
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6, 0xfffffffffffffffe, 0xfffffffffffffffe, 0x0,
        0x7ffffffffffffffe, 0x8000000000000000, 0xedcba9876543210e, 0x6, 0x0, 0x0, 0x0, 0x0,
        0x0, 0x0, 0x0, 0x7fffffffffffffff, 0x7ffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x0,
        0x6dcba9876543210f, 0x6, 0x8000000000000000, 0x8000000000000000, 0x0, 0x0,
        0x8000000000000000, 0x8000000000000000, 0x0, 0xedcba9876543210f, 0xedcba9876543210e,
        0x0, 0x6dcba9876543210f, 0x8000000000000000, 0xedcba9876543210f, 0x6, 0x6, 0x6, 0x0,
        0x6, 0x0, 0x6, 0x6,
    } },
    { IR_OP_shl, T32, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x2, 0x80000000, 0x1, 0x2, 0x10, 0x80000000,
        0xffffffff, 0xfffffffe, 0x80000000, 0xffffffff, 0xfffffffe, 0xfffffff0, 0x80000000,
        0x80000000, 0x0, 0x0, 0x80000000, 0x0, 0x0, 0x0, 0x7fffffff, 0xfffffffe, 0x80000000,
        0x7fffffff, 0xfffffffe, 0xfffffff0, 0x80000000, 0x12345678, 0x2468acf0, 0x0,
        0x12345678, 0x2468acf0, 0x23456780, 0x0, 0xfffffff9, 0xfffffff2, 0x80000000,
        0xfffffff9, 0xfffffff2, 0xffffff90, 0x80000000,
    } },
    { IR_OP_shl, T64, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x2, 0x8000000000000000, 0x1, 0x2, 0x10,
        0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffffffe, 0x8000000000000000,
        0xffffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffff0, 0x8000000000000000,
        0x8000000000000000, 0x0, 0x0, 0x8000000000000000, 0x0, 0x0, 0x0, 0x7fffffffffffffff,
        0xfffffffffffffffe, 0x8000000000000000, 0x7fffffffffffffff, 0xfffffffffffffffe,
        0xfffffffffffffff0, 0x8000000000000000, 0x123456789abcdef0, 0x2468acf13579bde0, 0x0,
        0x123456789abcdef0, 0x2468acf13579bde0, 0x23456789abcdef00, 0x0, 0xfffffffffffffff9,
        0xfffffffffffffff2, 0x8000000000000000, 0xfffffffffffffff9, 0xfffffffffffffff2,
        0xffffffffffffff90, 0x8000000000000000,
    } },
    { IR_OP_shr, T32, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0, 0xffffffff,
        0x7fffffff, 0x1, 0xffffffff, 0x7fffffff, 0xfffffff, 0x1, 0x80000000, 0x40000000, 0x1,
        0x80000000, 0x40000000, 0x8000000, 0x1, 0x7fffffff, 0x3fffffff, 0x0, 0x7fffffff,
        0x3fffffff, 0x7ffffff, 0x0, 0x12345678, 0x91a2b3c, 0x0, 0x12345678, 0x91a2b3c,
        0x1234567, 0x0, 0xfffffff9, 0x7ffffffc, 0x1, 0xfffffff9, 0x7ffffffc, 0xfffffff, 0x1,
    } },
    { IR_OP_shr, T64, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0,
        0xffffffffffffffff, 0x7fffffffffffffff, 0x1, 0xffffffffffffffff, 0x7fffffffffffffff,
        0xfffffffffffffff, 0x1, 0x8000000000000000, 0x4000000000000000, 0x1,
        0x8000000000000000, 0x4000000000000000, 0x800000000000000, 0x1, 0x7fffffffffffffff,
        0x3fffffffffffffff, 0x0, 0x7fffffffffffffff, 0x3fffffffffffffff, 0x7ffffffffffffff,
        0x0, 0x123456789abcdef0, 0x91a2b3c4d5e6f78, 0x0, 0x123456789abcdef0, 0x91a2b3c4d5e6f78,
        0x123456789abcdef, 0x0, 0xfffffffffffffff9, 0x7ffffffffffffffc, 0x1,
        0xfffffffffffffff9, 0x7ffffffffffffffc, 0xfffffffffffffff, 0x1,
    } },
    { IR_OP_sar, T32, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0, 0xffffffff,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0x80000000,
        0xc0000000, 0xffffffff, 0x80000000, 0xc0000000, 0xf8000000, 0xffffffff, 0x7fffffff,
        0x3fffffff, 0x0, 0x7fffffff, 0x3fffffff, 0x7ffffff, 0x0, 0x12345678, 0x91a2b3c, 0x0,
        0x12345678, 0x91a2b3c, 0x1234567, 0x0, 0xfffffff9, 0xfffffffc, 0xffffffff, 0xfffffff9,
        0xfffffffc, 0xffffffff, 0xffffffff,
    } },
    { IR_OP_sar, T64, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x0, 0x0, 0x1, 0x0, 0x0, 0x0,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000,
        0xc000000000000000, 0xffffffffffffffff, 0x8000000000000000, 0xc000000000000000,
        0xf800000000000000, 0xffffffffffffffff, 0x7fffffffffffffff, 0x3fffffffffffffff, 0x0,
        0x7fffffffffffffff, 0x3fffffffffffffff, 0x7ffffffffffffff, 0x0, 0x123456789abcdef0,
        0x91a2b3c4d5e6f78, 0x0, 0x123456789abcdef0, 0x91a2b3c4d5e6f78, 0x123456789abcdef, 0x0,
        0xfffffffffffffff9, 0xfffffffffffffffc, 0xffffffffffffffff, 0xfffffffffffffff9,
        0xfffffffffffffffc, 0xffffffffffffffff, 0xffffffffffffffff,
    } },
    { IR_OP_rotl, T32, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x2, 0x80000000, 0x1, 0x2, 0x10, 0x80000000,
        0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0x80000000, 0x1, 0x40000000, 0x80000000, 0x1, 0x8, 0x40000000, 0x7fffffff, 0xfffffffe,
        0xbfffffff, 0x7fffffff, 0xfffffffe, 0xfffffff7, 0xbfffffff, 0x12345678, 0x2468acf0,
        0x91a2b3c, 0x12345678, 0x2468acf0, 0x23456781, 0x91a2b3c, 0xfffffff9, 0xfffffff3,
        0xfffffffc, 0xfffffff9, 0xfffffff3, 0xffffff9f, 0xfffffffc,
    } },
    { IR_OP_rotl, T64, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x2, 0x8000000000000000, 0x1, 0x2, 0x10,
        0x8000000000000000, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0x8000000000000000, 0x1, 0x4000000000000000, 0x8000000000000000, 0x1, 0x8,
        0x4000000000000000, 0x7fffffffffffffff, 0xfffffffffffffffe, 0xbfffffffffffffff,
        0x7fffffffffffffff, 0xfffffffffffffffe, 0xfffffffffffffff7, 0xbfffffffffffffff,
        0x123456789abcdef0, 0x2468acf13579bde0, 0x91a2b3c4d5e6f78, 0x123456789abcdef0,
        0x2468acf13579bde0, 0x23456789abcdef01, 0x91a2b3c4d5e6f78, 0xfffffffffffffff9,
        0xfffffffffffffff3, 0xfffffffffffffffc, 0xfffffffffffffff9, 0xfffffffffffffff3,
        0xffffffffffffff9f, 0xfffffffffffffffc,
    } },
    { IR_OP_rotr, T32, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x80000000, 0x2, 0x1, 0x80000000, 0x10000000,
        0x2, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
        0xffffffff, 0x80000000, 0x40000000, 0x1, 0x80000000, 0x40000000, 0x8000000, 0x1,
        0x7fffffff, 0xbfffffff, 0xfffffffe, 0x7fffffff, 0xbfffffff, 0xf7ffffff, 0xfffffffe,
        0x12345678, 0x91a2b3c, 0x2468acf0, 0x12345678, 0x91a2b3c, 0x81234567, 0x2468acf0,
        0xfffffff9, 0xfffffffc, 0xfffffff3, 0xfffffff9, 0xfffffffc, 0x9fffffff, 0xfffffff3,
    } },
    { IR_OP_rotr, T64, 1, {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x8000000000000000, 0x2, 0x1,
        0x8000000000000000, 0x1000000000000000, 0x2, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff,
        0xffffffffffffffff, 0x8000000000000000, 0x4000000000000000, 0x1, 0x8000000000000000,
        0x4000000000000000, 0x800000000000000, 0x1, 0x7fffffffffffffff, 0xbfffffffffffffff,
        0xfffffffffffffffe, 0x7fffffffffffffff, 0xbfffffffffffffff, 0xf7ffffffffffffff,
        0xfffffffffffffffe, 0x123456789abcdef0, 0x91a2b3c4d5e6f78, 0x2468acf13579bde0,
        0x123456789abcdef0, 0x91a2b3c4d5e6f78, 0x123456789abcdef, 0x2468acf13579bde0,
        0xfffffffffffffff9, 0xfffffffffffffffc, 0xfffffffffffffff3, 0xfffffffffffffff9,
        0xfffffffffffffffc, 0x9fffffffffffffff, 0xfffffffffffffff3,
    } },
    { IR_OP_clz, T32, 0, {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x1f, 0x1f, 0x1f,
        0x1f, 0x1f, 0x1f, 0x1f, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0x0, 0x0, 0x1, 0x1, 0x1, 0x1, 0x1, 0x1, 0x1, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x0,
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
    } },
    { IR_OP_clz, T64, 0, {
        0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x123456789abcdef0, 0xfffffffffffffff9, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x0,
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1, 0x1, 0x1, 0x1,
        0x1, 0x1, 0x1, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
    } },
    { IR_OP_ctz, T32, 0, {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9, 0x0, 0x0, 0x0,
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f,
        0x1f, 0x1f, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x3, 0x0,
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
    } },
    { IR_OP_ctz, T64, 0, {
        0x0, 0x1, 0xffffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff,
        0x123456789abcdef0, 0xfffffffffffffff9, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
        0x0, 0x0, 0x0, 0x0, 0x0, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f, 0x0, 0x0, 0x0, 0x0,
        0x0, 0x0, 0x0, 0x4, 0x4, 0x4, 0x4, 0x4, 0x4, 0x4, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0,
    } },
};

/* Unary ops: want[i] = op(vals[i]); the conversions list their own input. */
static const UnCase un_cases[] = {
    { IR_OP_neg, T32, {
        0x0, 0xffffffff, 0x1, 0x80000000, 0x80000001, 0xedcba988, 0x7,
    } },
    { IR_OP_neg, T64, {
        0x0, 0xffffffffffffffff, 0x1, 0x8000000000000000, 0x8000000000000001,
        0xedcba98765432110, 0x7,
    } },
    { IR_OP_not, T32, {
        0xffffffff, 0xfffffffe, 0x0, 0x7fffffff, 0x80000000, 0xedcba987, 0x6,
    } },
    { IR_OP_not, T64, {
        0xffffffffffffffff, 0xfffffffffffffffe, 0x0, 0x7fffffffffffffff, 0x8000000000000000,
        0xedcba9876543210f, 0x6,
    } },
    { IR_OP_ctpop, T32, {
        0x0, 0x1, 0x20, 0x1, 0x1f, 0xd, 0x1e,
    } },
    { IR_OP_ctpop, T64, {
        0x0, 0x1, 0x40, 0x1, 0x3f, 0x20, 0x3e,
    } },
    { IR_OP_bswap16, T32, {
        0x0, 0x100, 0xffff, 0x0, 0xffff, 0x7856, 0xf9ff,
    } },
    { IR_OP_bswap16, T64, {
        0x0, 0x100, 0xffff, 0x0, 0xffff, 0xf0de, 0xf9ff,
    } },
    { IR_OP_bswap32, T32, {
        0x0, 0x1000000, 0xffffffff, 0x80, 0xffffff7f, 0x78563412, 0xf9ffffff,
    } },
    { IR_OP_bswap32, T64, {
        0x0, 0x1000000, 0xffffffff, 0x0, 0xffffffff, 0xf0debc9a, 0xf9ffffff,
    } },
    { IR_OP_bswap64, T64, {
        0x0, 0x100000000000000, 0xffffffffffffffff, 0x80, 0xffffffffffffff7f,
        0xf0debc9a78563412, 0xf9ffffffffffffff,
    } },
    { IR_OP_ext8s, T32, {
        0x0, 0x1, 0xffffffff, 0x0, 0xffffffff, 0x78, 0xfffffff9,
    } },
    { IR_OP_ext8s, T64, {
        0x0, 0x1, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, 0xfffffffffffffff0,
        0xfffffffffffffff9,
    } },
    { IR_OP_ext8u, T32, {
        0x0, 0x1, 0xff, 0x0, 0xff, 0x78, 0xf9,
    } },
    { IR_OP_ext8u, T64, {
        0x0, 0x1, 0xff, 0x0, 0xff, 0xf0, 0xf9,
    } },
    { IR_OP_ext16s, T32, {
        0x0, 0x1, 0xffffffff, 0x0, 0xffffffff, 0x5678, 0xfffffff9,
    } },
    { IR_OP_ext16s, T64, {
        0x0, 0x1, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, 0xffffffffffffdef0,
        0xfffffffffffffff9,
    } },
    { IR_OP_ext16u, T32, {
        0x0, 0x1, 0xffff, 0x0, 0xffff, 0x5678, 0xfff9,
    } },
    { IR_OP_ext16u, T64, {
        0x0, 0x1, 0xffff, 0x0, 0xffff, 0xdef0, 0xfff9,
    } },
    { IR_OP_ext32s, T64, {
        0x0, 0x1, 0xffffffffffffffff, 0x0, 0xffffffffffffffff, 0xffffffff9abcdef0,
        0xfffffffffffffff9,
    } },
    { IR_OP_ext32u, T64, {
        0x0, 0x1, 0xffffffff, 0x0, 0xffffffff, 0x9abcdef0, 0xfffffff9,
    } },
};
static const uint64_t conv_extu[7] = {
        0x0, 0x1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9,
};
static const uint64_t conv_exts[7] = {
        0x0, 0x1, 0xffffffffffffffff, 0xffffffff80000000, 0x7fffffff, 0x12345678,
        0xfffffffffffffff9,
};
static const uint64_t conv_extrl[7] = {
        0x0, 0x1, 0xffffffff, 0x0, 0xffffffff, 0x9abcdef0, 0xfffffff9,
};
static const uint64_t conv_extrh[7] = {
        0x0, 0x0, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xffffffff,
};
/* Conditions: bit i * 7 + j set when (vals[i] cond vals[j]). */
static const uint64_t cond_mask32[IR_COND_COUNT] = {
    [IR_COND_NEVER] = 0x0000000000000000,
    [IR_COND_ALWAYS] = 0x0001ffffffffffff,
    [IR_COND_EQ] = 0x0001010101010101,
    [IR_COND_NE] = 0x0000fefefefefefe,
    [IR_COND_LT] = 0x0000dc800eecd832,
    [IR_COND_GE] = 0x0001237ff11327cd,
    [IR_COND_LE] = 0x0001dd810fedd933,
    [IR_COND_GT] = 0x0000227ef01226cc,
    [IR_COND_LTU] = 0x000012e4c8803e7e,
    [IR_COND_GEU] = 0x0001ed1b377fc181,
    [IR_COND_LEU] = 0x000113e5c9813f7f,
    [IR_COND_GTU] = 0x0000ec1a367ec080,
    [IR_COND_TSTEQ] = 0x00000458966054ff,
    [IR_COND_TSTNE] = 0x0001fba7699fab00,
};
static const uint64_t cond_mask64[IR_COND_COUNT] = {
    [IR_COND_NEVER] = 0x0000000000000000,
    [IR_COND_ALWAYS] = 0x0001ffffffffffff,
    [IR_COND_EQ] = 0x0001010101010101,
    [IR_COND_NE] = 0x0000fefefefefefe,
    [IR_COND_LT] = 0x0000dc800eecd832,
    [IR_COND_GE] = 0x0001237ff11327cd,
    [IR_COND_LE] = 0x0001dd810fedd933,
    [IR_COND_GT] = 0x0000227ef01226cc,
    [IR_COND_LTU] = 0x000012e4c8803e7e,
    [IR_COND_GEU] = 0x0001ed1b377fc181,
    [IR_COND_LEU] = 0x000113e5c9813f7f,
    [IR_COND_GTU] = 0x0000ec1a367ec080,
    [IR_COND_TSTEQ] = 0x00000458966054ff,
    [IR_COND_TSTNE] = 0x0001fba7699fab00,
};
/* mulu2 / muls2: want[2 * (i * 7 + j)] = low, [+1] = high half. */
static const uint64_t mulu2_32[98] = {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1,
        0x0, 0xffffffff, 0x0, 0x80000000, 0x0, 0x7fffffff, 0x0, 0x12345678, 0x0, 0xfffffff9,
        0x0, 0x0, 0x0, 0xffffffff, 0x0, 0x1, 0xfffffffe, 0x80000000, 0x7fffffff, 0x80000001,
        0x7ffffffe, 0xedcba988, 0x12345677, 0x7, 0xfffffff8, 0x0, 0x0, 0x80000000, 0x0,
        0x80000000, 0x7fffffff, 0x0, 0x40000000, 0x80000000, 0x3fffffff, 0x0, 0x91a2b3c,
        0x80000000, 0x7ffffffc, 0x0, 0x0, 0x7fffffff, 0x0, 0x80000001, 0x7ffffffe, 0x80000000,
        0x3fffffff, 0x1, 0x3fffffff, 0xedcba988, 0x91a2b3b, 0x80000007, 0x7ffffffb, 0x0, 0x0,
        0x12345678, 0x0, 0xedcba988, 0x12345677, 0x0, 0x91a2b3c, 0xedcba988, 0x91a2b3b,
        0x1df4d840, 0x14b66dc, 0x8091a2b8, 0x12345677, 0x0, 0x0, 0xfffffff9, 0x0, 0x7,
        0xfffffff8, 0x80000000, 0x7ffffffc, 0x80000007, 0x7ffffffb, 0x8091a2b8, 0x12345677,
        0x31, 0xfffffff2,
};
static const uint64_t mulu2_64[98] = {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1,
        0x0, 0xffffffffffffffff, 0x0, 0x8000000000000000, 0x0, 0x7fffffffffffffff, 0x0,
        0x123456789abcdef0, 0x0, 0xfffffffffffffff9, 0x0, 0x0, 0x0, 0xffffffffffffffff, 0x0,
        0x1, 0xfffffffffffffffe, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000001,
        0x7ffffffffffffffe, 0xedcba98765432110, 0x123456789abcdeef, 0x7, 0xfffffffffffffff8,
        0x0, 0x0, 0x8000000000000000, 0x0, 0x8000000000000000, 0x7fffffffffffffff, 0x0,
        0x4000000000000000, 0x8000000000000000, 0x3fffffffffffffff, 0x0, 0x91a2b3c4d5e6f78,
        0x8000000000000000, 0x7ffffffffffffffc, 0x0, 0x0, 0x7fffffffffffffff, 0x0,
        0x8000000000000001, 0x7ffffffffffffffe, 0x8000000000000000, 0x3fffffffffffffff, 0x1,
        0x3fffffffffffffff, 0xedcba98765432110, 0x91a2b3c4d5e6f77, 0x8000000000000007,
        0x7ffffffffffffffb, 0x0, 0x0, 0x123456789abcdef0, 0x0, 0xedcba98765432110,
        0x123456789abcdeef, 0x0, 0x91a2b3c4d5e6f78, 0xedcba98765432110, 0x91a2b3c4d5e6f77,
        0xa5e20890f2a52100, 0x14b66dc33f6acdc, 0x8091a2b3c4d5e770, 0x123456789abcdeef, 0x0,
        0x0, 0xfffffffffffffff9, 0x0, 0x7, 0xfffffffffffffff8, 0x8000000000000000,
        0x7ffffffffffffffc, 0x8000000000000007, 0x7ffffffffffffffb, 0x8091a2b3c4d5e770,
        0x123456789abcdeef, 0x31, 0xfffffffffffffff2,
};
static const uint64_t muls2_32[98] = {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1,
        0x0, 0xffffffff, 0xffffffff, 0x80000000, 0xffffffff, 0x7fffffff, 0x0, 0x12345678, 0x0,
        0xfffffff9, 0xffffffff, 0x0, 0x0, 0xffffffff, 0xffffffff, 0x1, 0x0, 0x80000000, 0x0,
        0x80000001, 0xffffffff, 0xedcba988, 0xffffffff, 0x7, 0x0, 0x0, 0x0, 0x80000000,
        0xffffffff, 0x80000000, 0x0, 0x0, 0x40000000, 0x80000000, 0xc0000000, 0x0, 0xf6e5d4c4,
        0x80000000, 0x3, 0x0, 0x0, 0x7fffffff, 0x0, 0x80000001, 0xffffffff, 0x80000000,
        0xc0000000, 0x1, 0x3fffffff, 0xedcba988, 0x91a2b3b, 0x80000007, 0xfffffffc, 0x0, 0x0,
        0x12345678, 0x0, 0xedcba988, 0xffffffff, 0x0, 0xf6e5d4c4, 0xedcba988, 0x91a2b3b,
        0x1df4d840, 0x14b66dc, 0x8091a2b8, 0xffffffff, 0x0, 0x0, 0xfffffff9, 0xffffffff, 0x7,
        0x0, 0x80000000, 0x3, 0x80000007, 0xfffffffc, 0x8091a2b8, 0xffffffff, 0x31, 0x0,
};
static const uint64_t muls2_64[98] = {
        0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1,
        0x0, 0xffffffffffffffff, 0xffffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
        0x7fffffffffffffff, 0x0, 0x123456789abcdef0, 0x0, 0xfffffffffffffff9,
        0xffffffffffffffff, 0x0, 0x0, 0xffffffffffffffff, 0xffffffffffffffff, 0x1, 0x0,
        0x8000000000000000, 0x0, 0x8000000000000001, 0xffffffffffffffff, 0xedcba98765432110,
        0xffffffffffffffff, 0x7, 0x0, 0x0, 0x0, 0x8000000000000000, 0xffffffffffffffff,
        0x8000000000000000, 0x0, 0x0, 0x4000000000000000, 0x8000000000000000,
        0xc000000000000000, 0x0, 0xf6e5d4c3b2a19088, 0x8000000000000000, 0x3, 0x0, 0x0,
        0x7fffffffffffffff, 0x0, 0x8000000000000001, 0xffffffffffffffff, 0x8000000000000000,
        0xc000000000000000, 0x1, 0x3fffffffffffffff, 0xedcba98765432110, 0x91a2b3c4d5e6f77,
        0x8000000000000007, 0xfffffffffffffffc, 0x0, 0x0, 0x123456789abcdef0, 0x0,
        0xedcba98765432110, 0xffffffffffffffff, 0x0, 0xf6e5d4c3b2a19088, 0xedcba98765432110,
        0x91a2b3c4d5e6f77, 0xa5e20890f2a52100, 0x14b66dc33f6acdc, 0x8091a2b3c4d5e770,
        0xffffffffffffffff, 0x0, 0x0, 0xfffffffffffffff9, 0xffffffffffffffff, 0x7, 0x0,
        0x8000000000000000, 0x3, 0x8000000000000007, 0xfffffffffffffffc, 0x8091a2b3c4d5e770,
        0xffffffffffffffff, 0x31, 0x0,
};
/* add2 / sub2: inputs al, ah, bl, bh; outputs lo, hi. */
static const DwCase dw_cases[] = {
    { IR_OP_add2, T32, { 0xffffffff, 0x0, 0x1, 0x0 }, { 0x0, 0x1 } },
    { IR_OP_add2, T32, { 0xffffffff, 0xffffffff, 0x1, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_add2, T32, { 0x0, 0x0, 0x0, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_add2, T32, { 0x80000000, 0x7fffffff, 0x80000000, 0x0 }, { 0x0, 0x80000000 } },
    { IR_OP_add2, T32, { 0x0, 0x0, 0x1, 0x0 }, { 0x1, 0x0 } },
    { IR_OP_add2, T32, { 0x12345678, 0x1, 0xffffffff, 0xffffffff }, { 0x12345677, 0x1 } },
    { IR_OP_add2, T32, { 0x5, 0x7, 0x6, 0x7 }, { 0xb, 0xe } },
    { IR_OP_add2, T32, { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff }, { 0xfffffffe, 0xffffffff } },
    { IR_OP_sub2, T32, { 0xffffffff, 0x0, 0x1, 0x0 }, { 0xfffffffe, 0x0 } },
    { IR_OP_sub2, T32, { 0xffffffff, 0xffffffff, 0x1, 0x0 }, { 0xfffffffe, 0xffffffff } },
    { IR_OP_sub2, T32, { 0x0, 0x0, 0x0, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_sub2, T32, { 0x80000000, 0x7fffffff, 0x80000000, 0x0 }, { 0x0, 0x7fffffff } },
    { IR_OP_sub2, T32, { 0x0, 0x0, 0x1, 0x0 }, { 0xffffffff, 0xffffffff } },
    { IR_OP_sub2, T32, { 0x12345678, 0x1, 0xffffffff, 0xffffffff }, { 0x12345679, 0x1 } },
    { IR_OP_sub2, T32, { 0x5, 0x7, 0x6, 0x7 }, { 0xffffffff, 0xffffffff } },
    { IR_OP_sub2, T32, { 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff }, { 0x0, 0x0 } },
    { IR_OP_add2, T64, { 0xffffffffffffffff, 0x0, 0x1, 0x0 }, { 0x0, 0x1 } },
    { IR_OP_add2, T64, { 0xffffffffffffffff, 0xffffffffffffffff, 0x1, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_add2, T64, { 0x0, 0x0, 0x0, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_add2, T64, { 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x0 }, { 0x0, 0x8000000000000000 } },
    { IR_OP_add2, T64, { 0x0, 0x0, 0x1, 0x0 }, { 0x1, 0x0 } },
    { IR_OP_add2, T64, { 0x123456789abcdef0, 0x1, 0xffffffffffffffff, 0xffffffffffffffff }, { 0x123456789abcdeef, 0x1 } },
    { IR_OP_add2, T64, { 0x5, 0x7, 0x6, 0x7 }, { 0xb, 0xe } },
    { IR_OP_add2, T64, { 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff }, { 0xfffffffffffffffe, 0xffffffffffffffff } },
    { IR_OP_sub2, T64, { 0xffffffffffffffff, 0x0, 0x1, 0x0 }, { 0xfffffffffffffffe, 0x0 } },
    { IR_OP_sub2, T64, { 0xffffffffffffffff, 0xffffffffffffffff, 0x1, 0x0 }, { 0xfffffffffffffffe, 0xffffffffffffffff } },
    { IR_OP_sub2, T64, { 0x0, 0x0, 0x0, 0x0 }, { 0x0, 0x0 } },
    { IR_OP_sub2, T64, { 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x0 }, { 0x0, 0x7fffffffffffffff } },
    { IR_OP_sub2, T64, { 0x0, 0x0, 0x1, 0x0 }, { 0xffffffffffffffff, 0xffffffffffffffff } },
    { IR_OP_sub2, T64, { 0x123456789abcdef0, 0x1, 0xffffffffffffffff, 0xffffffffffffffff }, { 0x123456789abcdef1, 0x1 } },
    { IR_OP_sub2, T64, { 0x5, 0x7, 0x6, 0x7 }, { 0xffffffffffffffff, 0xffffffffffffffff } },
    { IR_OP_sub2, T64, { 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff }, { 0x0, 0x0 } },
};
/* extract / sextract / deposit (a, b; pos, len), extract2 (lo, hi; pos). */
static const FieldCase field_cases[] = {
    { IR_OP_extract, T32, 0x89abcdef, 0, 0, 1, 0x1 },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 0, 1, 0xffffffff },
    { IR_OP_extract, T32, 0xffffffff, 0, 0, 1, 0x1 },
    { IR_OP_sextract, T32, 0xffffffff, 0, 0, 1, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 0, 1, 0x89abcdef },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 0, 1, 0x1 },
    { IR_OP_extract, T32, 0x89abcdef, 0, 0, 32, 0x89abcdef },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 0, 32, 0x89abcdef },
    { IR_OP_extract, T32, 0xffffffff, 0, 0, 32, 0xffffffff },
    { IR_OP_sextract, T32, 0xffffffff, 0, 0, 32, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 0, 32, 0x5a5a5a5b },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 0, 32, 0xffffffff },
    { IR_OP_extract, T32, 0x89abcdef, 0, 31, 1, 0x1 },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 31, 1, 0xffffffff },
    { IR_OP_extract, T32, 0xffffffff, 0, 31, 1, 0x1 },
    { IR_OP_sextract, T32, 0xffffffff, 0, 31, 1, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 31, 1, 0x89abcdef },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 31, 1, 0x80000000 },
    { IR_OP_extract, T32, 0x89abcdef, 0, 4, 8, 0xde },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 4, 8, 0xffffffde },
    { IR_OP_extract, T32, 0xffffffff, 0, 4, 8, 0xff },
    { IR_OP_sextract, T32, 0xffffffff, 0, 4, 8, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 4, 8, 0x89abc5bf },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 4, 8, 0xff0 },
    { IR_OP_extract, T32, 0x89abcdef, 0, 28, 4, 0x8 },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 28, 4, 0xfffffff8 },
    { IR_OP_extract, T32, 0xffffffff, 0, 28, 4, 0xf },
    { IR_OP_sextract, T32, 0xffffffff, 0, 28, 4, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 28, 4, 0xb9abcdef },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 28, 4, 0xf0000000 },
    { IR_OP_extract, T32, 0x89abcdef, 0, 1, 31, 0x44d5e6f7 },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 1, 31, 0xc4d5e6f7 },
    { IR_OP_extract, T32, 0xffffffff, 0, 1, 31, 0x7fffffff },
    { IR_OP_sextract, T32, 0xffffffff, 0, 1, 31, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 1, 31, 0xb4b4b4b7 },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 1, 31, 0xfffffffe },
    { IR_OP_extract, T32, 0x89abcdef, 0, 8, 16, 0xabcd },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 8, 16, 0xffffabcd },
    { IR_OP_extract, T32, 0xffffffff, 0, 8, 16, 0xffff },
    { IR_OP_sextract, T32, 0xffffffff, 0, 8, 16, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 8, 16, 0x895a5bef },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 8, 16, 0xffff00 },
    { IR_OP_extract, T32, 0x89abcdef, 0, 0, 31, 0x9abcdef },
    { IR_OP_sextract, T32, 0x89abcdef, 0, 0, 31, 0x9abcdef },
    { IR_OP_extract, T32, 0xffffffff, 0, 0, 31, 0x7fffffff },
    { IR_OP_sextract, T32, 0xffffffff, 0, 0, 31, 0xffffffff },
    { IR_OP_deposit, T32, 0x89abcdef, 0x5a5a5a5b, 0, 31, 0xda5a5a5b },
    { IR_OP_deposit, T32, 0x0, 0xffffffff, 0, 31, 0x7fffffff },
    { IR_OP_extract2, T32, 0x89abcdef, 0x5a5a5a5b, 0, 0, 0x89abcdef },
    { IR_OP_extract2, T32, 0x89abcdef, 0x5a5a5a5b, 1, 0, 0xc4d5e6f7 },
    { IR_OP_extract2, T32, 0x89abcdef, 0x5a5a5a5b, 16, 0, 0x5a5b89ab },
    { IR_OP_extract2, T32, 0x89abcdef, 0x5a5a5a5b, 31, 0, 0xb4b4b4b7 },
    { IR_OP_extract2, T32, 0x89abcdef, 0x5a5a5a5b, 4, 0, 0xb89abcde },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 0, 1, 0x1 },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 0, 1, 0xffffffffffffffff },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 0, 1, 0x1 },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 0, 1, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 0, 1, 0x8123456789abcdef },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 0, 1, 0x1 },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 0, 64, 0x8123456789abcdef },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 0, 64, 0x8123456789abcdef },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 0, 64, 0xffffffffffffffff },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 0, 64, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 0, 64, 0xfedcba9876543211 },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 0, 64, 0xffffffffffffffff },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 63, 1, 0x1 },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 63, 1, 0xffffffffffffffff },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 63, 1, 0x1 },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 63, 1, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 63, 1, 0x8123456789abcdef },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 63, 1, 0x8000000000000000 },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 4, 8, 0xde },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 4, 8, 0xffffffffffffffde },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 4, 8, 0xff },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 4, 8, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 4, 8, 0x8123456789abc11f },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 4, 8, 0xff0 },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 60, 4, 0x8 },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 60, 4, 0xfffffffffffffff8 },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 60, 4, 0xf },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 60, 4, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 60, 4, 0x1123456789abcdef },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 60, 4, 0xf000000000000000 },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 1, 63, 0x4091a2b3c4d5e6f7 },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 1, 63, 0xc091a2b3c4d5e6f7 },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 1, 63, 0x7fffffffffffffff },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 1, 63, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 1, 63, 0xfdb97530eca86423 },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 1, 63, 0xfffffffffffffffe },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 8, 16, 0xabcd },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 8, 16, 0xffffffffffffabcd },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 8, 16, 0xffff },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 8, 16, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 8, 16, 0x81234567893211ef },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 8, 16, 0xffff00 },
    { IR_OP_extract, T64, 0x8123456789abcdef, 0, 0, 63, 0x123456789abcdef },
    { IR_OP_sextract, T64, 0x8123456789abcdef, 0, 0, 63, 0x123456789abcdef },
    { IR_OP_extract, T64, 0xffffffffffffffff, 0, 0, 63, 0x7fffffffffffffff },
    { IR_OP_sextract, T64, 0xffffffffffffffff, 0, 0, 63, 0xffffffffffffffff },
    { IR_OP_deposit, T64, 0x8123456789abcdef, 0xfedcba9876543211, 0, 63, 0xfedcba9876543211 },
    { IR_OP_deposit, T64, 0x0, 0xffffffffffffffff, 0, 63, 0x7fffffffffffffff },
    { IR_OP_extract2, T64, 0x8123456789abcdef, 0xfedcba9876543211, 0, 0, 0x8123456789abcdef },
    { IR_OP_extract2, T64, 0x8123456789abcdef, 0xfedcba9876543211, 1, 0, 0xc091a2b3c4d5e6f7 },
    { IR_OP_extract2, T64, 0x8123456789abcdef, 0xfedcba9876543211, 32, 0, 0x7654321181234567 },
    { IR_OP_extract2, T64, 0x8123456789abcdef, 0xfedcba9876543211, 63, 0, 0xfdb97530eca86423 },
    { IR_OP_extract2, T64, 0x8123456789abcdef, 0xfedcba9876543211, 4, 0, 0x18123456789abcde },
};
static const uint8_t mem_init[16] = { 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70 };
/* Guest loads: type, address, memop (size | sign | be), result. */
static const MemCase ld_cases[] = {
    { T32, 0, 0x0, 0x81 },
    { T32, 0, 0x8, 0x81 },
    { T32, 0, 0x4, 0xffffff81 },
    { T32, 0, 0xc, 0xffffff81 },
    { T32, 0, 0x1, 0x9281 },
    { T32, 0, 0x9, 0x8192 },
    { T32, 0, 0x5, 0xffff9281 },
    { T32, 0, 0xd, 0xffff8192 },
    { T32, 0, 0x2, 0xb4a39281 },
    { T32, 0, 0xa, 0x8192a3b4 },
    { T32, 0, 0x6, 0xb4a39281 },
    { T32, 0, 0xe, 0x8192a3b4 },
    { T32, 1, 0x0, 0x92 },
    { T32, 1, 0x8, 0x92 },
    { T32, 1, 0x4, 0xffffff92 },
    { T32, 1, 0xc, 0xffffff92 },
    { T32, 1, 0x1, 0xa392 },
    { T32, 1, 0x9, 0x92a3 },
    { T32, 1, 0x5, 0xffffa392 },
    { T32, 1, 0xd, 0xffff92a3 },
    { T32, 1, 0x2, 0xc5b4a392 },
    { T32, 1, 0xa, 0x92a3b4c5 },
    { T32, 1, 0x6, 0xc5b4a392 },
    { T32, 1, 0xe, 0x92a3b4c5 },
    { T32, 8, 0x0, 0x9 },
    { T32, 8, 0x8, 0x9 },
    { T32, 8, 0x4, 0x9 },
    { T32, 8, 0xc, 0x9 },
    { T32, 8, 0x1, 0x1a09 },
    { T32, 8, 0x9, 0x91a },
    { T32, 8, 0x5, 0x1a09 },
    { T32, 8, 0xd, 0x91a },
    { T32, 8, 0x2, 0x3c2b1a09 },
    { T32, 8, 0xa, 0x91a2b3c },
    { T32, 8, 0x6, 0x3c2b1a09 },
    { T32, 8, 0xe, 0x91a2b3c },
    { T64, 0, 0x0, 0x81 },
    { T64, 0, 0x8, 0x81 },
    { T64, 0, 0x4, 0xffffffffffffff81 },
    { T64, 0, 0xc, 0xffffffffffffff81 },
    { T64, 0, 0x1, 0x9281 },
    { T64, 0, 0x9, 0x8192 },
    { T64, 0, 0x5, 0xffffffffffff9281 },
    { T64, 0, 0xd, 0xffffffffffff8192 },
    { T64, 0, 0x2, 0xb4a39281 },
    { T64, 0, 0xa, 0x8192a3b4 },
    { T64, 0, 0x6, 0xffffffffb4a39281 },
    { T64, 0, 0xe, 0xffffffff8192a3b4 },
    { T64, 0, 0x3, 0xf8e7d6c5b4a39281 },
    { T64, 0, 0xb, 0x8192a3b4c5d6e7f8 },
    { T64, 0, 0x7, 0xf8e7d6c5b4a39281 },
    { T64, 0, 0xf, 0x8192a3b4c5d6e7f8 },
    { T64, 1, 0x0, 0x92 },
    { T64, 1, 0x8, 0x92 },
    { T64, 1, 0x4, 0xffffffffffffff92 },
    { T64, 1, 0xc, 0xffffffffffffff92 },
    { T64, 1, 0x1, 0xa392 },
    { T64, 1, 0x9, 0x92a3 },
    { T64, 1, 0x5, 0xffffffffffffa392 },
    { T64, 1, 0xd, 0xffffffffffff92a3 },
    { T64, 1, 0x2, 0xc5b4a392 },
    { T64, 1, 0xa, 0x92a3b4c5 },
    { T64, 1, 0x6, 0xffffffffc5b4a392 },
    { T64, 1, 0xe, 0xffffffff92a3b4c5 },
    { T64, 1, 0x3, 0x9f8e7d6c5b4a392 },
    { T64, 1, 0xb, 0x92a3b4c5d6e7f809 },
    { T64, 1, 0x7, 0x9f8e7d6c5b4a392 },
    { T64, 1, 0xf, 0x92a3b4c5d6e7f809 },
    { T64, 8, 0x0, 0x9 },
    { T64, 8, 0x8, 0x9 },
    { T64, 8, 0x4, 0x9 },
    { T64, 8, 0xc, 0x9 },
    { T64, 8, 0x1, 0x1a09 },
    { T64, 8, 0x9, 0x91a },
    { T64, 8, 0x5, 0x1a09 },
    { T64, 8, 0xd, 0x91a },
    { T64, 8, 0x2, 0x3c2b1a09 },
    { T64, 8, 0xa, 0x91a2b3c },
    { T64, 8, 0x6, 0x3c2b1a09 },
    { T64, 8, 0xe, 0x91a2b3c },
    { T64, 8, 0x3, 0x706f5e4d3c2b1a09 },
    { T64, 8, 0xb, 0x91a2b3c4d5e6f70 },
    { T64, 8, 0x7, 0x706f5e4d3c2b1a09 },
    { T64, 8, 0xf, 0x91a2b3c4d5e6f70 },
};
/* Guest stores of 0x8877665544332211 at address 3: the 16 bytes after. */
static const StCase st_cases[] = {
    { T32, 0x0, "8192a311c5d6e7f8091a2b3c4d5e6f70" },
    { T32, 0x8, "8192a311c5d6e7f8091a2b3c4d5e6f70" },
    { T32, 0x1, "8192a31122d6e7f8091a2b3c4d5e6f70" },
    { T32, 0x9, "8192a32211d6e7f8091a2b3c4d5e6f70" },
    { T32, 0x2, "8192a311223344f8091a2b3c4d5e6f70" },
    { T32, 0xa, "8192a344332211f8091a2b3c4d5e6f70" },
    { T64, 0x0, "8192a311c5d6e7f8091a2b3c4d5e6f70" },
    { T64, 0x8, "8192a311c5d6e7f8091a2b3c4d5e6f70" },
    { T64, 0x1, "8192a31122d6e7f8091a2b3c4d5e6f70" },
    { T64, 0x9, "8192a32211d6e7f8091a2b3c4d5e6f70" },
    { T64, 0x2, "8192a311223344f8091a2b3c4d5e6f70" },
    { T64, 0xa, "8192a344332211f8091a2b3c4d5e6f70" },
    { T64, 0x3, "8192a311223344556677883c4d5e6f70" },
    { T64, 0xb, "8192a388776655443322113c4d5e6f70" },
};
#define BIG_BLOCK_WANT 0xa4ee243328e250e3u

/* ---- harness ------------------------------------------------------------- */

static IRGlobals globals;
static IRTempIdx G_O0, G_O1, G_W0, G_W1, G_G, G_H;
static uint64_t env_mem[16];        /* o0 @0, o1 @8, w0 @16, w1 @20, g @24, h @32 */
static int nb_fail;

static void report(const char *name, int bad, const char *detail)
{
    if (bad) {
        printf("FAIL: %s %s\n", name, detail);
        nb_fail++;
    } else {
        printf("PASS: %s\n", name);
    }
}

static uint64_t env_read(int off, IRType t)
{
    uint64_t v = 0;

    memcpy(&v, (char *)env_mem + off, t == T32 ? 4 : 8);
    return v;
}

/* ir_gen_exit_tb passes a NULL argument array to memcpy (0 bytes), which
 * UBSan rejects; emit the argument-less exits with a real (empty) array. */
static void gen_exit(IRBlock *b, IROpcode opc)
{
    uint64_t none[1] = { 0 };

    ir_emit(b, opc, IR_TYPE_I64, none, 0);
}

static IRBlock *block_new(void)
{
    return ir_block_new(&globals, 0x1000, 0);
}

/* Check and run b once (env = env_mem); the block is freed. */
static IRExit block_run(IRBlock *b, uintptr_t guest_base, volatile int *cur)
{
    char err[200];
    IRExit e;

    if (ir_check(b, err, sizeof(err)) != 0) {
        printf("FAIL: ir_check: %s\n", err);
        nb_fail++;
    }
    e = ir_interp_exec(b, env_mem, guest_base, cur);
    ir_block_free(b);
    return e;
}

/*
 * Run one op: nin inputs of type it, constants cst, nout outputs of type t.
 * shape 0: inputs in temps; 1: inputs are constants; 2: outputs alias the
 * input temps.  Returns the outputs in out[].
 */
static void run_op(IROpcode opc, IRType t, IRType it, const uint64_t *in, int nin,
                   const uint64_t *cst, int ncst, int nout, int shape, uint64_t *out)
{
    IRBlock *b = block_new();
    IRTempIdx itmp[4], otmp[2];
    uint64_t args[IR_MAX_ARGS];
    int n = 0;

    for (int i = 0; i < nin; i++) {
        IRTempIdx c = ir_const(b, it, in[i]);
        if (shape == 1) {
            itmp[i] = c;
        } else {
            itmp[i] = ir_new_temp(b, it);
            ir_gen_mov(b, it, itmp[i], c);
        }
    }
    for (int i = 0; i < nout; i++)
        otmp[i] = shape == 2 && it == t && i < nin ? itmp[i] : ir_new_temp(b, t);
    for (int i = 0; i < nout; i++)
        args[n++] = otmp[i];
    for (int i = 0; i < nin; i++)
        args[n++] = itmp[i];
    for (int i = 0; i < ncst; i++)
        args[n++] = cst[i];
    ir_emit(b, opc, t, args, n);
    for (int i = 0; i < nout; i++)
        ir_gen_mov(b, t, t == T64 ? (i ? G_O1 : G_O0) : (i ? G_W1 : G_W0), otmp[i]);
    gen_exit(b, IR_OP_exit_tb);
    memset(env_mem, 0xa5, sizeof(env_mem));
    block_run(b, 0, NULL);
    for (int i = 0; i < nout; i++)
        out[i] = env_read(t == T64 ? 8 * i : 16 + 4 * i, t);
}

/* Run all three shapes; append a mismatch description to detail. */
static int check_op(IROpcode opc, IRType t, IRType it, const uint64_t *in, int nin,
                    const uint64_t *cst, int ncst, int nout, const uint64_t *want,
                    char *detail, size_t dlen)
{
    int bad = 0;

    for (int shape = 0; shape < 3; shape++) {
        uint64_t out[2];
        run_op(opc, t, it, in, nin, cst, ncst, nout, shape, out);
        for (int i = 0; i < nout; i++) {
            if (out[i] == want[i])
                continue;
            if (!bad && detail[0] == 0)
                snprintf(detail, dlen, "(in 0x%" PRIx64 ", 0x%" PRIx64 " shape %d out %d:"
                         " got 0x%" PRIx64 ", want 0x%" PRIx64 ")", in[0],
                         nin > 1 ? in[1] : 0, shape, i, out[i], want[i]);
            bad = 1;
        }
    }
    return bad;
}

static const char *tname(IRType t)
{
    return ir_type_names[t];
}

static void test_binary(void)
{
    for (size_t k = 0; k < sizeof(bin_cases) / sizeof(bin_cases[0]); k++) {
        const BinCase *c = &bin_cases[k];
        const uint64_t *va = c->type == T32 ? vals32 : vals64;
        const uint64_t *vb = c->counts ? (c->type == T32 ? counts32 : counts64) : va;
        char name[64], detail[200] = "";
        int bad = 0;

        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                uint64_t in[2] = { va[i], vb[j] };
                bad |= check_op(c->opc, c->type, c->type, in, 2, NULL, 0, 1,
                                &c->want[i * 7 + j], detail, sizeof(detail));
            }
        }
        snprintf(name, sizeof(name), "%s.%s edge values", ir_op_defs[c->opc].name, tname(c->type));
        report(name, bad, detail);
    }
}

static void test_unary(void)
{
    for (size_t k = 0; k < sizeof(un_cases) / sizeof(un_cases[0]); k++) {
        const UnCase *c = &un_cases[k];
        const uint64_t *va = c->type == T32 ? vals32 : vals64;
        char name[64], detail[200] = "";
        int bad = 0;

        for (int i = 0; i < 7; i++)
            bad |= check_op(c->opc, c->type, c->type, &va[i], 1, NULL, 0, 1, &c->want[i],
                            detail, sizeof(detail));
        snprintf(name, sizeof(name), "%s.%s edge values", ir_op_defs[c->opc].name, tname(c->type));
        report(name, bad, detail);
    }

    static const struct {
        IROpcode opc;
        IRType t, it;
        const uint64_t *in, *want;
    } conv[] = {
        { IR_OP_extu_i32_i64, T64, T32, vals32, conv_extu },
        { IR_OP_exts_i32_i64, T64, T32, vals32, conv_exts },
        { IR_OP_extrl_i64_i32, T32, T64, vals64, conv_extrl },
        { IR_OP_extrh_i64_i32, T32, T64, vals64, conv_extrh },
    };
    for (size_t k = 0; k < sizeof(conv) / sizeof(conv[0]); k++) {
        char name[64], detail[200] = "";
        int bad = 0;

        for (int i = 0; i < 7; i++)
            bad |= check_op(conv[k].opc, conv[k].t, conv[k].it, &conv[k].in[i], 1, NULL, 0, 1,
                            &conv[k].want[i], detail, sizeof(detail));
        snprintf(name, sizeof(name), "%s edge values", ir_op_defs[conv[k].opc].name);
        report(name, bad, detail);
    }
}

static void test_double_word(void)
{
    static const struct {
        IROpcode opc;
        IRType t;
        const uint64_t *want;
    } mul2[] = {
        { IR_OP_mulu2, T32, mulu2_32 }, { IR_OP_mulu2, T64, mulu2_64 },
        { IR_OP_muls2, T32, muls2_32 }, { IR_OP_muls2, T64, muls2_64 },
    };
    char name[64];

    for (size_t k = 0; k < sizeof(mul2) / sizeof(mul2[0]); k++) {
        const uint64_t *va = mul2[k].t == T32 ? vals32 : vals64;
        char detail[200] = "";
        int bad = 0;

        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                uint64_t in[2] = { va[i], va[j] };
                bad |= check_op(mul2[k].opc, mul2[k].t, mul2[k].t, in, 2, NULL, 0, 2,
                                &mul2[k].want[2 * (i * 7 + j)], detail, sizeof(detail));
            }
        }
        snprintf(name, sizeof(name), "%s.%s edge values", ir_op_defs[mul2[k].opc].name,
                 tname(mul2[k].t));
        report(name, bad, detail);
    }
    for (int t = T32; t <= T64; t++) {
        for (int opc = IR_OP_add2; opc <= IR_OP_sub2; opc++) {
            char detail[200] = "";
            int bad = 0;

            for (size_t k = 0; k < sizeof(dw_cases) / sizeof(dw_cases[0]); k++) {
                const DwCase *c = &dw_cases[k];
                if ((int)c->type == t && (int)c->opc == opc)
                    bad |= check_op(c->opc, c->type, c->type, c->in, 4, NULL, 0, 2, c->out,
                                    detail, sizeof(detail));
            }
            snprintf(name, sizeof(name), "%s.%s carry/borrow", ir_op_defs[opc].name,
                     tname((IRType)t));
            report(name, bad, detail);
        }
    }
}

static void test_fields(void)
{
    static const IROpcode ops[] = { IR_OP_extract, IR_OP_sextract, IR_OP_deposit, IR_OP_extract2 };

    for (int t = T32; t <= T64; t++) {
        for (size_t o = 0; o < sizeof(ops) / sizeof(ops[0]); o++) {
            char name[64], detail[200] = "";
            int bad = 0, n = 0;

            for (size_t k = 0; k < sizeof(field_cases) / sizeof(field_cases[0]); k++) {
                const FieldCase *c = &field_cases[k];
                if ((int)c->type != t || c->opc != ops[o])
                    continue;
                uint64_t in[2] = { c->a, c->b }, cst[2] = { c->pos, c->len };
                int nin = c->opc == IR_OP_extract || c->opc == IR_OP_sextract ? 1 : 2;
                int ncst = c->opc == IR_OP_extract2 ? 1 : 2;
                bad |= check_op(c->opc, c->type, c->type, in, nin, cst, ncst, 1, &c->want,
                                detail, sizeof(detail));
                n++;
            }
            snprintf(name, sizeof(name), "%s.%s fields (%d cases)", ir_op_defs[ops[o]].name,
                     tname((IRType)t), n);
            report(name, bad || n == 0, detail);
        }
    }
}

static void test_conditions(void)
{
    for (int t = T32; t <= T64; t++) {
        const uint64_t *va = t == T32 ? vals32 : vals64;
        const uint64_t *mask = t == T32 ? cond_mask32 : cond_mask64;
        uint64_t all = t == T32 ? 0xffffffff : ~(uint64_t)0;

        for (int cond = 0; cond < IR_COND_COUNT; cond++) {
            char name[64], detail[200] = "";
            int bad = 0;

            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    int hit = (mask[cond] >> (i * 7 + j)) & 1;
                    uint64_t in[4] = { va[i], va[j], 0x1234, 0x5678 };
                    uint64_t cst[1] = { (uint64_t)cond };
                    uint64_t w1 = hit, wm = hit ? all : 0, wv = hit ? 0x1234 : 0x5678;
                    bad |= check_op(IR_OP_setcond, t, t, in, 2, cst, 1, 1, &w1, detail,
                                    sizeof(detail));
                    bad |= check_op(IR_OP_negsetcond, t, t, in, 2, cst, 1, 1, &wm, detail,
                                    sizeof(detail));
                    bad |= check_op(IR_OP_movcond, t, t, in, 4, cst, 1, 1, &wv, detail,
                                    sizeof(detail));

                    /* brcond: o0 = 1 on the taken path, 2 on the fall-through. */
                    IRBlock *b = block_new();
                    uint32_t l = ir_new_label(b);
                    IRTempIdx x = ir_new_temp(b, t);
                    ir_gen_movi(b, t, x, va[i]);
                    ir_gen_brcond(b, t, cond, x, ir_const(b, t, va[j]), l);
                    ir_gen_movi(b, T64, G_O0, 2);
                    gen_exit(b, IR_OP_exit_tb);
                    ir_gen_set_label(b, l);
                    ir_gen_movi(b, T64, G_O0, 1);
                    gen_exit(b, IR_OP_exit_tb);
                    block_run(b, 0, NULL);
                    if (env_mem[0] != (hit ? 1u : 2u)) {
                        if (!detail[0])
                            snprintf(detail, sizeof(detail), "(brcond %d,%d)", i, j);
                        bad = 1;
                    }
                }
            }
            snprintf(name, sizeof(name), "setcond/negsetcond/movcond/brcond.%s %s",
                     tname((IRType)t), ir_cond_names[cond]);
            report(name, bad, detail);
        }
    }
}

/* ---- control flow and insn indices --------------------------------------- */

static volatile int cur_insn;
static int seen_insn[16], nb_seen;

static void helper_note(void)
{
    if (nb_seen < 16)
        seen_insn[nb_seen++] = cur_insn;
}

static IRHelper note_helper = { .name = "test_note", .fn = (void *)helper_note,
                                .ret = IR_TYPE_VOID, .nb_args = 0 };

static void test_loops(void)
{
    /*
     * insn 0: local i = 0, s = 0
     * insn 1: L0: s += i; i += 1; note; brcond i <u 10 -> L0
     * insn 2: br L1; o1 = 99 (skipped)
     * L1: insn 3: note; o0 = s; o1 = i; goto_tb 1
     * want s = 45, i = 10, notes 1 x10 then 3.
     */
    IRBlock *b = block_new();
    IRTempIdx i = ir_new_local(b, T64), s = ir_new_local(b, T64);
    uint32_t l0 = ir_new_label(b), l1 = ir_new_label(b);
    IRExit e;
    int bad = 0;

    ir_gen_insn_start(b, 0x1000, 0);
    ir_gen_movi(b, T64, i, 0);
    ir_gen_movi(b, T64, s, 0);
    ir_gen_insn_start(b, 0x1004, 0);
    ir_gen_set_label(b, l0);
    ir_gen_op2(b, IR_OP_add, T64, s, s, i);
    ir_gen_op2(b, IR_OP_add, T64, i, i, ir_const(b, T64, 1));
    ir_emit_call(b, &note_helper, 0, NULL);
    ir_gen_brcond(b, T64, IR_COND_LTU, i, ir_const(b, T64, 10), l0);
    ir_gen_insn_start(b, 0x1008, 0);
    ir_gen_br(b, l1);
    ir_gen_movi(b, T64, G_O1, 99);
    gen_exit(b, IR_OP_exit_tb);
    ir_gen_set_label(b, l1);
    ir_gen_insn_start(b, 0x100c, 0);
    ir_emit_call(b, &note_helper, 0, NULL);
    ir_gen_mov(b, T64, G_O0, s);
    ir_gen_mov(b, T64, G_O1, i);
    ir_gen_goto_tb(b, 1);

    nb_seen = 0;
    cur_insn = -7;
    e = block_run(b, 0, &cur_insn);
    bad |= e.kind != IR_EXIT_GOTO_TB || e.slot != 1;
    bad |= env_mem[0] != 45 || env_mem[1] != 10 || nb_seen != 11;
    for (int k = 0; k < 10; k++)
        bad |= seen_insn[k] != 1;
    bad |= seen_insn[10] != 3;
    report("loop via labels, forward br, cur_insn at calls, goto_tb 1", bad, "");

    b = block_new();
    gen_exit(b, IR_OP_lookup_and_goto);
    e = block_run(b, 0, NULL);
    report("lookup_and_goto exit", e.kind != IR_EXIT_LOOKUP, "");
    b = block_new();
    ir_gen_goto_tb(b, 0);
    e = block_run(b, 0, NULL);
    report("goto_tb 0 exit", e.kind != IR_EXIT_GOTO_TB || e.slot != 0, "");
    b = block_new();
    gen_exit(b, IR_OP_exit_tb);
    e = block_run(b, 0, NULL);
    report("exit_tb exit", e.kind != IR_EXIT_TB, "");
}

/* ---- helper calls ----------------------------------------------------------- */

/* Arguments alternate i64, i32, i64...; each helper records what it got. */
static uint64_t got_args[8];
static int got_n;

#define REC(i, v) (got_args[i] = (v))
static uint64_t h0(void) { got_n = 0; return 0xfedcba9876543210u; }
static uint32_t h1(uint64_t a) { got_n = 1; REC(0, a); return 0x89abcdefu; }
static uint64_t h2(uint64_t a, uint32_t b) { got_n = 2; REC(0, a); REC(1, b); return 0x8000000000000001u; }
static uint32_t h3(uint64_t a, uint32_t b, uint64_t c)
{
    got_n = 3; REC(0, a); REC(1, b); REC(2, c); return 0xffffffffu;
}
static void h4(uint64_t a, uint32_t b, uint64_t c, uint32_t d)
{
    got_n = 4; REC(0, a); REC(1, b); REC(2, c); REC(3, d);
}
static uint64_t h5(uint64_t a, uint32_t b, uint64_t c, uint32_t d, uint64_t e)
{
    got_n = 5; REC(0, a); REC(1, b); REC(2, c); REC(3, d); REC(4, e); return 0x0123456789abcdefu;
}
static uint32_t h6(uint64_t a, uint32_t b, uint64_t c, uint32_t d, uint64_t e, uint32_t f)
{
    got_n = 6; REC(0, a); REC(1, b); REC(2, c); REC(3, d); REC(4, e); REC(5, f);
    return 0x80000000u;
}
static uint64_t h7(uint64_t a, uint32_t b, uint64_t c, uint32_t d, uint64_t e, uint32_t f,
                   uint64_t g)
{
    got_n = 7; REC(0, a); REC(1, b); REC(2, c); REC(3, d); REC(4, e); REC(5, f); REC(6, g);
    return 0xffffffff00000000u;
}
static uint32_t h8(uint64_t a, uint32_t b, uint64_t c, uint32_t d, uint64_t e, uint32_t f,
                   uint64_t g, uint32_t h)
{
    got_n = 8; REC(0, a); REC(1, b); REC(2, c); REC(3, d); REC(4, e); REC(5, f); REC(6, g);
    REC(7, h); return 0x00000001u;
}

#define ALT { T64, T32, T64, T32, T64, T32, T64, T32 }
static IRHelper call_helpers[9] = {
    { .name = "t_h0", .fn = (void *)h0, .ret = T64, .nb_args = 0 },
    { .name = "t_h1", .fn = (void *)h1, .ret = T32, .nb_args = 1, .args = ALT },
    { .name = "t_h2", .fn = (void *)h2, .ret = T64, .nb_args = 2, .args = ALT },
    { .name = "t_h3", .fn = (void *)h3, .ret = T32, .nb_args = 3, .args = ALT },
    { .name = "t_h4", .fn = (void *)h4, .ret = IR_TYPE_VOID, .nb_args = 4, .args = ALT },
    { .name = "t_h5", .fn = (void *)h5, .ret = T64, .nb_args = 5, .args = ALT },
    { .name = "t_h6", .fn = (void *)h6, .ret = T32, .nb_args = 6, .args = ALT },
    { .name = "t_h7", .fn = (void *)h7, .ret = T64, .nb_args = 7, .args = ALT },
    { .name = "t_h8", .fn = (void *)h8, .ret = T32, .nb_args = 8, .args = ALT },
};
static const uint64_t call_rets[9] = {
    0xfedcba9876543210u, 0x89abcdefu, 0x8000000000000001u, 0xffffffffu, 0,
    0x0123456789abcdefu, 0x80000000u, 0xffffffff00000000u, 0x00000001u,
};
static const uint64_t call_args[8] = {
    0x8000000000000000u, 0xfffffffeu, 0x0123456789abcdefu, 0x80000000u,
    0xffffffffffffffffu, 0x00000001u, 0x7fffffffffffffffu, 0x7fffffffu,
};

static void test_calls(void)
{
    for (int n = 0; n <= 8; n++) {
        IRHelper *h = &call_helpers[n];
        char name[64], detail[200] = "";
        int bad = 0;

        for (int round = 0; round < 2; round++) {   /* second round: cached cif */
            IRBlock *b = block_new();
            IRTempIdx args[8], ret = 0;

            for (int i = 0; i < n; i++) {
                args[i] = ir_new_temp(b, h->args[i]);
                ir_gen_movi(b, h->args[i], args[i], call_args[i]);
            }
            if (h->ret != IR_TYPE_VOID)
                ret = h->ret == T64 ? G_O0 : G_W0;
            ir_gen_insn_start(b, 0x1000, 0);
            ir_gen_insn_start(b, 0x1004, 0);
            ir_emit_call(b, h, ret, args);
            gen_exit(b, IR_OP_exit_tb);
            memset(env_mem, 0, sizeof(env_mem));
            memset(got_args, 0, sizeof(got_args));
            got_n = -1;
            cur_insn = -5;
            block_run(b, 0, &cur_insn);
            bad |= got_n != n || cur_insn != 1;
            for (int i = 0; i < n; i++)
                if (got_args[i] != call_args[i]) {
                    snprintf(detail, sizeof(detail), "(arg %d got 0x%" PRIx64 ")", i, got_args[i]);
                    bad = 1;
                }
            if (h->ret != IR_TYPE_VOID && env_read(h->ret == T64 ? 0 : 16, h->ret) != call_rets[n]) {
                snprintf(detail, sizeof(detail), "(ret got 0x%" PRIx64 ")",
                         env_read(h->ret == T64 ? 0 : 16, h->ret));
                bad = 1;
            }
            if (h->ret == T32 && env_mem[2] >> 32 != 0)
                bad = 1;    /* only the 4-byte field of w0 may be written */
        }
        snprintf(name, sizeof(name), "call helper with %d args (mixed i32/i64)", n);
        report(name, bad, detail);
    }
}

/* A helper changing a global between two ops sees and makes current state. */
static void helper_bump(uint64_t env)
{
    uint64_t *e = (uint64_t *)(uintptr_t)env;
    e[3] = e[3] * 10 + 7;     /* g @24 */
}

static IRHelper bump_helper = { .name = "t_bump", .fn = (void *)helper_bump,
                                .ret = IR_TYPE_VOID, .nb_args = 1, .args = { T64 } };

static void test_globals(void)
{
    IRBlock *b = block_new();
    IRTempIdx envt = IR_TEMP_ENV;
    int bad;

    /* g = 5; bump -> 57; o0 = g + 1 = 58; h(i32) = 0xfffffffe + 3 = 1 */
    ir_gen_movi(b, T64, G_G, 5);
    ir_emit_call(b, &bump_helper, 0, &envt);
    ir_gen_op2(b, IR_OP_add, T64, G_O0, G_G, ir_const(b, T64, 1));
    ir_gen_movi(b, T32, G_H, 0xfffffffe);
    ir_gen_op2(b, IR_OP_add, T32, G_H, G_H, ir_const(b, T32, 3));
    gen_exit(b, IR_OP_exit_tb);
    memset(env_mem, 0xee, sizeof(env_mem));
    block_run(b, 0, NULL);
    bad = env_mem[3] != 57 || env_mem[0] != 58 || env_mem[4] != 0xeeeeeeee00000001u;
    report("globals live in env across a helper call; i32 global is 4 bytes", bad, "");
}

/* ---- host memory (ld/st relative to env) ---------------------------------- */

static void test_host_mem(void)
{
    static const struct {
        IROpcode opc;
        IRType t;
        uint64_t want;
    } lds[] = {
        /* env bytes at offset 41..48: f1 82 93 a4 b5 c6 d7 e8 */
        { IR_OP_ld8u, T32, 0xf1 }, { IR_OP_ld8s, T32, 0xfffffff1 },
        { IR_OP_ld16u, T32, 0x82f1 }, { IR_OP_ld16s, T32, 0xffff82f1 },
        { IR_OP_ld, T32, 0xa49382f1 },
        { IR_OP_ld8u, T64, 0xf1 }, { IR_OP_ld8s, T64, 0xfffffffffffffff1 },
        { IR_OP_ld16u, T64, 0x82f1 }, { IR_OP_ld16s, T64, 0xffffffffffff82f1 },
        { IR_OP_ld32u, T64, 0xa49382f1 }, { IR_OP_ld32s, T64, 0xffffffffa49382f1 },
        { IR_OP_ld, T64, 0xe8d7c6b5a49382f1 },
    };
    static const uint8_t pat[8] = { 0xf1, 0x82, 0x93, 0xa4, 0xb5, 0xc6, 0xd7, 0xe8 };
    int bad = 0;

    for (size_t k = 0; k < sizeof(lds) / sizeof(lds[0]); k++) {
        IRBlock *b = block_new();
        uint64_t args[3] = { lds[k].t == T64 ? G_O0 : G_W0, IR_TEMP_ENV, 41 };
        ir_emit(b, lds[k].opc, lds[k].t, args, 3);
        gen_exit(b, IR_OP_exit_tb);
        memset(env_mem, 0, sizeof(env_mem));
        memcpy((char *)env_mem + 41, pat, 8);
        block_run(b, 0, NULL);
        if (env_read(lds[k].t == T64 ? 0 : 16, lds[k].t) != lds[k].want)
            bad = 1;
    }
    report("ld8u/ld8s/ld16u/ld16s/ld32u/ld32s/ld from env, misaligned", bad, "");

    static const struct {
        IROpcode opc;
        IRType t;
        const char *bytes;     /* 9 bytes at offset 41 after the store */
    } sts[] = {
        { IR_OP_st8, T32, "440000000000000000" }, { IR_OP_st16, T32, "443300000000000000" },
        { IR_OP_st, T32, "443322110000000000" }, { IR_OP_st8, T64, "880000000000000000" },
        { IR_OP_st16, T64, "887700000000000000" }, { IR_OP_st32, T64, "887766550000000000" },
        { IR_OP_st, T64, "887766554433221100" },
    };
    bad = 0;
    for (size_t k = 0; k < sizeof(sts) / sizeof(sts[0]); k++) {
        IRBlock *b = block_new();
        IRType t = sts[k].t;
        uint64_t args[3] = { ir_const(b, t, t == T64 ? 0x1122334455667788u : 0x11223344u),
                             IR_TEMP_ENV, 41 };
        char hex[19];
        ir_emit(b, sts[k].opc, t, args, 3);
        gen_exit(b, IR_OP_exit_tb);
        memset(env_mem, 0, sizeof(env_mem));
        block_run(b, 0, NULL);
        for (int i = 0; i < 9; i++)
            snprintf(hex + 2 * i, 3, "%02x", ((uint8_t *)env_mem)[41 + i]);
        if (strcmp(hex, sts[k].bytes) != 0)
            bad = 1;
    }
    report("st8/st16/st32/st to env, misaligned", bad, "");
}

/* ---- guest memory --------------------------------------------------------- */

static uint8_t guest_mem[32];

static void test_guest_mem(void)
{
    char name[64];

    /* Loads, with the address in an i32 temp, an i64 temp, and a constant. */
    for (int at = 0; at < 3; at++) {
        int bad = 0;
        char detail[200] = "";

        for (size_t k = 0; k < sizeof(ld_cases) / sizeof(ld_cases[0]); k++) {
            const MemCase *c = &ld_cases[k];
            IRBlock *b = block_new();
            IRType aty = at == 0 ? T32 : T64;
            IRTempIdx addr = ir_const(b, aty, c->addr + 8);
            if (at < 2) {
                IRTempIdx x = ir_new_temp(b, aty);
                ir_gen_mov(b, aty, x, addr);
                addr = x;
            }
            ir_gen_guest_ld(b, c->type, c->type == T64 ? G_O0 : G_W0, addr, c->memop);
            gen_exit(b, IR_OP_exit_tb);
            memset(guest_mem, 0, sizeof(guest_mem));
            memcpy(guest_mem + 8, mem_init, 16);
            memset(env_mem, 0x5a, sizeof(env_mem));
            block_run(b, (uintptr_t)guest_mem, NULL);
            uint64_t got = env_read(c->type == T64 ? 0 : 16, c->type);
            if (got != c->want) {
                if (!detail[0])
                    snprintf(detail, sizeof(detail), "(%s addr %" PRIu64 " memop 0x%x got 0x%"
                             PRIx64 ")", tname(c->type), c->addr, c->memop, got);
                bad = 1;
            }
        }
        snprintf(name, sizeof(name), "guest_ld every memop (address %s)",
                 at == 0 ? "i32 temp" : at == 1 ? "i64 temp" : "constant");
        report(name, bad, detail);
    }

    int bad = 0;
    char detail[200] = "";
    for (size_t k = 0; k < sizeof(st_cases) / sizeof(st_cases[0]); k++) {
        const StCase *c = &st_cases[k];
        IRBlock *b = block_new();
        IRTempIdx v = ir_new_temp(b, c->type), addr = ir_new_temp(b, T32);
        char hex[33];

        ir_gen_movi(b, c->type, v, c->type == T64 ? 0x8877665544332211u : 0x44332211u);
        ir_gen_movi(b, T32, addr, 3 + 8);
        ir_gen_guest_st(b, c->type, v, addr, c->memop);
        gen_exit(b, IR_OP_exit_tb);
        memset(guest_mem, 0, sizeof(guest_mem));
        memcpy(guest_mem + 8, mem_init, 16);
        block_run(b, (uintptr_t)guest_mem, NULL);
        for (int i = 0; i < 16; i++)
            snprintf(hex + 2 * i, 3, "%02x", guest_mem[8 + i]);
        if (strcmp(hex, c->bytes) != 0 || guest_mem[7] || guest_mem[24]) {
            if (!detail[0])
                snprintf(detail, sizeof(detail), "(%s memop 0x%x got %s)", tname(c->type),
                         c->memop, hex);
            bad = 1;
        }
    }
    report("guest_st every memop, misaligned address", bad, detail);
}

/* ---- alignment faults ---------------------------------------------------- */

static sigjmp_buf fault_jmp;
static uint64_t fault_addr;
static unsigned fault_memop;
static int fault_count;
static uintptr_t fault_retaddr;

static void test_unaligned_hook(void *env, uint64_t addr, unsigned memop, uintptr_t retaddr)
{
    fault_addr = addr;
    fault_memop = memop;
    fault_retaddr = retaddr;
    fault_count++;
    siglongjmp(fault_jmp, 1);
}

/* Run a block doing one guest access at addr with memop; returns 1 if it faulted. */
static int run_aligned_access(int store, IRType t, uint64_t addr, unsigned memop)
{
    IRBlock *b = block_new();
    IRTempIdx a = ir_new_temp(b, T64);

    ir_gen_insn_start(b, 0x1000, 0);
    ir_gen_movi(b, T64, a, addr);
    ir_gen_insn_start(b, 0x1004, 0);
    ir_gen_insn_start(b, 0x1008, 0);
    if (store)
        ir_gen_guest_st(b, t, ir_const(b, t, 0xffffffff), a, memop);
    else
        ir_gen_guest_ld(b, t, t == T64 ? G_O0 : G_W0, a, memop);
    ir_gen_movi(b, T64, G_O1, 0x77);
    gen_exit(b, IR_OP_exit_tb);
    memset(env_mem, 0, sizeof(env_mem));
    memset(guest_mem, 0, sizeof(guest_mem));
    fault_count = 0;
    cur_insn = -3;
    if (sigsetjmp(fault_jmp, 0) == 0) {
        block_run(b, (uintptr_t)guest_mem, &cur_insn);
        return 0;
    }
    /* The block is left by siglongjmp: free it here. */
    ir_block_free(b);
    return 1;
}

static void test_alignment(void)
{
    static const struct {
        int store;
        IRType t;
        uint64_t addr;
        unsigned memop;
        int faults;
    } cases[] = {
        { 0, T32, 1, IR_MO_16 | IR_MO_ALIGN, 1 },
        { 0, T32, 2, IR_MO_16 | IR_MO_ALIGN, 0 },
        { 0, T32, 2, IR_MO_32 | IR_MO_ALIGN | IR_MO_BE, 1 },
        { 0, T32, 4, IR_MO_32 | IR_MO_ALIGN | IR_MO_SIGN, 0 },
        { 0, T64, 4, IR_MO_64 | IR_MO_ALIGN, 1 },
        { 0, T64, 8, IR_MO_64 | IR_MO_ALIGN, 0 },
        { 0, T64, 7, IR_MO_8 | IR_MO_ALIGN, 0 },
        { 0, T64, 3, IR_MO_64, 0 },
        { 1, T32, 3, IR_MO_16 | IR_MO_ALIGN, 1 },
        { 1, T32, 6, IR_MO_32 | IR_MO_ALIGN, 1 },
        { 1, T64, 12, IR_MO_64 | IR_MO_ALIGN | IR_MO_BE, 1 },
        { 1, T64, 16, IR_MO_64 | IR_MO_ALIGN, 0 },
        { 1, T64, 5, IR_MO_32, 0 },
    };
    int bad = 0;
    char detail[200] = "";

    ir_unaligned_hook = test_unaligned_hook;
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        int f = run_aligned_access(cases[k].store, cases[k].t, cases[k].addr, cases[k].memop);
        int ok = f == cases[k].faults;
        if (f)
            ok = ok && fault_addr == cases[k].addr && fault_memop == cases[k].memop
                 && fault_retaddr == 0 && cur_insn == 2 && env_mem[1] == 0 && fault_count == 1;
        else
            ok = ok && env_mem[1] == 0x77 && fault_count == 0;
        if (!ok && !detail[0])
            snprintf(detail, sizeof(detail), "(case %zu: faulted %d cur_insn %d)", k, f, cur_insn);
        bad |= !ok;
    }
    report("IR_MO_ALIGN faults: hook gets addr/memop/0, cur_insn set, nothing after runs",
           bad, detail);
    ir_unaligned_hook = NULL;
}

/* ---- large blocks (registers in the per-thread buffer) ------------------- */

static void test_big_block(void)
{
    IRBlock *b = block_new();
    IRTempIdx prev = ir_new_temp(b, T64);
    int bad = 0;

    /* A chain of 6000 temps: t[k] = t[k-1] * 3 + k, kept in o0; twice to
     * reuse the buffer.  Known answer: Python, x = 1; x = (x*3 + k) % 2**64. */
    ir_gen_movi(b, T64, prev, 1);
    for (int k = 1; k < 6000; k++) {
        IRTempIdx t = ir_new_temp(b, T64);
        ir_gen_op2(b, IR_OP_mul, T64, t, prev, ir_const(b, T64, 3));
        ir_gen_op2(b, IR_OP_add, T64, t, t, ir_const(b, T64, (uint64_t)k));
        prev = t;
    }
    ir_gen_mov(b, T64, G_O0, prev);
    gen_exit(b, IR_OP_exit_tb);
    for (int round = 0; round < 2; round++) {
        env_mem[0] = 0;
        ir_interp_exec(b, env_mem, 0, NULL);
        bad |= env_mem[0] != BIG_BLOCK_WANT;
    }
    ir_block_free(b);
    report("block with 6000+ temps", bad, "");
}

static void test_mb(void)
{
    IRBlock *b = block_new();

    for (uint64_t k = 0; k <= IR_MB_ALL; k++) {
        uint64_t args[1] = { k };
        ir_emit(b, IR_OP_mb, T64, args, 1);
    }
    ir_gen_movi(b, T64, G_O0, 0x1234);
    gen_exit(b, IR_OP_exit_tb);
    env_mem[0] = 0;
    block_run(b, 0, NULL);
    report("mb of every kind", env_mem[0] != 0x1234, "");
}

/* ---- threads: first calls of a helper race to prepare its cif ---------- */

static uint64_t thread_add(uint64_t a, uint32_t b)
{
    return a + b;
}

static IRHelper thread_helper = { .name = "t_thread_add", .fn = (void *)thread_add,
                                  .ret = T64, .nb_args = 2, .args = { T64, T32 } };
static pthread_barrier_t thread_barrier;

/* Each thread runs a 5000-temp block (its own register buffer) calling the
 * helper adding 1 each time: the result is 5000. */
static void *thread_main(void *arg)
{
    static const IRGlobals no_globals;
    IRBlock *b = ir_block_new(&no_globals, 0, 0);
    IRTempIdx acc = ir_new_temp(b, T64);
    uint64_t env[2] = { 0, 0 };
    uint64_t args[3];

    ir_gen_movi(b, T64, acc, 0);
    for (int k = 0; k < 5000; k++) {
        IRTempIdx t = ir_new_temp(b, T64), in[2] = { acc, ir_const(b, T32, 1) };
        ir_emit_call(b, &thread_helper, t, in);
        acc = t;
    }
    args[0] = acc;
    args[1] = IR_TEMP_ENV;
    args[2] = 8;
    ir_emit(b, IR_OP_st, T64, args, 3);
    gen_exit(b, IR_OP_exit_tb);
    pthread_barrier_wait(&thread_barrier);
    ir_interp_exec(b, env, 0, NULL);
    ir_block_free(b);
    *(uint64_t *)arg = env[1];
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[4];
    uint64_t res[4] = { 0 };
    int bad = 0;

    pthread_barrier_init(&thread_barrier, NULL, 4);
    for (int i = 0; i < 4; i++)
        if (pthread_create(&th[i], NULL, thread_main, &res[i]) != 0)
            abort();
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        bad |= res[i] != 5000;
    }
    pthread_barrier_destroy(&thread_barrier);
    report("4 threads: concurrent first calls of one helper, large blocks", bad, "");
}

int main(void)
{
    ir_globals_init(&globals);
    G_O0 = ir_globals_add(&globals, "o0", T64, 0);
    G_O1 = ir_globals_add(&globals, "o1", T64, 8);
    G_W0 = ir_globals_add(&globals, "w0", T32, 16);
    G_W1 = ir_globals_add(&globals, "w1", T32, 20);
    G_G = ir_globals_add(&globals, "g", T64, 24);
    G_H = ir_globals_add(&globals, "h", T32, 32);

    test_binary();
    test_unary();
    test_double_word();
    test_fields();
    test_conditions();
    test_loops();
    test_calls();
    test_globals();
    test_host_mem();
    test_guest_mem();
    test_alignment();
    test_big_block();
    test_mb();
    test_threads();

    ir_globals_free(&globals);
    return nb_fail ? 1 : 0;
}
