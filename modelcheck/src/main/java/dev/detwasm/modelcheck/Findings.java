package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers what the runs of an exploration show, in exploration order, into a {@link
 * CheckReport}: distinct traces and outcomes, failing runs (once per trace, with the command
 * that reproduces them), and {@code must_reach} coverage. Keeps the output of one run per outcome
 * and of the first {@value #MAX_KEPT_FAILURES} distinct failing runs, and of every other run only
 * its {@link TraceFingerprint} (16 bytes, see {@link FingerprintSet}), so a long exploration's
 * memory grows by a few dozen bytes a run.
 */
public final class Findings implements Consumer<ExploredRun> {
    private final ReproductionCommand reproduction;
    /** Failing runs kept whole for the report; the others are only counted. */
    static final int MAX_KEPT_FAILURES = 1000;
    /** Distinct outcomes kept whole (one run each); the others are only counted. */
    static final int MAX_KEPT_OUTCOMES = 1000;

    private final FingerprintSet traces = new FingerprintSet();
    private final FingerprintSet outcomeKeys = new FingerprintSet();
    private final Map<OutcomeKey, Tally> outcomes = new LinkedHashMap<>();
    private final Map<TraceFingerprint, Tally> failures = new LinkedHashMap<>();
    private final Map<String, Tally> sites = new TreeMap<>();
    private long runs;
    private long failingRuns;
    /** A run's trace decides its outcome, so a failing run with a new trace is a new failure. */
    private long distinctFailures;

    public Findings(ReproductionCommand reproduction) {
        this.reproduction = reproduction;
    }

    @Override
    public void accept(ExploredRun run) {
        runs++;
        RunOutcome outcome = run.outcome();
        TraceFingerprint fingerprint = TraceFingerprint.of(outcome.trace());
        boolean newTrace = traces.add(fingerprint);
        OutcomeKey key = OutcomeKey.of(outcome);
        outcomeKeys.add(key.low(), key.high());
        Tally same = outcomes.get(key);
        if (same == null && outcomes.size() < MAX_KEPT_OUTCOMES) {
            same = new Tally(run);
            outcomes.put(key, same);
        }
        if (same != null) {
            same.runs++;
        }
        if (outcome.failed()) {
            failingRuns++;
            if (newTrace) {
                distinctFailures++;
            }
            Tally kept = failures.get(fingerprint);
            if (kept == null && failures.size() < MAX_KEPT_FAILURES) {
                kept = new Tally(run);
                failures.put(fingerprint, kept);
            }
            if (kept != null) {
                kept.runs++;
            }
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
                            reproduction.forTrace(o.trace()), o.stdout(), o.stderr()));
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
                module, settings, runs, traces.size(), outcomeKeys.size(), distinct, failingRuns,
                distinctFailures, failing, reached,
                unreached, exploration.bounds(), exploration.elapsed());
    }

    /** Runs with the same ending and stdout. */
    private record OutcomeKey(Termination.Kind kind, int exitCode, ByteBuffer stdout) {
        static OutcomeKey of(RunOutcome outcome) {
            return new OutcomeKey(
                    outcome.termination().kind(), outcome.exitCode(),
                    ByteBuffer.wrap(outcome.stdout()));
        }

        /** Two independent 64-bit hashes of the key, for counting keys not kept. */
        long low() {
            long h = 0x243F6A8885A308D3L ^ kind.ordinal() * 31L ^ exitCode;
            for (int i = 0; i < stdout.limit(); i++) {
                h = (h ^ stdout.get(i)) * 0x9E3779B97F4A7C15L;
            }
            return h;
        }

        long high() {
            long h = 0x13198A2E03707344L + kind.ordinal() + 7L * exitCode;
            for (int i = 0; i < stdout.limit(); i++) {
                h = (h + stdout.get(i) + 1) * 0xC2B2AE3D27D4EB4FL;
                h ^= h >>> 29;
            }
            return h;
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
