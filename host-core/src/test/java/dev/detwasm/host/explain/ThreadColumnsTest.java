package dev.detwasm.host.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.debug.GuestFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadColumnsTest {
    private static final List<GuestFrame> STACK =
            List.of(new GuestFrame(3, "worker", Optional.empty(), false));

    /** A run of {@code count} WASI calls, the two threads taking turns. */
    private static Explanation calls(int count) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(new Step(i % 2, Step.Kind.WASI, "sched_yield() -> 0 #" + i, STACK));
        }
        return new Explanation(2, steps, Map.of(), List.of(), false, Optional.empty());
    }

    @Test
    void aShortRunShowsEveryStep() {
        ThreadColumns.Window window = ThreadColumns.window(calls(10));
        assertEquals(10, window.head().size());
        assertEquals(0, window.skipped());
        assertEquals(List.of(), window.tail());
        assertTrue(!ThreadColumns.render(calls(10)).contains("not shown"));
    }

    /** A long run (an interpreter's: hundreds of thousands of steps) shows its ends only. */
    @Test
    void aLongRunShowsItsFirstAndLastRows() {
        Explanation run = calls(100_000);
        ThreadColumns.Window window = ThreadColumns.window(run);
        assertEquals(ThreadColumns.HEAD_ROWS, window.head().size());
        assertEquals(ThreadColumns.TAIL_ROWS, window.tail().size());
        assertEquals(100_000 - ThreadColumns.HEAD_ROWS - ThreadColumns.TAIL_ROWS, window.skipped());
        assertEquals(0, window.head().get(0).index());
        assertEquals(99_999, window.tail().get(ThreadColumns.TAIL_ROWS - 1).index());
        String text = ThreadColumns.render(run);
        assertTrue(text.contains(" | ... 99800 steps not shown\n"), text);
        assertTrue(text.contains("sched_yield() -> 0 #39\n"), text);
        assertTrue(!text.contains("sched_yield() -> 0 #41\n"), text);
        assertTrue(text.contains("sched_yield() -> 0 #99841\n"), text);
    }

    /** Atomic operations on addresses one thread alone uses fold into one row that counts them. */
    @Test
    void privateMemoryOperationsFoldIntoOneCountedRow() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(new Step(0, Step.Kind.MEMORY, "i32.atomic.load @0x10", 0x10, STACK));
        }
        steps.add(new Step(1, Step.Kind.MEMORY, "i32.atomic.load @0x20", 0x20, STACK));
        steps.add(new Step(0, Step.Kind.MEMORY, "i32.atomic.store @0x20", 0x20, STACK));
        Explanation run = new Explanation(2, steps, Map.of(), List.of(), false, Optional.empty());
        List<ThreadColumns.Row> rows = ThreadColumns.window(run).head();
        assertEquals(3, rows.size());
        assertEquals(-1, rows.get(0).index());
        assertEquals(5, rows.get(0).count());
        assertEquals("(5 atomic operations on addresses only t0 uses, in worker)",
                rows.get(0).step(run).operation());
        assertEquals(5, rows.get(1).index());
        assertEquals(1, rows.get(1).count());
    }
}
