/* proc-spawn: a parent that starts a few hundred short-lived copies of
 * itself one after another (fork + execve + wait, as a shell loop does):
 * process creation, program start-up and exit under the emulator.
 *
 * remu runs a foreign program that its guest executes under remu again;
 * qemu-user leaves that to binfmt_misc.  So that QEMU can be measured on a
 * machine without a binfmt registration, bench/run sets BENCH_EMU to the
 * emulator's path for QEMU's runs and the child is executed through it. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

int main(int argc, char **argv)
{
    long n = bench_scale(argc, argv, 300);
    uint64_t h = 0;

    if (argc > 2 && !strcmp(argv[2], "child"))
        return (int)(strtol(argv[1], NULL, 0) & 63);
    for (long i = 0; i < n; i++) {
        char num[24];
        int st;
        pid_t pid;
        snprintf(num, sizeof(num), "%ld", i);
        pid = fork();
        if (pid == 0) {
            char *emu = getenv("BENCH_EMU");
            char *args[] = { argv[0], num, "child", NULL };
            char *eargs[] = { emu, argv[0], num, "child", NULL };
            if (emu && *emu)
                execv(emu, eargs);
            else
                execv(argv[0], args);
            _exit(127);
        }
        if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
            return 1;
        h = bench_mix(h, (uint64_t)WEXITSTATUS(st));
    }
    printf("proc-spawn: %016llx\n", (unsigned long long)h);
    return 0;
}
