package dev.detwasm.host;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Where a run's guest stdout and stderr go. The guest's bytes are also kept, so a run's
 * result can be compared byte for byte.
 */
public final class GuestOutput {
    private final ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();
    private final OutputStream stdoutEcho;
    private final OutputStream stderrEcho;

    /** Keeps the output; also writes it through to the echo streams when they are not null. */
    public GuestOutput(OutputStream stdoutEcho, OutputStream stderrEcho) {
        this.stdoutEcho = stdoutEcho;
        this.stderrEcho = stderrEcho;
    }

    /** Keeps the output only. */
    public static GuestOutput captured() {
        return new GuestOutput(null, null);
    }

    public void writeStdout(byte[] bytes, int offset, int length) {
        write(stdoutBytes, stdoutEcho, bytes, offset, length);
    }

    public void writeStderr(byte[] bytes, int offset, int length) {
        write(stderrBytes, stderrEcho, bytes, offset, length);
    }

    public byte[] stdout() {
        return stdoutBytes.toByteArray();
    }

    public byte[] stderr() {
        return stderrBytes.toByteArray();
    }

    /** Flushes the echo streams. */
    public void flush() {
        flush(stdoutEcho);
        flush(stderrEcho);
    }

    private static void write(
            ByteArrayOutputStream kept, OutputStream echo, byte[] bytes, int offset, int length) {
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
