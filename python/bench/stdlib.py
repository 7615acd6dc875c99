# Work in the interpreter's C code: sorting, regular expressions, zlib (about 10 s of CPU).
import random
import re
import zlib

random.seed(1)
xs = [random.random() for _ in range(200000)]
for _ in range(5):
    ys = sorted(xs)
s = "abc123 def456 " * 200000
n = len(re.findall(r"[a-z]+\d+", s))
z = zlib.compress(s.encode())
print(len(ys), n, len(z))
