package dev.detwasm.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered record of what happened in a run: WASI calls, decisions, thread lifecycle, the
 * ending. Two runs with equal configurations have equal logs; {@code --verify} compares them.
 *
 * <p>Only one guest thread runs at a time and hand-offs synchronise, so no locking is needed.
 * Callers that build costly text check {@link #enabled()} first.
 */
public final class EventLog {
    private final boolean enabled;
    private final List<String> lines = new ArrayList<>();
    private Listener listener;

    /** Sees each event as it is added; only explained runs have one. */
    @FunctionalInterface
    public interface Listener {
        void event(int thread, String category, String detail);
    }

    public EventLog(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Appends {@code "t<thread> <category> <detail>"}. */
    public void add(int thread, String category, String detail) {
        if (enabled) {
            lines.add("t" + thread + " " + category + " " + detail);
            if (listener != null) {
                listener.event(thread, category, detail);
            }
        }
    }

    /** Sets the one listener of an enabled log. */
    public void listen(Listener listener) {
        this.listener = listener;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
