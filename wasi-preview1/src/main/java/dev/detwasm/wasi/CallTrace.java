package dev.detwasm.wasi;

import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.memory.GuestFault;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.RunContext;
import java.util.List;

/**
 * Records WASI calls for {@code --trace-wasi} (one line per call on the diagnostics stream,
 * e.g. {@code [t0] fd_write(fd=1, iovs=0x1000 [1 iovec, 3 bytes "hi\n"], iovs_len=1,
 * nwritten=0x2000 -> 3) -> 0 (success)}): paths and bytes are decoded, and what the call wrote
 * through a pointer is shown after it (read once the call has returned)
 * and as {@code wasi} events when the run keeps an event log. Callers check {@link #enabled()}
 * first, so a run that traces nothing formats nothing.
 */
final class CallTrace {
    /** Longest text argument shown; the rest is elided. */
    private static final int MAX_TEXT = 200;
    /** Bytes of an iovec buffer shown. */
    private static final int MAX_BYTES = 32;
    /** Subscriptions of a poll shown. */
    private static final int MAX_SUBSCRIPTIONS = 4;
    private static final int SUBSCRIPTION_SIZE = 48;

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
                case OUT_U32, OUT_U64 -> {
                    out.append("0x").append(Integer.toHexString((int) args[i])).append(" -> ");
                    try {
                        out.append(p.format() == Param.Format.OUT_U32
                                ? Integer.toUnsignedString(memory.readI32((int) args[i]))
                                : Long.toUnsignedString(memory.readI64((int) args[i])));
                    } catch (GuestFault e) {
                        out.append("<fault>");
                    }
                }
                case IOVECS -> {
                    out.append("0x").append(Integer.toHexString((int) args[i])).append(' ');
                    appendIovecs(out, memory, (int) args[i], (int) args[i + 1]);
                }
                case SUBSCRIPTIONS -> {
                    out.append("0x").append(Integer.toHexString((int) args[i])).append(' ');
                    appendSubscriptions(out, memory, (int) args[i], (int) args[i + 2]);
                }
            }
        }
        out.append(')');
        if (result != null) {
            out.append(" -> ").append(result);
        }
        return out.toString();
    }

    /** {@code [2 iovecs, 24 bytes "counter=1..."]}: the buffers' total and their first bytes. */
    private static void appendIovecs(StringBuilder out, GuestMemory memory, int address, int count) {
        long total = 0;
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        try {
            for (int i = 0; i < count; i++) {
                int buffer = memory.readI32(address + 8 * i);
                int length = memory.readI32(address + 8 * i + 4);
                total += Integer.toUnsignedLong(length);
                int wanted = (int) Math.min(Integer.toUnsignedLong(length), MAX_BYTES - first.size());
                if (wanted > 0) {
                    first.writeBytes(memory.readBytes(buffer, wanted));
                }
            }
        } catch (GuestFault e) {
            out.append("<fault>");
            return;
        }
        out.append('[').append(count).append(count == 1 ? " iovec, " : " iovecs, ")
                .append(total).append(total == 1 ? " byte" : " bytes");
        if (first.size() > 0) {
            out.append(' ');
            quote(out, new String(first.toByteArray(), java.nio.charset.StandardCharsets.UTF_8),
                    total > first.size());
        }
        out.append(']');
    }

    /** {@code [clock 1000000 ns, fd_read 0]}: what each subscription waits for. */
    private static void appendSubscriptions(
            StringBuilder out, GuestMemory memory, int address, int count) {
        out.append('[');
        try {
            for (int i = 0; i < Math.min(count, MAX_SUBSCRIPTIONS); i++) {
                int at = address + SUBSCRIPTION_SIZE * i;
                if (i > 0) {
                    out.append(", ");
                }
                int tag = memory.readU8(at + 8) & 0xff;
                switch (tag) {
                    case 0 -> {
                        boolean absolute = (memory.readU16(at + 40) & 1) != 0;
                        out.append("clock ").append(memory.readI32(at + 16)).append(' ')
                                .append(absolute ? "until " : "")
                                .append(Long.toUnsignedString(memory.readI64(at + 24)))
                                .append(" ns");
                    }
                    case 1 -> out.append("fd_read ").append(memory.readI32(at + 16));
                    case 2 -> out.append("fd_write ").append(memory.readI32(at + 16));
                    default -> out.append("tag ").append(tag);
                }
            }
        } catch (GuestFault e) {
            out.append("<fault>");
        }
        if (count > MAX_SUBSCRIPTIONS) {
            out.append(", ...");
        }
        out.append(']');
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
        quote(out, text, Integer.toUnsignedLong(length) > MAX_TEXT);
    }

    /** {@code text} in double quotes, escaped; {@code ...} after it when it was cut. */
    private static void quote(StringBuilder out, String text, boolean cut) {
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
        if (cut) {
            out.append("...");
        }
        out.append('"');
    }
}
