package dev.detwasm.scheduler;

import java.util.Arrays;

/**
 * The threads waiting for their turn, in order, with their ids kept in an array beside them:
 * the candidates of a schedule decision are a copy of that array, made once and handed to
 * every decision until the queue or the running thread changes. A thread that goes on from
 * point to point thus makes its decisions without a copy, whatever the number of threads.
 */
final class RunQueue {
    private GuestThread[] threads = new GuestThread[8];
    /** {@code ids[i + 1]} is {@code threads[i]}'s id; slot 0 is the running thread's. */
    private int[] ids = new int[9];
    private int size;
    /** The running thread, then the queue: made by {@link #candidatesAfter}; null when stale. */
    private int[] candidates;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void addLast(GuestThread thread) {
        if (size == threads.length) {
            threads = Arrays.copyOf(threads, 2 * size);
            ids = Arrays.copyOf(ids, 2 * size + 1);
        }
        threads[size] = thread;
        ids[++size] = thread.id;
        candidates = null;
    }

    /** Takes the thread at {@code index} (0 is the head) out of the queue. */
    GuestThread take(int index) {
        GuestThread thread = threads[index];
        System.arraycopy(threads, index + 1, threads, index, size - index - 1);
        System.arraycopy(ids, index + 2, ids, index + 1, size - index - 1);
        threads[--size] = null;
        candidates = null;
        return thread;
    }

    /** The queued threads' ids, head first. */
    int[] ids() {
        return Arrays.copyOfRange(ids, 1, size + 1);
    }

    /**
     * {@code running}, then the queued threads' ids: who may run at a point of {@code
     * running}. The same array while neither changes; nobody may write to it.
     */
    int[] candidatesAfter(int running) {
        if (candidates == null || candidates[0] != running) {
            ids[0] = running;
            candidates = Arrays.copyOf(ids, size + 1);
        }
        return candidates;
    }
}
