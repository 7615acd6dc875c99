package dev.detwasm.modelcheck;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.Termination;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake program whose runs walk a synthetic tree of decisions: {@code shape} gives the next
 * decision after the choices made so far, or null when the run ends. Decisions go through
 * host-core's {@link Decisions}, as in a real run. A run prints its choices and fails with exit
 * code 1 when {@code fails} holds for them.
 */
final class SyntheticTree implements RunExecutor {
    private final Function<List<Integer>, Decision> shape;
    private final Predicate<List<Integer>> fails;
    private final Function<List<Integer>, List<String>> sites;

    SyntheticTree(
            Function<List<Integer>, Decision> shape,
            Predicate<List<Integer>> fails,
            Function<List<Integer>, List<String>> sites) {
        this.shape = shape;
        this.fails = fails;
        this.sites = sites;
    }

    SyntheticTree(Function<List<Integer>, Decision> shape, Predicate<List<Integer>> fails) {
        this(shape, fails, choices -> List.of());
    }

    /** {@code depth} select decisions of {@code options} options each. */
    static SyntheticTree uniform(int depth, int options) {
        return new SyntheticTree(
                path -> path.size() < depth ? Decision.select(0, options) : null,
                path -> false);
    }

    /**
     * An irregular tree: each node has 1 to 3 options (1 means no decision) and the kind of
     * its decision drawn from its path; runs end between depth 2 and 6.
     */
    static SyntheticTree irregular(long seed) {
        return new SyntheticTree(
                path -> {
                    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + path.hashCode());
                    if (path.size() >= 2 + r.nextInt(5)) {
                        return null;
                    }
                    int options = 1 + r.nextInt(3);
                    return switch (r.nextInt(3)) {
                        case 0 -> Decision.select(0, options);
                        case 1 -> Decision.wake(0, range(options));
                        default -> Decision.schedule(0, range(options));
                    };
                },
                path -> path.stream().mapToInt(Integer::intValue).sum() == 3);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** The traces of every leaf, found without the explorer: the oracle for exhaustive runs. */
    List<List<Integer>> allTraces() {
        List<List<Integer>> result = new ArrayList<>();
        enumerate(new ArrayList<>(), new ArrayList<>(), result);
        return result;
    }

    private void enumerate(List<Integer> path, List<Integer> trace, List<List<Integer>> out) {
        Decision d = shape.apply(path);
        if (d == null) {
            out.add(List.copyOf(trace));
            return;
        }
        for (int c = 0; c < d.options(); c++) {
            path.add(c);
            if (d.options() > 1) {
                trace.add(c);
            }
            enumerate(path, trace, out);
            if (d.options() > 1) {
                trace.remove(trace.size() - 1);
            }
            path.remove(path.size() - 1);
        }
    }

    @Override
    public RunOutcome execute(DecisionSource source) {
        Decisions decisions = new Decisions(source, new EventLog(false));
        List<Integer> path = new ArrayList<>();
        for (Decision d = shape.apply(path); d != null; d = shape.apply(path)) {
            path.add(decisions.choose(d));
        }
        boolean failed = fails.test(path);
        return new RunOutcome(
                failed ? Termination.exit(0, 1) : Termination.exit(0, 0),
                (path + "\n").getBytes(StandardCharsets.UTF_8),
                new byte[0],
                decisions.trace(),
                decisions.kinds(),
                sites.apply(path),
                "");
    }
}
