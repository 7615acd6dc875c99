/* A racy counter: two threads increment a shared counter with an atomic load and then an
 * atomic store, not one read-modify-write. Both are scheduling points, so a schedule that
 * switches between one thread's load and its store loses an update; the program then exits 1.
 * Under fifo each thread runs to completion and nothing is lost. */
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *worker(void *arg) {
    (void)arg;
    int seen = __atomic_load_n(&counter, __ATOMIC_SEQ_CST);
    __atomic_store_n(&counter, seen + 1, __ATOMIC_SEQ_CST);
    return NULL;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    int total = __atomic_load_n(&counter, __ATOMIC_SEQ_CST);
    printf("counter=%d (%s)\n", total, total == 2 ? "no update lost" : "lost update");
    return total == 2 ? 0 : 1;
}
