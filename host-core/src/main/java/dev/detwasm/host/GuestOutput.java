package dev.detwasm.host;

import java.io.OutputStream;

/**
 * Where a run's guest stdout and stderr go. Bytes are passed to the echo streams as the guest
 * writes them; of each stream the run keeps only a {@link KeptOutput} (length, SHA-256 and the
 * first {@code keep} bytes), so memory stays flat however much the guest writes.
 */
public final class GuestOutput {
    /** How many bytes of each stream are kept when the caller does not say: 1 MiB. */
    public static final int DEFAULT_KEEP = 1 << 20;

    private final KeptOutput.Recorder stdout;
    private final KeptOutput.Recorder stderr;
    private final OutputStream stdoutEcho;
    private final OutputStream stderrEcho;

    /**
     * @param stdoutEcho receives the guest's stdout as it is written; null for none
     * @param stderrEcho receives the guest's stderr as it is written; null for none
     * @param keep how many bytes of each stream to keep in memory
     */
    public GuestOutput(OutputStream stdoutEcho, OutputStream stderrEcho, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        this.stdout = new KeptOutput.Recorder(keep);
        this.stderr = new KeptOutput.Recorder(keep);
        this.stdoutEcho = stdoutEcho;
        this.stderrEcho = stderrEcho;
    }

    /** Echoes to the given streams and keeps {@link #DEFAULT_KEEP} bytes of each. */
    public GuestOutput(OutputStream stdoutEcho, OutputStream stderrEcho) {
        this(stdoutEcho, stderrEcho, DEFAULT_KEEP);
    }

    /** Echoes nothing; keeps {@link #DEFAULT_KEEP} bytes of each stream. */
    public static GuestOutput captured() {
        return captured(DEFAULT_KEEP);
    }

    /** Echoes nothing; keeps {@code keep} bytes of each stream. */
    public static GuestOutput captured(int keep) {
        return new GuestOutput(null, null, keep);
    }

    public void writeStdout(byte[] bytes, int offset, int length) {
        write(stdout, stdoutEcho, bytes, offset, length);
    }

    public void writeStderr(byte[] bytes, int offset, int length) {
        write(stderr, stderrEcho, bytes, offset, length);
    }

    /** What is kept of the guest's stdout so far. */
    public KeptOutput stdout() {
        return stdout.kept();
    }

    /** What is kept of the guest's stderr so far. */
    public KeptOutput stderr() {
        return stderr.kept();
    }

    /** Flushes the echo streams. */
    public void flush() {
        flush(stdoutEcho);
        flush(stderrEcho);
    }

    private static void write(
            KeptOutput.Recorder kept, OutputStream echo, byte[] bytes, int offset, int length) {
        kept.write(bytes, offset, length);
        if (echo != null) {
            try {
                echo.write(bytes, offset, length);
            } catch (java.io.IOException e) {
                // The host's console went away; the guest's view of the write is unchanged.
            }
        }
    }

    private static void flush(OutputStream echo) {
        if (echo != null) {
            try {
                echo.flush();
            } catch (java.io.IOException e) {
                // See write(): the guest does not observe host console failures.
            }
        }
    }
}
