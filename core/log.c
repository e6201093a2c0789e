/*
 * log.c - debug logging selected with -d items, written to -D file.
 *
 * Item names follow QEMU's so that users can carry their habits over.  The
 * log goes to stderr until log_set_file names a file.  One recursive mutex
 * serializes records: log_printf takes it for one call, and a caller that
 * prints a multi-line record (a block dump, a register dump) holds it across
 * the whole record with log_lock/log_unlock so threads do not interleave.
 */
#include "config.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifdef HAVE_CAPSTONE
#include <capstone/capstone.h>
#include <dlfcn.h>
#endif

#include "backend/backend.h"
#include "core/log.h"

unsigned log_mask;

typedef struct LogItem {
    const char *name;
    unsigned mask;
    const char *help;
} LogItem;

static const LogItem log_items[] = {
    { "in_asm",  LOG_IN_ASM,  "show guest instructions as they are translated" },
    { "op",      LOG_OP,      "show the IR of each block before optimization" },
    { "op_opt",  LOG_OP_OPT,  "show the IR of each block after optimization" },
    { "out_asm", LOG_OUT_ASM, "show the host code generated for each block" },
    { "exec",    LOG_EXEC,    "show a trace line for each block executed" },
    { "cpu",     LOG_CPU,     "show the guest registers before each block executed" },
    { "strace",  LOG_STRACE,  "log system calls (user mode)" },
    { "unimp",   LOG_UNIMP,   "log unimplemented functionality" },
    { "stats",   LOG_STATS,   "print translation and execution statistics at exit" },
};

#define LOG_NB_ITEMS (sizeof(log_items) / sizeof(log_items[0]))

static FILE *log_fp;
static pthread_mutex_t log_mutex;
static pthread_once_t log_once = PTHREAD_ONCE_INIT;

static void log_mutex_init(void)
{
    pthread_mutexattr_t a;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&log_mutex, &a);
    pthread_mutexattr_destroy(&a);
}

void log_lock(void)
{
    pthread_once(&log_once, log_mutex_init);
    pthread_mutex_lock(&log_mutex);
}

void log_unlock(void)
{
    pthread_mutex_unlock(&log_mutex);
}

int log_parse_items(const char *list, unsigned *mask, char *err, size_t errlen)
{
    unsigned m = 0;
    const char *p = list;

    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        size_t i;

        if (len == 0) {
            p = end ? end + 1 : p + len;
            continue;
        }
        if (len == 4 && !strncmp(p, "help", 4)) {
            snprintf(err, errlen, "help");
            return -1;
        }
        for (i = 0; i < LOG_NB_ITEMS; i++) {
            if (strlen(log_items[i].name) == len && !strncmp(log_items[i].name, p, len)) {
                m |= log_items[i].mask;
                break;
            }
        }
        if (i == LOG_NB_ITEMS) {
            snprintf(err, errlen, "unknown log item '%.*s' (use -d help for the list)",
                     (int)len, p);
            return -1;
        }
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    *mask = m;
    return 0;
}

void log_print_items(FILE *f)
{
    fprintf(f, "Log items (comma separated):\n");
    for (size_t i = 0; i < LOG_NB_ITEMS; i++) {
        fprintf(f, "%-10s %s\n", log_items[i].name, log_items[i].help);
    }
}

int log_set_file(const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f) {
        return -1;
    }
    /* Line buffering keeps the log useful when the guest crashes the host. */
    setvbuf(f, NULL, _IOLBF, 0);
    log_lock();
    if (log_fp && log_fp != stderr) {
        fclose(log_fp);
    }
    log_fp = f;
    log_unlock();
    return 0;
}

FILE *log_file(void)
{
    return log_fp ? log_fp : stderr;
}

void log_printf(const char *fmt, ...)
{
    va_list ap;

    log_lock();
    va_start(ap, fmt);
    vfprintf(log_file(), fmt, ap);
    va_end(ap);
    log_unlock();
}

static void log_hex_code(FILE *f, const uint8_t *p, size_t size, uintptr_t vaddr)
{
    for (size_t i = 0; i < size; i += 16) {
        fprintf(f, "0x%016" PRIxPTR ": ", vaddr + i);
        for (size_t j = i; j < size && j < i + 16; j++) {
            fprintf(f, " %02x", p[j]);
        }
        fputc('\n', f);
    }
}

#ifdef HAVE_CAPSTONE
/*
 * Capstone is loaded with dlopen the first time something is disassembled,
 * not linked: its 77,000 relocations and the pages they touch cost about
 * 0.7 ms at every start of every program (measured on a trivial C program
 * linked with and without it), a quarter of the start-up target, while
 * only -d in_asm/out_asm/stats use it.  The soname of the header's major
 * version first, then the unversioned development link.  When neither
 * loads, the log shows hex, as without Capstone.
 */
#define CS_STR2(x) #x
#define CS_STR(x) CS_STR2(x)

