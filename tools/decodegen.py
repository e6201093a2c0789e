#!/usr/bin/env python3
"""decodegen - generate a C instruction decoder from a .decode pattern file.

Usage: decodegen.py [-o OUTPUT] [-n NAME] FILE.decode

The pattern-file language and the generated interface are described in
docs/decode.md.  In short: a file declares named bit fields, argument sets
(C structs of ints), formats (bit layouts shared by several instructions) and
patterns (one instruction encoding each).  The output is a C file, included
by a guest frontend, that defines

    static bool decode_NAME(DisasContext *ctx, uint32_t insn);

which finds the one pattern whose fixed bits match INSN, fills its argument
struct and returns trans_INSN(ctx, &args); it returns false when nothing
matches.

Invariants the generator keeps (and checks on the input):
  * Every format and pattern line describes exactly WIDTH bits.
  * Outside a { } group no two patterns can match the same word: any
    overlap is an error, so the decision tree may test bits in any order.
    Inside a group patterns are tried in file order, and the first whose
    trans_ function returns true wins.
  * The decision tree only ever tests bits that some candidate fixes, and
    every leaf re-tests the full remaining fixed bits of its pattern, so a
    word reaches trans_INSN only if it matches INSN's mask and value.
  * Bad input gives "FILE:LINE: error: message" on stderr and exit status 1,
    never a Python traceback, and leaves no output file behind.

Standard library only: it runs at build time with whatever python3
configure found.
"""

import argparse
import os
import re
import sys
import tempfile

IDENT_RE = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')
RANGE_RE = re.compile(r'^(\d+)(?::(\d+))?$')
INLINE_RE = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*):(s?)(\d+)$')
BITS_RE = re.compile(r'^[01.]+$')
INT_RE = re.compile(r'^-?(0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)$')

C_KEYWORDS = set('''auto break case char const continue default do double
else enum extern float for goto if inline int long register restrict return
short signed sizeof static struct switch typedef union unsigned void
volatile while bool true false ctx insn'''.split())


