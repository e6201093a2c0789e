#!/usr/bin/env python3
"""simd-sat.py - writes ../simd-sat.S, known answers of the integer Advanced
SIMD operations that round or saturate: SRSHL URSHL SQSHL UQSHL SQRSHL
UQRSHL (register), SQDMULH SQRDMULH (vector, by element, scalar), PMUL,
CLS CLZ, SQABS SQNEG SUQADD USQADD (vector and scalar), and FPSR.QC.

The expected values come from this model of the Arm ARM pseudocode (C7.2
and the shared SatQ/SignedSatQ/UnsignedSatQ), on unbounded Python
integers: shift = SInt(element<7:0>), result = (x + round) << shift or
>> -shift exactly, then saturated or truncated.
    python3 simd-sat.py > ../simd-sat.S
"""
import random

random.seed(20261206)
M64 = (1 << 64) - 1


def sint(x, w):
    x &= (1 << w) - 1
    return x - (1 << w) if x >> (w - 1) else x


def satq(x, w, signed):
    lo, hi = (-(1 << (w - 1)), (1 << (w - 1)) - 1) if signed else (0, (1 << w) - 1)
    if x < lo:
        return lo & ((1 << w) - 1), True
    if x > hi:
        return hi & ((1 << w) - 1), True
    return x & ((1 << w) - 1), False


def shl(a, b, w, signed, rnd, sat):
    x = sint(a, w) if signed else a
    sh = sint(b, 8)
    if sh >= 0:
        v = x << sh
    else:
        r = (1 << (-sh - 1)) if rnd else 0
        v = (x + r) >> -sh
    if sat:
        return satq(v, w, signed)
    return v & ((1 << w) - 1), False


def clz(x, w):
    n = 0
    while n < w and not (x >> (w - 1 - n)) & 1:
        n += 1
    return n


def pmul(a, b, w):
    r = 0
    for i in range(w):
        if b >> i & 1:
            r ^= a << i
    return r & ((1 << w) - 1)


BIN = {
    "srshl": lambda a, b, d, w: shl(a, b, w, True, True, False),
    "urshl": lambda a, b, d, w: shl(a, b, w, False, True, False),
    "sqshl": lambda a, b, d, w: shl(a, b, w, True, False, True),
    "uqshl": lambda a, b, d, w: shl(a, b, w, False, False, True),
    "sqrshl": lambda a, b, d, w: shl(a, b, w, True, True, True),
    "uqrshl": lambda a, b, d, w: shl(a, b, w, False, True, True),
    "sqdmulh": lambda a, b, d, w: satq((2 * sint(a, w) * sint(b, w)) >> w, w, True),
    "sqrdmulh": lambda a, b, d, w: satq((2 * sint(a, w) * sint(b, w) + (1 << (w - 1))) >> w, w, True),
    "pmul": lambda a, b, d, w: (pmul(a, b, w), False),
}
UN = {
    "cls": lambda a, d, w: (clz((a ^ (a >> 1)) & ((1 << (w - 1)) - 1), w - 1), False),
    "clz": lambda a, d, w: (clz(a, w), False),
    "sqabs": lambda a, d, w: satq(abs(sint(a, w)), w, True),
    "sqneg": lambda a, d, w: satq(-sint(a, w), w, True),
    "suqadd": lambda a, d, w: satq(sint(d, w) + a, w, True),
    "usqadd": lambda a, d, w: satq(d + sint(a, w), w, False),
}
SIZES = {
    "srshl": [0, 1, 2, 3], "urshl": [0, 1, 2, 3], "sqshl": [0, 1, 2, 3], "uqshl": [0, 1, 2, 3],
    "sqrshl": [0, 1, 2, 3], "uqrshl": [0, 1, 2, 3], "sqdmulh": [1, 2], "sqrdmulh": [1, 2],
    "pmul": [0], "cls": [0, 1, 2], "clz": [0, 1, 2],
    "sqabs": [0, 1, 2, 3], "sqneg": [0, 1, 2, 3], "suqadd": [0, 1, 2, 3], "usqadd": [0, 1, 2, 3],
}
ARR = {0: "16b", 1: "8h", 2: "4s", 3: "2d"}
ARR64 = {0: "8b", 1: "4h", 2: "2s"}
SCAL = {0: "b", 1: "h", 2: "s", 3: "d"}


def edge(w):
    m = (1 << w) - 1
    return [0, 1, m, 1 << (w - 1), (1 << (w - 1)) - 1, (1 << (w - 1)) + 1, m - 1, 2, 3]


def shifts(w):
    # shift counts (as the low byte): small, lane width, beyond, negative
    c = [0, 1, 2, w - 1, w, w + 1, 64, 127, -1, -2, -(w - 1), -w, -w - 1, -64, -65, -128, 5, -5]
    return [x & 0xff for x in c]


def lanes_to_halves(lanes, w):
    v = 0
    for i, x in enumerate(lanes):
        v |= (x & ((1 << w) - 1)) << (i * w)
    return v & M64, v >> 64 & M64


out = []


