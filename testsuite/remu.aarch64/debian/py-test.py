# py-test.py - python3.11 under remu-aarch64, compared with the host's
# python3.11 by debian.exp.  Prints only what does not depend on the host:
# no addresses, no platform, no set or hash order.
import hashlib
import json
import math
import re
import struct
import sys
import zlib

# Integers and bignums.
f = 1
for i in range(1, 60):
    f *= i
print("59!", f, f.bit_length(), f % 1000000007)
print("pow", pow(3, 200, 2**61 - 1), 2**130 // 3**40, -7 // 2, -7 % 3)
print("divmod", divmod(10**40 + 7, 12345678901), hex(2**100 - 1), int("zz", 36))
fib = [0, 1]
while len(fib) < 200:
    fib.append(fib[-1] + fib[-2])
print("fib", fib[199], sum(fib) % 999983)

# Floats: repr is the shortest round-tripping string, so these check the
# bits, not just a rounding of them.
vals = [math.sqrt(2), math.sin(1.0), math.cos(0.5), math.exp(1), math.log(10),
        math.atan2(1, 3), 1 / 3, 0.1 + 0.2, 1e300 * 1e10, float("nan"),
        -0.0, 2.0 ** -1074, math.fsum([0.1] * 10), math.floor(-2.5),
        math.hypot(3, 4), 7.0 % -3, math.fmod(7.0, -3), round(2.675, 2)]
print("floats", [repr(v) for v in vals])
print("fmt", "%.17g %e %10.3f %-8.2f|" % (math.pi, 6.02e23, -1.5, 2.25),
      format(1234567.891, ",.2f"), f"{math.e:.30f}", float.hex(0.1))
print("conv", float("1e-320"), int(1e18), float(2**63), (2.5).as_integer_ratio(),
      math.isnan(float("nan")), math.inf > 1e308, 1e16 + 1.0)

# Strings.
s = "The quick brown fox jumps over the lazy dog"
print("str", s.upper(), s.title(), s.split()[::2], s.replace("o", "0", 2),
      s.find("fox"), s.count("o"), s[::-1][:10], "-".join(sorted(set(s.lower()) - {" "})))
print("str2", "  pad ".strip(), "x".center(9, "*"), "42".zfill(6), "ÄÖü straße".upper(),
      "ab,cd,,ef".split(","), "%s|%r|%5d" % ("a", "b", 42), "é".encode("utf-8"))

# Dicts, sets, sorting.
d = {}
for w in s.lower().split():
    d[w[0]] = d.get(w[0], 0) + len(w)
print("dict", sorted(d.items()), len(d), sorted(d, key=lambda k: (-d[k], k)))
a = {x * x % 17 for x in range(40)}
b = set(range(0, 17, 3))
print("set", sorted(a), sorted(a & b), sorted(a ^ b), len(a | b))
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 35), ("eve", 30)]
print("sort", sorted(people, key=lambda p: (p[1], p[0])), sorted(people, reverse=True)[:2])
nums = [(i * 7919) % 1009 for i in range(500)]
nums.sort()
print("sort2", nums[:5], nums[-5:], sum(nums))

# Exceptions.
def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n

out = []
for n in (2, 0, "x"):
    try:
        out.append(risky(n))
    except ValueError as e:
        out.append("ValueError:" + str(e))
    except TypeError as e:
        out.append(type(e).__name__)
    finally:
        out.append("f")
print("exc", out)
try:
    {}["missing"]
except KeyError as e:
    print("keyerror", repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print("chain", e, type(e.__cause__).__name__)

# json.
obj = {"name": "remu", "list": [1, 2.5, None, True, "x\u00e9"], "nested": {"k": [[], {}]},
       "big": 2**70, "neg": -0.0}
txt = json.dumps(obj, sort_keys=True)
print("json", txt)
print("json2", json.loads(txt) == obj, json.dumps(json.loads('[1e400, -1e-400, 0.5]')),
      json.dumps(obj, indent=1, sort_keys=True).count("\n"))

# hashlib (OpenSSL's libcrypto through _hashlib) and zlib.
data = b"".join(struct.pack("<I", i * 2654435761 % 2**32) for i in range(5000))
print("sha256", hashlib.sha256(data).hexdigest())
print("md5", hashlib.md5(b"abc").hexdigest(), hashlib.sha1(data).hexdigest())
print("sha512", hashlib.sha512(data).hexdigest()[:32], hashlib.blake2b(b"x").hexdigest()[:16])
z = zlib.compress(data, 9)
print("zlib", len(z), zlib.crc32(z), zlib.adler32(data), zlib.decompress(z) == data)

# struct.
packed = struct.pack(">hIqd3sf", -2, 0xDEADBEEF, -2**62, math.pi, b"abc", 1.5)
print("struct", packed.hex(), struct.unpack(">hIqd3sf", packed), struct.calcsize("@bid"))

# re.
text = "2024-01-15 error id=42; 2023-12-31 warn id=7; 1999-06-01 error id=1001"
print("re", re.findall(r"(\d{4})-(\d\d)-(\d\d) (\w+) id=(\d+)", text))
print("re2", re.sub(r"id=(\d+)", lambda m: "id<%d>" % (int(m.group(1)) * 2), text))
print("re3", re.split(r";\s*", text), bool(re.fullmatch(r"[a-z]+\d*", "abc123")),
      re.search(r"(?P<y>\d+)-(?P<m>\d+)", text).groupdict())

# Generators and comprehensions.
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1

g = primes()
print("gen", [next(g) for _ in range(25)], sum(x for x in range(1000) if x % 3 == 0))
print("comp", {k: v for k, v in zip("abc", range(3))}, [list(range(i)) for i in range(4)])

# Classes.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return "%s(%s, %.4f)" % (type(self).__name__, self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def __lt__(self, other):
        return self.area() < other.area()


shapes = [Rect(2, 3.5), Square(3), Circle(1.5), Circle(0.5)]
print("class", sorted(shapes, key=lambda s: s.area()), Shape.count,
      [type(s).__mro__[1].__name__ for s in shapes], isinstance(shapes[1], Rect))
print("end", sys.maxsize, sys.byteorder, sys.float_info.dig)
