/* Threaded. Three threads sleep 3, 1 and 2 seconds of virtual time. They wake in deadline
 * order, each exactly when its sleep ends, and the whole run costs no real time. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long start;

static long long now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void *sleeper(void *arg) {
    int seconds = (int)(long)arg;
    sleep(seconds);
    printf("sleeper %d s woke at +%lld ns\n", seconds, now() - start);
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    const long seconds[] = {3, 1, 2};
    pthread_t t[3];
    start = now();
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, sleeper, (void *)seconds[i]);
    printf("spawned sleepers for 3, 1 and 2 s\n");
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("joined all at +%lld ns\n", now() - start);
    return 0;
}
