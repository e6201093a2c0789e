/* forkexec.c - processes for the differential test (cdiff.exp): fork and
   waitpid exit statuses and signal deaths, pipes between parent and child
   (many sizes, EOF on close), dup2 of a pipe onto stdout, MAP_SHARED
   memory seen by both sides of a fork, execve of this same program with
   an argument and an environment, and vfork+_exit.  The native run is the
   oracle.  */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void describe(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

static int child_mode(int argc, char **argv)
{
    /* Run by execve: print the arguments and one variable, exit with a
       code the parent checks.  */
    printf("exec child: argc %d", argc);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    const char *v = getenv("FORKEXEC_VAR");
    printf(" FORKEXEC_VAR=%s CDIFF_VAR=%s\n", v ? v : "(unset)",
           getenv("CDIFF_VAR") ? getenv("CDIFF_VAR") : "(unset)");
    fflush(stdout);
    return 40 + argc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "child") == 0)
        return child_mode(argc, argv);
    setvbuf(stdout, NULL, _IONBF, 0);

    /* Exit statuses.  */
    for (int code = 0; code < 256; code += 85) {
        pid_t p = fork();
        if (p == 0)
            _exit(code);
        int st;
        pid_t w = waitpid(p, &st, 0);
        char what[32];
        snprintf(what, sizeof what, "exit(%d)", code);
        printf("waitpid returned the child %d; ", w == p);
        describe(what, st);
    }
    int sigs[] = { SIGKILL, SIGTERM, SIGUSR1, SIGABRT };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        pid_t p = fork();
        if (p == 0) {
            if (sigs[i] == SIGABRT)
                abort();
            for (;;)
                pause();
        }
        if (sigs[i] != SIGABRT)
            kill(p, sigs[i]);
        int st;
        waitpid(p, &st, 0);
        describe("killed child", st);
    }

    /* A pipe: the child writes blocks of many sizes, the parent checks.  */
    int fd[2];
    pipe(fd);
    pid_t p = fork();
    if (p == 0) {
        close(fd[0]);
        static unsigned char buf[70000];
        for (int n = 1; n <= 70000; n = n * 3 + 1) {
            for (int i = 0; i < n; i++)
                buf[i] = (unsigned char) (i * 7 + n);
            size_t off = 0;
            while (off < (size_t) n) {
                ssize_t w = write(fd[1], buf + off, n - off);
                if (w <= 0)
                    _exit(9);
                off += w;
            }
        }
        _exit(0);
    }
    close(fd[1]);
    unsigned long long total = 0, sum = 0;
    unsigned char rb[4096];
    ssize_t r;
    while ((r = read(fd[0], rb, sizeof rb)) > 0) {
        for (ssize_t i = 0; i < r; i++)
            sum = sum * 31 + rb[i];
        total += r;
    }
    close(fd[0]);
    int st;
    waitpid(p, &st, 0);
    printf("pipe: %llu bytes, hash %016llx, read at EOF %zd\n", total, sum, r);
    describe("pipe writer", st);

    /* dup2 onto stdout: the child's printf goes into the pipe.  */
    pipe(fd);
    p = fork();
    if (p == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        printf("line from the child through dup2\n");
        _exit(3);
    }
    close(fd[1]);
    char line[128] = { 0 };
    ssize_t got = 0;
    while ((r = read(fd[0], line + got, sizeof line - 1 - got)) > 0)
        got += r;
    close(fd[0]);
    waitpid(p, &st, 0);
    printf("dup2: got %zd bytes: %s", got, line);
    describe("dup2 child", st);

    /* MAP_SHARED anonymous memory is shared across fork; MAP_PRIVATE not. */
    uint32_t *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    uint32_t *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    shared[0] = priv[0] = 1;
    p = fork();
    if (p == 0) {
        for (int i = 1; i < 1024; i++)
            shared[i] = shared[i - 1] * 3 + 1;
        priv[0] = 99;
        shared[0] = 7;
        _exit(0);
    }
    waitpid(p, &st, 0);
    printf("shared after child: [0]=%u [1023]=%u; private [0]=%u\n", shared[0], shared[1023], priv[0]);

    /* execve of this program, with arguments and an environment.  */
    p = fork();
    if (p == 0) {
        char *args[] = { argv[0], "child", "two words", "", "-x", NULL };
        char *envp[] = { "FORKEXEC_VAR=from execve", NULL };
        execve(argv[0], args, envp);
        printf("execve failed: errno %d\n", errno);
        _exit(127);
    }
    waitpid(p, &st, 0);
    describe("execve child", st);

    /* execv keeps the environment.  */
    p = fork();
    if (p == 0) {
        char *args[] = { argv[0], "child", NULL };
        execv(argv[0], args);
        _exit(127);
    }
    waitpid(p, &st, 0);
    describe("execv child", st);

    /* A missing program: execve fails with ENOENT.  */
    char *none[] = { "/nonexistent/program", NULL };
    int er = execve(none[0], none, none + 1);
    printf("execve of a missing file: %d errno ENOENT %d\n", er, errno == ENOENT);

    /* vfork + _exit.  */
    p = vfork();
    if (p == 0)
        _exit(17);
    waitpid(p, &st, 0);
    describe("vfork child", st);

    /* wait for any of several children; the sum of codes is fixed.  */
    for (int i = 0; i < 5; i++)
        if (fork() == 0)
            _exit(i + 1);
    int codes = 0;
    while ((p = wait(&st)) > 0)
        codes += WEXITSTATUS(st);
    printf("wait: sum of codes %d, then ECHILD %d\n", codes, errno == ECHILD);
    return 0;
}
