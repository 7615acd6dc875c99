/* Model checking (--preempt-at memory). Writer 1 stores x = 1 and then tells writer 2 (an
 * atomic flag and wait/notify), which waits for that and stores y = 1: x is set before y. A reader loads x and then y, in the opposite order, and
 * concludes from y == 1 and x == 0 that writer 2 ran before writer 1, which cannot be (the bug:
 * it is reading two plain variables without synchronisation). Main prints what the reader saw
 * and exits 1 on x=0 y=1.
 *
 * Under fifo main runs until pthread_join, then the reader runs whole (x=0 y=0), then the
 * writers. Control changes hands only at synchronisation points (spawn, exit, join, the
 * flag): the
 * reader's two plain loads always run back to back, so x=0 y=1 is never seen. With
 * --preempt-at memory every plain load and store is a point: a switch between the reader's
 * loads, after which both writers run, shows x=0 y=1. */
#include <pthread.h>
#include <stdio.h>

static volatile int x;
static volatile int y;
static int seen_x = -1;
static int seen_y = -1;

static int go; /* atomic: writer 1 has stored x */

static void *second_writer(void *arg) {
    (void)arg;
    while (__atomic_load_n(&go, __ATOMIC_SEQ_CST) == 0) {
        __builtin_wasm_memory_atomic_wait32(&go, 0, -1);
    }
    y = 1;
    return NULL;
}

static void *first_writer(void *arg) {
    (void)arg;
    x = 1;
    __atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify(&go, 1);
    return NULL;
}

static void *reader(void *arg) {
    (void)arg;
    int a = x;
    int b = y;
    seen_x = a;
    seen_y = b;
    return NULL;
}

int main(void) {
    pthread_t r, w1, w2;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&w2, NULL, second_writer, NULL);
    pthread_create(&w1, NULL, first_writer, NULL);
    pthread_join(r, NULL);
    pthread_join(w1, NULL);
    pthread_join(w2, NULL);
    printf("reader saw x=%d y=%d (%s)\n", seen_x, seen_y,
           seen_x == 0 && seen_y == 1 ? "y before x" : "consistent");
    return seen_x == 0 && seen_y == 1 ? 1 : 0;
}
