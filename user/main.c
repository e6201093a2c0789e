/*
 * main.c - remu-GUEST [options] PROGRAM [ARGS...]: run a Linux program of
 * another architecture, with the options qemu-user users know.
 *
 * Order of events: options (command line over REMU_* environment), engine
 * set-up, loading the program, the initial stack, then the cpu loop, which
 * ends when the guest calls exit/exit_group (user_main returns its status)
 * or with a terminating signal.
 *
 * Guest faults: a guest access to unmapped or protected memory arrives as a
 * host SIGSEGV/SIGBUS inside generated code (or the interpreter).  The
 * handler (on its own stack) recovers the guest pc with cpu_restore_state
 * and leaves to the cpu loop with EXCP_USER_HOSTFAULT; so does a fault in a
 * helper that touches guest memory (cpu_helper_retaddr gives its return
 * address in generated code); a fault anywhere else is a remu bug and
 * aborts with a message.  The cpu loop turns guest exceptions into
 * synchronous guest signals (signal_force) and delivers pending signals
 * between two cpu_exec calls (user/signal.c).
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

#include "core/cpu.h"
#include "core/log.h"
#include "user/user-internal.h"

extern char **environ;

typedef struct Options {
    const char *ld_prefix, *argv0, *cpu_model, *log_items, *log_file, *accel;
    bool strace;
    bool stats;
    char **env;                 /* the guest's environment */
    size_t nenv, cap_env;
} Options;

static const char *prog_name = "remu";

static void usage(const UserGuest *g, FILE *f)
{
    fprintf(f,
            "usage: %s [options] PROGRAM [ARGS...]\n"
            "Run a Linux %s program.\n"
            "  -L PATH        look up the ELF interpreter under PATH (REMU_LD_PREFIX;\n"
            "                 default %s)\n"
            "  -E VAR=VALUE   set a variable in the guest environment (REMU_SET_ENV,\n"
            "                 comma-separated)\n"
            "  -U VAR         remove a variable from the guest environment (REMU_UNSET_ENV)\n"
            "  -0 ARGV0       the program's argv[0] (REMU_ARGV0)\n"
            "  -cpu MODEL     the CPU model (REMU_CPU); -cpu help lists them\n"
            "  -strace        log system calls (REMU_STRACE)\n"
            "  -stats         print translation and execution statistics at exit, the\n"
            "                 same as -d stats (REMU_STATS)\n"
            "  -d ITEM,...    log items (REMU_LOG); -d help lists them\n"
            "  -D FILE        write the log to FILE (REMU_LOG_FILENAME)\n"
            "  -accel jit|interp  run translated code natively or on the IR interpreter\n"
            "                 (REMU_ACCEL)\n"
            "  -version       print the version\n"
            "  -h, -help      this help\n",
            prog_name, g->name, g->default_interp_prefix ? g->default_interp_prefix : "none");
}

static int bad_option(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", prog_name);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s -h' for more information.\n", prog_name);
    return 1;
}

/* ---- the guest environment ------------------------------------------------ */

static bool env_add(Options *o, char *s)
{
    if (o->nenv + 2 > o->cap_env) {
        size_t cap = o->cap_env ? o->cap_env * 2 : 64;
        char **e = realloc(o->env, cap * sizeof(char *));
        if (!e)
            return false;
        o->env = e;
        o->cap_env = cap;
    }
    o->env[o->nenv++] = s;
    o->env[o->nenv] = NULL;
    return true;
}

static void env_unset(Options *o, const char *name)
{
    size_t l = strlen(name), j = 0;

    for (size_t i = 0; i < o->nenv; i++)
        if (!(strncmp(o->env[i], name, l) == 0 && o->env[i][l] == '='))
            o->env[j++] = o->env[i];
    o->nenv = j;
    if (o->env)
        o->env[j] = NULL;
}

static int env_set(Options *o, const char *assign)
{
    const char *eq = strchr(assign, '=');
    char name[256];

    if (!eq || eq == assign || (size_t)(eq - assign) >= sizeof(name))
        return bad_option("-E needs VAR=VALUE, not '%s'", assign);
    memcpy(name, assign, (size_t)(eq - assign));
    name[eq - assign] = 0;
    env_unset(o, name);
    return env_add(o, (char *)assign) ? 0 : 1;
}

