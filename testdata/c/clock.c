/* The virtual clock: every clock starts at 2024-01-01T00:00:00Z and only sleeping moves it,
 * by exactly the time slept (and at no real cost). */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) {
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long now(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return ns(t);
}

static void show_realtime(const char *label) {
    struct timespec t;
    struct tm tm;
    char date[32];
    clock_gettime(CLOCK_REALTIME, &t);
    gmtime_r(&t.tv_sec, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    printf("%s: realtime %lld.%09ld (%s)\n", label, (long long)t.tv_sec, t.tv_nsec, date);
}

int main(void) {
    long long start = now(CLOCK_MONOTONIC);
    printf("time(NULL) = %lld\n", (long long)time(NULL));
    printf("monotonic = %lld\n", start);
    show_realtime("start");

    sleep(3600);
    show_realtime("after sleep(3600)");
    long long after_sleep = now(CLOCK_MONOTONIC);
    printf("monotonic elapsed: %lld ns\n", after_sleep - start);

    struct timespec d = {0, 1500000};
    nanosleep(&d, NULL);
    printf("nanosleep 1.5 ms: %lld ns\n", now(CLOCK_MONOTONIC) - after_sleep);

    long long before_usleep = now(CLOCK_MONOTONIC);
    usleep(250000);
    printf("usleep 250000: %lld ns\n", now(CLOCK_MONOTONIC) - before_usleep);
    printf("time(NULL) = %lld\n", (long long)time(NULL));
    return 0;
}
