/* thr-indep: four threads doing independent integer work (no sharing):
 * should scale with host cores. */
#include <pthread.h>

#include "bench.h"

#define THREADS 4

static long work;
static uint64_t results[THREADS];

static void *worker(void *arg)
{
    long id = (long)arg;
    uint64_t seed = 1000 + (uint64_t)id, h = 0;

    for (long i = 0; i < work; i++) {
        uint64_t x = bench_rand(&seed);
        h = bench_mix(h, x % 1000003);
    }
    results[id] = h;
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[THREADS];
    uint64_t h = 0;

    work = bench_scale(argc, argv, 20000000);
    for (long i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i))
            return 1;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        h = bench_mix(h, results[i]);
    }
    printf("thr-indep: %016llx\n", (unsigned long long)h);
    return 0;
}