/* Apply a comma-separated list (REMU_SET_ENV / REMU_UNSET_ENV). */
static int env_list(Options *o, const char *list, bool set)
{
    char *copy, *tok, *save = NULL;

    if (!list)
        return 0;
    copy = strdup(list);
    if (!copy)
        return 1;
    for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (set) {
            if (env_set(o, tok))
                return 1;
        } else {
            env_unset(o, tok);
        }
    }
    /* Set: the strings are now the environment's; unset: nothing is kept. */
    if (!set)
        free(copy);
    return 0;
}

/* ---- host faults ----------------------------------------------------------- */


static uintptr_t host_pc_of(void *ucv)
{
    ucontext_t *uc = ucv;

#if defined(__x86_64__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (uintptr_t)uc->uc_mcontext.pc;
#else
    (void)uc;
    return 0;
#endif
}

static void host_fault(int sig, siginfo_t *si, void *ucv)
{
    CPU *cpu = thread_current_cpu();
    uintptr_t pc = host_pc_of(ucv);
    static const char msg[] = ": internal error: host signal ";
    char buf[256];
    size_t n;

    if (si->si_code <= 0) {
        /* Sent by kill(): the guest's if it handles, ignores or blocks it,
         * else the default action, as for any process. */
        struct rlimit rl = { 0, 0 };
        sigset_t set;
        if (signal_host_kill(sig, si))
            return;
        setrlimit(RLIMIT_CORE, &rl);
        signal(sig, SIG_DFL);
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        _exit(128 + sig);
    }
    if (cpu && __atomic_load_n(&cpu->running, __ATOMIC_SEQ_CST)) {
        bool guest;
        if (engine_accel() == ACCEL_INTERP)
            guest = cpu->cur_tb && cpu->interp_insn >= 0 && cpu_restore_state(cpu, 0);
        else
            guest = cpu_restore_state(cpu, pc) ||
                    (cpu_helper_retaddr && cpu_restore_state(cpu, cpu_helper_retaddr - 1));
        cpu_helper_retaddr = 0;
        if (guest) {
            cpu->exception_addr = (uint64_t)(uintptr_t)si->si_addr;
            cpu_loop_exit(cpu, sig == SIGBUS ? EXCP_USER_HOSTBUS : EXCP_USER_HOSTFAULT, 0);
        }
    }
    n = strlen(prog_name);
    if (n > 64)
        n = 64;
    memcpy(buf, prog_name, n);
    memcpy(buf + n, msg, sizeof(msg) - 1);
    n += sizeof(msg) - 1;
    memcpy(buf + n, sig == SIGBUS ? "SIGBUS" : "SIGSEGV", sig == SIGBUS ? 6 : 7);
    n += sig == SIGBUS ? 6 : 7;
    memcpy(buf + n, " at host pc ", 12);
    n += 12;
    n += log_format_hex(buf + n, pc);
    memcpy(buf + n, ", address ", 10);
    n += 10;
    n += log_format_hex(buf + n, (uint64_t)(uintptr_t)si->si_addr);
    memcpy(buf + n, ", outside guest code\n", 21);
    n += 21;
    if (write(STDERR_FILENO, buf, n) < 0) {
        /* Nothing else can be done here. */
    }
    signal(SIGABRT, SIG_DFL);
    abort();
}

static int install_fault_handler(void)
{
    static uint8_t altstack[1 << 16] __attribute__((aligned(16)));
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 };
    struct sigaction sa;

    if (sigaltstack(&ss, NULL) < 0)
        return -1;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = host_fault;
    /* NODEFER: the handler leaves with siglongjmp, which keeps the mask. */
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, NULL) < 0 || sigaction(SIGBUS, &sa, NULL) < 0)
        return -1;
    return 0;
}

/* ---- the cpu loop ------------------------------------------------------------ */

