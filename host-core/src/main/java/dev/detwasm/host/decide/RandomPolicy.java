package dev.detwasm.host.decide;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import java.util.SplittableRandom;

/**
 * Picks uniformly among the options of every decision, from a {@link SplittableRandom} seeded
 * with {@code seed}: the same seed gives the same choices on every JDK.
 */
public final class RandomPolicy implements DecisionSource {
    private final SplittableRandom random;

    public RandomPolicy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int choose(Decision decision) {
        return random.nextInt(decision.options());
    }
}
