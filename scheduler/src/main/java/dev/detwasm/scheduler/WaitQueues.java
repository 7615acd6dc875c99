package dev.detwasm.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The threads waiting on each key, longest waiter first. Empty queues are dropped. */
final class WaitQueues {
    private final Map<Long, List<GuestThread>> queues = new HashMap<>();

    void add(long key, GuestThread thread) {
        queues.computeIfAbsent(key, k -> new ArrayList<>()).add(thread);
    }

    /** The waiters on {@code key}, longest first, empty when none; callers must not modify it. */
    List<GuestThread> waiters(long key) {
        List<GuestThread> waiters = queues.get(key);
        return waiters == null ? List.of() : waiters;
    }

    /** Removes and returns the {@code index}-th waiter on {@code key}. */
    GuestThread take(long key, int index) {
        List<GuestThread> waiters = queues.get(key);
        GuestThread thread = waiters.remove(index);
        if (waiters.isEmpty()) {
            queues.remove(key);
        }
        return thread;
    }

    /** Removes {@code thread}, which waits on {@code key} (its wait timed out). */
    void remove(long key, GuestThread thread) {
        take(key, queues.get(key).indexOf(thread));
    }
}
