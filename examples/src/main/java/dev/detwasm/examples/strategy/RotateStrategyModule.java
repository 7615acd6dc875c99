package dev.detwasm.examples.strategy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.detwasm.modelcheck.StrategyFactory;

/**
 * A plugin that adds the strategy {@code rotate} ({@link RotateStrategy}) to {@code check},
 * with its own option {@code rotate.stride} ({@link RotateSettings}).
 */
public final class RotateStrategyModule extends AbstractModule {
    public static final String NAME = "rotate";

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StrategyFactory.class)
                .addBinding(NAME)
                .toInstance(StrategyFactory.taking(RotateSettings.OPTIONS,
                        (facts, options) -> new RotateStrategy(RotateSettings.from(options))));
    }
}
