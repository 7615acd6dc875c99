package dev.detwasm.modelcheck;

import java.util.Map;
import java.util.TreeMap;

/**
 * The options addressed to one strategy ({@code --strategy-option NAME.KEY=VALUE}), by key,
 * as text; the strategy parses them into its own settings (as {@link PctSettings} does).
 *
 * @param strategy the strategy's name, for messages
 * @param values the values by key
 */
public record StrategyOptions(String strategy, Map<String, String> values) {

    public StrategyOptions {
        values = Map.copyOf(values);
    }

    /** No options for {@code strategy}: every setting at its default. */
    public static StrategyOptions none(String strategy) {
        return new StrategyOptions(strategy, Map.of());
    }

    /**
     * Splits {@code NAME.KEY=VALUE} options by strategy name, checking each against the
     * options its strategy declares.
     *
     * @param given the options as {@code NAME.KEY} to value
     * @param strategies the strategies by name
     * @return the options of each strategy that has some, by name
     * @throws IllegalArgumentException when an option names no strategy, or a key its
     *     strategy does not take (the message names the keys it does)
     */
    static Map<String, StrategyOptions> split(
            Map<String, String> given, Map<String, StrategyFactory> strategies) {
        Map<String, Map<String, String>> byStrategy = new TreeMap<>();
        for (Map.Entry<String, String> option : given.entrySet()) {
            String address = option.getKey();
            int dot = address.indexOf('.');
            String name = dot < 0 ? address : address.substring(0, dot);
            StrategyFactory factory = strategies.get(name);
            if (dot < 0 || factory == null) {
                throw new IllegalArgumentException("strategy option '" + address
                        + "' is not NAME.KEY for a strategy NAME among "
                        + String.join(", ", new TreeMap<>(strategies).keySet()));
            }
            String key = address.substring(dot + 1);
            if (!factory.options().containsKey(key)) {
                throw new IllegalArgumentException("strategy " + name + " has no option '"
                        + key + "'; " + takes(name, factory));
            }
            byStrategy.computeIfAbsent(name, n -> new TreeMap<>()).put(key, option.getValue());
        }
        Map<String, StrategyOptions> split = new TreeMap<>();
        byStrategy.forEach((name, values) -> split.put(name, new StrategyOptions(name, values)));
        return split;
    }

    private static String takes(String name, StrategyFactory factory) {
        if (factory.options().isEmpty()) {
            return "it takes none";
        }
        return "it takes " + String.join(", ",
                new TreeMap<>(factory.options()).keySet().stream()
                        .map(key -> name + "." + key).toList());
    }

    /**
     * The whole number at {@code key}, or {@code fallback} when none was given.
     *
     * @throws IllegalArgumentException when the value is not a whole number of at least
     *     {@code least}
     */
    public int intValue(String key, int fallback, int least) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "strategy option " + strategy + "." + key + " takes a whole number, got '"
                            + text + "'");
        }
        if (value < least) {
            throw new IllegalArgumentException("strategy option " + strategy + "." + key
                    + " must be at least " + least + ", got " + value);
        }
        return value;
    }
}
