/*
 * bits.h - bit manipulation on w-bit values held in uint64_t, shared by the
 * passes that evaluate IR ops (interpreter, constant folder).  Written
 * without signed shifts or overflow, so no C undefined behaviour.
 */
#ifndef REMU_IR_BITS_H
#define REMU_IR_BITS_H

#include <stdint.h>

/* Low w bits set, 1 <= w <= 64. */
static inline uint64_t mask_bits(unsigned w)
{
    return w >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << w) - 1;
}

/* Sign-extend the low w bits of v to 64 bits, 1 <= w <= 64. */
static inline uint64_t sext_bits(uint64_t v, unsigned w)
{
    uint64_t sign = (uint64_t)1 << (w - 1);

    v &= mask_bits(w);
    return (v ^ sign) - sign;
}

/* Arithmetic right shift of the w-bit value v by s, 0 <= s < w; the result
 * is sign-extended to 64 bits (callers truncate to their type). */
static inline uint64_t sar_bits(uint64_t v, unsigned s, unsigned w)
{
    uint64_t x = sext_bits(v, w);

    return (x >> 63) ? ~(~x >> s) : x >> s;
}

#endif
