#!/usr/bin/env python3
# Independent known answers for testsuite/interp-test.c (Python integers).
# Usage: python3 tools/gen-interp-test-tables.py -- writes the tables to
# /tmp/interp-gen/tables.inc and tables2.inc; their contents are the
# known-answer arrays in testsuite/interp-test.c.
V = {32: [0, 1, 0xffffffff, 0x80000000, 0x7fffffff, 0x12345678, 0xfffffff9],
     64: [0, 1, 2**64-1, 2**63, 2**63-1, 0x123456789abcdef0, 2**64-7]}
C = {32: [0, 1, 31, 32, 33, 4, 63], 64: [0, 1, 63, 64, 65, 4, 127]}
def M(w): return (1 << w) - 1
def s(x, w): x &= M(w); return x - (1 << w) if x >> (w-1) else x
def tdiv(a, b): q = abs(a) // abs(b); return q if (a < 0) == (b < 0) else -q
def div(a, b, w):
    if b == 0: return 0
    return tdiv(s(a, w), s(b, w)) & M(w)
def rem(a, b, w):
    if b == 0: return a
    sa, sb = s(a, w), s(b, w)
    return (sa - sb * tdiv(sa, sb)) & M(w)
def rotl(a, c, w): c %= w; return ((a << c) | (a >> (w - c))) & M(w)
def clz(a, b, w):
    if a == 0: return b
    return w - a.bit_length()
def ctz(a, b, w):
    if a == 0: return b
    return (a & -a).bit_length() - 1
def bswap(a, n): return int.from_bytes((a & ((1 << 8*n) - 1)).to_bytes(n, 'little'), 'big')
bin_ops = {
 'add': lambda a, b, w: (a + b) & M(w),
 'sub': lambda a, b, w: (a - b) & M(w),
 'mul': lambda a, b, w: (a * b) & M(w),
 'mulsh': lambda a, b, w: ((s(a, w) * s(b, w)) >> w) & M(w),
 'muluh': lambda a, b, w: ((a * b) >> w) & M(w),
 'div': div, 'rem': rem,
 'divu': lambda a, b, w: a // b if b else 0,
 'remu': lambda a, b, w: a % b if b else a,
 'and': lambda a, b, w: a & b, 'or': lambda a, b, w: a | b, 'xor': lambda a, b, w: a ^ b,
 'andc': lambda a, b, w: a & ~b & M(w), 'orc': lambda a, b, w: (a | ~b) & M(w),
 'eqv': lambda a, b, w: ~(a ^ b) & M(w), 'nand': lambda a, b, w: ~(a & b) & M(w),
 'nor': lambda a, b, w: ~(a | b) & M(w),
 'shl': lambda a, c, w: (a << (c % w)) & M(w),
 'shr': lambda a, c, w: a >> (c % w),
 'sar': lambda a, c, w: (s(a, w) >> (c % w)) & M(w),
 'rotl': rotl,
 'rotr': lambda a, c, w: rotl(a, (w - c % w) % w, w),
 'clz': clz, 'ctz': ctz,
}
counts = {'shl', 'shr', 'sar', 'rotl', 'rotr'}
un_ops = {
 'neg': lambda a, w: -a & M(w), 'not': lambda a, w: ~a & M(w),
 'ctpop': lambda a, w: bin(a).count('1'),
 'bswap16': lambda a, w: bswap(a, 2), 'bswap32': lambda a, w: bswap(a, 4),
 'bswap64': lambda a, w: bswap(a, 8),
 'ext8s': lambda a, w: s(a, 8) & M(w), 'ext8u': lambda a, w: a & 0xff,
 'ext16s': lambda a, w: s(a, 16) & M(w), 'ext16u': lambda a, w: a & 0xffff,
 'ext32s': lambda a, w: s(a, 32) & M(w), 'ext32u': lambda a, w: a & 0xffffffff,
}
only64 = {'bswap64', 'ext32s', 'ext32u'}
out = []
def hexs(vals, w, per):
    lines, cur = [], '       '
    for v in vals:
        item = ' 0x%x,' % v
        if len(cur) + len(item) > 95:
            lines.append(cur)
            cur = '       '
        cur += item
    lines.append(cur)
    return '\n'.join(lines)
