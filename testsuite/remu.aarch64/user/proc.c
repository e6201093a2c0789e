/*
 * proc.c - processes: clone(SIGCHLD) as fork, execve of argv[1] (with
 * argv[2...]) in the child, wait4 in the parent, which prints the child's
 * wait status; also a second child that exits 9 right away, a pipe2
 * between parent and child, and SIGPIPE ignored through rt_sigaction.
 */
#include "sys.h"

enum { NR_rt_sigaction = 134, NR_pipe2 = 59, NR_clone = 220, NR_execve = 221, NR_wait4 = 260 };

int cmain(u64 *sp);
int cmain(u64 *sp)
{
    u64 argc = sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;
    int status = -1, fds[2];
    s64 pid, r;
    char c = 0;

    if (argc < 2) {
        out("usage: proc PROGRAM [ARGS...]\n");
        return 2;
    }
    check(sys3(NR_pipe2, fds, 0, 0) == 0, "pipe2");
    pid = sys6(NR_clone, 17, 0, 0, 0, 0, 0);
    if (pid == 0) {
        sys3(NR_write, fds[1], "x", 1);
        sys3(NR_exit_group, 9, 0, 0);
    }
    check(pid > 0, "clone(SIGCHLD) returns the child pid");
    check(sys3(NR_read, fds[0], &c, 1) == 1 && c == 'x', "the child wrote to the pipe");
    r = sys6(NR_wait4, pid, (s64)&status, 0, 0, 0, 0);
    check(r == pid && status == (9 << 8), "wait4: the child exited 9");

    pid = sys6(NR_clone, 17, 0, 0, 0, 0, 0);
    if (pid == 0) {
        sys3(NR_execve, argv[1], argv + 1, envp);
        out("FAIL: execve returned\n");
        sys3(NR_exit_group, 127, 0, 0);
    }
    r = sys6(NR_wait4, pid, (s64)&status, 0, 0, 0, 0);
    check(r == pid, "wait4 for the exec'd child");
    out("child status=");
    out_u((u64)status);
    out("\n");
    check(sys3(NR_execve, "/nonexistent/prog", argv, envp) == -2, "execve of a missing file: ENOENT");

    /* SIGPIPE ignored: a write to a pipe without reader fails with EPIPE
     * instead of killing the process. */
    {
        u64 act[4] = { 1, 0, 0, 0 }, old[4] = { 7, 7, 7, 7 };
        check(sys6(NR_rt_sigaction, 13, (s64)act, (s64)old, 8, 0, 0) == 0 && old[0] == 0,
              "rt_sigaction(SIGPIPE, SIG_IGN), was SIG_DFL");
        sys3(NR_close, fds[0], 0, 0);
        check(sys3(NR_write, fds[1], "y", 1) == -32, "write to a pipe without reader: EPIPE");
        check(sys6(NR_rt_sigaction, 9, (s64)act, 0, 8, 0, 0) == -22,
              "rt_sigaction(SIGKILL): EINVAL");
    }
    return nfail ? 1 : 0;
}
