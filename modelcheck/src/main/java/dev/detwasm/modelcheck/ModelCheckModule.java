package dev.detwasm.modelcheck;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the exploration strategies by their {@code --strategy} names. Another module adds a
 * strategy with {@code MapBinder.newMapBinder(binder(), String.class, StrategyFactory.class)
 * .addBinding("name")}.
 */
public final class ModelCheckModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, StrategyFactory> strategies =
                MapBinder.newMapBinder(binder(), String.class, StrategyFactory.class);
        strategies.addBinding("dfs").toInstance(settings -> new DfsStrategy());
        strategies.addBinding("bfs").toInstance(settings -> new BfsStrategy());
        strategies.addBinding("random").toInstance(RandomStrategy::new);
        strategies.addBinding("pct").toInstance(PctStrategy::new);
        strategies.addBinding("portfolio").toInstance(PortfolioStrategy::standard);
    }
}
