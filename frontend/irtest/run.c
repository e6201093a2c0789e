/*
 * run.c - `remu ir [options] FILE`: run an IR program and check its results.
 *
 * Guest memory is a 4 GiB PROT_NONE reservation whose start is guest_base;
 * each `memory` region is made read-write in it (page-granular: the rest of
 * a region's first and last page is accessible too).  A guest access outside
 * every region hits PROT_NONE, and the SIGSEGV handler below reports it and
 * ends the run as a failure.
 *
 * Output (stdout): every global's final value, the exit reason, then one
 * PASS:/FAIL: line per expectation.  Exit status: 0 if every expectation
 * held, 1 if one failed (or the run ended in an unexpected way), 2 for a
 * usage, file or set-up error.
 */
#include "config.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/cpu.h"
#include "core/log.h"
#include "frontend/irtest/irtest.h"

static uintptr_t run_guest_base;

static void usage(FILE *f)
{
    fprintf(f, "usage: remu ir [options] FILE\n"
               "Run an IR program (docs/ir.md) and check its 'expect' lines.\n"
               "  -accel jit|interp  run blocks as host code (default when this build has a\n"
               "                     native backend) or on the IR interpreter\n"
               "  -no-opt            do not run the IR optimizer\n"
               "  -d item[,item...]  log items (-d help lists them)\n"
               "  -D file            write the log to file instead of stderr\n"
               "  -stats             print engine statistics after the run\n"
               "  -h                 this help\n"
               "Exit status: 0 all expectations held, 1 one failed, 2 usage or file error.\n");
}

/* ---- guest memory -------------------------------------------------------------- */


static void guest_fault(int sig, siginfo_t *si, void *uc)
{
    uintptr_t a = (uintptr_t)si->si_addr;

    if (run_guest_base && a - run_guest_base < IRTEST_ADDR_LIMIT) {
        static const char msg[] = "exit: guest memory fault at ";
        char buf[128];
        size_t n = sizeof(msg) - 1;
        memcpy(buf, msg, n);
        n += log_format_hex(buf + n, a - run_guest_base);
        memcpy(buf + n, " (outside every memory region)\n", 31);
        n += 31;
        fflush(stdout);
        if (write(STDOUT_FILENO, buf, n) != (ssize_t)n) {
            /* Nothing more can be done from a signal handler. */
        }
        _exit(1);
    }
    /* Not a guest access: a real crash, reported as such. */
    signal(sig, SIG_DFL);
}

/* Reserve the 4 GiB window and map the program's regions and data in it. */
static int guest_memory_init(const IRTestProgram *p, uintptr_t *base)
{
    long page = sysconf(_SC_PAGESIZE);
    void *m = mmap(NULL, IRTEST_ADDR_LIMIT, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if (m == MAP_FAILED) {
        perror("remu ir: cannot reserve 4 GiB of address space for guest memory");
        return -1;
    }
    *base = (uintptr_t)m;
    for (int i = 0; i < p->nb_regions; i++) {
        uint64_t start = p->regions[i].addr & ~(uint64_t)(page - 1);
        uint64_t end = (p->regions[i].addr + p->regions[i].size + page - 1) & ~(uint64_t)(page - 1);
        if (mprotect((void *)(*base + start), end - start, PROT_READ | PROT_WRITE) < 0) {
            perror("remu ir: mprotect of a guest memory region");
            munmap(m, IRTEST_ADDR_LIMIT);
            return -1;
        }
    }
    for (int i = 0; i < p->nb_data; i++)
        memcpy((void *)(*base + p->data[i].addr), p->data[i].bytes, p->data[i].len);
    return 0;
}

/* Read a guest memory value as memop says (size, byte order, sign). */
static uint64_t guest_read(uintptr_t base, uint64_t addr, unsigned memop)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    const uint8_t *m = (const uint8_t *)(base + addr);
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        unsigned k = (memop & IR_MO_BE) ? i : size - 1 - i;
        v = (v << 8) | m[k];
    }
    if ((memop & IR_MO_SIGN) && size < 8) {
        unsigned sh = 64 - 8 * size;
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    return v;
}

