#!/usr/bin/env python3
"""gen-kat-fp.py - writes testsuite/remu.aarch64/kat/fp-scalar.S, the
known-answer test of the A64 scalar floating-point instructions.

The expected results and FPSR flags come from this script's own model of
the Arm ARM pseudocode (DDI 0487, J1.3 shared/functions/float: FPUnpack,
FPRoundBase, FPProcessNaNs(3), FPAdd/FPMul/FPDiv/FPSqrt/FPMulAdd,
FPMax/FPMin(Num), FPCompare, FPRoundInt, FPToFixed, FixedToFP, FPConvert
incl. half precision with AHP=0 and 1, FPRecipEstimate, FPRSqrtEstimate with
the integer RecipEstimate/RecipSqrtEstimate, FPRecipStepFused,
FPRSqrtStepFused, FPRecpX), computed with exact Python Fractions and
integers.  It shares no code with fpu/.  Every case is run with FPCR set to
a rounding mode and FZ/DN (and AHP), FPSR cleared before and read after.
The random operands come from a fixed seed: the output is reproducible.

Usage: gen-kat-fp.py OUTPUT.S
"""
import math
import random
import sys
from fractions import Fraction as Fr

FMT = {16: (5, 10), 32: (8, 23), 64: (11, 52)}
RN, RP, RM, RZ, RA = 0, 1, 2, 3, 4
IOC, DZC, OFC, UFC, IXC, IDC = 1, 2, 4, 8, 16, 128


class Ctx:
    """FPCR (RMode, FZ, DN, AHP; FZ16 is 0: no FEAT_FP16) and the FPSR
    flags raised."""
    def __init__(self, rmode, fz, dn, ahp=0):
        self.rmode, self.fz, self.dn, self.ahp, self.flags = rmode, fz, dn, ahp, 0


def unpack(x, n, c):
    """FPUnpack: (type, sign, value)."""
    e, f = FMT[n]
    sign = x >> (n - 1)
    ex = (x >> f) & ((1 << e) - 1)
    fr = x & ((1 << f) - 1)
    bias = (1 << (e - 1)) - 1
    if ex == 0:
        # Half precision flushes with FZ16 (0 here), not FZ.
        if fr == 0 or (c.fz and n != 16):
            if fr != 0:
                c.flags |= IDC
            return ('zero', sign, Fr(0))
        v = Fr(fr, 1 << f) * Fr(2) ** (1 - bias)
    elif ex == (1 << e) - 1 and not (n == 16 and c.ahp):
        if fr == 0:
            return ('inf', sign, None)
        return ('qnan' if fr >> (f - 1) else 'snan', sign, None)
    else:
        v = (1 + Fr(fr, 1 << f)) * Fr(2) ** (ex - bias)
    return ('num', sign, -v if sign else v)


def zero(sign, n):
    return sign << (n - 1)


def inf(sign, n):
    e, f = FMT[n]
    return sign << (n - 1) | ((1 << e) - 1) << f


def defnan(n):
    e, f = FMT[n]
    return ((1 << e) - 1) << f | 1 << (f - 1)


def process_nan(x, t, n, c):
    e, f = FMT[n]
    if t == 'snan':
        c.flags |= IOC
    return defnan(n) if c.dn else x | 1 << (f - 1)


def process_nans(ops, n, c):
    """FPProcessNaNs/3: ops = [(type, bits)]; None if no NaN."""
    for t, x in ops:
        if t == 'snan':
            return process_nan(x, t, n, c)
    for t, x in ops:
        if t == 'qnan':
            return process_nan(x, t, n, c)
    return None


