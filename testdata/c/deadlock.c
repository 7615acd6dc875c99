/* Threaded. Two threads take two mutexes in opposite order and yield in between, so under fifo
 * each ends up holding one mutex and waiting for the other: a deadlock (detwasm exits 71). */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;

static void *first(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m1);
    puts("first: holds m1");
    sched_yield();
    puts("first: wants m2");
    pthread_mutex_lock(&m2);
    puts("first: holds m1 and m2");
    pthread_mutex_unlock(&m2);
    pthread_mutex_unlock(&m1);
    return NULL;
}

static void *second(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m2);
    puts("second: holds m2");
    sched_yield();
    puts("second: wants m1");
    pthread_mutex_lock(&m1);
    puts("second: holds m2 and m1");
    pthread_mutex_unlock(&m1);
    pthread_mutex_unlock(&m2);
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    pthread_t a, b;
    pthread_create(&a, NULL, first, NULL);
    pthread_create(&b, NULL, second, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("no deadlock");
    return 0;
}
