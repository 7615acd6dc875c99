/* Model checking (--preempt-at memory). A bounded work-stealing queue: the owner pushes tasks
 * at the bottom, a thief steals from the top; the indices are atomic, the slots plain memory.
 * The owner's push publishes the new bottom before it writes the slot (the bug: the slot should
 * be written first). The thief checks that the task it stole is one that was pushed (1..3);
 * main prints what was stolen and exits 1 when the thief took an empty slot (0).
 *
 * Under fifo the owner (main) pushes all three tasks before the thief starts, which steals
 * task 1. With synchronisation points alone, the atomic operations on the indices are points,
 * but the plain slot write runs right after the bottom is published with no point between: a
 * thief never finds the gap. With --preempt-at memory the slot write is a point, and a switch
 * there lets the thief steal the slot before it is written: stole 0. */
#include <pthread.h>
#include <stdio.h>

#define SLOTS 4

static volatile int slots[SLOTS];
static int top;    /* next slot to steal, atomic */
static int bottom; /* next slot to push, atomic */
static int stolen = -1;

static void push(int task) {
    int b = __atomic_load_n(&bottom, __ATOMIC_SEQ_CST);
    __atomic_store_n(&bottom, b + 1, __ATOMIC_SEQ_CST);
    slots[b % SLOTS] = task;
}

static void *thief(void *arg) {
    (void)arg;
    int t = __atomic_load_n(&top, __ATOMIC_SEQ_CST);
    int b = __atomic_load_n(&bottom, __ATOMIC_SEQ_CST);
    if (t < b && __atomic_compare_exchange_n(&top, &t, t + 1, 0, __ATOMIC_SEQ_CST,
                                             __ATOMIC_SEQ_CST)) {
        stolen = slots[t % SLOTS];
    }
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, thief, NULL);
    for (int task = 1; task <= 3; task++) {
        push(task);
    }
    pthread_join(t, NULL);
    printf("thief stole %d (%s)\n", stolen,
           stolen == 0 ? "an empty slot" : stolen < 0 ? "nothing" : "a task");
    return stolen == 0 ? 1 : 0;
}
