/* crc.c - CRC-32 and CRC-32C of buffers, for the differential test
   (cdiff.exp).  On AArch64 the ACLE intrinsics (__crc32b..__crc32cd, the
   CRC32 instructions); elsewhere a plain-C bitwise loop, which is the
   oracle.  The check values "123456789" -> cbf43926 / e3069283 appear in
   the output.
   cdiff-cflags-aarch64: -march=armv8-a+crc  */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __aarch64__
#include <arm_acle.h>
#endif

#ifndef __aarch64__
static uint32_t crc_bits(uint32_t crc, uint64_t v, int bytes, uint32_t poly)
{
    for (int i = 0; i < bytes; i++) {
        crc ^= (uint8_t) (v >> (8 * i));
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ poly : crc >> 1;
    }
    return crc;
}
#define POLY 0xedb88320u
#define POLYC 0x82f63b78u
static uint32_t __crc32b(uint32_t c, uint8_t v) { return crc_bits(c, v, 1, POLY); }
static uint32_t __crc32h(uint32_t c, uint16_t v) { return crc_bits(c, v, 2, POLY); }
static uint32_t __crc32w(uint32_t c, uint32_t v) { return crc_bits(c, v, 4, POLY); }
static uint32_t __crc32d(uint32_t c, uint64_t v) { return crc_bits(c, v, 8, POLY); }
static uint32_t __crc32cb(uint32_t c, uint8_t v) { return crc_bits(c, v, 1, POLYC); }
static uint32_t __crc32ch(uint32_t c, uint16_t v) { return crc_bits(c, v, 2, POLYC); }
static uint32_t __crc32cw(uint32_t c, uint32_t v) { return crc_bits(c, v, 4, POLYC); }
static uint32_t __crc32cd(uint32_t c, uint64_t v) { return crc_bits(c, v, 8, POLYC); }
#endif

/* The whole buffer with the widest steps, then the tail bytewise. */
static uint32_t crc_buf(const uint8_t *p, size_t n, int castagnoli)
{
    uint32_t c = 0xffffffffu;
    uint64_t d;
    uint32_t w;
    uint16_t h;

    for (; n >= 8; p += 8, n -= 8) {
        memcpy(&d, p, 8);
        c = castagnoli ? __crc32cd(c, d) : __crc32d(c, d);
    }
    if (n >= 4) {
        memcpy(&w, p, 4);
        c = castagnoli ? __crc32cw(c, w) : __crc32w(c, w);
        p += 4, n -= 4;
    }
    if (n >= 2) {
        memcpy(&h, p, 2);
        c = castagnoli ? __crc32ch(c, h) : __crc32h(c, h);
        p += 2, n -= 2;
    }
    if (n)
        c = castagnoli ? __crc32cb(c, *p) : __crc32b(c, *p);
    return ~c;
}

static uint8_t buf[4096];

int main(void)
{
    uint32_t x = 12345;

    printf("check %08x %08x\n", crc_buf((const uint8_t *) "123456789", 9, 0),
           crc_buf((const uint8_t *) "123456789", 9, 1));
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t) (x >> 16);
    }
    for (size_t n = 0; n < 64; n++)
        printf("len %zu %08x %08x\n", n, crc_buf(buf + n, n, 0), crc_buf(buf + 3 * n, n, 1));
    printf("4096 %08x %08x\n", crc_buf(buf, sizeof buf, 0), crc_buf(buf, sizeof buf, 1));
    return 0;
}
