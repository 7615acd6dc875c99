package dev.detwasm.modelcheck;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress line redrawn in place on a terminal: runs so far, failing runs, runs per second.
 * Drawn at most every {@value #INTERVAL_MILLIS} ms; erased when the exploration ends. Use it
 * only when the stream is a terminal: elsewhere the carriage returns would be noise.
 */
public final class ProgressLine implements ProgressListener {
    static final long INTERVAL_MILLIS = 200;

    private final PrintStream terminal;
    private long lastDrawn = Long.MIN_VALUE;
    private int width;

    public ProgressLine(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void progress(long runs, long failures, Duration elapsed) {
        long now = elapsed.toMillis();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < INTERVAL_MILLIS) {
            return;
        }
        lastDrawn = now;
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        String line =
                String.format(
                        Locale.ROOT,
                        "detwasm check: %d runs, %d failing, %.0f runs/s",
                        runs,
                        failures,
                        runs / seconds);
        terminal.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = line.length();
    }

    @Override
    public void finished() {
        if (width > 0) {
            terminal.print("\r" + " ".repeat(width) + "\r");
            terminal.flush();
        }
    }
}