def fpround(v, n, c, rmode=None):
    """FPRoundBase for a nonzero exact v."""
    if rmode is None:
        rmode = c.rmode
    e, f = FMT[n]
    minexp = 2 - (1 << (e - 1))
    sign = 1 if v < 0 else 0
    m = abs(v)
    exponent = 0
    while m >= 2:
        m /= 2
        exponent += 1
    while m < 1:
        m *= 2
        exponent -= 1
    if c.fz and n != 16 and exponent < minexp:
        c.flags |= UFC
        return zero(sign, n)
    biased = max(exponent - minexp + 1, 0)
    if biased == 0:
        m = m / Fr(2) ** (minexp - exponent)
    im = (m * (1 << f)).numerator // (m * (1 << f)).denominator
    err = m * (1 << f) - im
    if biased == 0 and err != 0:
        c.flags |= UFC
    up = {RN: err > Fr(1, 2) or (err == Fr(1, 2) and im & 1),
          RA: err >= Fr(1, 2), RP: err != 0 and sign == 0,
          RM: err != 0 and sign == 1, RZ: False}[rmode]
    if up:
        im += 1
        if im == 1 << f:
            biased = 1
        if im == 1 << (f + 1):
            biased += 1
            im //= 2
    if n == 16 and c.ahp:
        # Alternative half precision: no infinity; saturate, Invalid.
        if biased >= 1 << e:
            c.flags |= IOC
            return sign << (n - 1) | ((1 << (n - 1)) - 1)
    elif biased >= (1 << e) - 1:
        c.flags |= OFC | IXC
        if rmode in (RN, RA) or (rmode == RP and not sign) or (rmode == RM and sign):
            return inf(sign, n)
        return sign << (n - 1) | ((1 << e) - 2) << f | ((1 << f) - 1)
    if err != 0:
        c.flags |= IXC
    return sign << (n - 1) | biased << f | (im & ((1 << f) - 1))


def result(v, n, c, exact_zero_sign):
    return zero(exact_zero_sign, n) if v == 0 else fpround(v, n, c)


def op_add(a, b, n, c, neg=False):
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    r = process_nans([(ta, a), (tb, b)], n, c)
    if r is not None:
        return r
    if neg:
        sb ^= 1
        vb = -vb if vb is not None else None
    if ta == 'inf' and tb == 'inf' and sa != sb:
        c.flags |= IOC
        return defnan(n)
    if ta == 'inf':
        return inf(sa, n)
    if tb == 'inf':
        return inf(sb, n)
    if ta == 'zero' and tb == 'zero' and sa == sb:
        return zero(sa, n)
    return result(va + vb, n, c, 1 if c.rmode == RM else 0)


def op_mul(a, b, n, c):
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    r = process_nans([(ta, a), (tb, b)], n, c)
    if r is not None:
        return r
    if (ta, tb) in (('inf', 'zero'), ('zero', 'inf')):
        c.flags |= IOC
        return defnan(n)
    if 'inf' in (ta, tb):
        return inf(sa ^ sb, n)
    if 'zero' in (ta, tb):
        return zero(sa ^ sb, n)
    return fpround(va * vb, n, c)


def op_div(a, b, n, c):
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    r = process_nans([(ta, a), (tb, b)], n, c)
    if r is not None:
        return r
    if (ta == tb == 'inf') or (ta == tb == 'zero'):
        c.flags |= IOC
        return defnan(n)
    if ta == 'inf' or tb == 'zero':
        if ta != 'inf':
            c.flags |= DZC
        return inf(sa ^ sb, n)
    if ta == 'zero' or tb == 'inf':
        return zero(sa ^ sb, n)
    return fpround(va / vb, n, c)


def op_sqrt(a, n, c):
    ta, sa, va = unpack(a, n, c)
    if ta in ('qnan', 'snan'):
        return process_nan(a, ta, n, c)
    if ta == 'zero':
        return zero(sa, n)
    if sa:
        c.flags |= IOC
        return defnan(n)
    if ta == 'inf':
        return inf(0, n)
    # sqrt(v) = isqrt(v * 4^k) / 2^k, or strictly between two neighbours
    # of that if inexact.  v * 4^k must be an integer of many more than f
    # bits even for the smallest denormal (2^-1074), so k = 1200.
    k = 1200
    x = va * Fr(4) ** k
    q = x.numerator // x.denominator
    r = math.isqrt(q)
    if r * r == q and x.denominator == 1:
        v = Fr(r, 2 ** k)
    else:
        v = Fr(2 * r + 1, 2 ** (k + 1))
    return fpround(v, n, c)


def op_fma(ad, a, b, n, c):
    """FPMulAdd(addend, op1, op2)."""
    tc, sc, vc = unpack(ad, n, c)
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    inf0 = (ta, tb) in (('inf', 'zero'), ('zero', 'inf'))
    if tc == 'qnan' and inf0:
        c.flags |= IOC
        return defnan(n)
    r = process_nans([(tc, ad), (ta, a), (tb, b)], n, c)
    if r is not None:
        return r
    sp = sa ^ sb
    pinf = 'inf' in (ta, tb)
    pzero = 'zero' in (ta, tb)
    if inf0 or (tc == 'inf' and pinf and sc != sp):
        c.flags |= IOC
        return defnan(n)
    if tc == 'inf':
        return inf(sc, n)
    if pinf:
        return inf(sp, n)
    if tc == 'zero' and pzero and sc == sp:
        return zero(sc, n)
    v = vc + (0 if pzero else va * vb)
    return result(v, n, c, 1 if c.rmode == RM else 0)


