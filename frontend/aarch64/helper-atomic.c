/*
 * helper-atomic.c - the run-time helpers of the FEAT_LSE atomic memory
 * operations (Arm ARM C6.2: LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN,
 * LDUMAX, LDUMIN, SWP, CAS, CASP and their ST* aliases).
 *
 * Each guest atomic is one host atomic operation on the guest location
 * (guest addresses are host addresses plus guest_base), so it is atomic
 * against every other guest thread, including their LDXR/STXR loops (the
 * store-exclusive is itself a host compare-and-swap, translate.c).  All are
 * sequentially consistent on the host, which is at least as strong as every
 * acquire/release variant asks for.
 *
 * The translated code has already made an aligned load of the location
 * (translate-ldst.c), so a misaligned or unmapped address was reported as
 * the guest's SIGBUS or SIGSEGV before the helper runs.  What remains is a
 * read-only page: the host store faults inside the helper, and
 * cpu_helper_retaddr (core/cpu.h) makes that fault precise at the guest
 * instruction, so the guest gets SIGSEGV/SEGV_ACCERR as from the kernel.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "frontend/aarch64/translate.h"

static void *guest_ptr(uint64_t addr)
{
    return (void *)(engine_guest_base() + (uintptr_t)addr);
}

/*
 * Compare-and-swap of 1 << size bytes at p: true if *p held *expect and now
 * holds val; otherwise *expect is what *p held.
 */
static bool cas_sized(void *p, int size, uint64_t *expect, uint64_t val)
{
    bool ok;

    switch (size) {
    case 0: {
        uint8_t x = (uint8_t)*expect;
        ok = __atomic_compare_exchange_n((uint8_t *)p, &x, (uint8_t)val, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expect = x;
        break;
    }
    case 1: {
        uint16_t x = (uint16_t)*expect;
        ok = __atomic_compare_exchange_n((uint16_t *)p, &x, (uint16_t)val, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expect = x;
        break;
    }
    case 2: {
        uint32_t x = (uint32_t)*expect;
        ok = __atomic_compare_exchange_n((uint32_t *)p, &x, (uint32_t)val, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *expect = x;
        break;
    }
    default:
        ok = __atomic_compare_exchange_n((uint64_t *)p, expect, val, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        break;
    }
    return ok;
}

static uint64_t load_sized(const void *p, int size)
{
    switch (size) {
    case 0:
        return __atomic_load_n((const uint8_t *)p, __ATOMIC_RELAXED);
    case 1:
        return __atomic_load_n((const uint16_t *)p, __ATOMIC_RELAXED);
    case 2:
        return __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED);
    default:
        return __atomic_load_n((const uint64_t *)p, __ATOMIC_RELAXED);
    }
}

/* A value of 1 << size bytes sign-extended, for LDSMAX/LDSMIN. */
static int64_t sext(uint64_t x, int size)
{
    int sh = 64 - (8 << size);

    return (int64_t)(x << sh) >> sh;
}

/* The new memory value of atomic operation op (A64AtomicOp) on old and val. */
static uint64_t atomic_result(int op, int size, uint64_t old, uint64_t val)
{
    switch (op) {
    case A64_ATOMIC_ADD:
        return old + val;
    case A64_ATOMIC_CLR:
        return old & ~val;
    case A64_ATOMIC_EOR:
        return old ^ val;
    case A64_ATOMIC_SET:
        return old | val;
    case A64_ATOMIC_SMAX:
        return sext(old, size) > sext(val, size) ? old : val;
    case A64_ATOMIC_SMIN:
        return sext(old, size) < sext(val, size) ? old : val;
    case A64_ATOMIC_UMAX:
        return (old & size_mask(size)) > (val & size_mask(size)) ? old : val;
    case A64_ATOMIC_UMIN:
        return (old & size_mask(size)) < (val & size_mask(size)) ? old : val;
    default:    /* A64_ATOMIC_SWP */
        return val;
    }
}

/*
 * LD<op>/SWP: memory = op(memory, val), returning the old memory value
 * (zero-extended).  opsize = op << 2 | size.  One compare-and-swap loop
 * serves every operation: a failed CAS hands back the current value, so
 * each retry recomputes from what another thread just stored.
 */
static __attribute__((noinline)) uint64_t
helper_atomic(uint64_t addr, uint64_t val, uint64_t opsize)
{
    int size = (int)(opsize & 3), op = (int)(opsize >> 2);
    void *p = guest_ptr(addr);
    uint64_t old;

    cpu_helper_retaddr = (uintptr_t)__builtin_return_address(0);
    old = load_sized(p, size);
    while (!cas_sized(p, size, &old, atomic_result(op, size, old, val)))
        continue;
    cpu_helper_retaddr = 0;
    return old & size_mask(size);
}

/* CAS: if memory == cmp, memory = val; returns the old memory value. */
static __attribute__((noinline)) uint64_t
helper_cas(uint64_t addr, uint64_t cmp, uint64_t val, uint64_t size)
{
    uint64_t old = cmp & size_mask((int)size);

    cpu_helper_retaddr = (uintptr_t)__builtin_return_address(0);
    cas_sized(guest_ptr(addr), (int)size, &old, val);
    cpu_helper_retaddr = 0;
    return old;
}

/*
 * CASP of two doublewords: the host has no portable 16-byte compare-and-swap
 * without libatomic, so the pair is compared and stored under the lock that
 * STXP of two doublewords also takes (translate.c), which makes it atomic
 * against every other 16-byte atomic update of guest code.  A helper returns
 * one value only, so the old pair goes to env->atomic_pair (cpu.h), from
 * where the translated code copies it to Xs and X(s+1).
 */
static __attribute__((noinline)) void
helper_casp64(CPUCommon *env, uint64_t addr, uint64_t cmp_lo, uint64_t cmp_hi, uint64_t val_lo,
              uint64_t val_hi)
{
    AArch64Env *e = (AArch64Env *)env;
    volatile uint64_t *p = guest_ptr(addr);
    uint64_t lo, hi;

    /* The translated code checked 8-byte alignment; the pair needs 16. */
    if (addr & 15)
        ir_unaligned_hook(env, addr, IR_MO_64 | IR_MO_ALIGN,
                          (uintptr_t)__builtin_return_address(0));
    cpu_helper_retaddr = (uintptr_t)__builtin_return_address(0);
    pthread_mutex_lock(&a64_pair_lock);
    lo = p[0];
    hi = p[1];
    if (lo == cmp_lo && hi == cmp_hi) {
        p[0] = val_lo;
        p[1] = val_hi;
    }
    pthread_mutex_unlock(&a64_pair_lock);
    cpu_helper_retaddr = 0;
    e->atomic_pair[0] = lo;
    e->atomic_pair[1] = hi;
}

IRHelper a64_helper_atomic = {
    .name = "a64_atomic", .fn = (void *)helper_atomic, .ret = IR_TYPE_I64,
    .nb_args = 3, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = IR_CALL_MAY_RAISE,
};
IRHelper a64_helper_cas = {
    .name = "a64_cas", .fn = (void *)helper_cas, .ret = IR_TYPE_I64,
    .nb_args = 4, .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = IR_CALL_MAY_RAISE,
};
IRHelper a64_helper_casp64 = {
    .name = "a64_casp64", .fn = (void *)helper_casp64, .ret = IR_TYPE_VOID,
    .nb_args = 6,
    .args = { IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64, IR_TYPE_I64 },
    .flags = IR_CALL_MAY_RAISE,
};
