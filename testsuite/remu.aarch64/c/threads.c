/* threads.c - pthreads stress for the differential test (cdiff.exp): 32
   threads sharing a mutex-protected counter, a bounded queue driven by
   two condition variables, a rwlock, a barrier between phases, C11
   atomics (fetch_add, compare-exchange loop, exchange), thread-local
   storage (__thread and pthread keys with destructors), pthread_once, and
   waves of short threads.  (Cancellation is left out: glibc cancels with
   its internal signal 32, which remu-aarch64 cannot send to another
   thread yet.)  Only totals that every correct interleaving
   gives are printed; the native run is the oracle.
   cdiff-cflags: -pthread  */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 32
#define NITER 2000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t locked_sum;
static atomic_uint_fast64_t atomic_sum;
static _Atomic uint32_t cas_max;
static atomic_int tokens;
static pthread_barrier_t barrier;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static uint64_t table[16];
static __thread uint64_t tls_counter;
static __thread int tls_init = 12345;
static pthread_key_t key;
static atomic_int destructed;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs;

static void key_dtor(void *p)
{
    atomic_fetch_add(&destructed, (int) (uintptr_t) p);
}

static void once_fn(void)
{
    atomic_fetch_add(&once_runs, 1);
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

static void *worker(void *arg)
{
    unsigned id = (unsigned) (uintptr_t) arg;
    uint32_t seed = id * 7919u + 1;

    pthread_once(&once, once_fn);
    pthread_setspecific(key, (void *) (uintptr_t) (id + 1));
    for (int i = 0; i < NITER; i++) {
        uint32_t v = lcg(&seed) & 0xffff;
        pthread_mutex_lock(&lock);
        locked_sum += v;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add_explicit(&atomic_sum, v, memory_order_relaxed);
        uint32_t cur = atomic_load(&cas_max);
        while (v > cur && !atomic_compare_exchange_weak(&cas_max, &cur, v))
            ;
        tls_counter += v;
    }
    pthread_barrier_wait(&barrier);
    /* Phase 2: writers add to a table under the write lock, readers check
       that its sum is always a multiple of 16 (updates are all-or-none). */
    int bad = 0;
    for (int i = 0; i < 200; i++) {
        if (id % 4 == 0) {
            pthread_rwlock_wrlock(&rw);
            for (int j = 0; j < 16; j++)
                table[j] += id + 1;
            pthread_rwlock_unlock(&rw);
        } else {
            pthread_rwlock_rdlock(&rw);
            uint64_t s = 0;
            for (int j = 0; j < 16; j++)
                s += table[j];
            bad += s % 16 != 0;
            pthread_rwlock_unlock(&rw);
        }
    }
    pthread_barrier_wait(&barrier);
    atomic_fetch_add(&tokens, bad);
    return (void *) (uintptr_t) (tls_counter ^ (uint64_t) tls_init);
}

/* A bounded queue: producers and consumers on two condition variables. */
#define QSIZE 8
static int queue[QSIZE], qhead, qcount;
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static uint64_t consumed_sum, consumed_n;

static void *producer(void *arg)
{
    int base = (int) (uintptr_t) arg;
    for (int i = 1; i <= 1000; i++) {
        pthread_mutex_lock(&qlock);
        while (qcount == QSIZE)
            pthread_cond_wait(&not_full, &qlock);
        queue[(qhead + qcount++) % QSIZE] = base + i;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&qlock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void) arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qcount == 0)
            pthread_cond_wait(&not_empty, &qlock);
        int v = queue[qhead];
        qhead = (qhead + 1) % QSIZE;
        qcount--;
        pthread_cond_signal(&not_full);
        if (v < 0) {
            pthread_mutex_unlock(&qlock);
            return NULL;
        }
        consumed_sum += (uint64_t) v;
        consumed_n++;
        pthread_mutex_unlock(&qlock);
    }
}

static void *light(void *arg)
{
    uint64_t n = (uint64_t) (uintptr_t) arg, s = 0;
    for (uint64_t i = 0; i <= n; i++)
        s += i * i;
    return (void *) (uintptr_t) s;
}

int main(void)
{
    pthread_t th[NTHREADS];
    void *ret[NTHREADS];

    pthread_key_create(&key, key_dtor);
    pthread_barrier_init(&barrier, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *) (uintptr_t) i);
    uint64_t xr = 0;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], &ret[i]);
        xr += (uint64_t) (uintptr_t) ret[i];
    }
    printf("mutex sum %llu atomic sum %llu equal %d\n", (unsigned long long) locked_sum,
           (unsigned long long) atomic_sum, locked_sum == atomic_sum);
    printf("cas max %u\n", (unsigned) cas_max);
    printf("tls results sum %016llx main tls %llu %d\n", (unsigned long long) xr,
           (unsigned long long) tls_counter, tls_init);
    printf("key destructors %d (want %d) once runs %d\n", atomic_load(&destructed),
           NTHREADS * (NTHREADS + 1) / 2, atomic_load(&once_runs));
    uint64_t ts = 0;
    for (int j = 0; j < 16; j++)
        ts += table[j];
    printf("rwlock table sum %llu torn reads %d\n", (unsigned long long) ts, atomic_load(&tokens));

    pthread_t prod[4], cons[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&cons[i], NULL, consumer, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&prod[i], NULL, producer, (void *) (uintptr_t) (i * 100000));
    for (int i = 0; i < 4; i++)
        pthread_join(prod[i], NULL);
    for (int i = 0; i < 3; i++) {
        pthread_mutex_lock(&qlock);
        while (qcount == QSIZE)
            pthread_cond_wait(&not_full, &qlock);
        queue[(qhead + qcount++) % QSIZE] = -1;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&qlock);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(cons[i], NULL);
    printf("queue: consumed %llu items, sum %llu\n", (unsigned long long) consumed_n,
           (unsigned long long) consumed_sum);

    /* Threads started and joined in waves, many more than cores. */
    uint64_t wave_total = 0;
    for (int w = 0; w < 8; w++) {
        for (int i = 0; i < NTHREADS; i++)
            pthread_create(&th[i], NULL, light, (void *) (uintptr_t) (w * NTHREADS + i));
        for (int i = 0; i < NTHREADS; i++) {
            pthread_join(th[i], &ret[i]);
            wave_total += (uint64_t) (uintptr_t) ret[i];
        }
    }
    printf("waves: %d threads, total %llu\n", 8 * NTHREADS, (unsigned long long) wave_total);
    return 0;
}
