"""Expected output of random_bytes.py under `detwasm run --python --seed SEED`, without detwasm.

    python3.13 random_oracle.py SEED

detwasm's random_get is one continuous SplitMix64 byte stream per run (see
dev.detwasm.wasi.SplitMix64Entropy; eight bytes per step, least significant first). CPython
draws from it, in this order, before and while random_bytes.py runs:
  24 bytes    the hash secret (_Py_HashSecret_t, Python/bootstrap_hash.c), at start-up
  2496 bytes  `import random` seeds its module instance (624 32-bit words,
              random_seed_urandom in Modules/_randommodule.c)
  16 bytes    os.urandom(16)
  2496 bytes  random.Random() seeds itself the same way
The seeded lines are CPython's own Mersenne Twister: this python computes them itself.
"""
import random
import sys

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield from (z ^ (z >> 31)).to_bytes(8, "little")


def take(stream, n):
    return bytes(next(stream) for _ in range(n))


def main(seed):
    stream = splitmix64(seed)
    take(stream, 24)
    take(stream, 2496)
    urandom = take(stream, 16)
    key = take(stream, 2496)
    seeded = random.Random(42)
    print("seeded:", seeded.random(), seeded.randint(1, 1000), seeded.sample(range(100), 5))
    items = list(range(10))
    seeded.shuffle(items)
    print("shuffled:", items)
    print("urandom:", urandom.hex())
    # random_seed_urandom hands all 624 words to init_by_array; seeding with the same words as
    # an int does too, unless the last word is 0 (then the int is shorter): say so if it is.
    assert key[-4:] != bytes(4), "the last seed word is 0: compute init_by_array by hand"
    print("unseeded:", random.Random(int.from_bytes(key, "little")).getrandbits(64))


if __name__ == "__main__":
    main(int(sys.argv[1]))
