/* Model checking (schedule decisions). Main and one worker thread each increment a shared
 * counter in two steps, an atomic load and then an atomic store of the value plus 1: a
 * read-modify-write that is not atomic. (Atomic, so that both steps are scheduling points; plain
 * loads and stores are not, without the shared-access transform.) Main prints the counter and
 * exits 1 when an update was lost.
 *
 * Under fifo main runs until it blocks in pthread_join, its increment done before the worker
 * starts: counter=2. `check --decisions schedule --preemption-bound 1` explores every run that
 * switches threads against fifo at most once. The fifo run has 9 schedule decisions (`detwasm
 * run --print-trace` prints 0*9), each between the running thread, which could go on, and the
 * other one; and with two threads, once the one preemption is spent no choice is left. So there
 * are 10 runs: the fifo run and one per decision. Exactly one loses an update: the one that
 * switches to the worker between main's load and main's store (counter=1, exit 1). */
#include <pthread.h>
#include <stdio.h>

static int counter;

static void increment(void) {
    int seen = __atomic_load_n(&counter, __ATOMIC_RELAXED);
    __atomic_store_n(&counter, seen + 1, __ATOMIC_RELAXED);
}

static void *worker(void *arg) {
    (void)arg;
    increment();
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    increment();
    pthread_join(t, NULL);
    int result = __atomic_load_n(&counter, __ATOMIC_RELAXED);
    printf("counter=%d (%s)\n", result, result == 2 ? "no update lost" : "lost update");
    return result == 2 ? 0 : 1;
}
