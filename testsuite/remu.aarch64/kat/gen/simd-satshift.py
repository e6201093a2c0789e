#!/usr/bin/env python3
"""simd-satshift.py - writes ../simd-satshift.S, known answers of the
saturating shifts by immediate: SQSHL UQSHL SQSHLU (immediate), SQSHRN
SQRSHRN UQSHRN UQRSHRN SQSHRUN SQRSHRUN (and their "2" forms), the scalar
SQXTN UQXTN SQXTUN, and SHLL/SHLL2; vector, 64-bit vector and scalar, with
FPSR.QC.

The expected values come from this model of the Arm ARM pseudocode (C7.2;
SatQ on unbounded Python integers).
    python3 simd-satshift.py > ../simd-satshift.S
"""
import random

random.seed(6122026)
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


# left: (a, shift, w) -> (result, saturated)
LEFT = {
    "sqshl": lambda a, sh, w: satq(sint(a, w) << sh, w, True),
    "uqshl": lambda a, sh, w: satq(a << sh, w, False),
    "sqshlu": lambda a, sh, w: satq(sint(a, w) << sh, w, False),
}
# narrowing: (a of 2w bits, shift, w) -> (result of w bits, saturated)
NARROW = {
    "sqshrn": lambda a, sh, w: satq(sint(a, 2 * w) >> sh, w, True),
    "sqrshrn": lambda a, sh, w: satq((sint(a, 2 * w) + (1 << (sh - 1))) >> sh, w, True),
    "uqshrn": lambda a, sh, w: satq(a >> sh, w, False),
    "uqrshrn": lambda a, sh, w: satq((a + (1 << (sh - 1))) >> sh, w, False),
    "sqshrun": lambda a, sh, w: satq(sint(a, 2 * w) >> sh, w, False),
    "sqrshrun": lambda a, sh, w: satq((sint(a, 2 * w) + (1 << (sh - 1))) >> sh, w, False),
    "sqxtn": lambda a, sh, w: satq(sint(a, 2 * w), w, True),
    "uqxtn": lambda a, sh, w: satq(a, w, False),
    "sqxtun": lambda a, sh, w: satq(sint(a, 2 * w), w, False),
}
ARR = {0: "16b", 1: "8h", 2: "4s", 3: "2d"}
ARR64 = {0: "8b", 1: "4h", 2: "2s"}
SCAL = {0: "b", 1: "h", 2: "s", 3: "d"}


def edge(w):
    m = (1 << w) - 1
    return [0, 1, m, 1 << (w - 1), (1 << (w - 1)) - 1, (1 << (w - 1)) + 1, m - 1, 3,
            random.getrandbits(w), random.getrandbits(w)]


def pack(lanes, w):
    v = 0
    for i, x in enumerate(lanes):
        v |= (x & ((1 << w) - 1)) << (i * w)
    return v & M64, v >> 64 & M64


out = []


def setv(reg, lo, hi):
    out.append(f"    ldr x0, ={lo:#x}")
    out.append(f"    ldr x1, ={hi:#x}")
    out.append(f"    mov v{reg}.d[0], x0")
    out.append(f"    mov v{reg}.d[1], x1")


def checkv(name, lo, hi, qc):
    out.append("    mrs x23, fpsr")
    out.append("    mov x21, v22.d[0]")
    out.append("    mov x22, v22.d[1]")
    out.append(f'    CHECK("{name} lo", x21, {lo:#x})')
    out.append(f'    CHECK("{name} hi", x22, {hi:#x})')
    out.append("    and x23, x23, #(1 << 27)")
    out.append(f'    CHECK("{name} qc", x23, {(1 << 27) if qc else 0:#x})')


def run(insn, src, dst_init, want, qc):
    setv(20, *src)
    setv(22, *dst_init)
    out.append("    msr fpsr, xzr")
    out.append(f"    {insn}")
    checkv(f"{insn} #{len(out)}", *want, qc)


