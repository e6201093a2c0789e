/*
 * log.h - QEMU-compatible debug logging: -d item,item and -D file.
 */
#ifndef REMU_CORE_LOG_H
#define REMU_CORE_LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum {
    LOG_IN_ASM  = 1u << 0,  /* guest instructions translated */
    LOG_OP      = 1u << 1,  /* IR before optimization */
    LOG_OP_OPT  = 1u << 2,  /* IR after optimization */
    LOG_OUT_ASM = 1u << 3,  /* host code (disassembled with Capstone when built in) */
    LOG_EXEC    = 1u << 4,  /* each block executed */
    LOG_CPU     = 1u << 5,  /* guest registers before each block */
    LOG_STRACE  = 1u << 6,  /* system calls (user mode) */
    LOG_UNIMP   = 1u << 7,  /* unimplemented features */
    LOG_STATS   = 1u << 8,  /* engine statistics at exit */
};

extern unsigned log_mask;

static inline bool log_enabled(unsigned item) { return (log_mask & item) != 0; }

/* Parse "op,op_opt,out_asm" (or "help"); returns 0, or -1 with a message.
 * For "help" the message is exactly "help": the caller prints
 * log_print_items() and exits successfully, as QEMU does. */
int log_parse_items(const char *list, unsigned *mask, char *err, size_t errlen);
/* Print the list of log items. */
void log_print_items(FILE *f);
/* Log to this file instead of stderr. Returns 0 or -1 (errno). */
int log_set_file(const char *path);
FILE *log_file(void);
/* Host instructions in generated code (0 without Capstone). */
uint64_t log_count_host_insns(const void *code, size_t size);
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Serialize multi-line log records between threads. */
void log_lock(void);
void log_unlock(void);
/* Disassemble host code (Capstone when available, else hex) to the log. */
void log_host_code(const void *code, size_t size, uintptr_t vaddr);
/* Disassemble guest code of the named guest (Capstone when it knows the
 * architecture, else hex) to the log; code is a host copy shown at vaddr. */
void log_guest_code(const char *arch, const void *code, size_t size, uint64_t vaddr);

/* Write v as "0x..." (no NUL) into buf (at least 18 bytes); returns the
 * length.  Async-signal-safe, for messages from host fault handlers. */
size_t log_format_hex(char *buf, uint64_t v);

#endif
