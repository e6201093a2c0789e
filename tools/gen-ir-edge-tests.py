#!/usr/bin/env python3
"""gen-ir-edge-tests.py - write the IR edge-value tests, with Python as oracle.

    gen-ir-edge-tests.py [--max-globals N] OUTDIR

For every integer IR op (ir/ops.def) this writes OUTDIR/<op>.ir, an IR program
file for "remu ir" (format: the IR program files section of the project's
common brief).  The expected result of every case is computed here with
Python's unbounded integers straight from the IR semantics stated in
ir/ops.def and ir/ir.h, never by running remu:

  * i32 values are kept zero-extended; results are truncated to the width;
  * div/divu: x/0 = 0; rem/remu: x%0 = x; div MIN/-1 = MIN, rem MIN%-1 = 0;
    signed division truncates toward zero, the remainder has the sign of
    the dividend;
  * shift and rotate counts are taken modulo the width;
  * clz/ctz(x, z) = z when x == 0;
  * bswap16/bswap32 swap the low 2/4 bytes and zero-extend the result;
  * extract/sextract/deposit take constant (pos, len); extract2 (lo, hi, pos)
    is the low width bits of (hi:lo) >> pos;
  * guest_ld/guest_st: memop [s|u](8|16|32|64)(le|be)[+al]; +al on a
    misaligned address stops the program with an alignment fault.

Inputs live in globals set by "init" lines, so that neither the optimizer
nor the JIT can see their values; each case is then repeated with constant
operands ($imm) -- all of them, only the last, or only the first, in turn --
to exercise the constant folder and the backends' immediate forms.  Every
result is written to a global of its own and checked by an "expect" line
whose trailing comment names the case.

Blocks are kept to at most MAX_BLOCK_OPS ops and chained with goto_tb; the
last one stops with "call halt, env".  When the cases of an op need more
than --max-globals globals they are spread over <op>.ir, <op>-2.ir, ...

Host-memory ops (ld*/st* relative to env) are not generated: the offsets of
the program's globals in env belong to the runner, and reading a global's
own field behind the register allocator's back is not defined IR.  The
random differential test (testsuite/ir-fuzz.c) covers them on scratch env
fields.

Python 3 standard library only.
"""

import argparse
import os
import sys

MAX_BLOCK_OPS = 200
BLOCK_PC0 = 0x1000
BLOCK_STRIDE = 0x100
MEM_BASE = 0x10000
MEM_SIZE = 0x1000
# Bytes at MEM_BASE for the load tests: high bits set in most so that sign
# extension shows, distinct so that byte order shows.
LOAD_DATA = [0x81, 0x02, 0x83, 0x04, 0x85, 0x86, 0x07, 0xf8,
             0x09, 0x8a, 0x0b, 0xfc, 0x0d, 0x0e, 0x8f, 0x10,
             0xf1, 0x72, 0x13, 0x94, 0x15, 0x16, 0xe7, 0x18]
STORE_BASE = MEM_BASE + 0x100

CONDS = ["never", "always", "eq", "ne", "lt", "ge", "le", "gt",
         "ltu", "geu", "leu", "gtu", "tsteq", "tstne"]


def mask(w):
    return (1 << w) - 1


def sx(v, w):
    """Signed value of the low w bits of v."""
    v &= mask(w)
    return v - (1 << w) if v >> (w - 1) else v


def edge_values(w):
    m = mask(w)
    mn = 1 << (w - 1)
    vals = [0, 1, m, 2, mn, mn - 1, mn + 1, mn - 2,
            0x80, 0xff, 0x8000, 0xffff, 0x80000000, 0xffffffff]
    out = []
    for v in vals:
        v &= m
        if v not in out:
            out.append(v)
    return out


def pattern(w):
    return 0x0123456789abcdef & mask(w) if w == 64 else 0x89abcdef


def tname(w):
    return "i%d" % w


def hexv(v):
    return "0x%x" % v


# ---- semantics ----------------------------------------------------------------