# Left shifts by immediate
for op, fn in LEFT.items():
    for size in range(4):
        w = 8 << size
        for sh in sorted({0, 1, w // 2, w - 1, random.randrange(w)}):
            vals = edge(w)
            for form in ("q", "d", "s"):
                if form == "d" and size == 3:
                    continue
                n = {"q": 128 // w, "d": 64 // w, "s": 1}[form]
                lanes = (vals * 2)[:n] if form != "s" else [random.choice(vals)]
                res = [fn(x, sh, w) for x in lanes]
                want = pack([r for r, _ in res], w)
                qc = any(s for _, s in res)
                if form == "s":
                    insn = f"{op} {SCAL[size]}22, {SCAL[size]}20, #{sh}"
                else:
                    arr = ARR[size] if form == "q" else ARR64[size]
                    insn = f"{op} v22.{arr}, v20.{arr}, #{sh}"
                run(insn, pack(lanes, w), (random.getrandbits(64), random.getrandbits(64)), want, qc)

# Narrowing
for op, fn in NARROW.items():
    xtn = "xt" in op
    for size in range(3):
        w = 8 << size
        shs = [0] if xtn else sorted({1, 2, w // 2, w - 1, w})
        for sh in shs:
            vals = edge(2 * w)
            for form in ("lo", "hi", "s"):
                if xtn and form != "s":
                    continue        # the vector forms are in simd-arith.S
                n = 1 if form == "s" else 64 // w
                lanes = [random.choice(vals) for _ in range(n)] if form == "s" else \
                    (vals[(sh % 3):] + vals)[:n]
                res = [fn(x, sh, w) for x in lanes]
                qc = any(s for _, s in res)
                r = pack([x for x, _ in res], w)[0]
                d = (random.getrandbits(64), random.getrandbits(64))
                if form == "s":
                    want = (r, 0)
                    args = f"{SCAL[size]}22, {SCAL[size + 1]}20"
                    insn = f"{op} {args}" + ("" if xtn else f", #{sh}")
                elif form == "lo":
                    want = (r, 0)
                    insn = f"{op} v22.{ARR64[size]}, v20.{ARR[size + 1]}, #{sh}"
                else:
                    want = (d[0], r)
                    insn = f"{op}2 v22.{ARR[size]}, v20.{ARR[size + 1]}, #{sh}"
                run(insn, pack(lanes, 2 * w), d, want, qc)

# SHLL / SHLL2: widen, shift by the element size
for size in range(3):
    w = 8 << size
    src = (random.getrandbits(64), random.getrandbits(64))
    for two in (False, True):
        half = src[1] if two else src[0]
        lanes = [(half >> (i * w)) & ((1 << w) - 1) for i in range(64 // w)]
        want = pack([x << w for x in lanes], 2 * w)
        insn = (f"shll2 v22.{ARR[size + 1]}, v20.{ARR[size]}, #{w}" if two else
                f"shll v22.{ARR[size + 1]}, v20.{ARR64[size]}, #{w}")
        run(insn, src, (random.getrandbits(64), random.getrandbits(64)), want, False)

print("""/*
 * simd-satshift.S - known answers for the saturating shifts by immediate
 * (SQSHL/UQSHL/SQSHLU, SQSHRN/SQRSHRN/UQSHRN/UQRSHRN/SQSHRUN/SQRSHRUN and
 * the "2" forms), the scalar SQXTN/UQXTN/SQXTUN and SHLL/SHLL2, with
 * FPSR.QC.  Generated by gen/simd-satshift.py, whose model of the Arm ARM
 * pseudocode gives the expected values; do not edit by hand.
 */
#include "kat.h"

kat_main:""")
last = 0
for i, l in enumerate(out):
    print(l)
    if i > last + 400 and "qc" in l and "CHECK" in l:
        last = i
        print("    b 1f\n    .ltorg\n1:")
print("""    KAT_END
    .ltorg""")
