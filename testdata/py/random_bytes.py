# Randomness: random.seed(42) is CPython's own Mersenne Twister, the same on every platform;
# os.urandom and the unseeded random.Random() draw from WASI random_get, which detwasm feeds
# from SplitMix64 seeded with --seed. So the first two lines never change, the last two
# change with --seed only, and every line is the same on every run.
import os
import random

seeded = random.Random(42)
print("seeded:", seeded.random(), seeded.randint(1, 1000), seeded.sample(range(100), 5))
items = list(range(10))
seeded.shuffle(items)
print("shuffled:", items)
print("urandom:", os.urandom(16).hex())
print("unseeded:", random.Random().getrandbits(64))