def op_maxmin(a, b, n, c, is_max, num):
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    if num:
        # FPMaxNum/FPMinNum: a single quiet NaN becomes -inf (max) or
        # +inf (min) before FPMax/FPMin; signalling NaNs still propagate.
        if ta == 'qnan' and tb != 'qnan':
            ta, sa = 'inf', 1 if is_max else 0
        elif tb == 'qnan' and ta != 'qnan':
            tb, sb = 'inf', 1 if is_max else 0
    r = process_nans([(ta, a), (tb, b)], n, c)
    if r is not None:
        return r

    def val(t, s, v):
        # FPUnpack gives an infinity the value +-2^1000000: any number
        # beyond the largest finite one compares the same.
        return (-1 if s else 1) * Fr(2) ** 5000 if t == 'inf' else v
    x, y = val(ta, sa, va), val(tb, sb, vb)
    if ta == 'zero' and tb == 'zero':
        return zero(sa & sb if is_max else sa | sb, n)
    pick_a = x > y if is_max else x < y
    t, s, v = (ta, sa, va) if pick_a else (tb, sb, vb)
    if t == 'inf':
        return inf(s, n)
    if t == 'zero':
        return zero(s, n)
    return fpround(v, n, c)


def op_cmp(a, b, n, c, signalling):
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    if ta in ('qnan', 'snan') or tb in ('qnan', 'snan'):
        if signalling or 'snan' in (ta, tb):
            c.flags |= IOC
        return 0x3
    inf_v = Fr(10) ** 5000
    x = (-inf_v if sa else inf_v) if ta == 'inf' else va
    y = (-inf_v if sb else inf_v) if tb == 'inf' else vb
    return 0x6 if x == y else 0x8 if x < y else 0x2


def round_int_value(v, rmode):
    """Round a Fraction to an integer (FPRoundInt/FPToFixed's rounding)."""
    i = v.numerator // v.denominator
    err = v - i
    up = {RN: err > Fr(1, 2) or (err == Fr(1, 2) and i & 1), RA: err > Fr(1, 2) or
          (err == Fr(1, 2) and v > 0), RP: err != 0, RM: False, RZ: err != 0 and v < 0}[rmode]
    return i + up, err != 0


def op_rint(a, n, c, rmode, exact):
    ta, sa, va = unpack(a, n, c)
    if ta in ('qnan', 'snan'):
        return process_nan(a, ta, n, c)
    if ta == 'inf':
        return inf(sa, n)
    if ta == 'zero':
        return zero(sa, n)
    r, inexact = round_int_value(va, rmode)
    if inexact and exact:
        c.flags |= IXC
    return zero(sa, n) if r == 0 else fpround(Fr(r), n, c)


def op_toint(a, n, c, fbits, width, unsigned, rmode):
    ta, sa, va = unpack(a, n, c)
    if ta in ('qnan', 'snan'):
        c.flags |= IOC
        return 0
    if ta == 'zero':
        return 0
    if ta == 'inf':
        r, inexact = (-(1 << 200) if sa else 1 << 200), False
    else:
        r, inexact = round_int_value(va * 2 ** fbits, rmode)
    lo, hi = (0, (1 << width) - 1) if unsigned else (-(1 << (width - 1)), (1 << (width - 1)) - 1)
    if r < lo or r > hi:
        c.flags |= IOC
        r = lo if r < lo else hi
    elif inexact:
        c.flags |= IXC
    return r & ((1 << width) - 1)


def op_fromint(x, width, unsigned, fbits, n, c):
    if not unsigned and x >> (width - 1):
        x -= 1 << width
    return 0 if x == 0 else fpround(Fr(x, 2 ** fbits), n, c)


def op_cvt(a, nfrom, nto, c):
    """FPConvert (FCVT): FZ applies to a single or double operand or
    result, never to half precision (FPUnpackCV, FPRoundCV clear FZ16)."""
    t, s, v = unpack(a, nfrom, c)
    alt_hp = nto == 16 and c.ahp
    if t in ('qnan', 'snan'):
        if t == 'snan' or alt_hp:
            c.flags |= IOC
        if alt_hp:
            return zero(s, nto)
        if c.dn:
            return defnan(nto)
        ef, ff = FMT[nfrom]
        et, ft = FMT[nto]
        frac = a & ((1 << ff) - 1)
        frac = frac << (ft - ff) if ft > ff else frac >> (ff - ft)
        return s << (nto - 1) | ((1 << et) - 1) << ft | frac | 1 << (ft - 1)
    if t == 'inf':
        if alt_hp:
            c.flags |= IOC
            return s << 15 | 0x7fff
        return inf(s, nto)
    if t == 'zero':
        return zero(s, nto)
    return fpround(v, nto, c)


