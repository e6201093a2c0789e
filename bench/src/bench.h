/*
 * bench.h - what the benchmark programs share.
 *
 * Every program is deterministic and architecture-neutral: it prints one
 * line "NAME: RESULT" that must be the same natively, under remu and under
 * QEMU (bench/run checks this).  argv[1], when given, scales the work (the
 * default is sized for about 0.1-0.5 s natively on a 2020s x86_64 core).
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline long bench_scale(int argc, char **argv, long dflt)
{
    return argc > 1 ? strtol(argv[1], NULL, 0) : dflt;
}

/* xorshift64*: the same pseudo-random sequence everywhere. */
static inline uint64_t bench_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* Fold a 64-bit value into a running checksum. */
static inline uint64_t bench_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

#endif
