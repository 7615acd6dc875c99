/*
 * A CPU-bound WASI program: the total number of Collatz steps of 1..N (N = argv[1], default
 * 1000000), printed once. Pure integer arithmetic in registers: what the engine does with a
 * hot loop, with no WASI call inside it.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    unsigned long long limit = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
    unsigned long long steps = 0;
    for (unsigned long long i = 1; i <= limit; i++) {
        unsigned long long x = i;
        while (x > 1) {
            x = (x & 1) ? 3 * x + 1 : x >> 1;
            steps++;
        }
    }
    printf("%llu\n", steps);
    return 0;
}