def recip_estimate(a):
    """RecipEstimate: a in 256..511 is a / 512; result 256..511 is r / 256."""
    b = (1 << 19) // (2 * a + 1)
    return (b + 1) // 2


def recip_sqrt_estimate(a):
    """RecipSqrtEstimate: a in 128..511 is a / 512; result 256..511."""
    # 0.25..0.5 in units of 1/1024, or 0.5..1 in units of 1/512 (bottom
    # bit dropped), each rounded to the nearest odd multiple
    a = 2 * a + 1 if a < 256 else ((a >> 1 << 1) + 1) * 2
    b = 512
    while a * (b + 1) * (b + 1) < 1 << 28:
        b += 1
    return (b + 1) // 2


def frac52(a, n):
    e, f = FMT[n]
    return (a & ((1 << f) - 1)) << (52 - f), (a >> f) & ((1 << e) - 1)


def op_recpe(a, n, c):
    """FPRecipEstimate (FRECPE)."""
    t, s, v = unpack(a, n, c)
    if t in ('qnan', 'snan'):
        return process_nan(a, t, n, c)
    if t == 'inf':
        return zero(s, n)
    if t == 'zero':
        c.flags |= DZC
        return inf(s, n)
    e, f = FMT[n]
    if abs(v) < Fr(2) ** -(1 << (e - 1)):
        c.flags |= OFC | IXC
        to_inf = {RN: True, RP: s == 0, RM: s == 1, RZ: False}[c.rmode]
        return inf(s, n) if to_inf else s << (n - 1) | ((1 << e) - 2) << f | ((1 << f) - 1)
    if c.fz and abs(v) >= Fr(2) ** ((1 << (e - 1)) - 2):
        c.flags |= UFC
        return zero(s, n)
    frac, exp = frac52(a, n)
    if exp == 0:
        if not frac >> 51:
            exp = -1
            frac = frac << 2 & ((1 << 52) - 1)
        else:
            frac = frac << 1 & ((1 << 52) - 1)
    scaled = 256 | frac >> 44
    rexp = (2 * (1 << (e - 1)) - 3) - exp        # 253 or 2045 - exp
    frac = recip_estimate(scaled) % 256 << 44
    if rexp == 0:
        frac = 1 << 51 | frac >> 1
    elif rexp == -1:
        frac = 1 << 50 | frac >> 2
        rexp = 0
    return s << (n - 1) | rexp << f | frac >> (52 - f)


def op_rsqrte(a, n, c):
    """FPRSqrtEstimate (FRSQRTE)."""
    t, s, v = unpack(a, n, c)
    if t in ('qnan', 'snan'):
        return process_nan(a, t, n, c)
    if t == 'zero':
        c.flags |= DZC
        return inf(s, n)
    if s:
        c.flags |= IOC
        return defnan(n)
    if t == 'inf':
        return zero(0, n)
    e, f = FMT[n]
    frac, exp = frac52(a, n)
    if exp == 0:
        while not frac >> 51:
            frac = frac << 1 & ((1 << 52) - 1)
            exp -= 1
        frac = frac << 1 & ((1 << 52) - 1)
    scaled = 256 | frac >> 44 if exp % 2 == 0 else 128 | frac >> 45
    rexp = ((380 if n == 32 else 3068) - exp) // 2
    return rexp << f | (recip_sqrt_estimate(scaled) % 256) << (f - 8)


def op_recps(a, b, n, c, rsqrt):
    """FPRecipStepFused (FRECPS) 2 - a*b, FPRSqrtStepFused (FRSQRTS)
    (3 - a*b) / 2: op1 is negated first, so a NaN op1 comes back negated."""
    a ^= 1 << (n - 1)
    ta, sa, va = unpack(a, n, c)
    tb, sb, vb = unpack(b, n, c)
    r = process_nans([(ta, a), (tb, b)], n, c)
    if r is not None:
        return r
    e, f = FMT[n]
    one = ((1 << (e - 1)) - 1) << f
    if (ta, tb) in (('inf', 'zero'), ('zero', 'inf')):
        return one | 1 << (f - 1) if rsqrt else one + (1 << f)
    if 'inf' in (ta, tb):
        return inf(sa ^ sb, n)
    v = (Fr(3) + va * vb) / 2 if rsqrt else Fr(2) + va * vb
    return result(v, n, c, 1 if c.rmode == RM else 0)


