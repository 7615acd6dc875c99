/* Threaded. Two threads increment a shared counter without a lock (read, then write). Under
 * fifo each runs to completion, so nothing is lost; an interleaving that switches between the
 * read and the write loses an update, and the program then exits 1. */
#include <pthread.h>
#include <stdio.h>

static volatile int counter;

static void *worker(void *arg) {
    (void)arg;
    int seen = counter;
    counter = seen + 1;
    return NULL;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("counter=%d (%s)\n", counter, counter == 2 ? "no update lost" : "lost update");
    return counter == 2 ? 0 : 1;
}
