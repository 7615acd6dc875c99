/* Time that moves with work (--clock steps), with threads. A miniature of CPython's global
 * interpreter lock: two CPU-bound workers need the lock to work. A worker that finds it taken
 * waits on a condition variable for at most 100 us; when that wait times out, it asks the
 * holder to drop the lock, and the holder, which looks at the request between work chunks,
 * hands the lock over and waits until the other has taken it. Each worker does 8 chunks and
 * main prints the order in which the workers held the lock.
 *
 * Under the default clock (idle) time moves only when every thread is blocked, so the waiter's
 * timeout never comes while the holder computes: worker 0 does all its chunks, then worker 1
 * (turns 0 1). Under --clock steps a chunk of work takes virtual time; the waiter's timeout
 * expires while the holder works, the waiter runs at the holder's next scheduling point as a
 * timer interrupt would make it, and the workers take turns. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#define CHUNKS 8
#define CHUNK_WORK 60000
#define INTERVAL_NS 100000

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t released = PTHREAD_COND_INITIALIZER;
static pthread_cond_t switched = PTHREAD_COND_INITIALIZER;
static int locked;
static unsigned switches;
static atomic_int drop_request;
static int turns[4 * CHUNKS];
static int nturns;
static volatile unsigned sink;

static void take(int id) {
    pthread_mutex_lock(&mutex);
    while (locked) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_nsec += INTERVAL_NS;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
        if (pthread_cond_timedwait(&released, &mutex, &deadline) == ETIMEDOUT && locked) {
            atomic_store(&drop_request, 1);
        }
    }
    locked = 1;
    switches++;
    turns[nturns++] = id;
    pthread_cond_signal(&switched);
    pthread_mutex_unlock(&mutex);
}

static void drop(int forced) {
    pthread_mutex_lock(&mutex);
    locked = 0;
    atomic_store(&drop_request, 0);
    pthread_cond_signal(&released);
    if (forced) {
        /* as CPython's FORCE_SWITCHING: do not take the lock straight back */
        unsigned seen = switches;
        while (switches == seen) {
            pthread_cond_wait(&switched, &mutex);
        }
    }
    pthread_mutex_unlock(&mutex);
}

static void *worker(void *arg) {
    int id = (int)(long)arg;
    take(id);
    for (int chunk = 0; chunk < CHUNKS; chunk++) {
        for (int i = 0; i < CHUNK_WORK; i++) {
            sink = sink * 31 + (unsigned)i;
        }
        if (atomic_load(&drop_request)) {
            drop(1);
            take(id);
        }
    }
    drop(0);
    return NULL;
}

int main(void) {
    pthread_t t[2];
    for (long id = 0; id < 2; id++) {
        pthread_create(&t[id], NULL, worker, (void *)id);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(t[i], NULL);
    }
    printf("turns:");
    for (int i = 0; i < nturns; i++) {
        printf(" %d", turns[i]);
    }
    printf("\n");
    return 0;
}