def op_recpx(a, n, c):
    """FPRecpX (FRECPX): the exponent inverted, fraction zero."""
    t, s, v = unpack(a, n, c)
    if t in ('qnan', 'snan'):
        return process_nan(a, t, n, c)
    e, f = FMT[n]
    exp = (a >> f) & ((1 << e) - 1)
    exp = (1 << e) - 2 if exp == 0 else ~exp & ((1 << e) - 1)
    return s << (n - 1) | exp << f


# ---- operands -----------------------------------------------------------------

def edges(n):
    e, f = FMT[n]
    top = 1 << (n - 1)
    expall = ((1 << e) - 1) << f
    one = ((1 << (e - 1)) - 1) << f
    return [0, top, 1, top | 1, 1 << f, (1 << f) - 1, expall - (1 << f) | ((1 << f) - 1),
            expall, top | expall, expall | 1 << (f - 1), expall | 1, top | expall | 3,
            expall | 1 << (f - 1) | 0x15, top | expall | 1 << (f - 1) | 0x2a, expall | 1 << (f - 2),
            one, top | one, one | 1, one + (1 << f), one - (1 << f) | 1 << (f - 1),
            (one + (5 << f)) | 1 << (f - 1), top | (one + (1 << f)) | 1 << (f - 2)]


def boundary_pairs(n):
    """Operand pairs whose exact sum, product or quotient lies at or next
    to a rounding boundary, the overflow threshold or the denormal range."""
    e, f = FMT[n]
    top = 1 << (n - 1)
    one = ((1 << (e - 1)) - 1) << f
    half_ulp = one - ((f + 1) << f)          # 2^-(f+1)
    minnorm, maxnorm = 1 << f, ((1 << e) - 2) << f | ((1 << f) - 1)
    below_one = one - 1                      # 1 - 2^-(f+1)
    half = one - (1 << f)
    return [(one, half_ulp), (one | 1, half_ulp), (one, half_ulp | 1), (top | one, half_ulp | top),
            (maxnorm, maxnorm), (maxnorm, one | 1), (top | maxnorm, one + (1 << f)),
            (minnorm, half), (minnorm | 1, half), (minnorm, below_one), (top | minnorm, below_one),
            (minnorm, top | minnorm - 1), (one, one + (1 << f) | 1 << (f - 1)), (minnorm | 3, top | minnorm)]


def randval(rng, n):
    e, f = FMT[n]
    k = rng.randrange(4)
    if k == 0:
        return rng.choice(edges(n))
    ex = {1: rng.randrange(1 << e), 2: rng.randrange(3), 3: (1 << (e - 1)) + rng.randrange(-3, 4)}[k]
    ex = max(0, min(ex, (1 << e) - 1))
    return rng.randrange(2) << (n - 1) | ex << f | rng.getrandbits(f)


MODES = [(RN, 0, 0), (RP, 0, 0), (RM, 0, 0), (RZ, 0, 0), (RN, 1, 0), (RN, 0, 1), (RZ, 1, 1)]


def fpcr_of(m):
    rmode, fz, dn = m
    return rmode << 22 | fz << 24 | dn << 25


class Out:
    def __init__(self):
        self.lines, self.count = [], 0

    def case(self, name, fpcr, setup, insn, res_read, want, flags):
        L = self.lines
        self.count += 2
        L.append('    /* %s */' % name)
        L.append('    ldr x0, =0x%x' % fpcr)
        L.append('    msr fpcr, x0')
        L.append('    msr fpsr, xzr')
        L.extend('    ' + s for s in setup)
        L.append('    ' + insn)
        L.append('    ' + res_read)
        L.append('    mrs x21, fpsr')
        L.append('    CHECK("%s", x20, 0x%x)' % (name, want))
        L.append('    CHECK("%s fpsr", x21, 0x%x)' % (name, flags))
        if self.count % 128 == 0:
            # ldr =imm reaches its literal pool only within 1 MiB.
            L.append('    b 1f\n    .ltorg\n1:')


def reg(n):
    return 's' if n == 32 else 'd'


def load(vreg, val, n):
    return ['ldr x1, =0x%x' % val, 'fmov %s, x1' % (vreg if n == 64 else 'd' + vreg[1:])]