/* Run the guest until it exits; returns its exit status. */
static int cpu_loop(const UserGuest *g, CPU *cpu)
{
    for (;;) {
        int excp, sig, code, status;
        uint64_t addr;

        signal_deliver_pending(cpu);
        excp = cpu_exec(cpu);
        if (excp == g->excp_syscall) {
            if (do_syscall(cpu, &status))
                return status;
        } else if (excp == EXCP_INTERRUPT) {
            continue;
        } else if (excp == EXCP_TRANSLATE_FAILED) {
            signal_force(cpu, SIGSEGV, 0, cpu->env->pc);
        } else if (excp == EXCP_USER_HOSTFAULT) {
            signal_force(cpu, SIGSEGV, 0, cpu->exception_addr);
        } else if (excp == EXCP_USER_HOSTBUS) {
            signal_force(cpu, SIGBUS, BUS_ADRERR, cpu->exception_addr);
        } else if (g->excp_to_signal(cpu, excp, &sig, &code, &addr)) {
            signal_force(cpu, sig, code, addr);
        } else {
            fprintf(stderr, "%s: internal error: unexpected exception 0x%x at pc 0x%" PRIx64 "\n",
                    prog_name, excp, cpu->env->pc);
            abort();
        }
    }
}

int user_cpu_loop(CPU *cpu)
{
    return cpu_loop(user_proc.guest, cpu);
}

/* ---- main --------------------------------------------------------------------- */

