/*
 * a64-flat.c - run a flat AArch64 binary on the AArch64 frontend, without
 * the Linux personality.
 *
 *     a64-flat [-accel jit|interp] [-no-opt] FILE.bin
 *     a64-flat -fuzz N
 *
 * FILE.bin (aarch64-linux-gnu-objcopy -O binary of a program linked at
 * A64_FLAT_BASE) is loaded at A64_FLAT_BASE in a 16 MiB read/write region;
 * execution starts at its first byte with SP at the top of the region.
 * The harness plays a minimal kernel:
 *  - SVC #0 with x8 = 64 (write) writes x2 bytes at x1 to fd x0 and
 *    returns the result in x0; x8 = 94 or 93 (exit_group, exit) ends the
 *    run with status x0; any other call prints a FAIL line;
 *  - UDEF and BRK are reported to the guest, as a signal handler that skips
 *    the instruction would: x16 = pc of the instruction, x17 = the
 *    exception number (EXCP_A64_UDEF or EXCP_A64_BRK), x15 = BRK's imm16,
 *    and execution resumes at pc + 4.  The known-answer tests check these.
 * Exit status: the guest's, or 1 after a FAIL line, or 2 on a usage error.
 *
 * -fuzz N translates N pseudo-random instruction words (a fixed xorshift
 * sequence) one at a time and checks that each block passes ir_check before and after
 * ir_optimize: whatever the word, the frontend emits well-formed IR (an
 * unallocated word becomes a UDEF exception, never a crash).
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/cpu.h"
#include "ir/ir.h"
#include "frontend/aarch64/cpu.h"

#define A64_FLAT_BASE   UINT64_C(0x400000)
#define A64_FLAT_SIZE   (16u << 20)

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static int load_file(const char *path, void *dst, size_t max)
{
    FILE *f = fopen(path, "rb");
    size_t n;

    if (!f) {
        fprintf(stderr, "a64-flat: %s: %s\n", path, strerror(errno));
        return -1;
    }
    n = fread(dst, 1, max, f);
    if (ferror(f) || n == 0 || n == max) {
        fprintf(stderr, "a64-flat: %s: cannot read (or larger than %zu bytes)\n", path, max);
        fclose(f);
        return -1;
    }
    fclose(f);
    return 0;
}

/* Returns -1 to continue, or the exit status. */
static int do_svc(AArch64Env *env)
{
    switch (env->x[8]) {
    case 64: {
        ssize_t r = write((int)env->x[0], (const void *)(uintptr_t)env->x[1], (size_t)env->x[2]);
        env->x[0] = r < 0 ? (uint64_t)-errno : (uint64_t)r;
        fflush(stdout);
        return -1;
    }
    case 93:
    case 94:
        return (int)(env->x[0] & 0xff);
    default:
        printf("FAIL: unexpected system call %" PRIu64 " at pc 0x%" PRIx64 "\n",
               env->x[8], env->common.pc - 4);
        return 1;
    }
}

static int fuzz_decode(CPU *cpu, uint8_t *mem, long n)
{
    const IRGlobals *g = engine_globals();
    uint64_t x = UINT64_C(0x9e3779b97f4a7c15);
    long bad = 0;
    char err[256];

    for (long i = 0; i < n; i++) {
        uint32_t insn;
        IRBlock *b;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        insn = (uint32_t)(x >> 16);
        memcpy(mem, &insn, 4);
        b = ir_block_new(g, A64_FLAT_BASE, 0);
        if (aarch64_arch.translate(cpu, b, A64_FLAT_BASE, 0, 1) != 4 ||
            ir_check(b, err, sizeof(err)) < 0) {
            if (bad++ < 10)
                printf("FAIL: fuzz: word 0x%08" PRIx32 ": %s\n", insn, err);
        } else {
            ir_optimize(b);
            if (ir_check(b, err, sizeof(err)) < 0 && bad++ < 10)
                printf("FAIL: fuzz: word 0x%08" PRIx32 " after optimize: %s\n", insn, err);
        }
        ir_block_free(b);
    }
    if (bad == 0)
        printf("PASS: fuzz: %ld random words translate to valid IR\n", n);
    return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
    long fuzz = 0;
    EngineConfig cfg = { .accel = ACCEL_JIT, .optimize = true, .guest_base = 0 };
    const char *file = NULL;
    AArch64Env *env;
    CPU *cpu;
    void *mem;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-accel") && i + 1 < argc) {
            i++;
            if (!strcmp(argv[i], "interp")) {
                cfg.accel = ACCEL_INTERP;
            } else if (strcmp(argv[i], "jit") != 0) {
                fprintf(stderr, "a64-flat: unknown accelerator %s\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(argv[i], "-fuzz") && i + 1 < argc) {
            fuzz = strtol(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "-no-opt")) {
            cfg.optimize = false;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "usage: a64-flat [-accel jit|interp] [-no-opt] FILE.bin | -fuzz N\n");
            return 2;
        }
    }
    if (!file && !fuzz) {
        fprintf(stderr, "usage: a64-flat [-accel jit|interp] [-no-opt] FILE.bin | -fuzz N\n");
        return 2;
    }

    mem = mmap((void *)(uintptr_t)A64_FLAT_BASE, A64_FLAT_SIZE, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (mem != (void *)(uintptr_t)A64_FLAT_BASE) {
        fprintf(stderr, "a64-flat: cannot map guest memory at 0x%" PRIx64 "\n", A64_FLAT_BASE);
        return 2;
    }
    if (file && load_file(file, mem, A64_FLAT_SIZE - 65536) < 0)
        return 2;
    if (engine_init(&aarch64_arch, &cfg) < 0)
        return 2;

    cpu = cpu_create();
    if (fuzz)
        return fuzz_decode(cpu, mem, fuzz);
    env = (AArch64Env *)cpu->env;
    env->common.pc = A64_FLAT_BASE;
    env->sp = A64_FLAT_BASE + A64_FLAT_SIZE - 16;
    env->excl_addr = UINT64_MAX;

    for (;;) {
        int excp = cpu_exec(cpu), status;

        switch (excp) {
        case EXCP_A64_SVC:
            status = do_svc(env);
            if (status >= 0)
                return status;
            break;
        case EXCP_A64_UDEF:
        case EXCP_A64_BRK:
            env->x[16] = env->common.pc;
            env->x[17] = (uint64_t)excp;
            env->x[15] = excp == EXCP_A64_BRK ? cpu->exception_addr : 0;
            env->common.pc += 4;
            break;
        case EXCP_INTERRUPT:
            break;
        default:
            printf("FAIL: exception 0x%x at pc 0x%" PRIx64 "\n", excp, env->common.pc);
            aarch64_arch.dump_state(stdout, &env->common);
            return 1;
        }
    }
}
