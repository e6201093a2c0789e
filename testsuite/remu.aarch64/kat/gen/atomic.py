#!/usr/bin/env python3
"""atomic.py - writes ../atomic.S, the known answers of the FEAT_LSE atomics.

The expected values come from this independent model of the Arm ARM
pseudocode (C6.2 LDADD..LDUMIN, SWP, CAS, CASP; MemAtomic/MemAtomicCompareAndSwap):
old = Mem[addr, size]; Mem[addr, size] = op(old, Rs<size>); Rt = ZeroExtend(old),
with plain Python integers.  Run it again after changing it:
    python3 atomic.py > ../atomic.S
"""

MEM = 0x8877665544332211            # what the 8 bytes at x19 hold before each case
SUFFIX = ["", "a", "l", "al"]         # orderings, cycled through the cases
SZ = {0: "b", 1: "h", 2: "", 3: ""}


def mask(size):
    return (1 << (8 << size)) - 1


def sext(x, size):
    bits = 8 << size
    x &= mask(size)
    return x - (1 << bits) if x >> (bits - 1) else x


OPS = {
    "ldadd": lambda o, v, s: o + v,
    "ldclr": lambda o, v, s: o & ~v,
    "ldeor": lambda o, v, s: o ^ v,
    "ldset": lambda o, v, s: o | v,
    "ldsmax": lambda o, v, s: o if sext(o, s) > sext(v, s) else v,
    "ldsmin": lambda o, v, s: o if sext(o, s) < sext(v, s) else v,
    "ldumax": lambda o, v, s: o if (o & mask(s)) > (v & mask(s)) else v,
    "ldumin": lambda o, v, s: o if (o & mask(s)) < (v & mask(s)) else v,
    "swp": lambda o, v, s: v,
}

# Memory (low bytes replace MEM's) and Rs values: zero, all-ones, sign
# boundaries, carries out of the element; Rs has junk above the element.
VALUES = [
    (0x7f, 0x80), (0x80, 0x7f), (0xff, 0x01), (0x00, 0xff),
    (0x7fff, 0x8000), (0x8000, 0x7fff), (0xffff, 0x1234),
    (0x7fffffff, 0x80000000), (0x80000000, 0xffffffff), (0x12345678, 0x9abcdef0),
    (0x7fffffffffffffff, 0x8000000000000000), (0xffffffffffffffff, 0x0000000000000001),
    (0x8000000000000000, 0xffffffffffffffff), (0x0123456789abcdef, 0xfedcba9876543210),
]
JUNK = 0xdeadbeefcafe0000

out = []
n = 0


def reg(r, size):
    return ("x" if size == 3 else "w") + str(r)


def setmem(m, size):
    full = (MEM & ~mask(size)) | (m & mask(size))
    out.append(f"    ldr x0, ={full:#x}")
    out.append("    str x0, [x19]")
    return full


def check(name, r, value):
    out.append(f'    CHECK("{name}", x{r}, {value & (2**64 - 1):#x})')


for op, fn in OPS.items():
    for size in range(4):
        for m, v in VALUES:
            if (m | v) > mask(size) and size < 3 and max(m, v) > mask(size):
                continue
            suffix = SUFFIX[n % 4]
            n += 1
            full = setmem(m, size)
            rs = (JUNK if size < 2 else 0) & ~mask(size) | (v & mask(size))
            if size == 2:
                rs |= 0xffffffff00000000  # Ws ignores the upper half
            out.append(f"    ldr x21, ={rs:#x}")
            mn = op + suffix + SZ[size]
            old = full & mask(size)
            new = fn(old, rs & mask(size), size) & mask(size)
            newfull = (full & ~mask(size)) | new
            label = f"{mn} {m:#x} {v:#x}"
            out.append(f"    {mn} {reg(21, size)}, {reg(22, size)}, [x19]")
            check(label + " old", 22, old)
            out.append("    ldr x23, [x19]")
            check(label + " mem", 23, newfull)
    # The ST<op> alias (Rt = XZR) of the word form: memory only.
    if op != "swp":
        full = setmem(0x80000001, 2)
        out.append("    ldr x21, =0x7fffffff")
        st = "st" + op[2:] + "l"
        out.append(f"    {st} w21, [x19]")
        out.append("    ldr x23, [x19]")
        check(st + " w mem", 23, (full & ~mask(2)) | (fn(0x80000001, 0x7fffffff, 2) & mask(2)))

# CAS: equal (stores) and different (does not), every size; Rs gets the old value.
for size in range(4):
    for equal in (True, False):
        for sfx in SUFFIX:
            m = 0xf0e1d2c3b4a59687 & mask(size)
            full = setmem(m, size)
            cmp = m if equal else m ^ 1
            cmpreg = cmp | (JUNK & ~mask(size) if size < 2 else 0)
            newv = 0x0123456789abcdef
            out.append(f"    ldr x21, ={cmpreg:#x}")
            out.append(f"    ldr x22, ={newv:#x}")
            mn = "cas" + sfx + SZ[size]
            out.append(f"    {mn} {reg(21, size)}, {reg(22, size)}, [x19]")
            label = f"{mn} {'equal' if equal else 'different'}"
            check(label + " old", 21, m)
            out.append("    ldr x23, [x19]")
            check(label + " mem", 23, (full & ~mask(size)) | (newv & mask(size)) if equal else full)

