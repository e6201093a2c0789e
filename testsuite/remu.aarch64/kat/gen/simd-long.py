#!/usr/bin/env python3
"""simd-long.py - writes ../simd-long.S, known answers of SQDMULL SQDMLAL
SQDMLSL (vector, "2", by element, scalar, scalar by element), SQDMULH and
SQRDMULH (scalar by element), and PMULL/PMULL2 of bytes and of doublewords
(FEAT_PMULL), with FPSR.QC.

The expected values come from this model of the Arm ARM pseudocode (C7.2;
SignedSatQ on unbounded integers; PolynomialMult as a carry-less product
over GF(2)).
    python3 simd-long.py > ../simd-long.S
"""
import random

random.seed(12062026)
M64 = (1 << 64) - 1


def sint(x, w):
    x &= (1 << w) - 1
    return x - (1 << w) if x >> (w - 1) else x


def satq(x, w):
    lo, hi = -(1 << (w - 1)), (1 << (w - 1)) - 1
    if x < lo:
        return lo & ((1 << w) - 1), True
    if x > hi:
        return hi & ((1 << w) - 1), True
    return x & ((1 << w) - 1), False


def clmul(a, b):
    r = 0
    i = 0
    while b >> i:
        if b >> i & 1:
            r ^= a << i
        i += 1
    return r


def long_op(op, a, b, d, w):
    p, s1 = satq(2 * sint(a, w) * sint(b, w), 2 * w)
    if op == "sqdmull":
        return p, s1
    acc = sint(d, 2 * w) + (sint(p, 2 * w) if op == "sqdmlal" else -sint(p, 2 * w))
    r, s2 = satq(acc, 2 * w)
    return r, s1 or s2


def high_op(op, a, b, w):
    rnd = (1 << (w - 1)) if op == "sqrdmulh" else 0
    return satq((2 * sint(a, w) * sint(b, w) + rnd) >> w, w)


def pack(lanes, w):
    v = 0
    for i, x in enumerate(lanes):
        v |= (x & ((1 << w) - 1)) << (i * w)
    return v & M64, v >> 64 & M64


