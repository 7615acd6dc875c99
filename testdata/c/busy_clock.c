/* Time that moves with work (--clock steps). Main busy-waits on clock_gettime until 2 ms of
 * virtual time have passed, counting its polls, and prints them. No thread ever blocks, so
 * under the default clock (idle) time never moves and the loop never ends: the @idle variant
 * stops it with --max-steps (exit 72). Under --clock steps=NS each executed wasm instruction
 * takes NS ns, so the loop ends after a fixed number of polls, the same on every run and
 * under both engines. */
#include <stdio.h>
#include <time.h>

static long long now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
    long long start = now();
    long long polls = 0;
    long long elapsed;
    do {
        polls++;
        elapsed = now() - start;
    } while (elapsed < 2000000);
    printf("2 ms passed after %lld polls (%lld ns)\n", polls, elapsed);
    return 0;
}
