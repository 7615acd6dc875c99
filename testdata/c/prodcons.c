/* Threaded. A producer and a consumer share a bounded buffer of two slots guarded by a mutex
 * and two condition variables. The consumer receives 1..6 in order under any schedule. */
#include <pthread.h>
#include <stdio.h>

#define ITEMS 6
#define SLOTS 2

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[SLOTS];
static int count, head;

static void *producer(void *arg) {
    (void)arg;
    for (int item = 1; item <= ITEMS; item++) {
        pthread_mutex_lock(&lock);
        while (count == SLOTS)
            pthread_cond_wait(&not_full, &lock);
        buffer[(head + count) % SLOTS] = item;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0;
    for (int i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == 0)
            pthread_cond_wait(&not_empty, &lock);
        int item = buffer[head];
        head = (head + 1) % SLOTS;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        printf("consumed %d\n", item);
        sum += item;
    }
    *(long *)arg = sum;
    return NULL;
}

int main(void) {
    pthread_t p, c;
    long sum = 0;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, &sum);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("sum=%ld\n", sum);
    return sum == ITEMS * (ITEMS + 1) / 2 ? 0 : 1;
}
