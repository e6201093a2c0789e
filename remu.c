/*
 * remu.c - the multi-call program.  Called as remu-GUEST (a link to remu) or
 * as "remu GUEST ...", it runs that guest's personality.  This is the only
 * file that knows every personality.  Called as remu-GUEST-binfmt-P, it is
 * the interpreter binfmt_misc runs with the P flag (user/binfmt.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/irtest/irtest.h"
#include "user/binfmt.h"
#include "user/user.h"

typedef struct Personality {
    const char *guest;
    int (*main)(int argc, char **argv);     /* argv[0] is the personality's name */
} Personality;

static int aarch64_main(int argc, char **argv)
{
    return user_main(&aarch64_user, argc, argv);
}

static const Personality personalities[] = {
    { "ir", irtest_main },
    { "aarch64", aarch64_main },
};

/* The guests binfmt_misc can run (remu --binfmt), NULL-terminated. */
static const UserGuest *const user_guests[] = { &aarch64_user, NULL };

static void usage(FILE *f)
{
    fprintf(f, "usage: remu GUEST [options] PROGRAM [ARGS...]\n"
               "       remu-GUEST [options] PROGRAM [ARGS...]\n"
               "       remu --binfmt [--register | --unregister] [options]  (--binfmt --help)\n"
               "       remu --version | --help\n"
               "guests:");
    for (size_t i = 0; i < sizeof(personalities) / sizeof(personalities[0]); i++)
        fprintf(f, " %s", personalities[i].guest);
    fprintf(f, "\n");
}

static const Personality *find_personality(const char *guest)
{
    for (size_t i = 0; i < sizeof(personalities) / sizeof(personalities[0]); i++)
        if (!strcmp(personalities[i].guest, guest))
            return &personalities[i];
    return NULL;
}

int main(int argc, char **argv)
{
    const char *name = argc > 0 ? strrchr(argv[0], '/') : NULL;
    const Personality *p;

    name = name ? name + 1 : argc > 0 ? argv[0] : "remu";
    if (!strncmp(name, "remu-", 5)) {
        size_t l = strlen(name), sl = strlen(BINFMT_P_SUFFIX);
        if (l > 5 + sl && !strcmp(name + l - sl, BINFMT_P_SUFFIX)) {
            char guest[64];
            int n;
            char **v;
            snprintf(guest, sizeof(guest), "%.*s", (int)(l - 5 - sl), name + 5);
            for (const UserGuest *const *g = user_guests; *g; g++)
                if (!strcmp((*g)->name, guest) && (p = find_personality(guest))) {
                    int status;
                    v = binfmt_preserved_argv(guest, argc, argv, &n);
                    if (!v)
                        return 2;
                    status = p->main(n, v);
                    free(v);
                    return status;
                }
        }
    }
    if (!strncmp(name, "remu-", 5) && (p = find_personality(name + 5)))
        return p->main(argc, argv);
    if (argc > 1 && (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-version"))) {
        printf("remu %s (backend %s)\n", PACKAGE_VERSION, REMU_BACKEND);
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "--binfmt"))
        return binfmt_main(user_guests, argc - 1, argv + 1);
    if (argc > 1 && (p = find_personality(argv[1])))
        return p->main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "--help"))
        fprintf(stderr, "remu: unknown guest '%s'\n", argv[1]);
    usage(argc > 1 && !strcmp(argv[1], "--help") ? stdout : stderr);
    return argc > 1 && !strcmp(argv[1], "--help") ? 0 : 2;
}