def cond_eval(w, c, a, b):
    sa, sb = sx(a, w), sx(b, w)
    return {
        "never": False, "always": True,
        "eq": a == b, "ne": a != b,
        "lt": sa < sb, "ge": sa >= sb, "le": sa <= sb, "gt": sa > sb,
        "ltu": a < b, "geu": a >= b, "leu": a <= b, "gtu": a > b,
        "tsteq": (a & b) == 0, "tstne": (a & b) != 0,
    }[c]


def sdiv(w, a, b):
    sa, sb = sx(a, w), sx(b, w)
    if sb == 0:
        return 0
    if sa == -(1 << (w - 1)) and sb == -1:
        return a & mask(w)              # MIN / -1 = MIN
    q = abs(sa) // abs(sb)
    if (sa < 0) != (sb < 0):
        q = -q
    return q & mask(w)


def srem(w, a, b):
    sa, sb = sx(a, w), sx(b, w)
    if sb == 0:
        return a & mask(w)
    if sa == -(1 << (w - 1)) and sb == -1:
        return 0
    q = abs(sa) // abs(sb)
    if (sa < 0) != (sb < 0):
        q = -q
    return (sa - sb * q) & mask(w)


def rotl(w, a, c):
    c %= w
    return ((a << c) | (a >> (w - c))) & mask(w) if c else a


def bswap(v, nbytes):
    v &= mask(8 * nbytes)
    return int.from_bytes(v.to_bytes(nbytes, "little"), "big")


def clz(w, a, z):
    return z if a == 0 else w - a.bit_length()


def ctz(w, a, z):
    return z if a == 0 else (a & -a).bit_length() - 1


BINOPS = {
    "add": lambda w, a, b: (a + b) & mask(w),
    "sub": lambda w, a, b: (a - b) & mask(w),
    "mul": lambda w, a, b: (a * b) & mask(w),
    "mulsh": lambda w, a, b: ((sx(a, w) * sx(b, w)) >> w) & mask(w),
    "muluh": lambda w, a, b: ((a * b) >> w) & mask(w),
    "div": sdiv,
    "divu": lambda w, a, b: 0 if b == 0 else a // b,
    "rem": srem,
    "remu": lambda w, a, b: a if b == 0 else a % b,
    "and": lambda w, a, b: a & b,
    "or": lambda w, a, b: a | b,
    "xor": lambda w, a, b: a ^ b,
    "andc": lambda w, a, b: a & ~b & mask(w),
    "orc": lambda w, a, b: (a | ~b) & mask(w),
    "eqv": lambda w, a, b: ~(a ^ b) & mask(w),
    "nand": lambda w, a, b: ~(a & b) & mask(w),
    "nor": lambda w, a, b: ~(a | b) & mask(w),
    "shl": lambda w, a, b: (a << (b % w)) & mask(w),
    "shr": lambda w, a, b: a >> (b % w),
    "sar": lambda w, a, b: (sx(a, w) >> (b % w)) & mask(w),
    "rotl": lambda w, a, b: rotl(w, a, b),
    "rotr": lambda w, a, b: rotl(w, a, w - (b % w)),
}

UNOPS = {
    "mov": lambda w, a: a,
    "neg": lambda w, a: -a & mask(w),
    "not": lambda w, a: ~a & mask(w),
    "ctpop": lambda w, a: bin(a).count("1"),
    "bswap16": lambda w, a: bswap(a, 2),
    "bswap32": lambda w, a: bswap(a, 4),
    "bswap64": lambda w, a: bswap(a, 8),
    "ext8s": lambda w, a: sx(a, 8) & mask(w),
    "ext8u": lambda w, a: a & 0xff,
    "ext16s": lambda w, a: sx(a, 16) & mask(w),
    "ext16u": lambda w, a: a & 0xffff,
    "ext32s": lambda w, a: sx(a, 32) & mask(w),
    "ext32u": lambda w, a: a & 0xffffffff,
}

I64_ONLY = {"bswap64", "ext32s", "ext32u"}


# ---- program writer -------------------------------------------------------------

