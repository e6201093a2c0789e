/* atomics.c - guest threads updating shared counters with the __atomic
   builtins, for the differential test (cdiff.exp).  Built for AArch64 three
   ways (the cdiff-cflags-aarch64 lines below): -march=armv8.1-a, so gcc
   emits the FEAT_LSE instructions (LDADD, SWP, CAS, LDSET, LDCLR, LDEOR...)
   inline; -mno-outline-atomics, so it emits LDXR/STXR loops; and
   -moutline-atomics, so libgcc picks one of the two at run time from
   AT_HWCAP.  The totals are exact only if every update is atomic between
   host threads; the native run is the oracle.
   cdiff-cflags: -pthread
   cdiff-cflags-aarch64: -march=armv8.1-a
   cdiff-cflags-aarch64: -march=armv8-a -mno-outline-atomics
   cdiff-cflags-aarch64: -march=armv8-a -moutline-atomics  */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4
#define NITER 100000

static uint8_t c8;
static uint16_t c16;
static uint32_t c32, bits_or, bits_xor, cas_count;
static uint64_t c64, bits_and = UINT64_MAX, max_seen, swapped_sum;
static int64_t min_seen;
static uint64_t token;                  /* passed around with exchange */

static void *worker(void *arg)
{
    unsigned id = (unsigned) (uintptr_t) arg;

    for (unsigned i = 0; i < NITER; i++) {
        __atomic_fetch_add(&c8, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&c16, 3, __ATOMIC_ACQUIRE);
        __atomic_add_fetch(&c32, 5, __ATOMIC_RELEASE);
        __atomic_fetch_sub(&c64, 7, __ATOMIC_SEQ_CST);
        __atomic_fetch_or(&bits_or, 1u << ((i + id) % 32), __ATOMIC_ACQ_REL);
        __atomic_fetch_xor(&bits_xor, 0x9e3779b9u * (i % 7 + 1 + id), __ATOMIC_RELAXED);
        if (i % 1000 == 0)
            __atomic_fetch_and(&bits_and, ~(UINT64_C(1) << (id * 8 + i / 1000 % 8)),
                               __ATOMIC_SEQ_CST);
        /* CAS loops: a maximum and a minimum */
        uint64_t v = (uint64_t) i * NTHREADS + id, cur = __atomic_load_n(&max_seen, __ATOMIC_RELAXED);
        while (cur < v && !__atomic_compare_exchange_n(&max_seen, &cur, v, 1, __ATOMIC_ACQ_REL,
                                                       __ATOMIC_RELAXED))
            continue;
        int64_t w = -(int64_t) v, m = __atomic_load_n(&min_seen, __ATOMIC_RELAXED);
        while (w < m && !__atomic_compare_exchange_n(&min_seen, &m, w, 0, __ATOMIC_SEQ_CST,
                                                     __ATOMIC_SEQ_CST))
            continue;
        /* a counter updated only through strong CAS */
        uint32_t c = __atomic_load_n(&cas_count, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n(&cas_count, &c, c + 1, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_RELAXED))
            continue;
        /* every value put in with exchange comes out exactly once */
        uint64_t got = __atomic_exchange_n(&token, v + 1, __ATOMIC_ACQ_REL);
        __atomic_fetch_add(&swapped_sum, got, __ATOMIC_RELAXED);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];

    for (unsigned i = 0; i < NTHREADS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *) (uintptr_t) i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    for (unsigned i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    swapped_sum += token;
    printf("c8 %u c16 %u c32 %u c64 %016llx\n", c8, c16, c32, (unsigned long long) c64);
    printf("or %08x xor %08x and %016llx\n", bits_or, bits_xor, (unsigned long long) bits_and);
    printf("max %llu min %lld cas %u\n", (unsigned long long) max_seen, (long long) min_seen,
           cas_count);
    printf("exchanged sum %llu\n", (unsigned long long) swapped_sum);
    return 0;
}