/* ---- results --------------------------------------------------------------------- */

static uint64_t global_value(const IRTestProgram *p, const CPUCommon *env, int g)
{
    const uint8_t *slot = (const uint8_t *)env + irtest_global_offset(g);
    uint32_t v32;
    uint64_t v64;

    if (g < 0)
        return env->pc;
    if (p->globals[g].type == IR_TYPE_I32) {
        memcpy(&v32, slot, 4);
        return v32;
    }
    memcpy(&v64, slot, 8);
    return v64;
}

/* The variant the guest would pick at pc (the guest byte there, or 0). */
static unsigned variant_at(const IRTestProgram *p, uintptr_t base, uint64_t pc)
{
    return irtest_program_region(p, pc, 1) ? *(const uint8_t *)(base + pc) : 0;
}

static void print_exit(const IRTestProgram *p, CPU *cpu, int excp, uintptr_t base)
{
    uint64_t pc = cpu->env->pc;

    switch (excp) {
    case EXCP_HALTED:
        printf("exit: halted at pc 0x%" PRIx64 "\n", pc);
        break;
    case EXCP_UNALIGNED:
        printf("exit: unaligned access at 0x%" PRIx64 " (pc 0x%" PRIx64 ")\n",
               cpu->exception_addr, pc);
        break;
    case EXCP_TRANSLATE_FAILED:
        printf("exit: no block for pc 0x%" PRIx64 " variant %u\n", pc, variant_at(p, base, pc));
        break;
    case EXCP_INTERRUPT:
        printf("exit: interrupted at pc 0x%" PRIx64 "\n", pc);
        break;
    default:
        printf("exit: exception %d at pc 0x%" PRIx64 "\n", excp, pc);
        break;
    }
}

static void describe_exit(char *buf, size_t len, CPU *cpu, int excp)
{
    if (excp == EXCP_HALTED)
        snprintf(buf, len, "halted");
    else if (excp == EXCP_UNALIGNED)
        snprintf(buf, len, "unaligned 0x%" PRIx64, cpu->exception_addr);
    else if (excp == EXCP_TRANSLATE_FAILED)
        snprintf(buf, len, "no block for pc 0x%" PRIx64, cpu->env->pc);
    else if (excp == EXCP_INTERRUPT)
        snprintf(buf, len, "interrupted");
    else
        snprintf(buf, len, "exception %d", excp);
}

/* Print PASS:/FAIL: for every expectation; returns the number failed. */
static int check_expects(const IRTestProgram *p, CPU *cpu, int excp, uintptr_t base)
{
    int failed = 0;
    bool exit_checked = false;
    char got[64];

    for (int i = 0; i < p->nb_expects; i++) {
        const IRTestExpect *e = &p->expects[i];
        bool ok = false;
        switch (e->kind) {
        case IRTEST_EXPECT_GLOBAL: {
            uint64_t v = global_value(p, cpu->env, e->global);
            ok = v == e->value;
            snprintf(got, sizeof(got), "0x%" PRIx64, v);
            break;
        }
        case IRTEST_EXPECT_MEM: {
            unsigned bits = 8u << (e->memop & IR_MO_SIZE);
            uint64_t mask = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
            uint64_t v = guest_read(base, e->addr, e->memop);
            ok = ((v ^ e->value) & mask) == 0;
            snprintf(got, sizeof(got), "0x%" PRIx64, v);
            break;
        }
        case IRTEST_EXPECT_EXIT:
            exit_checked = true;
            ok = e->exit == IRTEST_EXIT_HALTED ? excp == EXCP_HALTED
               : excp == EXCP_UNALIGNED && cpu->exception_addr == e->addr;
            describe_exit(got, sizeof(got), cpu, excp);
            break;
        }
        if (ok)
            printf("PASS: %s\n", e->text);
        else
            printf("FAIL: %s (got %s)\n", e->text, got);
        failed += !ok;
    }
    if (!exit_checked && excp != EXCP_HALTED) {
        describe_exit(got, sizeof(got), cpu, excp);
        printf("FAIL: expect exit halted (the default) (got %s)\n", got);
        failed++;
    }
    return failed;
}