class Case:
    """One op application: its lines (format strings with {in0}.., {out0}..
    and {label} placeholders), input (width, value) pairs and output
    (width, expected value) pairs."""

    def __init__(self, desc, lines, ins, outs):
        self.desc = desc
        self.lines = lines
        self.ins = ins
        self.outs = outs


class Program:
    """The program files of one op.  Each file is a dict: inputs
    {(width, value): global}, results [(global, width, expected, desc)],
    units (the op lines of one case each; blocks split between units),
    preamble (memory/data lines) and tail (extra expect lines)."""

    def __init__(self, op, max_globals):
        self.op = op
        self.max_globals = max_globals
        self.files = []
        self._new_file()

    def _new_file(self):
        self.cur = {"inputs": {}, "results": [], "units": [], "preamble": [],
                    "tail": [], "nlabels": 0}
        self.files.append(self.cur)

    def nglobals(self):
        return len(self.cur["inputs"]) + len(self.cur["results"])

    def input_global(self, w, v):
        inputs = self.cur["inputs"]
        if (w, v) not in inputs:
            inputs[(w, v)] = "%s_%d" % ("a" if w == 64 else "b", len(inputs))
        return inputs[(w, v)]

    def add(self, case, const_mode):
        """Append case; const_mode: None (all inputs in globals), "all",
        "last" or "first" (those inputs as $constants)."""
        need = len(case.outs) + len(case.ins)
        if self.cur["units"] and self.nglobals() + need > self.max_globals:
            preamble = self.cur["preamble"]
            self._new_file()
            self.cur["preamble"] = list(preamble)
        args = {}
        n = len(case.ins)
        for i, (w, v) in enumerate(case.ins):
            const = (const_mode == "all" or (const_mode == "last" and i == n - 1)
                     or (const_mode == "first" and i == 0))
            args["in%d" % i] = "$" + hexv(v) if const else self.input_global(w, v)
        tag = {None: "reg", "all": "imm", "last": "reg,imm", "first": "imm,reg"}[const_mode]
        if n == 1 and const_mode:
            tag = "imm"
        for i, (w, v) in enumerate(case.outs):
            name = "r%d" % len(self.cur["results"])
            self.cur["results"].append((name, w, v, "%s [%s]" % (case.desc, tag)))
            args["out%d" % i] = name
        self.cur["nlabels"] += 1
        args["label"] = "L%d" % self.cur["nlabels"]
        self.cur["units"].append([l.format(**args) for l in case.lines])

    def add_both(self, cases):
        """Each case with globals, then again with constants (rotating which
        inputs are constant)."""
        for c in cases:
            self.add(c, None)
        modes = ["all", "last", "first"]
        for i, c in enumerate(cases):
            self.add(c, modes[i % 3])


def write_file(path, op, f, header):
    inputs = sorted(f["inputs"].items(), key=lambda kv: int(kv[1].split("_")[1]))
    lines = ["# %s: edge-value tests of the IR op %s." % (os.path.basename(path), op),
             "# Generated by tools/gen-ir-edge-tests.py (make regen-edge-tests);",
             "# expected values computed with Python integers from the IR semantics."]
    lines += ["# " + h for h in header]
    lines.append("")
    for (w, v), name in inputs:
        lines.append("global %s %s" % (tname(w), name))
    for name, w, v, desc in f["results"]:
        lines.append("global %s %s" % (tname(w), name))
    lines.extend(f["preamble"])
    for (w, v), name in inputs:
        lines.append("init %s = %s" % (name, hexv(v)))
    lines.append("")

    chunks, cur = [], []
    for unit in f["units"]:
        if cur and len(cur) + len(unit) > MAX_BLOCK_OPS:
            chunks.append(cur)
            cur = []
        cur.extend(unit)
    chunks.append(cur)
    for i, chunk in enumerate(chunks):
        pc = BLOCK_PC0 + i * BLOCK_STRIDE
        lines.append("block %s" % hexv(pc))
        lines.append("    insn_start %s, 0" % hexv(pc))
        lines.extend("    " + l for l in chunk)
        if i + 1 < len(chunks):
            lines.append("    mov.i64 pc, $%s" % hexv(pc + BLOCK_STRIDE))
            lines.append("    goto_tb 0")
        else:
            lines.append("    insn_start %s, 0" % hexv(pc + 4))
            lines.append("    call halt, env")
            lines.append("    exit_tb")
        lines.append("end")
        lines.append("")
    for name, w, v, desc in f["results"]:
        lines.append("expect %s = %s    # %s" % (name, hexv(v), desc))
    lines.extend(f["tail"])
    with open(path, "w") as fp:
        fp.write("\n".join(lines) + "\n")


