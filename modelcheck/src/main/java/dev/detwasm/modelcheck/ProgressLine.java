package dev.detwasm.modelcheck;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress line redrawn in place on a terminal: runs so far (of the total when {@code
 * --max-runs} bounds them), failing runs so far, runs per second once warmed up (the first
 * {@value #WARM_UP_MILLIS} ms compile and load classes, so they are left out of the rate), and
 * the time left when a bound gives it; once a run failed, that Ctrl-C reports it at once.
 * Drawn at most every {@value #INTERVAL_MILLIS} ms; erased when the exploration ends. Use it
 * only when the stream is a terminal: elsewhere the carriage returns would be noise.
 */
public final class ProgressLine implements ProgressListener {
    static final long INTERVAL_MILLIS = 200;
    static final long WARM_UP_MILLIS = 1000;

    private final PrintStream terminal;
    private final long maxRuns;
    private final Duration timeLimit;
    private long lastDrawn = Long.MIN_VALUE;
    private long warmRuns = -1;
    private long warmMillis;
    private int width;

    /** A line without bounds to count down to. */
    public ProgressLine(PrintStream terminal) {
        this(terminal, CheckSettings.UNLIMITED, Duration.ZERO);
    }

    /**
     * @param maxRuns the run bound, or {@link CheckSettings#UNLIMITED}
     * @param timeLimit the wall-clock bound, or zero for none
     */
    public ProgressLine(PrintStream terminal, long maxRuns, Duration timeLimit) {
        this.terminal = terminal;
        this.maxRuns = maxRuns;
        this.timeLimit = timeLimit;
    }

    @Override
    public void progress(long runs, long failures, Duration elapsed) {
        long now = elapsed.toMillis();
        if (warmRuns < 0 && now >= WARM_UP_MILLIS) {
            warmRuns = runs;
            warmMillis = now;
        }
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < INTERVAL_MILLIS) {
            return;
        }
        lastDrawn = now;
        String line = line(runs, failures, now);
        terminal.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = line.length();
    }

    /** The text of the line after {@code millis} ms. */
    String line(long runs, long failures, long millis) {
        StringBuilder line = new StringBuilder("detwasm check: ");
        line.append(maxRuns == CheckSettings.UNLIMITED
                ? TextReport.count(runs, "run")
                : runs + " of " + TextReport.count(maxRuns, "run"));
        line.append(", ").append(failures).append(" failing");
        if (failures > 0) {
            line.append(" (Ctrl-C: report now)"); // the CLI's SIGINT stops the exploration
        }
        double rate = -1;
        if (warmRuns >= 0 && millis > warmMillis) {
            rate = (runs - warmRuns) * 1000.0 / (millis - warmMillis);
            line.append(String.format(Locale.ROOT, ", %.0f runs/s", rate));
        }
        long leftMillis = -1;
        if (!timeLimit.isZero()) {
            leftMillis = Math.max(0, timeLimit.toMillis() - millis);
        }
        if (maxRuns != CheckSettings.UNLIMITED && rate > 0) {
            long byRuns = (long) ((maxRuns - runs) * 1000 / rate);
            leftMillis = leftMillis < 0 ? byRuns : Math.min(leftMillis, byRuns);
        }
        if (leftMillis >= 0) {
            line.append(", at most ").append(duration(leftMillis)).append(" left");
        }
        return line.toString();
    }

    private static String duration(long millis) {
        long seconds = (millis + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    @Override
    public void finished() {
        if (width > 0) {
            terminal.print("\r" + " ".repeat(width) + "\r");
            terminal.flush();
        }
    }
}
