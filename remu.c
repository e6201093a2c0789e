/*
 * remu.c - the multi-call program.  Called as remu-GUEST (a link to remu) or
 * as "remu GUEST ...", it runs that guest's personality.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: remu GUEST [options] PROGRAM [ARGS...]\n"
               "       remu-GUEST [options] PROGRAM [ARGS...]\n"
               "       remu --version | --help\n");
}

int main(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-version"))) {
        printf("remu %s (backend %s)\n", PACKAGE_VERSION, REMU_BACKEND);
        return 0;
    }
    usage(argc > 1 && !strcmp(argv[1], "--help") ? stdout : stderr);
    return argc > 1 && !strcmp(argv[1], "--help") ? 0 : 2;
}
