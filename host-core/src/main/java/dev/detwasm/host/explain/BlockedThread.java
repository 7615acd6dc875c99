package dev.detwasm.host.explain;

import dev.detwasm.host.debug.GuestFrame;
import java.util.List;
import java.util.Optional;

/**
 * A thread that was blocked when the run ended: what it waits on, and the call that brought it
 * there (e.g. {@code pthread_mutex_lock} called from {@code transfer} at {@code bank.c:31}).
 *
 * @param thread the guest thread
 * @param waitsOn what it waits on, e.g. {@code memory.atomic.wait32 @0x1040}
 * @param stack its guest call stack, innermost first
 */
public record BlockedThread(int thread, String waitsOn, List<GuestFrame> stack) {
    public BlockedThread {
        stack = List.copyOf(stack);
    }

    /**
     * The outermost function without a source line entered from the innermost frame with one:
     * the library call (a lock, a join) the program's own code made. Absent when the stack has no
     * lines or the waiting frame itself has one.
     */
    public Optional<GuestFrame> call() {
        int caller = callerIndex();
        return caller > 0 ? Optional.of(stack.get(caller - 1)) : Optional.empty();
    }

    /** The innermost frame with a source line: the program's own code that waits. */
    public Optional<GuestFrame> caller() {
        int caller = callerIndex();
        return caller < 0 ? Optional.empty() : Optional.of(stack.get(caller));
    }

    private int callerIndex() {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).line().isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code pthread_mutex_lock called from transfer (bank.c:31)}, or the innermost frame. */
    public String describeWhere() {
        Optional<GuestFrame> caller = caller();
        if (caller.isEmpty()) {
            return stack.isEmpty() ? "" : stack.get(0).toString();
        }
        return call().map(c -> c.name() + " called from " + caller.get())
                .orElse(caller.get().toString());
    }
}
