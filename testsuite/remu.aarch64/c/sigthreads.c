/* sigthreads.c - signals and threads together for the differential test
   (cdiff.exp): pthread_kill to each of many threads (the handler runs on
   the target: it records pthread_self in thread-local storage), a
   process-directed kill taken by the only thread that leaves it
   unblocked, sigwait in a dedicated thread, per-thread masks kept apart,
   and SA_RESTART keeping a blocking read going while signals arrive.  The
   native run is the oracle.
   cdiff-cflags: -pthread  */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

/* In a child: wait until the parent sleeps (blocked in its read), so that
   the signal sent next interrupts the read rather than arriving before it. */
static void wait_parent_asleep(void)
{
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) getppid());
    for (int tries = 0; tries < 20000; tries++) {
        FILE *f = fopen(path, "r");
        char *p = NULL;
        if (f) {
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            buf[n] = 0;
            fclose(f);
            p = strrchr(buf, ')');
        }
        if (p && p[1] == ' ' && p[2] == 'S')
            return;
        usleep(500);
    }
}

#define NT 16

static __thread volatile int got_usr1;
static __thread volatile int handler_saw_self;
static __thread pthread_t me;
static atomic_int total_usr1, usr2_on_catcher, ready, sigints_taken;
static volatile int catcher_index = -1;
static pthread_barrier_t bar;

static void on_usr1(int sig)
{
    (void) sig;
    got_usr1++;
    handler_saw_self = pthread_equal(pthread_self(), me);
    atomic_fetch_add(&total_usr1, 1);
}

static __thread int my_index;
static void on_usr2(int sig)
{
    (void) sig;
    if (my_index == catcher_index)
        atomic_fetch_add(&usr2_on_catcher, 1);
}

static void *worker(void *arg)
{
    my_index = (int) (long) arg;
    me = pthread_self();
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    /* Only the catcher takes the process-directed SIGUSR2.  */
    pthread_sigmask(my_index == catcher_index ? SIG_UNBLOCK : SIG_BLOCK, &s, NULL);
    atomic_fetch_add(&ready, 1);
    pthread_barrier_wait(&bar);       /* main sends USR1 to each */
    while (!got_usr1)
        usleep(100);
    pthread_barrier_wait(&bar);       /* main sends USR2 to the process */
    pthread_barrier_wait(&bar);
    return (void *) (long) (got_usr1 * 10 + handler_saw_self);
}

static void *waiter(void *arg)
{
    (void) arg;
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    int sig = 0, n = 0;
    for (int i = 0; i < 3; i++) {
        sigwait(&s, &sig);
        n += sig == SIGINT;
        atomic_fetch_add(&sigints_taken, 1);
    }
    return (void *) (long) n;
}

static void on_alrm(int sig)
{
    (void) sig;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);

    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    sigaddset(&s, SIGINT);
    pthread_sigmask(SIG_BLOCK, &s, NULL);   /* inherited by every thread */

    pthread_t th[NT];
    catcher_index = 5;
    pthread_barrier_init(&bar, NULL, NT + 1);
    for (long i = 0; i < NT; i++)
        pthread_create(&th[i], NULL, worker, (void *) i);
    pthread_barrier_wait(&bar);
    for (int i = 0; i < NT; i++)
        pthread_kill(th[i], SIGUSR1);
    pthread_barrier_wait(&bar);
    for (int i = 0; i < 4; i++) {
        kill(getpid(), SIGUSR2);
        usleep(2000);
    }
    pthread_barrier_wait(&bar);
    int sum = 0, self_ok = 0;
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(th[i], &r);
        sum += (int) (long) r / 10;
        self_ok += (int) (long) r % 10;
    }
    printf("pthread_kill: handled %d (total %d), on the right thread %d\n", sum,
           atomic_load(&total_usr1), self_ok);
    printf("process SIGUSR2: taken by the catcher at least once %d\n", atomic_load(&usr2_on_catcher) >= 1);

    pthread_t w;
    pthread_create(&w, NULL, waiter, NULL);
    /* One at a time: two SIGINTs pending at once would merge into one. */
    for (int i = 0; i < 3; i++) {
        pthread_kill(w, SIGINT);
        while (atomic_load(&sigints_taken) <= i)
            usleep(100);
    }
    void *wr;
    pthread_join(w, &wr);
    printf("sigwait: %ld SIGINTs\n", (long) wr);

    /* SA_RESTART: a read on a pipe is restarted after the handler; the
       writer thread signals the reader before writing.  */
    sa.sa_handler = on_alrm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    int fd[2];
    pipe(fd);
    pthread_t reader_self = pthread_self();
    (void) reader_self;
    if (fork() == 0) {
        wait_parent_asleep();
        kill(getppid(), SIGALRM);
        usleep(20000);
        kill(getppid(), SIGALRM);
        usleep(20000);
        write(fd[1], "done", 4);
        _exit(0);
    }
    char buf[8] = { 0 };
    errno = 0;
    ssize_t n = read(fd[0], buf, 4);
    printf("SA_RESTART read: %zd [%s] errno %d\n", n, buf, errno);
    /* Without SA_RESTART the read fails with EINTR.  */
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    if (fork() == 0) {
        wait_parent_asleep();
        kill(getppid(), SIGALRM);
        usleep(50000);
        write(fd[1], "late", 4);
        _exit(0);
    }
    n = read(fd[0], buf, 4);
    printf("no SA_RESTART read: %zd EINTR %d\n", n, errno == EINTR);
    n = read(fd[0], buf, 4);
    printf("then: %zd [%.4s]\n", n, buf);
    return 0;
}
