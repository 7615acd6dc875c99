package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers what the runs of an exploration show, in exploration order, into a {@link
 * CheckReport}: distinct traces and outcomes, failing runs (once per trace, with the command
 * that reproduces them), and {@code must_reach} coverage. Keeps the output of failing runs and
 * of one run per outcome, and of every other run only a {@link TraceFingerprint}.
 */
public final class Findings implements Consumer<ExploredRun> {
    private final ReproductionCommand reproduction;
    private final Set<TraceFingerprint> traces = new HashSet<>();
    private final Map<OutcomeKey, Tally> outcomes = new LinkedHashMap<>();
    private final Map<TraceFingerprint, Tally> failures = new LinkedHashMap<>();
    private final Map<String, Tally> sites = new TreeMap<>();
    private long runs;
    private long failingRuns;

    public Findings(ReproductionCommand reproduction) {
        this.reproduction = reproduction;
    }

    @Override
    public void accept(ExploredRun run) {
        runs++;
        RunOutcome outcome = run.outcome();
        TraceFingerprint fingerprint = TraceFingerprint.of(outcome.trace());
        traces.add(fingerprint);
        outcomes.computeIfAbsent(OutcomeKey.of(outcome), k -> new Tally(run)).runs++;
        if (outcome.failed()) {
            failingRuns++;
            failures.computeIfAbsent(fingerprint, t -> new Tally(run)).runs++;
        }
        for (String site : new LinkedHashSet<>(outcome.reachedSites())) {
            sites.computeIfAbsent(site, s -> new Tally(run)).runs++;
        }
    }

    /** The report of the runs gathered so far. */
    public CheckReport report(String module, CheckSettings settings, Exploration exploration) {
        List<DistinctOutcome> distinct = new ArrayList<>();
        for (Tally c : outcomes.values()) {
            RunOutcome o = c.first;
            distinct.add(
                    new DistinctOutcome(
                            o.termination().kind(), o.exitCode(), o.stdout(), c.runs,
                            c.firstRun, o.trace()));
        }
        distinct.sort(
                Comparator.comparingInt(DistinctOutcome::exitCode)
                        .thenComparing(DistinctOutcome::stdout, Arrays::compareUnsigned)
                        .thenComparing(DistinctOutcome::kind));
        List<FailingRun> failing = new ArrayList<>();
        for (Tally f : failures.values()) {
            RunOutcome o = f.first;
            failing.add(
                    new FailingRun(
                            f.firstRun, f.runs, o.termination(), o.trace(),
                            reproduction.forRun(o.termination(), o.trace()), o.stdout(), o.stderr()));
        }
        List<ReachedSite> reached = new ArrayList<>();
        sites.forEach((site, c) -> reached.add(new ReachedSite(site, c.runs, c.firstRun)));
        List<SiteDeclaration> unreached = new ArrayList<>();
        for (String text : settings.mustReach()) {
            SiteDeclaration declaration = SiteDeclaration.parse(text);
            if (sites.keySet().stream().noneMatch(declaration::matches)) {
                unreached.add(declaration);
            }
        }
        return new CheckReport(
                module, settings, runs, traces.size(), distinct, failingRuns, failing, reached,
                unreached, exploration.bounds(), exploration.elapsed(),
                exploration.cutOff());
    }

    /** Runs with the same ending and stdout. */
    private record OutcomeKey(Termination.Kind kind, int exitCode, ByteBuffer stdout) {
        static OutcomeKey of(RunOutcome outcome) {
            return new OutcomeKey(
                    outcome.termination().kind(), outcome.exitCode(),
                    ByteBuffer.wrap(outcome.stdout()));
        }
    }

    /** How many runs showed something, and the first of them. */
    private static final class Tally {
        private final long firstRun;
        private final RunOutcome first;
        private long runs;

        Tally(ExploredRun run) {
            this.firstRun = run.index();
            this.first = run.outcome();
        }
    }
}
