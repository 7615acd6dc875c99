/* build: -g (keeps DWARF line tables: the explain tests show source lines)
 *
 * Explained failures. Main and one worker each increment a shared counter with an atomic load
 * and then an atomic store of the value plus 1: a read-modify-write that is not atomic, so an
 * update is lost when the other thread runs between the two. Under fifo nothing is lost
 * (counter=2); `check` finds the run that loses one and explains it with source lines. */
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