# ---- case generators ----------------------------------------------------------------

def binop_cases(op):
    cases = []
    for w in (32, 64):
        V = edge_values(w)
        m, mn = mask(w), 1 << (w - 1)
        if op in ("shl", "shr", "sar", "rotl", "rotr"):
            avals = [1, m, mn, mn - 1, 0x80, pattern(w)]
            bvals = [0, 1, w - 1, w, w + 1, 31 if w == 64 else 63, 0xff]
        elif op in ("and", "or", "xor", "andc", "orc", "eqv", "nand", "nor"):
            avals = V
            bvals = [0, m, 0xff, mn, pattern(w)]
        else:
            avals = V
            bvals = [0, 1, m, 2, mn, mn - 1, 0x80]
        for a in avals:
            for b in bvals:
                r = BINOPS[op](w, a, b)
                cases.append(Case("%s.%s %s, %s" % (op, tname(w), hexv(a), hexv(b)),
                                  ["%s.%s {out0}, {in0}, {in1}" % (op, tname(w))],
                                  [(w, a), (w, b)], [(w, r)]))
    return cases


def unop_cases(op):
    cases = []
    for w in (32, 64):
        if op in I64_ONLY and w == 32:
            continue
        vals = edge_values(w) + [pattern(w), 0x8182838485868788 & mask(w),
                                 0x7f80 & mask(w), 0x12345678ff00 & mask(w)]
        for a in dict.fromkeys(vals):
            r = UNOPS[op](w, a)
            cases.append(Case("%s.%s %s" % (op, tname(w), hexv(a)),
                              ["%s.%s {out0}, {in0}" % (op, tname(w))],
                              [(w, a)], [(w, r)]))
    return cases


def bitcount_cases(op):
    cases = []
    for w in (32, 64):
        fn = clz if op == "clz" else ctz
        vals = edge_values(w) + [0x10, 0x100000 & mask(w), pattern(w), 0x6000]
        pairs = [(a, w) for a in dict.fromkeys(vals)]
        pairs += [(0, 0), (0, mask(w)), (0, 0x1234), (1, 0x1234), (1 << (w - 1), 0)]
        for a, z in pairs:
            r = fn(w, a, z)
            cases.append(Case("%s.%s %s, %s" % (op, tname(w), hexv(a), hexv(z)),
                              ["%s.%s {out0}, {in0}, {in1}" % (op, tname(w))],
                              [(w, a), (w, z)], [(w, r)]))
    return cases


def mul2_cases(op):
    cases = []
    for w in (32, 64):
        V = edge_values(w)
        bvals = [0, 1, mask(w), 2, 1 << (w - 1), (1 << (w - 1)) - 1, 0xffff]
        for a in V:
            for b in bvals:
                if op == "muls2":
                    p = sx(a, w) * sx(b, w)
                else:
                    p = a * b
                lo, hi = p & mask(w), (p >> w) & mask(w)
                cases.append(Case("%s.%s %s, %s" % (op, tname(w), hexv(a), hexv(b)),
                                  ["%s.%s {out0}, {out1}, {in0}, {in1}" % (op, tname(w))],
                                  [(w, a), (w, b)], [(w, lo), (w, hi)]))
    return cases


