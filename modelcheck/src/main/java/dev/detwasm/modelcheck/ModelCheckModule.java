package dev.detwasm.modelcheck;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the exploration strategies by their {@code --strategy} names. Another module adds a
 * strategy with {@code MapBinder.newMapBinder(binder(), String.class, StrategyFactory.class)
 * .addBinding("name")}; one with options of its own binds {@link StrategyFactory#taking}.
 */
public final class ModelCheckModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, StrategyFactory> strategies =
                MapBinder.newMapBinder(binder(), String.class, StrategyFactory.class);
        strategies.addBinding("dfs").toInstance((facts, options) -> new DfsStrategy());
        strategies.addBinding("bfs").toInstance((facts, options) -> new BfsStrategy());
        strategies.addBinding("random").toInstance((facts, options) -> new RandomStrategy(facts));
        strategies.addBinding("pct").toInstance(StrategyFactory.taking(PctSettings.OPTIONS,
                (facts, options) -> new PctStrategy(facts, PctSettings.from(options))));
        strategies.addBinding("portfolio")
                .toInstance((facts, options) -> PortfolioStrategy.standard(facts));
    }
}
