package dev.detwasm.host.explain;

import dev.detwasm.host.debug.GuestFrame;
import java.util.List;
import java.util.Optional;

/**
 * One thing a guest thread did that another thread could see or that handed control on: an
 * atomic operation, a wait or notify, a spawn, an exit, a select, a WASI call, a preemption, a
 * timer interrupt.
 *
 * @param thread the guest thread that did it
 * @param kind what sort of step it is
 * @param operation what it did, e.g. {@code i32.atomic.load @0x1040} or {@code fd_write(1, ...)}
 * @param address the memory address a memory operation, wait or notify is about; -1 for others
 * @param stack the thread's guest call stack at that moment, innermost first (empty when
 *     unknown)
 */
public record Step(int thread, Kind kind, String operation, long address, List<GuestFrame> stack) {
    /** What sort of step: how reports name it in JSON, and which ones a summary may leave out. */
    public enum Kind {
        MEMORY, WAIT, WAIT_TIMEOUT, NOTIFY, SPAWN, EXIT, SLEEP, YIELD, SELECT, PREEMPTION,
        TIMER, WAKE_CHOICE, WASI, END
    }

    public Step {
        stack = List.copyOf(stack);
    }

    /** A step about no address. */
    public Step(int thread, Kind kind, String operation, List<GuestFrame> stack) {
        this(thread, kind, operation, -1, stack);
    }

    /**
     * The frame a person looks at: the innermost with a source line, else the innermost guest
     * function (not a host function it called), else none.
     */
    public Optional<GuestFrame> where() {
        return stack.stream()
                .filter(f -> f.line().isPresent())
                .findFirst()
                .or(() -> stack.stream().filter(f -> !f.imported()).findFirst());
    }

    /**
     * Whether the step happened in code without source lines (a library's, when the program's
     * own code has them): its innermost guest frame has no line.
     */
    public boolean withoutLines() {
        return stack.stream().filter(f -> !f.imported()).findFirst()
                .map(f -> f.line().isEmpty())
                .orElse(true);
    }
}