out.append('/* Binary ops: want[i * 7 + j] = op(a[i], b[j]), a from vals, b from vals or counts. */')
out.append('static const BinCase bin_cases[] = {')
for name, f in bin_ops.items():
    for w in (32, 64):
        bs = C[w] if name in counts else V[w]
        vals = [f(a, b, w) for a in V[w] for b in bs]
        out.append('    { IR_OP_%s, T%d, %d, {\n%s\n    } },' % (name, w, name in counts, hexs(vals, w, 6 if w == 32 else 4)))
out.append('};')
out.append('')
out.append('/* Unary ops: want[i] = op(vals[i]); the conversions list their own input. */')
out.append('static const UnCase un_cases[] = {')
for name, f in un_ops.items():
    for w in (32, 64):
        if w == 32 and name in only64: continue
        vals = [f(a, w) for a in V[w]]
        out.append('    { IR_OP_%s, T%d, {\n%s\n    } },' % (name, w, hexs(vals, w, 7 if w == 32 else 4)))
out.append('};')
# conversions: extu/exts i32->i64 take V32; extrl/extrh i64->i32 take V64
out.append('static const uint64_t conv_extu[7] = {\n%s\n};' % hexs([a for a in V[32]], 64, 4))
out.append('static const uint64_t conv_exts[7] = {\n%s\n};' % hexs([s(a, 32) & M(64) for a in V[32]], 64, 4))
out.append('static const uint64_t conv_extrl[7] = {\n%s\n};' % hexs([a & M(32) for a in V[64]], 32, 7))
out.append('static const uint64_t conv_extrh[7] = {\n%s\n};' % hexs([a >> 32 for a in V[64]], 32, 7))
# conditions: mask bit i*7+j set when cond(a_i, b_j)
conds = ['never', 'always', 'eq', 'ne', 'lt', 'ge', 'le', 'gt', 'ltu', 'geu', 'leu', 'gtu', 'tsteq', 'tstne']
def cond(c, a, b, w):
    sa, sb = s(a, w), s(b, w)
    return {'never': False, 'always': True, 'eq': a == b, 'ne': a != b, 'lt': sa < sb, 'ge': sa >= sb,
            'le': sa <= sb, 'gt': sa > sb, 'ltu': a < b, 'geu': a >= b, 'leu': a <= b, 'gtu': a > b,
            'tsteq': a & b == 0, 'tstne': a & b != 0}[c]
out.append('/* Conditions: bit i * 7 + j set when (vals[i] cond vals[j]). */')
for w in (32, 64):
    out.append('static const uint64_t cond_mask%d[IR_COND_COUNT] = {' % w)
    for c in conds:
        m = sum(1 << (i*7+j) for i, a in enumerate(V[w]) for j, b in enumerate(V[w]) if cond(c, a, b, w))
        out.append('    [IR_COND_%s] = 0x%016x,' % (c.upper(), m))
    out.append('};')
# double-word products
out.append('/* mulu2 / muls2: want[2 * (i * 7 + j)] = low, [+1] = high half. */')
for name, sg in (('mulu2', False), ('muls2', True)):
    for w in (32, 64):
        vals = []
        for a in V[w]:
            for b in V[w]:
                p = (s(a, w) * s(b, w)) if sg else a * b
                p &= M(2*w)
                vals += [p & M(w), p >> w]
        out.append('static const uint64_t %s_%d[98] = {\n%s\n};' % (name, w, hexs(vals, w, 6 if w == 32 else 4)))
