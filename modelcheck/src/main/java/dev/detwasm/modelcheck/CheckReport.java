package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.ExitCodes;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an exploration found. All of it but {@link #elapsed} is the same on every machine
 * and for any number of workers (unless a time limit cut the exploration).
 *
 * @param module the module's name
 * @param settings how it was explored
 * @param runs how many runs were made
 * @param distinctRuns how many of them had distinct traces
 * @param distinctOutcomes how many distinct outcomes (ending and stdout) the runs had
 * @param outcomes the first distinct outcomes, ordered by exit code, then stdout (at most
 *     {@value Findings#MAX_KEPT_OUTCOMES}; the others are counted in {@code distinctOutcomes})
 * @param failingRuns how many runs failed
 * @param distinctFailures how many distinct failure signatures the failing runs had
 * @param failures one failing run per signature (its simplest), in the order the signatures
 *     were first found (at most {@value
 *     Findings#MAX_KEPT_FAILURES}; the others are counted in {@code distinctFailures})
 * @param reachedSites the {@code must_reach} sites reached, by name
 * @param unreachedDeclarations the declared sites no run reached, as declared
 * @param bounds what kept the exploration from covering the tree; empty when exhaustive
 * @param frontier how many runs the strategy knew were left when it stopped, or {@link
 *     Strategy#UNKNOWN}
 * @param elapsed the wall-clock time the exploration took
 * @param cutOff whether the time limit stopped a run that was still going (it is not counted)
 * @param shard under {@code --shard}, what the shard's report carries for {@code detwasm merge}
 */
public record CheckReport(
        String module,
        CheckSettings settings,
        long runs,
        long distinctRuns,
        long distinctOutcomes,
        List<DistinctOutcome> outcomes,
        long failingRuns,
        long distinctFailures,
        List<FailingRun> failures,
        List<ReachedSite> reachedSites,
        List<SiteDeclaration> unreachedDeclarations,
        Set<Bound> bounds,
        long frontier,
        Duration elapsed,
        boolean cutOff,
        Optional<ShardLedger> shard) {

    public CheckReport {
        outcomes = List.copyOf(outcomes);
        failures = List.copyOf(failures);
        reachedSites = List.copyOf(reachedSites);
        unreachedDeclarations = List.copyOf(unreachedDeclarations);
        EnumSet<Bound> copy = EnumSet.noneOf(Bound.class);
        copy.addAll(bounds);
        bounds = Collections.unmodifiableSet(copy);
    }

    /** This report as a shard's, carrying {@code ledger}, with {@code bounds}. */
    CheckReport asShard(ShardLedger ledger, Set<Bound> bounds) {
        return new CheckReport(module, settings, runs, distinctRuns, distinctOutcomes, outcomes,
                failingRuns, distinctFailures, failures, reachedSites, unreachedDeclarations,
                bounds, frontier, elapsed, cutOff, Optional.of(ledger));
    }

    /** Whether every run of the tree of decisions was made. */
    public boolean exhaustive() {
        return bounds.isEmpty();
    }

    /** Whether a run failed or a declared {@code must_reach} site was not reached. */
    public boolean failed() {
        return !failures.isEmpty() || !unreachedDeclarations.isEmpty();
    }

    /**
     * What {@code detwasm check} exits with: 73 when it failed; else 75 when {@code
     * --require-exhaustive} was given and a bound cut the exploration short; else 0.
     */
    public int exitCode() {
        if (failed()) {
            return ExitCodes.FAILURE_FOUND;
        }
        return settings.requireExhaustive() && !exhaustive() ? ExitCodes.NOT_EXHAUSTIVE : 0;
    }

    /** Runs per second of wall-clock time. */
    public double runsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : runs / seconds;
    }
}
