/* Threaded. Sixteen threads each print their index and store its square; main joins them all.
 * Under fifo, main spawns all sixteen before it blocks in the first join, and they run in
 * spawn order. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 16

static int squares[THREADS];

static void *worker(void *arg) {
    int i = (int)(long)arg;
    squares[i] = i * i;
    printf("thread %d\n", i);
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) {
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0) {
            printf("pthread_create %ld failed\n", i);
            return 1;
        }
    }
    int sum = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        sum += squares[i];
    }
    printf("joined %d threads, sum of squares %d\n", THREADS, sum);
    return 0;
}
