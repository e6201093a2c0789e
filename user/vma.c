/*
 * vma.c - the personality's record of guest mappings.
 *
 * A sorted array of disjoint [start, end) ranges with their PROT_* bits;
 * neighbours are not merged (the list stays small: a handful of ELF
 * segments, the stack, brk and the guest's mmaps).  Every change to guest
 * memory made by the loader or a syscall goes through vma_set/vma_clear.
 * The code reader runs with the translation lock held, from the guest
 * thread that also performs the syscalls, so one mutex is enough.
 */
#define _GNU_SOURCE
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "user/user-internal.h"

typedef struct Vma {
    uint64_t start, end;
    int prot;
} Vma;

static Vma *vmas;
static size_t nb_vmas, cap_vmas;
static pthread_mutex_t vma_lock = PTHREAD_MUTEX_INITIALIZER;

static bool vma_reserve(size_t n)
{
    if (n <= cap_vmas)
        return true;
    size_t cap = cap_vmas ? cap_vmas * 2 : 64;
    while (cap < n)
        cap *= 2;
    Vma *v = realloc(vmas, cap * sizeof(*v));
    if (!v)
        return false;
    vmas = v;
    cap_vmas = cap;
    return true;
}

/* Remove [start, end) from the list, splitting ranges that straddle it. */
static void vma_cut(uint64_t start, uint64_t end)
{
    size_t i = 0;

    while (i < nb_vmas) {
        Vma *v = &vmas[i];
        if (v->end <= start || v->start >= end) {
            i++;
        } else if (v->start < start && v->end > end) {
            /* Split in two. */
            if (!vma_reserve(nb_vmas + 1))
                return;
            v = &vmas[i];
            memmove(v + 1, v, (nb_vmas - i) * sizeof(*v));
            nb_vmas++;
            vmas[i].end = start;
            vmas[i + 1].start = end;
            return;
        } else if (v->start < start) {
            v->end = start;
            i++;
        } else if (v->end > end) {
            v->start = end;
            i++;
        } else {
            memmove(v, v + 1, (nb_vmas - i - 1) * sizeof(*v));
            nb_vmas--;
        }
    }
}

void vma_set(uint64_t start, uint64_t end, int prot)
{
    size_t i;

    if (end <= start)
        return;
    pthread_mutex_lock(&vma_lock);
    vma_cut(start, end);
    if (vma_reserve(nb_vmas + 1)) {
        for (i = 0; i < nb_vmas && vmas[i].start < start; i++)
            continue;
        memmove(&vmas[i + 1], &vmas[i], (nb_vmas - i) * sizeof(Vma));
        vmas[i] = (Vma){ start, end, prot };
        nb_vmas++;
    }
    pthread_mutex_unlock(&vma_lock);
}

void vma_clear(uint64_t start, uint64_t end)
{
    if (end <= start)
        return;
    pthread_mutex_lock(&vma_lock);
    vma_cut(start, end);
    pthread_mutex_unlock(&vma_lock);
}

/* First range with end > addr (binary search), or nb_vmas. */
static size_t vma_find(uint64_t addr)
{
    size_t lo = 0, hi = nb_vmas;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vmas[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool vma_check(uint64_t addr, uint64_t len, int prot)
{
    uint64_t end = addr + len;
    bool ok = true;

    if (len == 0)
        return true;
    if (end < addr)
        return false;
    pthread_mutex_lock(&vma_lock);
    for (size_t i = vma_find(addr); addr < end; i++) {
        if (i >= nb_vmas || vmas[i].start > addr || (vmas[i].prot & prot) != prot) {
            ok = false;
            break;
        }
        addr = vmas[i].end;
    }
    pthread_mutex_unlock(&vma_lock);
    return ok;
}

bool vma_any_exec(uint64_t start, uint64_t end)
{
    bool found = false;

    pthread_mutex_lock(&vma_lock);
    for (size_t i = vma_find(start); i < nb_vmas && vmas[i].start < end; i++) {
        if (vmas[i].prot & PROT_EXEC) {
            found = true;
            break;
        }
    }
    pthread_mutex_unlock(&vma_lock);
    return found;
}

bool vma_free(uint64_t start, uint64_t end)
{
    bool free_range;

    pthread_mutex_lock(&vma_lock);
    size_t i = vma_find(start);
    free_range = i >= nb_vmas || vmas[i].start >= end;
    pthread_mutex_unlock(&vma_lock);
    return free_range;
}

bool vma_code_read(uint64_t addr, void *buf, size_t len)
{
    if (!vma_check(addr, len, PROT_EXEC))
        return false;
    memcpy(buf, (const void *)(uintptr_t)addr, len);
    return true;
}

int vma_prot(uint64_t addr)
{
    int prot = -1;

    pthread_mutex_lock(&vma_lock);
    size_t i = vma_find(addr);
    if (i < nb_vmas && vmas[i].start <= addr)
        prot = vmas[i].prot;
    pthread_mutex_unlock(&vma_lock);
    return prot;
}
