/* Model checking (schedule decisions): a deadlock on one interleaving only. Main locks a then b;
 * a worker locks b then a. Under fifo main takes and releases both before it blocks in
 * pthread_join, then the worker does the same: "no deadlock". The program deadlocks only if main
 * is switched away after taking a and before taking b: the worker then takes b and waits for a,
 * and main waits for b (detwasm exits 71; nothing was printed).
 *
 * `check --decisions schedule --preemption-bound 1` explores every run that switches threads
 * against fifo at most once. The fifo run has 11 schedule decisions (`detwasm run --print-trace`
 * prints 0*11), each between the running thread, which could go on, and the other one; with two
 * threads, once the one preemption is spent no choice is left. So there are 12 runs, and the one
 * that switches at main's lock of b, the only scheduling point between its two locks (an
 * uncontended pthread_mutex_lock is one compare-exchange), deadlocks. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
    (void)arg;
    pthread_mutex_lock(&b);
    pthread_mutex_lock(&a);
    pthread_mutex_unlock(&a);
    pthread_mutex_unlock(&b);
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&a);
    pthread_mutex_lock(&b);
    pthread_mutex_unlock(&b);
    pthread_mutex_unlock(&a);
    pthread_join(t, NULL);
    puts("no deadlock");
    return 0;
}
