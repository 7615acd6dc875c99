package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.scheduler.SchedulerModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCheckModuleTest {
    private final Injector injector =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new ModelCheckModule());

    @Test
    void bindsEachStrategyUnderItsName() {
        ModelChecker checker = injector.getInstance(ModelChecker.class);
        assertEquals(List.of("bfs", "dfs", "pct", "portfolio", "random"),
                List.copyOf(checker.strategyNames()));
        StrategySettings settings = new StrategySettings(0, 3);
        Map<String, StrategyFactory> strategies =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, StrategyFactory>>() {}));
        assertInstanceOf(DfsStrategy.class, strategies.get("dfs").create(settings));
        assertInstanceOf(BfsStrategy.class, strategies.get("bfs").create(settings));
        assertInstanceOf(RandomStrategy.class, strategies.get("random").create(settings));
        assertInstanceOf(PctStrategy.class, strategies.get("pct").create(settings));
        assertInstanceOf(PortfolioStrategy.class, strategies.get("portfolio").create(settings));
    }

    @Test
    void anUnknownStrategyIsAClearError() {
        ModelChecker checker = injector.getInstance(ModelChecker.class);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class,
                        () -> checker.explore("p.wasm", SyntheticTree.uniform(1, 2), 0,
                                CheckSettings.builder().strategy("chess").build(),
                                new ReproductionCommand("p.wasm", RunConfig.builder().build(),
                                        null),
                                ProgressListener.NONE));
        assertEquals("unknown strategy 'chess'; expected one of bfs, dfs, pct, portfolio, random",
                e.getMessage());
    }
}