/* ---- main -------------------------------------------------------------------------- */

int irtest_main(int argc, char **argv)
{
    EngineConfig cfg = { .accel = strcmp(REMU_BACKEND, "interp") == 0 ? ACCEL_INTERP : ACCEL_JIT,
                         .optimize = true };
    const char *file = NULL, *dlist = NULL, *dfile = NULL;
    bool stats = false;
    char err[512];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1] == '-' && a[2])
            a++;        /* --accel is -accel */
        if (!strcmp(a, "-h") || !strcmp(a, "-help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-accel") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "jit")) {
                cfg.accel = ACCEL_JIT;
            } else if (!strcmp(v, "interp")) {
                cfg.accel = ACCEL_INTERP;
            } else {
                fprintf(stderr, "remu ir: unknown accelerator '%s' (use jit or interp)\n", v);
                return 2;
            }
        } else if (!strcmp(a, "-no-opt")) {
            cfg.optimize = false;
        } else if (!strcmp(a, "-d") && i + 1 < argc) {
            dlist = argv[++i];
        } else if (!strcmp(a, "-D") && i + 1 < argc) {
            dfile = argv[++i];
        } else if (!strcmp(a, "-stats")) {
            stats = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "remu ir: unknown option or missing argument: %s\n", argv[i]);
            usage(stderr);
            return 2;
        } else if (file) {
            fprintf(stderr, "remu ir: only one program file, got '%s' and '%s'\n", file, argv[i]);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (dlist) {
        unsigned mask;
        if (!strcmp(dlist, "help")) {
            log_print_items(stdout);
            return 0;
        }
        if (log_parse_items(dlist, &mask, err, sizeof(err)) < 0) {
            fprintf(stderr, "remu ir: %s\n", err);
            return 2;
        }
        log_mask = mask;
    }
    if (!file) {
        usage(stderr);
        return 2;
    }
    if (dfile && log_set_file(dfile) < 0) {
        perror(dfile);
        return 2;
    }

    IRTestProgram prog;
    if (irtest_program_load(&prog, file, err, sizeof(err)) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    uintptr_t base;
    if (guest_memory_init(&prog, &base) < 0) {
        irtest_program_free(&prog);
        return 2;
    }
    run_guest_base = base;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = guest_fault;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    /* The guest reads the program from engine_init on (globals, env size). */
    irtest_set_program(&prog, base);
    cfg.guest_base = base;
    if (engine_init(irtest_arch_for(&prog), &cfg) < 0) {
        irtest_program_free(&prog);
        return 2;
    }
    CPU *cpu = cpu_create();
    cpu->env->pc = prog.start_pc;
    for (int i = 0; i < prog.nb_inits; i++) {
        const IRTestInit *in = &prog.inits[i];
        uint8_t *slot = (uint8_t *)cpu->env + irtest_global_offset(in->global);
        uint32_t v32 = (uint32_t)in->value;
        if (in->global < 0)
            continue;   /* pc: already the start pc */
        if (prog.globals[in->global].type == IR_TYPE_I32)
            memcpy(slot, &v32, 4);
        else
            memcpy(slot, &in->value, 8);
    }

    int excp = cpu_exec(cpu);

    printf("pc = 0x%" PRIx64 "\n", cpu->env->pc);
    for (int i = 0; i < prog.nb_globals; i++)
        printf("%s = 0x%" PRIx64 "\n", prog.globals[i].name, global_value(&prog, cpu->env, i));
    print_exit(&prog, cpu, excp, base);
    int failed = check_expects(&prog, cpu, excp, base);
    fflush(stdout);
    if (stats)
        engine_stats_print(stdout);
    if (log_enabled(LOG_STATS))
        engine_stats_print(log_file());

    cpu_destroy(cpu);
    /* No CPU runs any more, so nothing translates or touches guest memory. */
    irtest_set_program(NULL, 0);
    run_guest_base = 0;
    munmap((void *)base, IRTEST_ADDR_LIMIT);
    irtest_program_free(&prog);
    return failed ? 1 : 0;
}
