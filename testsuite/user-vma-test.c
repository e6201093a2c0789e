/*
 * user-vma-test.c - the guest mapping record (user/vma.c) against a model: an
 * array holding each page's protection (-1: unmapped).  Random vma_set /
 * vma_clear over 64 pages, then every query compared with what the model
 * says, for every range.  Prints PASS:/FAIL: lines (remu_check_program).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "user/user-internal.h"

#define NPAGES 64
#define PG 4096u
#define BASE 0x10000000u

static int model[NPAGES];

static bool model_check(int first, int n, int prot)
{
    for (int i = first; i < first + n; i++)
        if (model[i] < 0 || (model[i] & prot) != prot)
            return false;
    return true;
}

int main(void)
{
    unsigned seed = 12345;
    int bad = 0, queries = 0;

    for (int i = 0; i < NPAGES; i++)
        model[i] = -1;
    for (int step = 0; step < 3000; step++) {
        seed = seed * 1103515245u + 12345u;
        int a = (int)((seed >> 8) % NPAGES);
        int b = a + 1 + (int)((seed >> 20) % (NPAGES - a));
        int prot = (int)((seed >> 4) & 7);
        if ((seed >> 28) & 1) {
            vma_clear(BASE + a * PG, BASE + b * PG);
            for (int i = a; i < b; i++)
                model[i] = -1;
        } else {
            vma_set(BASE + a * PG, BASE + b * PG, prot);
            for (int i = a; i < b; i++)
                model[i] = prot;
        }
        if (step % 100 != 99)
            continue;
        for (int s = 0; s < NPAGES; s++) {
            if (vma_prot(BASE + s * PG + 5) != model[s]) {
                if (bad++ < 5)
                    printf("FAIL: step %d: vma_prot of page %d is %d, model %d\n", step, s,
                           vma_prot(BASE + s * PG + 5), model[s]);
            }
            for (int n = 1; s + n <= NPAGES; n++) {
                bool any_exec = false, all_free = true;
                for (int i = s; i < s + n; i++) {
                    any_exec |= model[i] >= 0 && (model[i] & PROT_EXEC);
                    all_free &= model[i] < 0;
                }
                for (int p = 0; p < 8; p++) {
                    queries++;
                    if (vma_check(BASE + s * PG, (uint64_t)n * PG, p) != model_check(s, n, p) &&
                        bad++ < 5)
                        printf("FAIL: step %d: vma_check pages %d+%d prot %d\n", step, s, n, p);
                }
                queries += 2;
                if (vma_any_exec(BASE + s * PG, BASE + (s + n) * PG) != any_exec && bad++ < 5)
                    printf("FAIL: step %d: vma_any_exec pages %d+%d\n", step, s, n);
                if (vma_free(BASE + s * PG, BASE + (s + n) * PG) != all_free && bad++ < 5)
                    printf("FAIL: step %d: vma_free pages %d+%d\n", step, s, n);
            }
        }
    }
    /* Byte-granular edges: a range ending inside a mapped page. */
    vma_clear(BASE, BASE + NPAGES * PG);
    vma_set(BASE, BASE + PG, PROT_READ);
    queries += 3;
    if (!vma_check(BASE + PG - 1, 1, PROT_READ) || vma_check(BASE + PG - 1, 2, PROT_READ) ||
        vma_check(UINT64_MAX - 2, 8, 0))
        bad++, printf("FAIL: byte-granular edges\n");
    if (!bad)
        printf("PASS: vma record agrees with the page model (%d queries)\n", queries);
    return bad ? 1 : 0;
}
