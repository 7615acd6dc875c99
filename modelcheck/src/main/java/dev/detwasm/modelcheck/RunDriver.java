package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The decision source of one explored run: applies the {@link Branching} rules, lets the
 * strategy's {@link Chooser} make the branching decisions, and records them as {@link Step}s.
 * Guest threads take turns, so it is used by one thread at a time.
 */
public final class RunDriver implements DecisionSource {
    private final Branching branching;
    private final Chooser chooser;
    /**
     * The kinds that branch, as an {@link EnumSet} of its own (a bit test; {@link
     * Branching#kinds} is a read-only view): asked at every decision and access point.
     */
    private final Set<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
    /**
     * {@link #range}'s arrays by size, shared by every run of the process (nobody writes to
     * them): a run of many threads then costs no array per size.
     */
    private static final AtomicReferenceArray<int[]> RANGES = new AtomicReferenceArray<>(1024);

    private final List<Step> steps = new ArrayList<>();
    private int index;
    private int preemptions;
    private boolean cut;
    private boolean pruned;

    RunDriver(Branching branching, Chooser chooser) {
        this.branching = branching;
        this.chooser = chooser;
        kinds.addAll(branching.kinds());
    }

    @Override
    public int choose(Decision decision) {
        int at = index++;
        if (!kinds.contains(decision.kind())) {
            return 0;
        }
        if (steps.size() >= branching.maxDecisions()) {
            cut = true;
            return 0;
        }
        int[] allowed = allowed(decision);
        int choice = chooser.choose(new ChoicePoint(decision, at, allowed));
        if (choice < 0 || choice >= allowed.length) {
            throw new IllegalStateException(
                    "chooser picked option " + choice + " outside " + Arrays.toString(allowed));
        }
        steps.add(
                new Step(at, decision.kind(), allowed, choice, preemptions,
                        decision.isPreemption(1)));
        if (decision.isPreemption(choice)) {
            preemptions++;
        }
        return choice;
    }

    /**
     * Asks the chooser, unless no access point could branch any more: past {@code
     * --max-decisions}, or with the preemption bound used up (every option but 0 there is a
     * preemption).
     */
    @Override
    public int pointsUntilDecision(int thread) {
        if (steps.size() >= branching.maxDecisions() || !preemptionsLeft()
                || !kinds.contains(DecisionKind.SCHEDULE)) {
            return Integer.MAX_VALUE;
        }
        return chooser.pointsUntilDecision(thread);
    }

    /** Records the decisions passed without asking as the steps they were, each taking 0. */
    @Override
    public void passed(Decision decision, long count) {
        if (!kinds.contains(DecisionKind.SCHEDULE)) {
            index += (int) count;
            return;
        }
        for (long i = 0; i < count; i++) {
            int at = index++;
            if (steps.size() >= branching.maxDecisions()) {
                cut = true;
                continue;
            }
            steps.add(new Step(at, decision.kind(), allowed(decision), 0, preemptions,
                    decision.isPreemption(1)));
        }
        chooser.passed(count);
    }

    private boolean preemptionsLeft() {
        return branching.preemptionBound() == Branching.UNBOUNDED
                || preemptions < branching.preemptionBound();
    }

    /**
     * The options within the preemption bound: all of them, or, once the bound is used up at a
     * decision where every option but 0 is a preemption, 0 alone. Either way the first options
     * in order, so the array is one of {@link #RANGES}, shared by the runs' steps: a decision
     * costs no copy of its options, however many threads could run.
     */
    private int[] allowed(Decision decision) {
        int options = decision.options();
        if (!preemptionsLeft() && decision.isPreemption(1)) {
            pruned = true;
            return range(1);
        }
        return range(options);
    }

    /** {@code {0, 1, ..., count - 1}}, made once per process and size (up to 1023). */
    private static int[] range(int count) {
        int[] range = count < RANGES.length() ? RANGES.get(count) : null;
        if (range == null) {
            range = new int[count];
            Arrays.setAll(range, i -> i);
            if (count < RANGES.length()) {
                RANGES.set(count, range); // two workers may both make one: they are equal
            }
        }
        return range;
    }

    /** The branching decisions made so far. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** How many preemptions the run made. */
    public int preemptions() {
        return preemptions;
    }

    /** Whether the run had more branching decisions than {@code --max-decisions} allows. */
    public boolean cut() {
        return cut;
    }

    /** Whether the preemption bound kept some option of the run from being explored. */
    public boolean pruned() {
        return pruned;
    }
}