class DecodeError(Exception):
    """An error in the input, reported as FILE:LINE: error: MESSAGE."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


def check_ident(name, what, line):
    if not IDENT_RE.match(name):
        raise DecodeError(line, "invalid %s name '%s'" % (what, name))
    if name in C_KEYWORDS:
        raise DecodeError(line, "%s name '%s' is reserved in C or in the "
                          "generated code" % (what, name))


class Field:
    """A named field: parts (hi, lo) concatenated most significant first."""

    def __init__(self, name, parts, signed, func, line):
        self.name = name
        self.parts = parts
        self.signed = signed
        self.func = func
        self.line = line

    def length(self):
        return sum(hi - lo + 1 for hi, lo in self.parts)


class ArgSet:
    def __init__(self, name, members, line, implicit):
        self.name = name
        self.members = members
        self.line = line
        self.implicit = implicit


class Spec:
    """The parsed body of a format or pattern line."""

    def __init__(self, line):
        self.line = line
        self.mask = 0
        self.value = 0
        self.assigns = {}       # member -> ('field', name) | ('const', int)
                                #         | ('inline', (pos, len, signed))
        self.order = []         # members in order of appearance
        self.argset = None      # explicit &name
        self.format = None      # @name (patterns only)


class Format:
    def __init__(self, name, spec):
        self.name = name
        self.spec = spec
        self.line = spec.line


class Pattern:
    def __init__(self, name, line):
        self.name = name
        self.line = line
        self.mask = 0
        self.value = 0
        self.assigns = {}
        self.argset = None      # resolved ArgSet
        self.extract_name = None


class Group:
    def __init__(self, line):
        self.line = line
        self.items = []
        self.mask = 0
        self.value = 0

    def compute(self):
        """The bits every member fixes to the same value."""
        mask = None
        value = 0
        for item in self.items:
            if mask is None:
                mask, value = item.mask, item.value
            else:
                mask &= item.mask & ~(value ^ item.value)
                value &= mask
        self.mask = mask or 0
        self.value = value & self.mask


def parse_int(text, line):
    try:
        return int(text, 0)
    except ValueError:
        raise DecodeError(line, "invalid number '%s'" % text)


class Parser:
    def __init__(self, filename, text):
        self.filename = filename
        self.text = text
        self.width = 32
        self.width_locked = False
        self.fields = {}
        self.argsets = {}
        self.formats = {}
        self.patterns = {}      # name -> first Pattern with that name
        self.all_patterns = []
        self.functions = []     # !function names in order of first use
        self.root = Group(0)

    # ---- lines --------------------------------------------------------

    def logical_lines(self):
        """Yield (line number, tokens), joining lines that end in '\\'."""
        pending = []
        start = 0
        for number, raw in enumerate(self.text.split('\n'), 1):
            code = raw.split('#', 1)[0].rstrip()
            if not pending:
                start = number
            if code.endswith('\\'):
                pending.append(code[:-1])
                continue
            pending.append(code)
            tokens = ' '.join(pending).split()
            pending = []
            if tokens:
                yield start, tokens
        if pending:
            tokens = ' '.join(pending).split()
            if tokens:
                yield start, tokens

    def parse(self):
        stack = [self.root]
        for line, tokens in self.logical_lines():
            head = tokens[0]
            if head == '{':
                if len(tokens) != 1:
                    raise DecodeError(line, "'{' must be alone on its line")
                group = Group(line)
                stack[-1].items.append(group)
                stack.append(group)
            elif head == '}':
                if len(tokens) != 1:
                    raise DecodeError(line, "'}' must be alone on its line")
                if len(stack) == 1:
                    raise DecodeError(line, "'}' without a matching '{'")
                group = stack.pop()
                if not group.items:
                    raise DecodeError(group.line, "empty group")
                group.compute()
            elif head == 'width':
                self.parse_width(line, tokens)
            elif head == 'field':
                self.width_locked = True
                self.parse_field(line, tokens)
            elif head == 'args':
                self.width_locked = True
                self.parse_args(line, tokens)
            elif head == 'format':
                self.width_locked = True
                self.parse_format(line, tokens)
            else:
                self.width_locked = True
                stack[-1].items.append(self.parse_pattern(line, tokens))
        if len(stack) > 1:
            raise DecodeError(stack[-1].line, "group is not closed by '}'")
        self.check_overlaps(self.root)

    def parse_width(self, line, tokens):
        if self.width_locked:
            raise DecodeError(line, "'width' must come before any definition")
        if len(tokens) != 2 or tokens[1] not in ('16', '32'):
            raise DecodeError(line, "'width' takes 16 or 32")
        self.width = int(tokens[1])
        self.width_locked = True

    # ---- field NAME [signed] RANGE... [!function=FUNC] -----------------

    def parse_field(self, line, tokens):
        if len(tokens) < 2:
            raise DecodeError(line, "'field' needs a name")
        name = tokens[1]
        check_ident(name, 'field', line)
        if name in self.fields:
            raise DecodeError(line, "field '%s' already defined at line %d"
                              % (name, self.fields[name].line))
        signed = False
        func = None
        parts = []
        for tok in tokens[2:]:
            if tok == 'signed':
                if parts or signed:
                    raise DecodeError(line, "'signed' must come right after "
                                      "the field name")
                signed = True
            elif tok.startswith('!function='):
                func = tok[len('!function='):]
                check_ident(func, 'function', line)
            else:
                m = RANGE_RE.match(tok)
                if not m:
                    raise DecodeError(line, "invalid bit range '%s' in field "
                                      "'%s' (use HI:LO or BIT)" % (tok, name))
                if func is not None:
                    raise DecodeError(line, "'!function=' must come last")
                hi = int(m.group(1))
                lo = int(m.group(2)) if m.group(2) is not None else hi
                if hi < lo:
                    raise DecodeError(line, "bit range %s runs backwards "
                                      "(write HI:LO)" % tok)
                if hi >= self.width:
                    raise DecodeError(line, "bit %d is outside a %d-bit "
                                      "instruction" % (hi, self.width))
                parts.append((hi, lo))
        if not parts:
            raise DecodeError(line, "field '%s' has no bits" % name)
        used = 0
        for hi, lo in parts:
            bits = ((1 << (hi - lo + 1)) - 1) << lo
            if used & bits:
                raise DecodeError(line, "field '%s' uses a bit twice" % name)
            used |= bits
        field = Field(name, parts, signed, func, line)
        if field.length() > 32:
            raise DecodeError(line, "field '%s' is longer than 32 bits" % name)
        if func is not None and func not in self.functions:
            self.functions.append(func)
        self.fields[name] = field

    # ---- args NAME MEMBER... ---------------------------------------------

    def parse_args(self, line, tokens):
        if len(tokens) < 2:
            raise DecodeError(line, "'args' needs a name")
        name = tokens[1]
        check_ident(name, 'argument set', line)
        old = self.argsets.get(name)
        if old is not None:
            if old.implicit:
                raise DecodeError(line, "arg_%s was already made for the "
                                  "format or pattern '%s' at line %d"
                                  % (name, name, old.line))
            raise DecodeError(line, "argument set '%s' already defined at "
                              "line %d" % (name, old.line))
        members = []
        for tok in tokens[2:]:
            check_ident(tok, 'member', line)
            if tok in members:
                raise DecodeError(line, "member '%s' listed twice" % tok)
            members.append(tok)
        self.argsets[name] = ArgSet(name, members, line, False)

    # ---- the bit layout shared by formats and patterns --------------------

    def parse_spec(self, line, tokens, what, allow_format):
        spec = Spec(line)
        layout = []             # (bits, kind, data) from the top bit down
        for tok in tokens:
            if BITS_RE.match(tok):
                layout.append((len(tok), 'bits', tok))
            elif INLINE_RE.match(tok):
                m = INLINE_RE.match(tok)
                n = int(m.group(3))
                if n == 0 or n > 32:
                    raise DecodeError(line, "inline field '%s' must be 1 to "
                                      "32 bits long" % tok)
                layout.append((n, 'inline', (m.group(1), m.group(2) == 's')))
            elif tok.startswith('@'):
                if not allow_format:
                    raise DecodeError(line, "a format cannot use a format")
                if spec.format is not None:
                    raise DecodeError(line, "more than one format given")
                fname = tok[1:]
                if fname not in self.formats:
                    raise DecodeError(line, "undefined format '%s'" % fname)
                spec.format = self.formats[fname]
            elif tok.startswith('&'):
                if spec.argset is not None:
                    raise DecodeError(line, "more than one argument set given")
                aname = tok[1:]
                if aname not in self.argsets or self.argsets[aname].implicit:
                    raise DecodeError(line, "undefined argument set '%s'"
                                      % aname)
                spec.argset = self.argsets[aname]
            elif tok.startswith('%'):
                self.assign(spec, tok[1:], tok, line)
            elif '=' in tok:
                member, _, rhs = tok.partition('=')
                self.assign(spec, member, rhs, line)
            else:
                raise DecodeError(line, "unexpected '%s' in %s" % (tok, what))
        total = sum(n for n, _, _ in layout)
        if total != self.width:
            raise DecodeError(line, "%s has %d bits, the instruction width "
                              "is %d" % (what, total, self.width))
        pos = self.width
        for n, kind, data in layout:
            pos -= n
            if kind == 'bits':
                for i, ch in enumerate(data):
                    bit = 1 << (pos + n - 1 - i)
                    if ch != '.':
                        spec.mask |= bit
                        if ch == '1':
                            spec.value |= bit
            else:
                member, signed = data
                self.assign(spec, member, ('inline', (pos, n, signed)), line)
        return spec

    def assign(self, spec, member, rhs, line):
        check_ident(member, 'member', line)
        if member in spec.assigns:
            raise DecodeError(line, "member '%s' is set twice" % member)
        if isinstance(rhs, tuple):
            value = rhs
        elif rhs.startswith('%'):
            fname = rhs[1:]
            if fname not in self.fields:
                raise DecodeError(line, "undefined field '%s'" % fname)
            value = ('field', fname)
        elif INT_RE.match(rhs):
            value = ('const', parse_int(rhs, line))
            if not -2**31 <= value[1] < 2**32:
                raise DecodeError(line, "constant %s does not fit in 32 bits"
                                  % rhs)
        else:
            raise DecodeError(line, "'%s=%s': expected %%FIELD or a number"
                              % (member, rhs))
        spec.assigns[member] = value
        spec.order.append(member)

    # ---- format NAME SPEC... ------------------------------------------------

    def parse_format(self, line, tokens):
        if len(tokens) < 2:
            raise DecodeError(line, "'format' needs a name")
        name = tokens[1]
        check_ident(name, 'format', line)
        if name in self.formats:
            raise DecodeError(line, "format '%s' already defined at line %d"
                              % (name, self.formats[name].line))
        spec = self.parse_spec(line, tokens[2:], "format '%s'" % name, False)
        fmt = Format(name, spec)
        if spec.argset is None:
            fmt.implicit = self.implicit_argset(name, spec.order, line)
        else:
            # The patterns complete the set; a format may leave members
            # for them to fill (ADR and ADRP share a layout, not an imm).
            fmt.implicit = None
            for m in spec.order:
                if m not in spec.argset.members:
                    raise DecodeError(line, "'%s' is not a member of argument "
                                      "set '%s'" % (m, spec.argset.name))
        self.formats[name] = fmt

    def implicit_argset(self, name, members, line):
        """The argument set arg_NAME made for a format or pattern that
        names none; two patterns of one name must agree on it."""
        old = self.argsets.get(name)
        if old is not None:
            if not old.implicit:
                raise DecodeError(line, "'%s' needs an explicit argument set: "
                                  "arg_%s is already the argument set "
                                  "defined at line %d" % (name, name, old.line))
            if sorted(old.members) != sorted(members):
                raise DecodeError(line, "arg_%s was made at line %d with "
                                  "other members" % (name, old.line))
            return old
        aset = ArgSet(name, list(members), line, True)
        self.argsets[name] = aset
        return aset

    def check_members(self, aset, members, line):
        for m in members:
            if m not in aset.members:
                raise DecodeError(line, "'%s' is not a member of argument set "
                                  "'%s'" % (m, aset.name))
        for m in aset.members:
            if m not in members:
                raise DecodeError(line, "member '%s' of argument set '%s' is "
                                  "not set" % (m, aset.name))

    # ---- INSN SPEC... -----------------------------------------------------

    def parse_pattern(self, line, tokens):
        name = tokens[0]
        if not IDENT_RE.match(name):
            raise DecodeError(line, "expected a definition or an instruction "
                              "name, found '%s'" % name)
        check_ident(name, 'instruction', line)
        spec = self.parse_spec(line, tokens[1:], "pattern '%s'" % name, True)
        pat = Pattern(name, line)
        fmt = spec.format
        pat.mask, pat.value = spec.mask, spec.value
        order = []
        if fmt is not None:
            clash = spec.mask & fmt.spec.mask & (spec.value ^ fmt.spec.value)
            if clash:
                bit = clash.bit_length() - 1
                raise DecodeError(line, "bit %d is fixed to %d here but to %d "
                                  "by format '%s'"
                                  % (bit, (spec.value >> bit) & 1,
                                     (fmt.spec.value >> bit) & 1, fmt.name))
            pat.mask |= fmt.spec.mask
            pat.value |= fmt.spec.value
            pat.assigns.update(fmt.spec.assigns)
            order.extend(fmt.spec.order)
        pat.assigns.update(spec.assigns)
        order.extend(m for m in spec.order if m not in order)

        if spec.argset is not None:
            aset = spec.argset
            self.check_members(aset, order, line)
        elif fmt is not None and fmt.spec.argset is not None:
            aset = fmt.spec.argset
            self.check_members(aset, order, line)
        elif fmt is not None:
            aset = fmt.implicit
            for m in order:
                if m not in aset.members:
                    raise DecodeError(line, "'%s' is not a member of arg_%s "
                                      "(the members of format '%s'); name an "
                                      "argument set with &" % (m, fmt.name,
                                                               fmt.name))
        else:
            aset = self.implicit_argset(name, order, line)
        pat.argset = aset

        first = self.patterns.get(name)
        if first is None:
            self.patterns[name] = pat
            pat.extract_name = name
        else:
            if first.argset is not aset:
                raise DecodeError(line, "instruction '%s' already defined at "
                                  "line %d with argument set arg_%s"
                                  % (name, first.line, first.argset.name))
            pat.extract_name = '%s_%d' % (name, line)
        self.all_patterns.append(pat)
        return pat

    # ---- overlaps ------------------------------------------------------

    def check_overlaps(self, group):
        """Outside a group no two items (patterns, or whole groups by the
        bits all their members fix) may match one word.  Inside a group
        file order decides, so overlaps there are the point."""
        items = group.items
        for i, b in enumerate(items):
            for a in items[:i]:
                if ((a.value ^ b.value) & a.mask & b.mask) == 0:
                    word = a.value | b.value
                    raise DecodeError(
                        b.line, "%s overlaps %s (line %d): both match "
                        "0x%0*x; put them in a { } group in priority "
                        "order" % (describe(b), describe(a), a.line,
                                   self.width // 4, word))


def describe(item):
    if isinstance(item, Group):
        return "the group"
    return "pattern '%s'" % item.name


# ---- C output ----------------------------------------------------------------

class Emitter:
    def __init__(self, parser, name, source):
        self.p = parser
        self.name = name
        self.source = source
        self.out = []
        self.full = (1 << parser.width) - 1

    def line(self, indent, text=''):
        self.out.append(('    ' * indent + text) if text else '')

    def hexw(self, v):
        return '0x%0*x' % (self.p.width // 4, v)

    def extract_expr(self, pos, length, signed):
        if signed:
            return '%s_sextract(insn, %d, %d)' % (self.name, pos, length)
        return '%s_extract(insn, %d, %d)' % (self.name, pos, length)

    def field_expr(self, field):
        if len(field.parts) == 1:
            hi, lo = field.parts[0]
            expr = self.extract_expr(lo, hi - lo + 1, field.signed)
        else:
            pieces = []
            shift = field.length()
            for hi, lo in field.parts:
                n = hi - lo + 1
                shift -= n
                piece = self.extract_expr(lo, n, False)
                pieces.append('(%s << %d)' % (piece, shift) if shift
                              else piece)
            expr = ' | '.join(pieces)
            if field.signed:
                expr = '%s_sextract(%s, 0, %d)' % (self.name, expr,
                                                   field.length())
        if field.func:
            expr = '%s(ctx, %s)' % (field.func, expr)
        return expr

    def emit(self):
        p = self.p
        n = self.name
        self.line(0, '/* Generated by tools/decodegen.py from %s.' % self.source)
        self.line(0, ' * Edit the .decode file, not this one; see docs/decode.md. */')
        self.line(0)
        self.line(0, '#include <stdbool.h>')
        self.line(0, '#include <stddef.h>')
        self.line(0, '#include <stdint.h>')
        self.line(0)
        self.emit_argsets()
        self.line(0, '/* Implemented by the frontend that includes this file. */')
        for pat in p.all_patterns:
            if p.patterns[pat.name] is pat:
                self.line(0, 'static bool trans_%s(DisasContext *ctx, '
                          'arg_%s *a);' % (pat.name, pat.argset.name))
        for func in p.functions:
            self.line(0, 'static int %s(DisasContext *ctx, int x);' % func)
        self.line(0)
        self.line(0, 'static inline int %s_extract(uint32_t insn, int pos, '
                  'int len)' % n)
        self.line(0, '{')
        self.line(1, 'return (int)((insn >> pos) & (0xffffffffu >> (32 - len)));')
        self.line(0, '}')
        self.line(0)
        self.line(0, '/* Relies on arithmetic right shift of int32_t, as GCC '
                  'and Clang do. */')
        self.line(0, 'static inline int %s_sextract(uint32_t insn, int pos, '
                  'int len)' % n)
        self.line(0, '{')
        self.line(1, 'return (int32_t)(insn << (32 - pos - len)) >> (32 - len);')
        self.line(0, '}')
        self.line(0)
        for fname in sorted(p.fields):
            field = p.fields[fname]
            self.line(0, 'static inline int %s_field_%s(DisasContext *ctx, '
                      'uint32_t insn)' % (n, fname))
            self.line(0, '{')
            self.line(1, '(void)ctx;')
            self.line(1, 'return %s;' % self.field_expr(field))
            self.line(0, '}')
            self.line(0)
        for pat in p.all_patterns:
            self.emit_extract(pat)
        self.line(0, 'static bool decode_%s(DisasContext *ctx, uint32_t insn)'
                  % n)
        self.line(0, '{')
        if p.width < 32:
            self.line(1, 'insn &= %s;' % self.hexw(self.full))
        self.emit_tree(p.root.items, 0, 1)
        self.line(0, '}')
        return '\n'.join(self.out) + '\n'

    def emit_argsets(self):
        for aset in self.p.argsets.values():
            guard = 'DECODEGEN_ARG_%s' % aset.name
            self.line(0, '#ifndef %s' % guard)
            self.line(0, '#define %s' % guard)
            self.line(0, 'typedef struct arg_%s {' % aset.name)
            for m in aset.members:
                self.line(1, 'int %s;' % m)
            self.line(0, '} arg_%s;' % aset.name)
            self.line(0, '#else')
            self.line(0, '/* Another decoder in this C file defined it: the '
                      'members must agree. */')
            self.line(0, '_Static_assert(sizeof(arg_%s) == %d * sizeof(int), '
                      '"arg_%s differs between decoders");'
                      % (aset.name, len(aset.members), aset.name))
            for i, m in enumerate(aset.members):
                self.line(0, '_Static_assert(offsetof(arg_%s, %s) == %d * '
                          'sizeof(int), "arg_%s differs between decoders");'
                          % (aset.name, m, i, aset.name))
            self.line(0, '#endif')
            self.line(0)

    def emit_extract(self, pat):
        self.line(0, 'static inline void %s_args_%s(DisasContext *ctx, '
                  'arg_%s *a, uint32_t insn)'
                  % (self.name, pat.extract_name, pat.argset.name))
        self.line(0, '{')
        self.line(1, '(void)ctx;')
        self.line(1, '(void)insn;')
        self.line(1, '(void)a;')
        for m in pat.argset.members:
            kind, data = pat.assigns[m]
            if kind == 'const':
                expr = str(data)
                if data >= 2**31:
                    expr = '(int)%su' % data
            elif kind == 'field':
                expr = '%s_field_%s(ctx, insn)' % (self.name, data)
            else:
                expr = self.extract_expr(*data)
            self.line(1, 'a->%s = %s;' % (m, expr))
        self.line(0, '}')
        self.line(0)

    # ---- the decision tree ---------------------------------------------

    def emit_tree(self, items, known, ind):
        """Emit code that decodes INSN among ITEMS, which are pairwise
        disjoint, given that the bits in KNOWN are already equal to the
        fixed bits of every item in ITEMS.  Every path ends in a return."""
        if not items:
            self.line(ind, 'return false;')
            return
        if len(items) == 1:
            if not self.emit_item(items[0], known, ind):
                self.line(ind, 'return false;')
            return
        common = self.full & ~known
        for item in items:
            common &= item.mask
        if common:
            parts = {}
            for item in items:
                parts.setdefault(item.value & common, []).append(item)
            if len(parts) == 1:
                (value,) = parts
                self.line(ind, 'if ((insn & %s) != %s) {'
                          % (self.hexw(common), self.hexw(value)))
                self.line(ind + 1, 'return false;')
                self.line(ind, '}')
                self.emit_tree(items, known | common, ind)
                return
            self.line(ind, 'switch (insn & %s) {' % self.hexw(common))
            # Braces: a case body declares its argument struct.
            for value in sorted(parts):
                self.line(ind, 'case %s: {' % self.hexw(value))
                self.emit_tree(parts[value], known | common, ind + 1)
                self.line(ind, '}')
            self.line(ind, 'default:')
            self.line(ind + 1, 'return false;')
            self.line(ind, '}')
            return
        # No bit is fixed by every item: split on the bit that separates the
        # most items while leaving the fewest undecided (those are copied
        # into both branches, which is safe because items are disjoint).
        best = None
        for b in range(self.p.width):
            bit = 1 << b
            if known & bit:
                continue
            ones = sum(1 for it in items if it.mask & bit and it.value & bit)
            zeros = sum(1 for it in items
                        if it.mask & bit and not it.value & bit)
            if not ones or not zeros:
                continue
            key = (len(items) - ones - zeros, -min(ones, zeros), -b)
            if best is None or key < best[0]:
                best = (key, bit)
        bit = best[1]
        ones = [it for it in items if not (it.mask & bit) or it.value & bit]
        zeros = [it for it in items
                 if not (it.mask & bit) or not it.value & bit]
        self.line(ind, 'if (insn & %s) {' % self.hexw(bit))
        self.emit_tree(ones, known | bit, ind + 1)
        self.line(ind, '} else {')
        self.emit_tree(zeros, known | bit, ind + 1)
        self.line(ind, '}')

    def emit_item(self, item, known, ind):
        """Test the fixed bits of ITEM not in KNOWN, then decode it.  A lone
        pattern returns its trans_ result; a group falls through when no
        member's trans_ accepts the word.  Returns True when the emitted
        code always returns (a pattern with no bits left to test)."""
        rest = item.mask & ~known
        inner = ind
        if rest:
            self.line(ind, 'if ((insn & %s) == %s) {'
                      % (self.hexw(rest), self.hexw(item.value & rest)))
            inner = ind + 1
        if isinstance(item, Group):
            for member in item.items:
                self.emit_member(member, known | item.mask, inner)
        else:
            self.emit_call(item, inner, False)
        if rest:
            self.line(ind, '}')
        return not rest and not isinstance(item, Group)

    def emit_member(self, item, known, ind):
        rest = item.mask & ~known
        inner = ind
        if rest:
            self.line(ind, 'if ((insn & %s) == %s) {'
                      % (self.hexw(rest), self.hexw(item.value & rest)))
            inner = ind + 1
        if isinstance(item, Group):
            for member in item.items:
                self.emit_member(member, known | item.mask, inner)
        else:
            # The struct needs a block of its own unless the if gave one.
            if not rest:
                self.line(ind, '{')
                inner = ind + 1
            self.emit_call(item, inner, True)
            if not rest:
                self.line(ind, '}')
        if rest:
            self.line(ind, '}')

    def emit_call(self, pat, ind, in_group):
        self.line(ind, 'arg_%s a;' % pat.argset.name)
        self.line(ind, '%s_args_%s(ctx, &a, insn);'
                  % (self.name, pat.extract_name))
        if in_group:
            self.line(ind, 'if (trans_%s(ctx, &a)) {' % pat.name)
            self.line(ind + 1, 'return true;')
            self.line(ind, '}')
        else:
            self.line(ind, 'return trans_%s(ctx, &a);' % pat.name)


def default_name(path):
    base = os.path.basename(path)
    if base.endswith('.decode'):
        base = base[:-len('.decode')]
    name = re.sub(r'[^A-Za-z0-9_]', '_', base)
    if not name or name[0].isdigit():
        name = '_' + name
    return name


def main(argv):
    ap = argparse.ArgumentParser(
        description='Generate a C decoder from a .decode pattern file '
        '(see docs/decode.md).')
    ap.add_argument('-o', '--output', help='output C file (default: stdout)')
    ap.add_argument('-n', '--name', help='decoder name: the function is '
                    'decode_NAME (default: from the file name)')
    ap.add_argument('file', help='the .decode pattern file')
    args = ap.parse_args(argv)

    name = args.name or default_name(args.file)
    if not IDENT_RE.match(name):
        sys.stderr.write("decodegen: error: invalid decoder name '%s'\n" % name)
        return 1
    try:
        with open(args.file, encoding='utf-8') as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write('%s: error: cannot read: %s\n' % (args.file, e))
        return 1

    parser = Parser(args.file, text)
    try:
        parser.parse()
    except DecodeError as e:
        sys.stderr.write('%s:%d: error: %s\n' % (args.file, e.line, e.message))
        return 1
    code = Emitter(parser, name, os.path.basename(args.file)).emit()

    if not args.output:
        sys.stdout.write(code)
        return 0
    # Write a temporary file and rename it, so that an interrupted or failed
    # run never leaves a half-written output for make to trust.
    try:
        outdir = os.path.dirname(os.path.abspath(args.output))
        fd, tmp = tempfile.mkstemp(dir=outdir, prefix='.decodegen-')
        try:
            with os.fdopen(fd, 'w', encoding='utf-8') as f:
                f.write(code)
            os.chmod(tmp, 0o644)
            os.replace(tmp, args.output)
        except OSError:
            os.unlink(tmp)
            raise
    except OSError as e:
        sys.stderr.write('%s: error: cannot write: %s\n' % (args.output, e))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
