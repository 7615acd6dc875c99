package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final PrintStream sink = new PrintStream(new ByteArrayOutputStream());

    @Test
    void countsRunsOfTheBoundAndFailuresWithPlurals() {
        ProgressLine line = new ProgressLine(sink, 1, Duration.ZERO);
        assertEquals("detwasm check: 0 of 1 run, 0 failing", line.line(0, 0, 10));
        ProgressLine unbounded = new ProgressLine(sink);
        assertEquals("detwasm check: 1 run, 1 failing (Ctrl-C: report now)", unbounded.line(1, 1, 10));
        assertEquals("detwasm check: 2 runs, 1 failing (Ctrl-C: report now)", unbounded.line(2, 1, 10));
    }

    @Test
    void rateOnlyAfterWarmUpAndTimeLeftFromTheNearerBound() {
        ProgressLine line = new ProgressLine(sink, 1000, Duration.ofMinutes(5));
        line.progress(50, 0, Duration.ofMillis(1000)); // warmed up: 50 runs at 1 s
        assertEquals("detwasm check: 50 of 1000 runs, 0 failing, at most 4 min 59 s left",
                line.line(50, 0, 1000));
        // 100 runs/s since the warm-up: 750 runs left take 7.5 s, sooner than the time limit
        assertEquals("detwasm check: 250 of 1000 runs, 2 failing (Ctrl-C: report now), 100 runs/s, at most 8 s left",
                line.line(250, 2, 3000));
    }
}