# CASP: words (one doubleword in memory, Rs the low word) and doublewords.
for size in (2, 3):
    for equal in (True, False):
        for sfx in SUFFIX:
            lo, hi = (0x11223344, 0x55667788) if size == 2 else (0x0011223344556677, 0x8899aabbccddeeff)
            out.append(f"    ldr x0, ={lo | hi << 32 if size == 2 else lo:#x}")
            out.append(f"    ldr x1, ={0 if size == 2 else hi:#x}")
            out.append("    stp x0, x1, [x19]")
            c_lo = lo if equal else lo
            c_hi = hi if equal else hi ^ (1 << (8 << size) - 1)
            n_lo, n_hi = (0xa1b2c3d4, 0xe5f60718) if size == 2 else (0xfedcba9876543210, 0x0f1e2d3c4b5a6978)
            out.append(f"    ldr x20, ={c_lo:#x}")
            out.append(f"    ldr x21, ={c_hi:#x}")
            out.append(f"    ldr x22, ={n_lo:#x}")
            out.append(f"    ldr x23, ={n_hi:#x}")
            r = lambda i: reg(i, size)
            mn = "casp" + sfx
            out.append(f"    {mn} {r(20)}, {r(21)}, {r(22)}, {r(23)}, [x19]")
            label = f"{mn} {'w' if size == 2 else 'x'} {'equal' if equal else 'different'}"
            check(label + " old lo", 20, lo)
            check(label + " old hi", 21, hi)
            out.append("    ldp x24, x25, [x19]")
            if size == 2:
                m_lo, m_hi = (n_lo | n_hi << 32, 0) if equal else (lo | hi << 32, 0)
            else:
                m_lo, m_hi = (n_lo, n_hi) if equal else (lo, hi)
            check(label + " mem lo", 24, m_lo)
            check(label + " mem hi", 25, m_hi)

# CASP with Rs = X30: R(s+1) is XZR (reads zero, writes discarded).
out.append("    ldr x0, =0x1234")
out.append("    stp x0, xzr, [x19]")
out.append("    ldr x30, =0x1234")
out.append("    ldr x22, =0x5555")
out.append("    mov x23, #7")
out.append("    casp x30, xzr, x22, x23, [x19]")
out.append("    mov x24, x30")
check("casp x30 xzr old", 24, 0x1234)
out.append("    ldp x24, x25, [x19]")
check("casp x30 xzr mem lo", 24, 0x5555)
check("casp x30 xzr mem hi", 25, 7)

print("""/*
 * atomic.S - known answers for the FEAT_LSE atomics: LDADD LDCLR LDEOR LDSET
 * LDSMAX LDSMIN LDUMAX LDUMIN SWP in every size and ordering (the ST*
 * aliases too), CAS in every size and ordering, equal and different, CASP
 * of words and doublewords (Arm ARM C6.2), and LDAPR/LDLAR/STLLR.
 * Generated by gen/atomic.py, whose model of the pseudocode gives the
 * expected values; do not edit by hand.
 * Scratch memory is 64 bytes on the stack, 16-byte aligned, base in x19.
 */
#include "kat.h"
    .arch armv8.3-a

kat_main:
    sub sp, sp, #64
    mov x19, sp
""")
print("\n".join(out))
print("""
    /* LDAPR (FEAT_LRCPC), LDLAR/STLLR (FEAT_LOR): loads and stores of each size */
    ldr x0, =0x8877665544332211
    str x0, [x19]
    ldapr x20, [x19]
    CHECK("ldapr x", x20, 0x8877665544332211)
    ldapr w20, [x19]
    CHECK("ldapr w", x20, 0x44332211)
    ldaprh w20, [x19]
    CHECK("ldaprh", x20, 0x2211)
    ldaprb w20, [x19]
    CHECK("ldaprb", x20, 0x11)
    ldlar x20, [x19]
    CHECK("ldlar x", x20, 0x8877665544332211)
    ldlarb w20, [x19]
    CHECK("ldlarb", x20, 0x11)
    ldr x21, =0xa5a5a5a5a5a5a5a5
    stllrh w21, [x19]
    ldr x20, [x19]
    CHECK("stllrh", x20, 0x887766554433a5a5)
    stllr x21, [x19]
    ldr x20, [x19]
    CHECK("stllr x", x20, 0xa5a5a5a5a5a5a5a5)
    ldlarh w20, [x19]
    CHECK("ldlarh", x20, 0xa5a5)
    stllrb wzr, [x19]
    stllr wzr, [x19, #0]
    ldlar w20, [x19]
    CHECK("stllr w, ldlar w", x20, 0)

    add sp, sp, #64
    KAT_END
    .ltorg""")
