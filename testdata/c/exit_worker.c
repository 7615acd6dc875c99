/* Threaded. A worker calls exit(5) while main waits in pthread_join: the whole program ends with
 * status 5 (stdio is flushed first). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *worker(void *arg) {
    (void)arg;
    printf("worker: calling exit(5)\n");
    exit(5);
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    printf("main: waiting for the worker\n");
    pthread_join(t, NULL);
    printf("main: the worker returned\n");
    return 0;
}