static struct {
    cs_err (*open)(cs_arch, cs_mode, csh *);
    cs_insn *(*malloc)(csh);
    bool (*disasm_iter)(csh, const uint8_t **, size_t *, uint64_t *, cs_insn *);
    void (*free)(cs_insn *, size_t);
} cs;
static pthread_once_t cs_once = PTHREAD_ONCE_INIT;

static void cs_load(void)
{
    static const char *const names[] = { "libcapstone.so." CS_STR(CS_API_MAJOR), "libcapstone.so" };
    void *h = NULL;

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && !h; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    *(void **)&cs.malloc = dlsym(h, "cs_malloc");
    *(void **)&cs.disasm_iter = dlsym(h, "cs_disasm_iter");
    *(void **)&cs.free = dlsym(h, "cs_free");
    if (cs.malloc && cs.disasm_iter && cs.free)
        *(void **)&cs.open = dlsym(h, "cs_open");   /* set last: it says "loaded" */
}

/* A Capstone handle with the state of its lazy opening. */
typedef struct LogDisas {
    csh handle;
    int state;                  /* 0: not tried, 1: open, -1: failed */
} LogDisas;

/* Capstone handles are not thread-safe; each thread opens its own on
 * demand, one for host code and one for guest code. */
static __thread LogDisas log_host_cs, log_guest_cs;

/* Open d for the named architecture ("x86_64", "i386", "aarch64"); names
 * Capstone is not asked for here are logged in hex. */
static bool log_cs_open(LogDisas *d, const char *arch)
{
    static const struct { const char *name; cs_arch arch; cs_mode mode; } cs_archs[] = {
        { "x86_64",  CS_ARCH_X86,   CS_MODE_64 },
        { "i386",    CS_ARCH_X86,   CS_MODE_32 },
        { "aarch64", CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN },
    };

    if (d->state == 0) {
        d->state = -1;
        pthread_once(&cs_once, cs_load);
        if (!cs.open)
            return false;
        for (size_t i = 0; i < sizeof(cs_archs) / sizeof(cs_archs[0]); i++) {
            if (!strcmp(arch, cs_archs[i].name) &&
                cs.open(cs_archs[i].arch, cs_archs[i].mode, &d->handle) == CS_ERR_OK) {
                d->state = 1;
                break;
            }
        }
    }
    return d->state == 1;
}

/* Disassemble code (shown at vaddr) to f; false when nothing was printed
 * because the handle could not be had. */
static bool log_disas(FILE *f, LogDisas *d, const char *arch, const uint8_t *code,
                      size_t size, uint64_t vaddr)
{
    cs_insn *insn;

    if (!log_cs_open(d, arch) || !(insn = cs.malloc(d->handle)))
        return false;
    while (size > 0) {
        if (!cs.disasm_iter(d->handle, &code, &size, &vaddr, insn)) {
            /* Undecodable bytes (data, padding, UDEF): show the rest in hex. */
            log_hex_code(f, code, size, (uintptr_t)vaddr);
            break;
        }
        fprintf(f, "0x%016" PRIx64 ":  %s%s%s\n", insn->address, insn->mnemonic,
                insn->op_str[0] ? " " : "", insn->op_str);
    }
    cs.free(insn, 1);
    return true;
}
#endif

void log_host_code(const void *code, size_t size, uintptr_t vaddr)
{
    FILE *f;

    log_lock();
    f = log_file();
#ifdef HAVE_CAPSTONE
    if (!log_disas(f, &log_host_cs, backend_name, code, size, vaddr))
#endif
        log_hex_code(f, code, size, vaddr);
    log_unlock();
}

void log_guest_code(const char *arch, const void *code, size_t size, uint64_t vaddr)
{
    FILE *f;

    log_lock();
    f = log_file();
#ifdef HAVE_CAPSTONE
    if (!log_disas(f, &log_guest_cs, arch, code, size, vaddr))
#endif
        log_hex_code(f, code, size, (uintptr_t)vaddr);
    (void)arch;
    log_unlock();
}

uint64_t log_count_host_insns(const void *code, size_t size)
{
    uint64_t n = 0;
#ifdef HAVE_CAPSTONE
    const uint8_t *p = code;
    uint64_t addr = (uintptr_t)code;
    cs_insn *insn;

    if (!log_cs_open(&log_host_cs, backend_name) || !(insn = cs.malloc(log_host_cs.handle)))
        return 0;
    while (size > 0 && cs.disasm_iter(log_host_cs.handle, &p, &size, &addr, insn))
        n++;
    cs.free(insn, 1);
#else
    (void)code;
    (void)size;
#endif
    return n;
}

size_t log_format_hex(char *buf, uint64_t v)
{
    char tmp[16];
    size_t n = 0, k = 0;

    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    buf[k++] = '0';
    buf[k++] = 'x';
    while (n)
        buf[k++] = tmp[--n];
    return k;
}
