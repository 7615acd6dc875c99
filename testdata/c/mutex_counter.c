/* Threaded. Four threads add 1000 each to a counter under a mutex: 4000 under any schedule. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 4
#define ITERS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *worker(void *arg) {
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("counter=%ld\n", counter);
    return counter == THREADS * ITERS ? 0 : 1;
}
