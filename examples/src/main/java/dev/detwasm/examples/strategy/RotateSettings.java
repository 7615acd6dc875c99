package dev.detwasm.examples.strategy;

import dev.detwasm.modelcheck.StrategyOptions;
import java.util.Map;

/**
 * What {@link RotateStrategy} is configured with: {@code --strategy-option rotate.stride=S}.
 *
 * @param stride how far the rotation turns from one decision to the next: run k takes option
 *     {@code (k + S i) mod n} at decision i
 */
public record RotateSettings(int stride) {
    public static final int DEFAULT_STRIDE = 1;
    /** The options {@code rotate} takes, key by key, with what each means. */
    public static final Map<String, String> OPTIONS = Map.of("stride",
            "S: run k takes option (k + S i) mod n at decision i (default: 1)");

    /** The settings {@code options} give; a stride below 0 is an error. */
    public static RotateSettings from(StrategyOptions options) {
        return new RotateSettings(options.intValue("stride", DEFAULT_STRIDE, 0));
    }
}
