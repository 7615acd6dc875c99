/*
 * A CPU-bound WASI program on memory: counts the primes below N (argv[1], default 1000000)
 * with a sieve of Eratosthenes over a byte array, R times (argv[2], default 10), and prints the
 * count. Built for wasm32-wasi-threads like every program here, so the array lives in a shared
 * memory: a few million plain byte loads and stores through the engine's memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char composite[16 * 1024 * 1024];

static unsigned count_primes(unsigned limit) {
    memset(composite, 0, limit);
    unsigned count = 0;
    for (unsigned i = 2; i < limit; i++) {
        if (!composite[i]) {
            count++;
            for (unsigned long long j = (unsigned long long)i * i; j < limit; j += i) {
                composite[j] = 1;
            }
        }
    }
    return count;
}

int main(int argc, char **argv) {
    unsigned limit = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1000000;
    unsigned rounds = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 10;
    if (limit > sizeof composite) {
        fprintf(stderr, "sieve: at most %zu\n", sizeof composite);
        return 2;
    }
    unsigned count = 0;
    for (unsigned r = 0; r < rounds; r++) {
        count = count_primes(limit);
    }
    printf("%u\n", count);
    return 0;
}
