package dev.detwasm.host;

import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.RandomPolicy;
import dev.detwasm.host.spi.DecisionSource;
import java.util.Map;

/**
 * Which runnable guest thread goes next (and every other decision) when no trace or explorer
 * decides. Policies are bound by their {@code --schedule} names in a Guice {@code
 * MapBinder<String, SchedulePolicy>} ({@link HostCoreModule}); another module adds one with
 * {@code MapBinder.newMapBinder(binder(), String.class, SchedulePolicy.class).addBinding(name)}.
 */
@FunctionalInterface
public interface SchedulePolicy {
    /** Never preempts; the longest-waiting runnable thread runs when the current one stops. */
    String FIFO = "fifo";

    /** Picks uniformly among the options at every decision, seeded with {@code --seed}. */
    String RANDOM = "random";

    /**
     * The decisions of one run under {@code config}. Must be a pure function of the
     * configuration (its seed, typically) so that runs are reproducible.
     */
    DecisionSource decisions(RunConfig config);

    /** The policies detwasm ships, by name. */
    static Map<String, SchedulePolicy> defaults() {
        return Map.of(
                FIFO, config -> new FifoPolicy(),
                RANDOM, config -> new RandomPolicy(config.seed()));
    }
}
