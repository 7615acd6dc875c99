package dev.detwasm.modelcheck;

import java.util.Map;

/**
 * What {@link PctStrategy} is configured with beyond the exploration's facts.
 *
 * @param depth the bug depth it aims at: d-1 priority change points per run
 */
public record PctSettings(int depth) {
    public static final int DEFAULT_DEPTH = 3;
    /** The options pct takes: {@code --strategy-option pct.depth=D}. */
    public static final Map<String, String> OPTIONS =
            Map.of("depth", "the bug depth D: D - 1 priority change points per run (default: 3)");

    public PctSettings {
        if (depth < 1) {
            throw new IllegalArgumentException("the pct depth must be at least 1, got " + depth);
        }
    }

    /** The settings {@code options} give. */
    public static PctSettings from(StrategyOptions options) {
        return new PctSettings(options.intValue("depth", DEFAULT_DEPTH, 1));
    }
}