import os; os.makedirs('/tmp/interp-gen', exist_ok=True); open('/tmp/interp-gen/tables.inc', 'w').write('\n'.join(out) + '\n')
out = []
out.append('/* add2 / sub2: inputs al, ah, bl, bh; outputs lo, hi. */')
out.append('static const DwCase dw_cases[] = {')
for w in (32, 64):
    m = M(w); mn = 1 << (w-1)
    cases = [(m, 0, 1, 0), (m, m, 1, 0), (0, 0, 0, 0), (mn, mn-1, mn, 0), (0, 0, 1, 0),
             (V[w][5], 1, m, m), (5, 7, 6, 7), (m, m, m, m)]
    for name in ('add2', 'sub2'):
        for al, ah, bl, bh in cases:
            p, q = al | ah << w, bl | bh << w
            r = (p + q if name == 'add2' else p - q) & M(2*w)
            out.append('    { IR_OP_%s, T%d, { 0x%x, 0x%x, 0x%x, 0x%x }, { 0x%x, 0x%x } },'
                       % (name, w, al, ah, bl, bh, r & m, r >> w))
out.append('};')
out.append('/* extract / sextract / deposit (a, b; pos, len), extract2 (lo, hi; pos). */')
out.append('static const FieldCase field_cases[] = {')
for w in (32, 64):
    X = 0x89abcdef if w == 32 else 0x8123456789abcdef
    Y = 0x5a5a5a5b if w == 32 else 0xfedcba9876543211
    for pos, ln in ((0, 1), (0, w), (w-1, 1), (4, 8), (w-4, 4), (1, w-1), (8, 16), (0, w-1)):
        for a in (X, M(w)):
            e = (a >> pos) & M(ln)
            out.append('    { IR_OP_extract, T%d, 0x%x, 0, %d, %d, 0x%x },' % (w, a, pos, ln, e))
            out.append('    { IR_OP_sextract, T%d, 0x%x, 0, %d, %d, 0x%x },' % (w, a, pos, ln, s(e, ln) & M(w)))
        fm = M(ln) << pos
        out.append('    { IR_OP_deposit, T%d, 0x%x, 0x%x, %d, %d, 0x%x },' % (w, X, Y, pos, ln, (X & ~fm | (Y << pos) & fm) & M(w)))
        out.append('    { IR_OP_deposit, T%d, 0x%x, 0x%x, %d, %d, 0x%x },' % (w, 0, M(w), pos, ln, fm & M(w)))
    for pos in (0, 1, w // 2, w - 1, 4):
        out.append('    { IR_OP_extract2, T%d, 0x%x, 0x%x, %d, 0, 0x%x },' % (w, X, Y, pos, ((Y << w | X) >> pos) & M(w)))
out.append('};')
# guest memory
mem = bytes([0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70])
out.append('static const uint8_t mem_init[16] = { %s };' % ', '.join('0x%02x' % x for x in mem))
out.append('/* Guest loads: type, address, memop (size | sign | be), result. */')
out.append('static const MemCase ld_cases[] = {')
for w in (32, 64):
    for addr in (0, 1, 8):
        for sz in range(4 if w == 64 else 3):
            n = 1 << sz
            for sign in (0, 1):
                for be in (0, 1):
                    v = int.from_bytes(mem[addr:addr+n], 'big' if be else 'little')
                    if sign: v = s(v, 8*n) & M(w)
                    mo = sz | (4 if sign else 0) | (8 if be else 0)
                    out.append('    { T%d, %d, 0x%x, 0x%x },' % (w, addr, mo, v))
out.append('};')
out.append('/* Guest stores of 0x8877665544332211 at address 3: the 16 bytes after. */')
out.append('static const StCase st_cases[] = {')
val = 0x8877665544332211
for w in (32, 64):
    for sz in range(4 if w == 64 else 3):
        n = 1 << sz
        for be in (0, 1):
            b = bytearray(mem)
            b[3:3+n] = (val & M(8*n)).to_bytes(n, 'big' if be else 'little')
            out.append('    { T%d, 0x%x, "%s" },' % (w, sz | (8 if be else 0), b.hex()))
out.append('};')
import os; os.makedirs('/tmp/interp-gen', exist_ok=True); open('/tmp/interp-gen/tables2.inc', 'w').write('\n'.join(out) + '\n')
