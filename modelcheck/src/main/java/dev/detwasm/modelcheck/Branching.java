package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.DecisionKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which decisions of a run may branch. A decision branches when its kind is one of {@code
 * kinds} and fewer than {@code maxDecisions} decisions of the run branched before it; every
 * other decision takes option 0, which is what fifo does. Among the options of a branching
 * decision, those that would make the run's preemptions exceed {@code preemptionBound} are not
 * explored.
 *
 * @param kinds the kinds that branch ({@code --decisions})
 * @param maxDecisions how many decisions of one run may branch ({@code --max-decisions})
 * @param preemptionBound how many preemptions one run may make, or {@link #UNBOUNDED}
 */
public record Branching(Set<DecisionKind> kinds, int maxDecisions, int preemptionBound) {
    public static final int UNBOUNDED = -1;

    public Branching {
        EnumSet<DecisionKind> copy = EnumSet.noneOf(DecisionKind.class);
        copy.addAll(kinds);
        kinds = Collections.unmodifiableSet(copy);
        if (maxDecisions < 0) {
            throw new IllegalArgumentException("maxDecisions must not be negative");
        }
        if (preemptionBound < UNBOUNDED) {
            throw new IllegalArgumentException("preemptionBound must be -1 or more");
        }
    }

    /** Every kind branches, without bounds. */
    public static Branching unbounded() {
        return new Branching(EnumSet.allOf(DecisionKind.class), Integer.MAX_VALUE, UNBOUNDED);
    }

    /** The decision source of one run whose branching decisions {@code chooser} makes. */
    public RunDriver driver(Chooser chooser) {
        return new RunDriver(this, chooser);
    }
}
