package dev.detwasm.scheduler;

/**
 * The threads waiting on each key, longest waiter first. All waiters form one list in the order
 * they began to wait, linked through the threads themselves, and a key's queue is the waiters
 * with that key: waiting and waking allocate nothing, and a scan is cheap because a program has
 * few threads.
 */
final class WaitQueues {
    private GuestThread head;
    private GuestThread tail;

    void add(long key, GuestThread thread) {
        thread.waitKey = key;
        thread.previousWaiter = tail;
        thread.nextWaiter = null;
        if (tail == null) {
            head = thread;
        } else {
            tail.nextWaiter = thread;
        }
        tail = thread;
    }

    /** Removes {@code thread}, which waits: it was woken or its wait timed out. */
    void remove(GuestThread thread) {
        if (thread.previousWaiter == null) {
            head = thread.nextWaiter;
        } else {
            thread.previousWaiter.nextWaiter = thread.nextWaiter;
        }
        if (thread.nextWaiter == null) {
            tail = thread.previousWaiter;
        } else {
            thread.nextWaiter.previousWaiter = thread.previousWaiter;
        }
        thread.previousWaiter = null;
        thread.nextWaiter = null;
    }

    /** How many threads wait on {@code key}. */
    int count(long key) {
        int n = 0;
        for (GuestThread t = head; t != null; t = t.nextWaiter) {
            if (t.waitKey == key) {
                n++;
            }
        }
        return n;
    }

    /** The {@code index}-th longest waiter on {@code key}, which has more waiters than that. */
    GuestThread get(long key, int index) {
        int n = 0;
        for (GuestThread t = head; ; t = t.nextWaiter) {
            if (t.waitKey == key && n++ == index) {
                return t;
            }
        }
    }

    /** The ids of the threads waiting on {@code key}, longest waiter first. */
    int[] ids(long key) {
        int[] ids = new int[count(key)];
        int i = 0;
        for (GuestThread t = head; t != null; t = t.nextWaiter) {
            if (t.waitKey == key) {
                ids[i++] = t.id;
            }
        }
        return ids;
    }
}
