/* thr-lock: four threads incrementing shared counters under one contended
 * pthread mutex, and one atomic counter (lock and futex paths, atomics). */
#include <pthread.h>

#include "bench.h"

#define THREADS 4

static long iters;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t counter, mixed, atomic_counter;

static void *worker(void *arg)
{
    (void)arg;
    for (long i = 0; i < iters; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        mixed = mixed * 31 + 7;
        pthread_mutex_unlock(&lock);
        __atomic_fetch_add(&atomic_counter, 2, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[THREADS];

    iters = bench_scale(argc, argv, 1000000);
    for (int i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, worker, NULL))
            return 1;
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("thr-lock: %llu %llu %016llx\n", (unsigned long long)counter,
           (unsigned long long)atomic_counter, (unsigned long long)mixed);
    return 0;
}