int user_main(const UserGuest *g, int argc, char **argv)
{
    static char name[64];
    /* Static: what it points to lives as long as the process (and leak
     * checkers see it as reachable on the early exits). */
    static Options o;
    static char **gargv;
    EngineConfig cfg;
    char err[512], self[PATH_MAX], *exe;
    unsigned mask = 0;
    int i, r;

    snprintf(name, sizeof(name), "remu-%s", g->name);
    prog_name = name;
    memset(&o, 0, sizeof(o));
    for (char **ep = environ; *ep; ep++)
        if (!env_add(&o, *ep))
            return 1;

    o.ld_prefix = getenv("REMU_LD_PREFIX");
    o.argv0 = getenv("REMU_ARGV0");
    o.cpu_model = getenv("REMU_CPU");
    o.log_items = getenv("REMU_LOG");
    o.log_file = getenv("REMU_LOG_FILENAME");
    o.accel = getenv("REMU_ACCEL");
    o.strace = getenv("REMU_STRACE") != NULL;
    o.stats = getenv("REMU_STATS") != NULL;
    if (env_list(&o, getenv("REMU_SET_ENV"), true) || env_list(&o, getenv("REMU_UNSET_ENV"), false))
        return 1;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *opt;
        if (a[0] != '-' || !a[1])
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        opt = a + 1 + (a[1] == '-');
        if (!strcmp(opt, "h") || !strcmp(opt, "help")) {
            usage(g, stdout);
            return 0;
        }
        if (!strcmp(opt, "version")) {
            printf("%s version %s (remu, backend %s)\n", prog_name, PACKAGE_VERSION, REMU_BACKEND);
            return 0;
        }
        if (!strcmp(opt, "strace")) {
            o.strace = true;
            continue;
        }
        if (!strcmp(opt, "stats")) {
            o.stats = true;
            continue;
        }
        if (strcmp(opt, "L") && strcmp(opt, "E") && strcmp(opt, "U") && strcmp(opt, "0") &&
            strcmp(opt, "cpu") && strcmp(opt, "d") && strcmp(opt, "D") && strcmp(opt, "accel"))
            return bad_option("unknown option '%s'", a);
        if (i + 1 >= argc)
            return bad_option("option '%s' needs an argument", a);
        const char *v = argv[++i];
        if (!strcmp(opt, "L"))
            o.ld_prefix = v;
        else if (!strcmp(opt, "E")) {
            if (env_set(&o, v))
                return 1;
        } else if (!strcmp(opt, "U"))
            env_unset(&o, v);
        else if (!strcmp(opt, "0"))
            o.argv0 = v;
        else if (!strcmp(opt, "cpu"))
            o.cpu_model = v;
        else if (!strcmp(opt, "d"))
            o.log_items = v;
        else if (!strcmp(opt, "D"))
            o.log_file = v;
        else
            o.accel = v;
    }

    if (o.cpu_model) {
        bool found = false;
        if (!strcmp(o.cpu_model, "help")) {
            printf("Available CPUs:\n");
            for (const char *const *m = g->cpu_models; m && *m; m++)
                printf("  %s\n", *m);
            return 0;
        }
        for (const char *const *m = g->cpu_models; m && *m; m++)
            found |= !strcmp(*m, o.cpu_model);
        if (!found)
            return bad_option("unknown CPU model '%s' (-cpu help lists them)", o.cpu_model);
    }
    if (o.log_items) {
        if (log_parse_items(o.log_items, &mask, err, sizeof(err)) < 0) {
            if (!strcmp(err, "help")) {
                log_print_items(stdout);
                return 0;
            }
            fprintf(stderr, "%s: %s\n", prog_name, err);
            return 1;
        }
    }
    memset(&cfg, 0, sizeof(cfg));
    cfg.optimize = true;
    cfg.guest_base = 0;
    cfg.accel = ACCEL_JIT;
    if (!strcmp(REMU_BACKEND, "interp"))
        cfg.accel = ACCEL_INTERP;
    if (o.accel) {
        if (!strcmp(o.accel, "jit"))
            cfg.accel = ACCEL_JIT;
        else if (!strcmp(o.accel, "interp"))
            cfg.accel = ACCEL_INTERP;
        else
            return bad_option("unknown accelerator '%s' (jit or interp)", o.accel);
    }
    if (i >= argc) {
        fprintf(stderr, "%s: no program to run\n", prog_name);
        usage(g, stderr);
        return 1;
    }
    if (o.log_file && log_set_file(o.log_file) < 0) {
        fprintf(stderr, "%s: %s: %s\n", prog_name, o.log_file, strerror(errno));
        return 1;
    }
    if (o.strace)
        mask |= LOG_STRACE;
    if (o.stats)
        mask |= LOG_STATS;
    log_mask = mask;

    const char *program = argv[i];
    if (!o.ld_prefix)
        o.ld_prefix = g->default_interp_prefix;
    exe = realpath(program, NULL);
    user_proc.exe_path = exe ? exe : program;
    user_proc.ld_prefix = o.ld_prefix;

    if (engine_init(g->arch, &cfg) < 0)
        return 1;
    engine_set_code_reader(vma_code_read);

    r = user_load_program(g, program, o.ld_prefix, err, sizeof(err));
    if (r) {
        fprintf(stderr, "%s: %s: %s\n", prog_name, program, err);
        return r;
    }
    /* argv: the program's own, with -0 replacing argv[0]. */
    gargv = &argv[i];
    int gargc = argc - i;
    if (o.argv0) {
        gargv = calloc((size_t)gargc + 1, sizeof(char *));
        if (!gargv)
            return 1;
        memcpy(gargv, &argv[i], (size_t)gargc * sizeof(char *));
        gargv[0] = (char *)o.argv0;
    }
    r = user_setup_stack(g, gargc, gargv, o.env ? o.env : (char *[]){ NULL }, program,
                         err, sizeof(err));
    if (r) {
        fprintf(stderr, "%s: %s: %s\n", prog_name, program, err);
        return r;
    }

    ssize_t sl = readlink("/proc/self/exe", self, sizeof(self) - 1);
    UserExecOptions xo = {
        .self = sl > 0 ? (self[sl] = 0, self) : NULL,
        .ld_prefix = o.ld_prefix,
        .accel = cfg.accel == ACCEL_INTERP ? "interp" : "jit",
        .strace = o.strace,
    };
    syscall_init(g, &xo);

    CPU *cpu = cpu_create();
    if (!cpu) {
        fprintf(stderr, "%s: cannot create the CPU\n", prog_name);
        return 1;
    }
    user_proc.cpu = cpu;
    g->init_regs(cpu->env, user_proc.initial_pc, user_proc.initial_sp);
    if (install_fault_handler() < 0) {
        fprintf(stderr, "%s: cannot install the fault handler: %s\n", prog_name, strerror(errno));
        return 1;
    }
    r = cpu_loop(g, cpu);
    if (log_enabled(LOG_STATS))
        engine_stats_print(log_file() ? log_file() : stderr);
    if (log_file())
        fflush(log_file());
    return r;
}
