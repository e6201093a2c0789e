/* int-ptrchase: walks a random cyclic permutation of linked nodes spread
 * over 32 MiB (load latency, cache and TLB misses). */
#include "bench.h"

#define NODES (1 << 19)

typedef struct Node { struct Node *next; uint64_t val; uint64_t pad[6]; } Node;

int main(int argc, char **argv)
{
    long steps = bench_scale(argc, argv, 2000000);
    Node *n = malloc(sizeof(Node) * NODES);
    uint32_t *perm = malloc(sizeof(uint32_t) * NODES);
    uint64_t seed = 99, sum = 0;
    Node *p;

    if (!n || !perm)
        return 1;
    for (uint32_t i = 0; i < NODES; i++)
        perm[i] = i;
    for (uint32_t i = NODES - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(bench_rand(&seed) % (i + 1)), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (uint32_t i = 0; i < NODES; i++) {
        n[perm[i]].next = &n[perm[(i + 1) % NODES]];
        n[perm[i]].val = i;
    }
    p = &n[perm[0]];
    for (long s = 0; s < steps; s++) {
        sum += p->val;
        p = p->next;
    }
    printf("int-ptrchase: %llu\n", (unsigned long long)sum);
    free(n);
    free(perm);
    return 0;
}
