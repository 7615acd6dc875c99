package dev.detwasm.modelcheck;

/**
 * Makes a fresh {@link Strategy} for one exploration. Each strategy is bound under its
 * {@code --strategy} name in a Guice {@code MapBinder<String, StrategyFactory>}.
 */
@FunctionalInterface
public interface StrategyFactory {

    Strategy create(StrategySettings settings);
}
