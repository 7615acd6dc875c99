package dev.detwasm.modelcheck;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * Makes a fresh {@link Strategy} for one exploration. Each strategy is bound under its
 * {@code --strategy} name in a Guice {@code MapBinder<String, StrategyFactory>}, and declares
 * the options it takes ({@code --strategy-option NAME.KEY=VALUE}); a key it does not declare
 * is a usage error that names the keys it does.
 */
@FunctionalInterface
public interface StrategyFactory {

    /**
     * A strategy made from the exploration's facts and the options addressed to it, which hold
     * only keys of {@link #options()}.
     */
    Strategy create(ExplorationFacts facts, StrategyOptions options);

    /** The keys of the options it takes, each with what it means; none unless overridden. */
    default Map<String, String> options() {
        return Map.of();
    }

    /** A strategy that takes the options {@code options} describes, key by key. */
    static StrategyFactory taking(
            Map<String, String> options,
            BiFunction<ExplorationFacts, StrategyOptions, Strategy> create) {
        Map<String, String> declared = Map.copyOf(options);
        return new StrategyFactory() {
            @Override
            public Strategy create(ExplorationFacts facts, StrategyOptions given) {
                return create.apply(facts, given);
            }

            @Override
            public Map<String, String> options() {
                return declared;
            }
        };
    }
}
