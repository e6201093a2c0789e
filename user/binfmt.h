/*
 * binfmt.h - registering remu with the kernel's binfmt_misc, so that
 * executing a foreign ELF program runs it under remu-GUEST transparently.
 */
#ifndef REMU_USER_BINFMT_H
#define REMU_USER_BINFMT_H

#include "user/user.h"

/* The suffix of the interpreter name used with the P flag:
 * remu-GUEST-binfmt-P (see binfmt.c for why a separate name). */
#define BINFMT_P_SUFFIX "-binfmt-P"

/*
 * remu --binfmt [--register|--unregister] [--path DIR] [--flags FLAGS]
 * [--name PREFIX]: argv[0] is "--binfmt".  guests is NULL-terminated.
 * Returns the process exit status.
 */
int binfmt_main(const UserGuest *const *guests, int argc, char **argv);

/*
 * The P-flag calling convention [interp, full-path, original-argv0, args...]
 * rewritten into an ordinary remu-GUEST command line
 * [remu-GUEST, -0, original-argv0, --, full-path, args...].  Returns a new
 * NULL-terminated vector (never freed: it lives as long as the process) and
 * its length in *new_argc, or NULL with a message on stderr.
 */
char **binfmt_preserved_argv(const char *guest_name, int argc, char **argv, int *new_argc);

#endif
