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
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Gathers what the runs of an exploration show, in exploration order, into a {@link
 * CheckReport}: distinct traces and outcomes, failing runs grouped by {@link FailureSignature}
 * (each with its count, the strategy that found it first and its simplest run, with the command
 * that reproduces it), and {@code must_reach} coverage. Keeps the output of one run for each of
 * the first {@value #MAX_KEPT_OUTCOMES} outcomes and of the simplest run of each of the first
 * {@value #MAX_KEPT_FAILURES} signatures (the others are counted), and of every other run only
 * its {@link TraceFingerprint} (16 bytes, see {@link FingerprintSet}), so a long exploration's
 * memory grows by a few dozen bytes a run.
 */
public final class Findings implements Consumer<ExploredRun> {
    private final Function<RunOutcome, String> command;
    /** Failure signatures kept whole for the report; the others are only counted. */
    static final int MAX_KEPT_FAILURES = 1000;
    /** Distinct outcomes kept whole (one run each); the others are only counted. */
    static final int MAX_KEPT_OUTCOMES = 1000;

    private final FingerprintSet traces = new FingerprintSet();
    private final FingerprintSet signatures = new FingerprintSet();
    private final FingerprintSet outcomeKeys = new FingerprintSet();
    private final Map<OutcomeKey, Tally> outcomes = new LinkedHashMap<>();
    private final Map<FailureSignature, Finding> failures = new LinkedHashMap<>();
    private final Map<String, Tally> sites = new TreeMap<>();
    private long runs;
    private long failingRuns;

    public Findings(ReproductionCommand reproduction) {
        this(reproduction::forRun);
    }

    /** Findings whose failures are reproduced by {@code command}. */
    Findings(Function<RunOutcome, String> command) {
        this.command = command;
    }

    @Override
    public void accept(ExploredRun run) {
        runs++;
        RunOutcome outcome = run.outcome();
        traces.add(TraceFingerprint.of(outcome.trace()));
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
            FailureSignature signature = FailureSignature.of(outcome);
            signatures.add(signature.fingerprint());
            Finding kept = failures.get(signature);
            if (kept == null && failures.size() < MAX_KEPT_FAILURES) {
                kept = new Finding(run);
                failures.put(signature, kept);
            }
            if (kept != null) {
                kept.add(run);
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
        for (Finding f : failures.values()) {
            RunOutcome o = f.simplest.outcome();
            failing.add(
                    new FailingRun(
                            f.simplest.index(), f.runs, f.firstRun, f.foundBy,
                            f.simplest.preemptions(), o.termination(), o.location(), o.trace(),
                            command.apply(o), o.stdout(), o.stderr()));
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
                signatures.size(), failing, reached, unreached, exploration.bounds(),
                exploration.frontier(), exploration.elapsed(), exploration.cutOff(),
                Optional.empty());
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

    /**
     * Fewer preemptions, or as many and fewer decisions, or as many and a lexicographically
     * smaller trace: a total order on traces, so the simplest run of a set of runs is the
     * same whatever order a strategy makes them in.
     */
    static boolean simpler(ExploredRun a, ExploredRun b) {
        if (a.preemptions() != b.preemptions()) {
            return a.preemptions() < b.preemptions();
        }
        List<Integer> x = a.outcome().trace();
        List<Integer> y = b.outcome().trace();
        if (x.size() != y.size()) {
            return x.size() < y.size();
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return x.get(i) < y.get(i);
            }
        }
        return false;
    }

    /** The failing runs of one signature: how many, the first, and the simplest. */
    private static final class Finding {
        private final long firstRun;
        private final String foundBy;
        private ExploredRun simplest;
        private long runs;

        Finding(ExploredRun run) {
            this.firstRun = run.index();
            this.foundBy = run.origin();
            this.simplest = run;
        }

        void add(ExploredRun run) {
            runs++;
            if (simpler(run, simplest)) {
                simplest = run;
            }
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
