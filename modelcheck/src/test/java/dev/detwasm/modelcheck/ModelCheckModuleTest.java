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
        Map<String, StrategyFactory> strategies = strategies();
        assertInstanceOf(DfsStrategy.class, create(strategies, "dfs"));
        assertInstanceOf(BfsStrategy.class, create(strategies, "bfs"));
        assertInstanceOf(RandomStrategy.class, create(strategies, "random"));
        assertInstanceOf(PctStrategy.class, create(strategies, "pct"));
        assertInstanceOf(PortfolioStrategy.class, create(strategies, "portfolio"));
    }

    private Map<String, StrategyFactory> strategies() {
        return injector.getInstance(Key.get(new TypeLiteral<Map<String, StrategyFactory>>() {}));
    }

    private static Strategy create(Map<String, StrategyFactory> strategies, String name) {
        return strategies.get(name).create(new ExplorationFacts(0, false),
                StrategyOptions.none(name));
    }

    @Test
    void pctTakesItsDepthAsAnOptionAddressedToIt() {
        Map<String, StrategyOptions> options =
                StrategyOptions.split(Map.of("pct.depth", "5"), strategies());
        Strategy pct = strategies().get("pct")
                .create(new ExplorationFacts(0, false), options.get("pct"));
        assertEquals("pct depth 5", pct.origin());
        assertEquals(List.of("pct"), List.copyOf(options.keySet()));
    }

    @Test
    void anOptionNoStrategyTakesNamesTheOnesItDoes() {
        assertEquals("strategy pct has no option 'deep'; it takes pct.depth",
                optionError(Map.of("pct.deep", "2")));
        assertEquals("strategy dfs has no option 'depth'; it takes none",
                optionError(Map.of("dfs.depth", "2")));
        assertEquals("strategy option 'chess.depth' is not NAME.KEY for a strategy NAME among"
                + " bfs, dfs, pct, portfolio, random", optionError(Map.of("chess.depth", "2")));
        assertEquals("strategy option 'depth' is not NAME.KEY for a strategy NAME among"
                + " bfs, dfs, pct, portfolio, random", optionError(Map.of("depth", "2")));
    }

    @Test
    void aBadValueNamesTheOptionAndWhatItTakes() {
        Map<String, StrategyFactory> strategies = strategies();
        for (var bad : Map.of("x", "strategy option pct.depth takes a whole number, got 'x'",
                "0", "strategy option pct.depth must be at least 1, got 0").entrySet()) {
            StrategyOptions options =
                    StrategyOptions.split(Map.of("pct.depth", bad.getKey()), strategies).get("pct");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> strategies.get("pct").create(new ExplorationFacts(0, false), options));
            assertEquals(bad.getValue(), e.getMessage());
        }
    }

    private String optionError(Map<String, String> options) {
        return assertThrows(IllegalArgumentException.class,
                () -> StrategyOptions.split(options, strategies())).getMessage();
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