def setv(reg, lanes, w):
    lo, hi = lanes_to_halves(lanes, w)
    out.append(f"    ldr x0, ={lo:#x}")
    out.append(f"    ldr x1, ={hi:#x}")
    out.append(f"    mov v{reg}.d[0], x0")
    out.append(f"    mov v{reg}.d[1], x1")


def checkv(name, reg, lanes, w, qc):
    lo, hi = lanes_to_halves(lanes, w)
    out.append(f"    mrs x23, fpsr")
    out.append(f"    mov x21, v{reg}.d[0]")
    out.append(f"    mov x22, v{reg}.d[1]")
    out.append(f'    CHECK("{name} lo", x21, {lo:#x})')
    out.append(f'    CHECK("{name} hi", x22, {hi:#x})')
    out.append(f"    and x23, x23, #(1 << 27)")
    out.append(f'    CHECK("{name} qc", x23, {(1 << 27) if qc else 0:#x})')


def case(op, size, a, b, d, q=True, scalar=False, elem=None):
    w = 8 << size
    n = 1 if scalar else (128 if q else 64) // w
    a, b, d = a[:n], b[:n], d[:n]
    res, qc = [], False
    for i in range(n):
        bb = b[elem] if elem is not None else b[i]
        r, s = BIN[op](a[i], bb, d[i], w) if op in BIN else UN[op](a[i], d[i], w)
        res.append(r)
        qc |= s
    setv(20, a + [0] * 16, w)   # junk-free upper lanes for scalars: the result zeroes them
    mreg = 1 if elem is not None else 21      # by element: Vm in V0-V15 for H
    setv(mreg, b + [0] * 16, w)
    setv(22, d + [random.getrandbits(w) for _ in range(16)], w)
    out.append("    msr fpsr, xzr")
    if scalar:
        r = SCAL[size]
        args = f"{r}22, {r}20" + (f", {r}{mreg}" if op in BIN else "")
    else:
        arr = ARR[size] if q else ARR64[size]
        args = f"v22.{arr}, v20.{arr}" + (f", v21.{arr}" if op in BIN else "")
        if elem is not None:
            args = f"v22.{arr}, v20.{arr}, v1.{'h' if size == 1 else 's'}[{elem}]"
    out.append(f"    {op} {args}")
    label = f"{op} {'scalar ' if scalar else ''}{'elem ' if elem is not None else ''}{SCAL[size]}{'' if q else ' 64'} #{len(out)}"
    checkv(label, 22, res + [0] * (16 - n) if True else res, w, qc)


for op in list(BIN) + list(UN):
    for size in SIZES[op]:
        w = 8 << size
        n = 128 // w
        vals = edge(w)
        if op in BIN and "sh" in op:
            # every edge value against every shift count, n lanes at a time
            pairs = [(x, s) for x in vals for s in shifts(w)]
        elif op in BIN:
            pairs = [(x, y) for x in vals for y in vals]
        else:
            pairs = [(x, y) for x in vals for y in vals]  # (a, d) for the unary ops
        pairs += [(random.getrandbits(w), random.getrandbits(8) if "sh" in op else random.getrandbits(w))
                  for _ in range(n)]
        for k in range(0, len(pairs), n):
            chunk = pairs[k:k + n]
            chunk += [(0, 0)] * (n - len(chunk))
            a = [p[0] for p in chunk]
            bd = [p[1] for p in chunk]
            if op in BIN:
                case(op, size, a, bd, [0] * n)
            else:
                case(op, size, a, [0] * n, bd)
        # a 64-bit vector form (upper half zeroed) and the scalar form
        if size < 3:
            if op in BIN:
                case(op, size, [p[0] for p in pairs[:n]], [p[1] for p in pairs[:n]], [0] * n, q=False)
            else:
                case(op, size, [p[0] for p in pairs[:n]], [0] * n, [p[1] for p in pairs[:n]], q=False)
        scalar_ok = op not in ("pmul", "cls", "clz") and (op in ("sqdmulh", "sqrdmulh") or
                                                          "q" in op or size == 3)
        if scalar_ok:
            for x, y in pairs[::max(1, len(pairs) // 12)]:
                if op in BIN:
                    case(op, size, [x], [y], [0], scalar=True)
                else:
                    case(op, size, [x], [0], [y], scalar=True)
        if op in ("sqdmulh", "sqrdmulh"):
            for elem in (0, n - 1):
                case(op, size, [p[0] for p in pairs[:n]], [p[1] for p in pairs[:n]], [0] * n,
                     elem=elem)

print("""/*
 * simd-sat.S - known answers for the integer Advanced SIMD operations that
 * round or saturate (shift by register, doubling multiply high, PMUL,
 * CLS/CLZ, SQABS/SQNEG/SUQADD/USQADD; vector, 64-bit vector, scalar, by
 * element) and FPSR.QC.  Generated by gen/simd-sat.py, whose model of the
 * Arm ARM pseudocode gives the expected values; do not edit by hand.
 */
#include "kat.h"

kat_main:""")
last = 0
for i, l in enumerate(out):
    print(l)
    if i > last + 400 and l.startswith("    CHECK") and "qc" in l:
        last = i
        print("    b 1f\n    .ltorg\n1:")
print("""    KAT_END
    .ltorg""")