def unpack(lo, hi, w):
    v = lo | hi << 64
    return [(v >> (i * w)) & ((1 << w) - 1) for i in range(128 // w)]


def edge(w):
    m = (1 << w) - 1
    return [0, 1, m, 1 << (w - 1), (1 << (w - 1)) - 1, (1 << (w - 1)) + 1, 2]


out = []


def setv(reg, v):
    out.append(f"    ldr x0, ={v[0]:#x}")
    out.append(f"    ldr x1, ={v[1]:#x}")
    out.append(f"    mov v{reg}.d[0], x0")
    out.append(f"    mov v{reg}.d[1], x1")


def run(insn, n, m, d, want, qc):
    setv(20, n)
    setv(1, m)
    setv(22, d)
    out.append("    msr fpsr, xzr")
    out.append(f"    {insn}")
    out.append("    mrs x23, fpsr")
    out.append("    mov x21, v22.d[0]")
    out.append("    mov x22, v22.d[1]")
    name = f"{insn} #{len(out)}"
    out.append(f'    CHECK("{name} lo", x21, {want[0]:#x})')
    out.append(f'    CHECK("{name} hi", x22, {want[1]:#x})')
    out.append("    and x23, x23, #(1 << 27)")
    out.append(f'    CHECK("{name} qc", x23, {(1 << 27) if qc else 0:#x})')


def rnd128():
    return (random.getrandbits(64), random.getrandbits(64))


NARROW = {1: "4h", 2: "2s"}
FULL = {1: "8h", 2: "4s", 3: "2d"}
SC = {1: "h", 2: "s", 3: "d"}

for op in ("sqdmull", "sqdmlal", "sqdmlsl"):
    for size in (1, 2):
        w = 8 << size
        cnt = 64 // w
        ev = edge(w)
        pairs = [(x, y) for x in ev for y in ev]
        for k in range(0, len(pairs), 2 * cnt):
            ch = (pairs[k:k + 2 * cnt] + [(0, 0)] * (2 * cnt))[:2 * cnt]
            n = pack([p[0] for p in ch], w)
            m = pack([p[1] for p in ch], w)
            d = pack([random.choice(edge(2 * w)) for _ in range(cnt)], 2 * w)
            dl = unpack(*d, 2 * w)
            for two in (False, True):
                nl, ml = unpack(*n, w), unpack(*m, w)
                base = cnt if two else 0
                res = [long_op(op, nl[base + i], ml[base + i], dl[i], w) for i in range(cnt)]
                want = pack([r for r, _ in res], 2 * w)
                qc = any(s for _, s in res)
                if two:
                    insn = f"{op}2 v22.{FULL[size + 1]}, v20.{FULL[size]}, v1.{FULL[size]}"
                else:
                    insn = f"{op} v22.{FULL[size + 1]}, v20.{NARROW[size]}, v1.{NARROW[size]}"
                run(insn, n, m, d, want, qc)
            # by element (lane idx of Vm), lower half
            idx = k % (128 // w)
            nl, ml = unpack(*n, w), unpack(*m, w)
            res = [long_op(op, nl[i], ml[idx], dl[i], w) for i in range(cnt)]
            run(f"{op} v22.{FULL[size + 1]}, v20.{NARROW[size]}, v1.{SC[size]}[{idx}]", n, m, d,
                pack([r for r, _ in res], 2 * w), any(s for _, s in res))
            # scalar, and scalar by element
            r, q = long_op(op, nl[0], ml[0], dl[0], w)
            run(f"{op} {SC[size + 1]}22, {SC[size]}20, {SC[size]}1", n, m, d, (r, 0), q)
            r, q = long_op(op, nl[0], ml[idx], dl[0], w)
            run(f"{op} {SC[size + 1]}22, {SC[size]}20, v1.{SC[size]}[{idx}]", n, m, d, (r, 0), q)

for op in ("sqdmulh", "sqrdmulh"):
    for size in (1, 2):
        w = 8 << size
        ev = edge(w)
        for x in ev:
            for y in ev:
                idx = (x + y) % (128 // w)
                ml = [random.getrandbits(w) for _ in range(128 // w)]
                ml[idx] = y
                r, q = high_op(op, x, y, w)
                run(f"{op} {SC[size]}22, {SC[size]}20, v1.{SC[size]}[{idx}]", (x, random.getrandbits(64)),
                    pack(ml, w), rnd128(), (r, 0), q)

# PMULL of bytes and of doublewords
vals8 = [0, 1, 0xff, 0x80, 0x7f, 0x55, 0xaa]
for k in range(12):
    n, m = rnd128(), rnd128()
    if k < 4:
        n = pack([random.choice(vals8) for _ in range(16)], 8)
        m = pack([random.choice(vals8) for _ in range(16)], 8)
    for two in (False, True):
        nl, ml = unpack(*n, 8), unpack(*m, 8)
        base = 8 if two else 0
        want = pack([clmul(nl[base + i], ml[base + i]) for i in range(8)], 16)
        insn = "pmull2 v22.8h, v20.16b, v1.16b" if two else "pmull v22.8h, v20.8b, v1.8b"
        run(insn, n, m, rnd128(), want, False)
vals64 = [0, 1, M64, 1 << 63, 0x8000000000000001, 0x87, 0xc200000000000000]
for k in range(16):
    n, m = rnd128(), rnd128()
    if k < 8:
        n = (random.choice(vals64), random.choice(vals64))
        m = (random.choice(vals64), random.choice(vals64))
    for two in (False, True):
        p = clmul(n[1] if two else n[0], m[1] if two else m[0])
        insn = "pmull2 v22.1q, v20.2d, v1.2d" if two else "pmull v22.1q, v20.1d, v1.1d"
        run(insn, n, m, rnd128(), (p & M64, p >> 64), False)

print("""/*
 * simd-long.S - known answers for the saturating doubling long multiplies
 * SQDMULL/SQDMLAL/SQDMLSL (vector, 2, by element, scalar, scalar by
 * element), SQDMULH/SQRDMULH (scalar by element), PMULL/PMULL2 of bytes and
 * of doublewords (FEAT_PMULL), with FPSR.QC.  Generated by gen/simd-long.py,
 * whose model of the Arm ARM pseudocode gives the expected values; do not
 * edit by hand.
 */
#include "kat.h"
    .arch armv8-a+crypto

kat_main:""")
last = 0
for i, l in enumerate(out):
    print(l)
    if i > last + 400 and "qc" in l and "CHECK" in l:
        last = i
        print("    b 1f\n    .ltorg\n1:")
print("""    KAT_END
    .ltorg""")
