/* Threaded. A worker traps (wasm unreachable) while main waits in pthread_join: the run ends as
 * a trap (detwasm exits 70) and what was written before stays written. */
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg) {
    (void)arg;
    puts("worker: about to trap");
    __builtin_trap();
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    puts("main: waiting for the worker");
    pthread_join(t, NULL);
    puts("main: the worker returned");
    return 0;
}
