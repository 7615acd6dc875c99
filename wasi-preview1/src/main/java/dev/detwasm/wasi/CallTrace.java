package dev.detwasm.wasi;

import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.memory.GuestFault;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.RunContext;
import java.util.List;

/**
 * Records WASI calls for {@code --trace-wasi} (one line per call on the diagnostics stream,
 * e.g. {@code [t0] fd_write(fd=1, iovs=0x1000, iovs_len=1, nwritten=0x2000) -> 0 (success)})
 * and as {@code wasi} events when the run keeps an event log. Callers check {@link #enabled()}
 * first, so a run that traces nothing formats nothing.
 */
final class CallTrace {
    /** Longest text argument shown; the rest is elided. */
    private static final int MAX_TEXT = 200;

    private final RunContext run;
    private final boolean toDiagnostics;
    private final boolean toEvents;

    CallTrace(RunContext run) {
        this.run = run;
        this.toDiagnostics = run.config().traceWasi();
        this.toEvents = run.events().enabled();
    }

    boolean enabled() {
        return toDiagnostics || toEvents;
    }

    /**
     * Records one call.
     *
     * @param result what the call returned, e.g. {@code "0 (success)"}; null for a function
     *     without results
     */
    void record(
            String function, List<Param> params, long[] args, GuestMemory memory, String result) {
        String line = format(function, params, args, memory, result);
        int thread = run.threads().currentThread();
        if (toDiagnostics) {
            run.diagnostics().println("[t" + thread + "] " + line);
        }
        if (toEvents) {
            run.events().add(thread, "wasi", line);
        }
    }

    static String format(
            String function, List<Param> params, long[] args, GuestMemory memory, String result) {
        StringBuilder out = new StringBuilder(function).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) {
                out.append(", ");
            }
            out.append(p.name()).append('=');
            switch (p.format()) {
                case DECIMAL -> out.append(p.type() == ValType.I64 ? args[i] : (int) args[i]);
                case HEX -> out.append("0x").append(Long.toHexString(
                        p.type() == ValType.I64 ? args[i] : args[i] & 0xFFFF_FFFFL));
                case TEXT -> {
                    out.append("0x").append(Integer.toHexString((int) args[i])).append(' ');
                    appendText(out, memory, (int) args[i], (int) args[i + 1]);
                }
            }
        }
        out.append(')');
        if (result != null) {
            out.append(" -> ").append(result);
        }
        return out.toString();
    }

    private static void appendText(StringBuilder out, GuestMemory memory, int address, int length) {
        String text;
        try {
            text = memory.readString(
                    address, (int) Math.min(Integer.toUnsignedLong(length), MAX_TEXT));
        } catch (GuestFault e) {
            out.append("<fault>");
            return;
        }
        out.append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        if (Integer.toUnsignedLong(length) > MAX_TEXT) {
            out.append("...");
        }
        out.append('"');
    }
}
