/* Model checking (--preempt-every). Main hands a value to a worker through a plain flag, but
 * sets the flag before the value (the bug), with some work in between; the worker spins on the
 * plain flag for a while and, if it sees it, takes the value. Main prints what the worker took
 * and exits 1 when it took the value before it was set.
 *
 * Spinning on a plain variable has no scheduling point: under fifo the worker runs once main
 * blocks in pthread_join, sees the flag and takes 42. Synchronisation points alone (spawn,
 * exit, join) can run the worker before main sets the flag (it gives up its spin: took -1) or
 * after main is done (42), never in main's gap between flag and value. `--preempt-every K`
 * makes a scheduling point every K steps of the running thread, also inside main's work loop,
 * where a switch to the worker lets it see the flag and take 0: the bug. */
#include <pthread.h>
#include <stdio.h>

static volatile int flag;
static volatile int value;
static volatile int work;
static int took = -1;

static void *worker(void *arg) {
    (void)arg;
    for (int spins = 0; spins < 20 && !flag; spins++) {
    }
    if (flag) {
        took = value;
    }
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    flag = 1;
    for (int i = 0; i < 100; i++) {
        work += i;
    }
    value = 42;
    pthread_join(t, NULL);
    printf("worker took %d (%s)\n", took,
           took == 0 ? "before it was set" : took == 42 ? "the value" : "nothing");
    return took == 0 ? 1 : 0;
}