def addsub2_cases(op):
    cases = []
    for w in (32, 64):
        m, mn = mask(w), 1 << (w - 1)
        quads = [(0, 0, 0, 0), (m, 0, 1, 0), (m, m, 1, 0), (m, m, m, m),
                 (1, 0, m, m), (0, mn, 0, mn), (mn, mn - 1, mn, 0),
                 (0, 0, 1, 0), (0, 1, 1, 0), (0x80, 0xff, m, 0x8000),
                 (mn - 1, mn, 2, m), (pattern(w), 0xff, m, 1), (m, mn - 1, 1, 0)]
        for al, ah, bl, bh in quads:
            a = (ah << w) | al
            b = (bh << w) | bl
            v = a + b if op == "add2" else a - b
            lo, hi = v & m, (v >> w) & m
            cases.append(Case("%s.%s %s:%s, %s:%s" % (op, tname(w), hexv(ah), hexv(al),
                                                      hexv(bh), hexv(bl)),
                              ["%s.%s {out0}, {out1}, {in0}, {in1}, {in2}, {in3}" % (op, tname(w))],
                              [(w, al), (w, ah), (w, bl), (w, bh)], [(w, lo), (w, hi)]))
    return cases


def conv_cases(op):
    cases = []
    if op in ("extu_i32_i64", "exts_i32_i64"):
        for a in edge_values(32) + [pattern(32)]:
            r = a if op == "extu_i32_i64" else sx(a, 32) & mask(64)
            cases.append(Case("%s %s" % (op, hexv(a)), ["%s.i64 {out0}, {in0}" % op],
                              [(32, a)], [(64, r)]))
    else:
        for a in edge_values(64) + [pattern(64), 0x8182838485868788]:
            r = a & 0xffffffff if op == "extrl_i64_i32" else a >> 32
            cases.append(Case("%s %s" % (op, hexv(a)), ["%s.i32 {out0}, {in0}" % op],
                              [(64, a)], [(32, r)]))
    return cases