def main():
    rng = random.Random(2026)
    out = Out()
    for n in (32, 64):
        r = reg(n)
        ed = edges(n)
        for m in MODES:
            fpcr = fpcr_of(m)
            tag = 'f%d rm%d fz%d dn%d' % (n, m[0], m[1], m[2])
            pairs = [(rng.choice(ed), rng.choice(ed)) for _ in range(6)] + \
                    [(randval(rng, n), randval(rng, n)) for _ in range(6)]
            bpairs = boundary_pairs(n)
            for name, fn in (('fadd', lambda a, b, c: op_add(a, b, n, c)),
                             ('fsub', lambda a, b, c: op_add(a, b, n, c, True)),
                             ('fmul', lambda a, b, c: op_mul(a, b, n, c)),
                             ('fdiv', lambda a, b, c: op_div(a, b, n, c)),
                             ('fmax', lambda a, b, c: op_maxmin(a, b, n, c, True, False)),
                             ('fmin', lambda a, b, c: op_maxmin(a, b, n, c, False, False)),
                             ('fmaxnm', lambda a, b, c: op_maxmin(a, b, n, c, True, True)),
                             ('fminnm', lambda a, b, c: op_maxmin(a, b, n, c, False, True)),
                             ('fnmul', lambda a, b, c: op_mul(a, b, n, c) ^ (1 << (n - 1)))):
                for a, b in pairs[:4] if name.startswith('fm') and 'ul' not in name else pairs + bpairs:
                    c = Ctx(*m)
                    want = fn(a, b, c)
                    out.case('%s %s %x %x' % (tag, name, a, b), fpcr,
                             load('d1', a, 64) + load('d2', b, 64),
                             '%s %s0, %s1, %s2' % (name, r, r, r), 'fmov x20, d0', want, c.flags)
            for i in range(6):
                a, b, ad = randval(rng, n), randval(rng, n), rng.choice([randval(rng, n), rng.choice(ed)])
                for name, na, np_ in (('fmadd', 0, 0), ('fmsub', 0, 1), ('fnmadd', 1, 1), ('fnmsub', 1, 0)):
                    c = Ctx(*m)
                    sgn = 1 << (n - 1)
                    want = op_fma(ad ^ (sgn if na else 0), a ^ (sgn if np_ else 0), b, n, c)
                    out.case('%s %s %x %x %x' % (tag, name, a, b, ad), fpcr,
                             load('d1', a, 64) + load('d2', b, 64) + load('d3', ad, 64),
                             '%s %s0, %s1, %s2, %s3' % (name, r, r, r, r), 'fmov x20, d0', want, c.flags)
            for i in range(5):
                a = randval(rng, n) if i else rng.choice(ed)
                c = Ctx(*m)
                want = op_sqrt(a, n, c)
                out.case('%s fsqrt %x' % (tag, a), fpcr, load('d1', a, 64), 'fsqrt %s0, %s1' % (r, r),
                         'fmov x20, d0', want, c.flags)
            for i, (a, b) in enumerate(pairs[:6]):
                for ins, sig in (('fcmp', False), ('fcmpe', True)):
                    c = Ctx(*m)
                    want = op_cmp(a, b, n, c, sig) << 28
                    out.case('%s %s %x %x' % (tag, ins, a, b), fpcr, load('d1', a, 64) + load('d2', b, 64),
                             '%s %s1, %s2' % (ins, r, r), 'mrs x20, nzcv', want, c.flags)
            c = Ctx(*m)
            a = pairs[0][0]
            want = op_cmp(a, 0, n, c, False) << 28
            out.case('%s fcmp #0 %x' % (tag, a), fpcr, load('d1', a, 64), 'fcmp %s1, #0.0' % r,
                     'mrs x20, nzcv', want, c.flags)
            # FRINT*
            vals = [randval(rng, n) for _ in range(2)] + [rng.choice(ed)]
            e, f = FMT[n]
            for k in (1, 3, 5):     # values with a fraction: x.5, x.25 ...
                vals.append((((1 << (e - 1)) + k) << f) | (rng.getrandbits(f) & ~((1 << (f - 3)) - 1)) |
                            rng.randrange(2) << (n - 1))
            for a in vals:
                for ins, rmode, exact in (('frintn', RN, 0), ('frintp', RP, 0), ('frintm', RM, 0),
                                          ('frintz', RZ, 0), ('frinta', RA, 0), ('frintx', m[0], 1),
                                          ('frinti', m[0], 0)):
                    c = Ctx(*m)
                    want = op_rint(a, n, c, rmode, exact)
                    out.case('%s %s %x' % (tag, ins, a), fpcr, load('d1', a, 64), '%s %s0, %s1' % (ins, r, r),
                             'fmov x20, d0', want, c.flags)
            # to integer (x = 64-bit, w = 32-bit), with and without fbits
            for a in vals[:3] + [((1 << (e - 1)) + 30 + (0 if n == 32 else 32)) << f | rng.getrandbits(f),
                                 1 << (n - 1) | ((1 << (e - 1)) + 31) << f,
                                 ((1 << (e - 1)) + 62) << f | rng.getrandbits(f)]:
                for w, wr in ((32, 'w'), (64, 'x')):
                    for ins, rmode, uns in (('fcvtns', RN, 0), ('fcvtnu', RN, 1), ('fcvtps', RP, 0),
                                            ('fcvtpu', RP, 1), ('fcvtms', RM, 0), ('fcvtmu', RM, 1),
                                            ('fcvtzs', RZ, 0), ('fcvtzu', RZ, 1),
                                            ('fcvtas', RA, 0), ('fcvtau', RA, 1)):
                        c = Ctx(*m)
                        want = op_toint(a, n, c, 0, w, uns, rmode)
                        out.case('%s %s %s %x' % (tag, ins, wr, a), fpcr, load('d1', a, 64),
                                 '%s %s20, %s1' % (ins, wr, r), 'mov x20, x20', want, c.flags)
                    fb = rng.randrange(1, w + 1)
                    for ins, uns in (('fcvtzs', 0), ('fcvtzu', 1)):
                        c = Ctx(*m)
                        want = op_toint(a, n, c, fb, w, uns, RZ)
                        out.case('%s %s %s %x #%d' % (tag, ins, wr, a, fb), fpcr, load('d1', a, 64),
                                 '%s %s20, %s1, #%d' % (ins, wr, r, fb), 'mov x20, x20', want, c.flags)
            # from integer
            for x in (rng.getrandbits(64), rng.getrandbits(64) >> rng.randrange(64), 1 << 63, 0xffffffff,
                      (1 << 53) + 1, (1 << 24) + 1):
                for w, wr in ((32, 'w'), (64, 'x')):
                    xv = x & ((1 << w) - 1)
                    for ins, uns in (('scvtf', 0), ('ucvtf', 1)):
                        for fb in (0, rng.randrange(1, w + 1)):
                            c = Ctx(*m)
                            want = op_fromint(xv, w, uns, fb, n, c)
                            fbs = ', #%d' % fb if fb else ''
                            out.case('%s %s %s %x%s' % (tag, ins, wr, xv, fbs), fpcr, ['ldr x1, =0x%x' % x],
                                     '%s %s0, %s1%s' % (ins, r, wr, fbs), 'fmov x20, d0', want, c.flags)
            # FCVT to the other precision
            for a in [randval(rng, n) for _ in range(5)] + [rng.choice(ed) for _ in range(3)]:
                o = 96 - n
                c = Ctx(*m)
                want = op_cvt(a, n, o, c)
                out.case('%s fcvt %x' % (tag, a), fpcr, load('d1', a, 64), 'fcvt %s0, %s1' % (reg(o), r),
                         'fmov x20, d0', want, c.flags)
            # FCVT to and from half precision, IEEE (AHP=0) and, in two of
            # the modes, the alternative format (AHP=1)
            for ahp in (0, 1) if m in (MODES[0], MODES[-1]) else (0,):
                hfpcr = fpcr | ahp << 26
                htag = '%s ahp%d' % (tag, ahp)
                ed16 = edges(16)
                for a in [randval(rng, n) for _ in range(3)] + [rng.choice(ed) for _ in range(2)] + \
                         [(((1 << (FMT[n][0] - 1)) - 1 + k) << FMT[n][1]) | rng.getrandbits(FMT[n][1]) |
                          rng.randrange(2) << (n - 1) for k in (-24, -14, 15, 16, 17)] + [ed[7], ed[8]]:
                    c = Ctx(*m, ahp)
                    want = op_cvt(a, n, 16, c)
                    out.case('%s fcvt h %x' % (htag, a), hfpcr, load('d1', a, 64), 'fcvt h0, %s1' % r,
                             'fmov x20, d0', want, c.flags)
                for a in [rng.choice(ed16) for _ in range(3)] + [randval(rng, 16) for _ in range(2)]:
                    c = Ctx(*m, ahp)
                    want = op_cvt(a, 16, n, c)
                    out.case('%s fcvt from h %x' % (htag, a), hfpcr, load('d1', a, 64), 'fcvt %s0, h1' % r,
                             'fmov x20, d0', want, c.flags)
            # FABS, FNEG: the sign bit only, no flags, NaNs and denormals kept
            for a in [rng.choice(ed) for _ in range(3)] + [randval(rng, n)]:
                for ins, want in (('fabs', a & ~(1 << (n - 1))), ('fneg', a ^ 1 << (n - 1))):
                    out.case('%s %s %x' % (tag, ins, a), fpcr, load('d1', a, 64), '%s %s0, %s1' % (ins, r, r),
                             'fmov x20, d0', want, 0)
            # FRECPE, FRSQRTE, FRECPX; FRECPS, FRSQRTS
            e, f = FMT[n]
            for a in [rng.choice(ed) for _ in range(3)] + [randval(rng, n) for _ in range(2)] + \
                     [rng.randrange(2) << (n - 1) | rng.getrandbits(f - 2) | rng.randrange(4) << (f - 2),
                      rng.randrange(2) << (n - 1) | ((1 << e) - 3 - rng.randrange(2)) << f | rng.getrandbits(f)]:
                for ins, fn in (('frecpe', op_recpe), ('frsqrte', op_rsqrte), ('frecpx', op_recpx)):
                    c = Ctx(*m)
                    want = fn(a, n, c)
                    out.case('%s %s %x' % (tag, ins, a), fpcr, load('d1', a, 64), '%s %s0, %s1' % (ins, r, r),
                             'fmov x20, d0', want, c.flags)
            for a, b in pairs[:3] + pairs[6:9] + [(ed[7], ed[0]), (ed[1], ed[8])]:
                for ins, rs in (('frecps', False), ('frsqrts', True)):
                    c = Ctx(*m)
                    want = op_recps(a, b, n, c, rs)
                    out.case('%s %s %x %x' % (tag, ins, a, b), fpcr, load('d1', a, 64) + load('d2', b, 64),
                             '%s %s0, %s1, %s2' % (ins, r, r, r), 'fmov x20, d0', want, c.flags)
    # FCSEL and FCCMP: condition from a CMP of x2 with x3
    for n in (32, 64):
        r = reg(n)
        ed = edges(n)
        opairs = [(ed[12], ed[9])] + [(rng.choice(ed), rng.choice(ed)) for _ in range(5)]
        for m in (MODES[0], MODES[4]):
            fpcr = fpcr_of(m)
            tag = 'f%d fz%d' % (n, m[1])
            for i, (a, b) in enumerate(opairs):
                for cond, x2, x3, holds in (('eq', 1, 1, 1), ('eq', 1, 2, 0), ('lt', 1, 2, 1), ('gt', 1, 2, 0),
                                            ('al', 1, 2, 1), ('nv', 1, 2, 1), ('hi', 2, 1, 1)):
                    setup = load('d1', a, 64) + load('d2', b, 64) + \
                        ['mov x2, #%d' % x2, 'mov x3, #%d' % x3, 'cmp x2, x3']
                    nzcv = rng.randrange(16)
                    if i < 2:
                        out.case('%s fcsel %s %d %x %x' % (tag, cond, holds, a, b), fpcr, setup,
                                 'fcsel %s0, %s1, %s2, %s' % (r, r, r, cond), 'fmov x20, d0',
                                 a if holds else b, 0)
                    for ins, sig in (('fccmp', False), ('fccmpe', True)):
                        c = Ctx(*m)
                        want = (op_cmp(a, b, n, c, sig) << 28) if holds else nzcv << 28
                        out.case('%s %s %s %d %x %x' % (tag, ins, cond, holds, a, b), fpcr, setup,
                                 '%s %s1, %s2, #%d, %s' % (ins, r, r, nzcv, cond), 'mrs x20, nzcv', want,
                                 c.flags if holds else 0)
    with open(sys.argv[1], 'w') as fo:
        fo.write('/*\n * fp-scalar.S - generated by tools/gen-kat-fp.py (expected values from its\n'
                 ' * exact-arithmetic model of the Arm ARM floating-point pseudocode): the A64\n'
                 ' * scalar FP instructions on edge and random values, in every rounding\n'
                 ' * mode and with FZ and DN, checking the result and FPSR.  %d checks.\n'
                 ' * Do not edit; change the script.\n */\n#include "kat.h"\n\nkat_main:\n' % out.count)
        fo.write('\n'.join(out.lines))
        fo.write('\n    msr fpcr, xzr\n    KAT_END\n')


main()