def fields(w):
    return [(0, 1), (0, 8), (0, w), (w - 1, 1), (1, w - 1), (8, 8), (4, 12),
            (w // 2, w // 2), (3, w - 3), (w - 8, 8), (0, w - 1), (w - 16, 16), (5, 1)]


def extract_cases(op):
    cases = []
    for w in (32, 64):
        m = mask(w)
        for a in [pattern(w), m, 1 << (w - 1), 0x8080, 0x7ffffffe]:
            for pos, ln in fields(w):
                f = (a >> pos) & mask(ln)
                r = f if op == "extract" else sx(f, ln) & m
                cases.append(Case("%s.%s %s, %d, %d" % (op, tname(w), hexv(a), pos, ln),
                                  ["%s.%s {out0}, {in0}, %d, %d" % (op, tname(w), pos, ln)],
                                  [(w, a)], [(w, r)]))
    return cases


def deposit_cases():
    cases = []
    for w in (32, 64):
        m = mask(w)
        for a, b in [(0, m), (m, 0), (pattern(w), 0x5a5a5a5a5a5a5a5a & m), (1 << (w - 1), 1)]:
            for pos, ln in fields(w):
                fm = mask(ln) << pos
                r = ((a & ~fm) | ((b << pos) & fm)) & m
                cases.append(Case("deposit.%s %s, %s, %d, %d" % (tname(w), hexv(a), hexv(b), pos, ln),
                                  ["deposit.%s {out0}, {in0}, {in1}, %d, %d" % (tname(w), pos, ln)],
                                  [(w, a), (w, b)], [(w, r)]))
    return cases


def extract2_cases():
    cases = []
    for w in (32, 64):
        m = mask(w)
        for lo, hi in [(pattern(w), m), (m, 0), (0, m), (1 << (w - 1), 1), (0x80, pattern(w))]:
            for pos in [0, 1, 8, w // 2, w - 1, w - 8]:
                r = (((hi << w) | lo) >> pos) & m
                cases.append(Case("extract2.%s %s, %s, %d" % (tname(w), hexv(lo), hexv(hi), pos),
                                  ["extract2.%s {out0}, {in0}, {in1}, %d" % (tname(w), pos)],
                                  [(w, lo), (w, hi)], [(w, r)]))
    return cases


def cond_pairs(w):
    m, mn = mask(w), 1 << (w - 1)
    return [(0, 0), (1, 2), (2, 1), (m, 1), (1, m), (mn, mn - 1), (mn - 1, mn),
            (0x80, 0xff), (0x8000, 0xff), (m, m)]


def cond_cases(op):
    cases = []
    for w in (32, 64):
        t = tname(w)
        for c in CONDS:
            for a, b in cond_pairs(w):
                ok = cond_eval(w, c, a, b)
                d = "%s.%s %s, %s, %s" % (op, t, hexv(a), hexv(b), c)
                if op == "setcond":
                    cases.append(Case(d, ["setcond.%s {out0}, {in0}, {in1}, %s" % (t, c)],
                                      [(w, a), (w, b)], [(w, int(ok))]))
                elif op == "negsetcond":
                    cases.append(Case(d, ["negsetcond.%s {out0}, {in0}, {in1}, %s" % (t, c)],
                                      [(w, a), (w, b)], [(w, mask(w) if ok else 0)]))
                elif op == "movcond":
                    v1, v2 = 0x1111 ^ a, 0x2222 ^ b
                    cases.append(Case(d + " ? %s : %s" % (hexv(v1), hexv(v2)),
                                      ["movcond.%s {out0}, {in0}, {in1}, {in2}, {in3}, %s" % (t, c)],
                                      [(w, a), (w, b), (w, v1), (w, v2)],
                                      [(w, v1 if ok else v2)]))
                else:
                    # out = cond ? 1 : 0 through a taken/not-taken branch.
                    cases.append(Case(d, ["mov.%s {out0}, $1" % t,
                                          "brcond.%s {in0}, {in1}, %s, {label}" % (t, c),
                                          "mov.%s {out0}, $0" % t,
                                          "{label}:"],
                                      [(w, a), (w, b)], [(w, int(ok))]))
    return cases


MEMOP_SIZES = {8: 0, 16: 1, 32: 2, 64: 3}


def memop_name(sign, bits, be, al):
    return "%s%d%s%s" % ("s" if sign else "u", bits, "be" if be else "le", "+al" if al else "")


def guest_ld_program(prog):
    f = prog.cur
    f["preamble"].append("memory %s %s" % (hexv(MEM_BASE), hexv(MEM_SIZE)))
    f["preamble"].append("data %s %s" % (hexv(MEM_BASE), " ".join("%02x" % b for b in LOAD_DATA)))
    cases = []
    k = 0
    for w in (32, 64):
        for bits in (8, 16, 32, 64):
            if bits > w:
                continue
            for sign in (False, True):
                for be in (False, True):
                    for off in (0, 1, 3, 6, 8):
                        for al in (False, True):
                            if al and off % (bits // 8):
                                continue
                            raw = bytes(LOAD_DATA[off:off + bits // 8])
                            v = int.from_bytes(raw, "big" if be else "little")
                            if sign:
                                v = sx(v, bits)
                            v &= mask(w)
                            mo = memop_name(sign, bits, be, al)
                            aw = 64 if k % 2 == 0 else 32
                            k += 1
                            cases.append(Case("guest_ld.%s [%s] %s (i%d address)"
                                              % (tname(w), hexv(MEM_BASE + off), mo, aw),
                                              ["guest_ld.%s {out0}, {in0}, %s" % (tname(w), mo)],
                                              [(aw, MEM_BASE + off)], [(w, v)]))
    prog.add_both(cases)


def guest_st_program(prog):
    f = prog.cur
    f["preamble"].append("memory %s %s" % (hexv(MEM_BASE), hexv(MEM_SIZE)))
    slot = STORE_BASE
    cases = []
    k = 0
    for w in (32, 64):
        val = 0x8182838485868788 & mask(w)
        for bits in (8, 16, 32, 64):
            if bits > w:
                continue
            for be in (False, True):
                for off, al in ((0, False), (0, True), (1, False), (3, False)):
                    if off % (bits // 8) and al:
                        continue
                    cases.append((w, val, bits, be, off, al, k % 2))
                    k += 1
    # Each store goes to a fresh 16-byte zeroed slot; both halves are checked
    # so that a store writing too many bytes shows.
    for variant in (None, "const"):
        for i, (w, val, bits, be, off, al, a32) in enumerate(cases):
            addr = slot + off
            mo = memop_name(False, bits, be, al)
            aw = 32 if a32 else 64
            if variant is None:
                ops = "guest_st.%s %s, %s, %s" % (tname(w), prog.input_global(w, val),
                                                   prog.input_global(aw, addr), mo)
            else:
                mode = i % 3
                vtxt = "$" + hexv(val) if mode in (0, 2) else prog.input_global(w, val)
                atxt = "$" + hexv(addr) if mode in (0, 1) else prog.input_global(aw, addr)
                ops = "guest_st.%s %s, %s, %s" % (tname(w), vtxt, atxt, mo)
            f["units"].append([ops])
            stored = (val & mask(bits)).to_bytes(bits // 8, "big" if be else "little")
            mem = bytearray(16)
            mem[off:off + len(stored)] = stored
            lo = int.from_bytes(mem[0:8], "little")
            hi = int.from_bytes(mem[8:16], "little")
            desc = "guest_st.%s %s -> [%s] %s (i%d address%s)" % (
                tname(w), hexv(val), hexv(addr), mo, aw, "" if variant is None else ", imm")
            f["tail"].append("expect mem %s u64le = %s    # %s, bytes 0-7" % (hexv(slot), hexv(lo), desc))
            f["tail"].append("expect mem %s u64le = %s    # %s, bytes 8-15" % (hexv(slot + 8), hexv(hi), desc))
            slot += 16


def unaligned_program(kind, w, bits, be, off):
    """A misaligned +al access: the program stops with an alignment fault at
    the precise pc; the global written before it is kept, the one after is
    not reached, and a faulting store writes nothing."""
    addr = MEM_BASE + off
    mo = memop_name(False, bits, be, True)
    t = tname(w)
    lines = [
        "# guest_%s_unaligned_%d%s.ir: a misaligned %s+al access must fault."
        % (kind, bits, "be" if be else "le", mo),
        "# Generated by tools/gen-ir-edge-tests.py (make regen-edge-tests).",
        "# The access is the second guest instruction (insn_start 0x1004), so the",
        "# precise pc is 0x1004; before = 1 was written by the first instruction",
        "# and must be in env; after stays 0; memory at the address stays zero.",
        "",
        "global i64 addr",
        "global i64 before",
        "global i64 after",
        "global %s val" % t,
        "memory %s %s" % (hexv(MEM_BASE), hexv(MEM_SIZE)),
        "init addr = %s" % hexv(addr),
        "init val = 0x%x" % (0x8182838485868788 & mask(w)),
        "",
        "block 0x1000",
        "    insn_start 0x1000, 0",
        "    mov.i64 before, $1",
        "    insn_start 0x1004, 0",
    ]
    if kind == "ld":
        lines.append("    guest_ld.%s val, addr, %s" % (t, mo))
    else:
        lines.append("    guest_st.%s val, addr, %s" % (t, mo))
    lines += [
        "    insn_start 0x1008, 0",
        "    mov.i64 after, $1",
        "    insn_start 0x100c, 0",
        "    call halt, env",
        "    exit_tb",
        "end",
        "",
        "expect exit unaligned %s" % hexv(addr),
        "expect pc = 0x1004",
        "expect before = 0x1",
        "expect after = 0x0",
        "expect mem %s u64le = 0x0" % hexv(MEM_BASE),
        "expect mem %s u64le = 0x0" % hexv(MEM_BASE + 8),
    ]
    if kind == "ld":
        lines.append("expect val = 0x%x" % (0x8182838485868788 & mask(w)))
    return "\n".join(lines) + "\n"


def mb_program():
    lines = [
        "# mb.ir: every memory barrier kind between guest stores and loads.",
        "# Generated by tools/gen-ir-edge-tests.py (make regen-edge-tests).",
        "# A barrier changes no value: each load sees the store before it.",
        "",
        "global i64 addr",
        "global i64 v",
    ]
    kinds = ["ld_ld", "st_ld", "ld_st", "st_st", "ld_ld|st_st", "st_ld|ld_st", "all"]
    for i in range(len(kinds)):
        lines.append("global i64 r%d" % i)
    lines += ["memory %s %s" % (hexv(MEM_BASE), hexv(MEM_SIZE)),
              "init addr = %s" % hexv(MEM_BASE), "init v = 0x1122334455667788", "",
              "block 0x1000", "    insn_start 0x1000, 0"]
    for i, k in enumerate(kinds):
        lines.append("    add.i64 v, v, $%d" % (i + 1))
        lines.append("    guest_st.i64 v, addr, u64le")
        lines.append("    mb %s" % k)
        lines.append("    guest_ld.i64 r%d, addr, u64le" % i)
    lines += ["    insn_start 0x1004, 0", "    call halt, env", "    exit_tb", "end", ""]
    v = 0x1122334455667788
    for i, k in enumerate(kinds):
        v += i + 1
        lines.append("expect r%d = %s    # after mb %s" % (i, hexv(v), k))
    lines.append("expect mem %s u64le = %s" % (hexv(MEM_BASE), hexv(v)))
    return "\n".join(lines) + "\n"


def generate(outdir, max_globals):
    written = []

    def emit(op, cases=None, builder=None, header=()):
        prog = Program(op, max_globals)
        if builder:
            builder(prog)
        else:
            prog.add_both(cases)
        for i, f in enumerate(prog.files):
            name = "%s.ir" % op if i == 0 else "%s-%d.ir" % (op, i + 1)
            path = os.path.join(outdir, name)
            write_file(path, op, f, header)
            written.append(name)

    for op in ("add", "sub", "mul", "mulsh", "muluh", "div", "divu", "rem", "remu",
               "and", "or", "xor", "andc", "orc", "eqv", "nand", "nor",
               "shl", "shr", "sar", "rotl", "rotr"):
        emit(op, binop_cases(op))
    for op in UNOPS:
        emit(op, unop_cases(op))
    for op in ("clz", "ctz"):
        emit(op, bitcount_cases(op))
    for op in ("muls2", "mulu2"):
        emit(op, mul2_cases(op))
    for op in ("add2", "sub2"):
        emit(op, addsub2_cases(op))
    for op in ("extu_i32_i64", "exts_i32_i64", "extrl_i64_i32", "extrh_i64_i32"):
        emit(op, conv_cases(op))
    for op in ("extract", "sextract"):
        emit(op, extract_cases(op))
    emit("deposit", deposit_cases())
    emit("extract2", extract2_cases())
    for op in ("setcond", "negsetcond", "movcond", "brcond"):
        emit(op, cond_cases(op))
    emit("guest_ld", builder=guest_ld_program,
         header=["Loads of every memop from the data bytes at %s." % hexv(MEM_BASE)])
    emit("guest_st", builder=guest_st_program,
         header=["Stores of every memop into zeroed 16-byte slots from %s." % hexv(STORE_BASE)])
    for kind in ("ld", "st"):
        for w, bits, be, off in ((32, 16, False, 1), (32, 32, True, 2), (64, 64, False, 4),
                                 (64, 32, False, 3)):
            name = "guest_%s_unaligned_%d%s.ir" % (kind, bits, "be" if be else "le")
            with open(os.path.join(outdir, name), "w") as fp:
                fp.write(unaligned_program(kind, w, bits, be, off))
            written.append(name)
    with open(os.path.join(outdir, "mb.ir"), "w") as fp:
        fp.write(mb_program())
    written.append("mb.ir")
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-globals", type=int, default=240,
                    help="most globals in one program file (default 240)")
    ap.add_argument("outdir")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    for name in os.listdir(a.outdir):
        if name.endswith(".ir"):
            os.remove(os.path.join(a.outdir, name))
    written = generate(a.outdir, a.max_globals)
    print("wrote %d files to %s" % (len(written), a.outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
