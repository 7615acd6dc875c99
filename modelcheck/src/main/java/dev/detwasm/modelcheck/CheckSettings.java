package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.DecisionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The options of {@code detwasm check} beyond those of a run.
 *
 * @param strategy the name of the strategy ({@code --strategy})
 * @param decisions the kinds of decision that branch ({@code --decisions})
 * @param maxRuns the most runs to make; {@link #UNLIMITED} for no limit
 * @param maxDecisions the most decisions of one run that branch; {@link #UNLIMITED} for none
 * @param preemptionBound the most preemptions in one run; {@link #UNLIMITED} for none
 * @param timeLimit the wall-clock budget; {@link Duration#ZERO} for none
 * @param jobs how many runs to make at once
 * @param stopOnFirst stop at the first failing run
 * @param strategyOptions options addressed to strategies ({@code --strategy-option}), as
 *     {@code NAME.KEY} to value: each strategy takes those addressed to it ({@link
 *     StrategyOptions})
 * @param mustReach {@code must_reach} sites declared on the command line, as {@code
 *     FILE:LINE} or {@code FILE:LINE:COLUMN}
 * @param requireExhaustive whether an exploration that a bound cut short fails the check
 *     ({@code --require-exhaustive})
 * @param timeLimitFrom when the time limit starts counting; null for when the check starts
 *     (the CLI gives the JVM's start, so that start-up counts as the user sees it)
 * @param shard the part of the exploration this process makes ({@code --shard K/N}), or empty
 *     for all of it
 * @param stop lets the caller stop the exploration while it runs (the CLI's signal handlers)
 */
public record CheckSettings(
        String strategy,
        Set<DecisionKind> decisions,
        long maxRuns,
        long maxDecisions,
        long preemptionBound,
        Duration timeLimit,
        int jobs,
        boolean stopOnFirst,
        Map<String, String> strategyOptions,
        List<String> mustReach,
        boolean requireExhaustive,
        Instant timeLimitFrom,
        Optional<Shard> shard,
        StopRequest stop) {

    /** No limit, for {@code maxRuns}, {@code maxDecisions} and {@code preemptionBound}. */
    public static final long UNLIMITED = -1;

    /** The portfolio of dfs, random and pct: see {@link PortfolioStrategy#standard}. */
    public static final String DEFAULT_STRATEGY = "portfolio";
    /** The strategies that end by themselves, whatever the run budget. */
    private static final Set<String> SYSTEMATIC = Set.of("dfs", "bfs");
    public static final long DEFAULT_MAX_RUNS = 10_000;
    /**
     * Bounds a run whose threads spin on sched_yield: a strategy that keeps choosing the
     * spinner (pct favours one thread) would otherwise never end the run; past the bound
     * option 0 (fifo) hands the baton on.
     */
    public static final long DEFAULT_MAX_DECISIONS = 10_000;
    public static final long DEFAULT_PREEMPTION_BOUND = 2;
    /**
     * The step budget of each run unless {@code --max-steps} says otherwise, so that a check
     * never hangs on a runaway guest (and a run can look at the time limit): ten seconds or so
     * of compiled code. A CPython start-up alone takes more than 10^8 steps, so a smaller
     * default made real programs fail as runaways.
     */
    public static final long DEFAULT_MAX_STEPS = 10_000_000_000L;

    public CheckSettings {
        Objects.requireNonNull(strategy, "strategy");
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        kinds.addAll(decisions);
        decisions = Collections.unmodifiableSet(kinds);
        Objects.requireNonNull(timeLimit, "timeLimit");
        strategyOptions = Collections.unmodifiableMap(new TreeMap<>(strategyOptions));
        mustReach = List.copyOf(mustReach);
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(stop, "stop");
        if (shard.isPresent() && stopOnFirst) {
            throw new IllegalArgumentException(
                    "--stop-on-first cannot be sharded: a shard does not know which failing run"
                            + " comes first in the whole exploration");
        }
        if (shard.isPresent() && maxRuns == UNLIMITED && !SYSTEMATIC.contains(strategy)) {
            // one process stops random and pct when the runs of all its strategies cover the
            // tree, which no shard sees: a shard's pct might go on forever
            throw new IllegalArgumentException("--shard with --max-runs none needs --strategy"
                    + " dfs or bfs: a shard's random or pct runs cannot see when all shards"
                    + " together have covered the tree");
        }
        requireLimit("max runs", maxRuns, 1);
        requireLimit("max decisions", maxDecisions, 0);
        requireLimit("preemption bound", preemptionBound, 0);
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("the time limit must not be negative");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    private static void requireLimit(String what, long value, long least) {
        if (value != UNLIMITED && value < least) {
            throw new IllegalArgumentException(
                    what + " must be at least " + least + " or unlimited, got " + value);
        }
    }

    /** The defaults of {@code detwasm check}: the portfolio over every kind, preemption bound 2. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings with only those of their decision kinds that are in {@code possible}. */
    public CheckSettings branchingOnly(Set<DecisionKind> possible) {
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        kinds.addAll(decisions);
        kinds.retainAll(possible);
        return kinds.equals(decisions) ? this : toBuilder().decisions(kinds).build();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return builder().strategy(strategy).decisions(decisions).maxRuns(maxRuns)
                .maxDecisions(maxDecisions).preemptionBound(preemptionBound).timeLimit(timeLimit)
                .jobs(jobs).stopOnFirst(stopOnFirst).strategyOptions(strategyOptions)
                .mustReach(mustReach)
                .requireExhaustive(requireExhaustive).timeLimitFrom(timeLimitFrom).shard(shard).stop(stop);
    }

    /** The branching rules these settings give. */
    public Branching branching() {
        return new Branching(
                decisions,
                maxDecisions == UNLIMITED ? Integer.MAX_VALUE : saturated(maxDecisions),
                preemptionBound == UNLIMITED ? Branching.UNBOUNDED : saturated(preemptionBound));
    }

    private static int saturated(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** The limits these settings give. */
    public Limits limits() {
        long now = System.nanoTime();
        long from = timeLimitFrom == null
                ? now
                : now - Duration.between(timeLimitFrom, Instant.now()).toNanos();
        return new Limits(
                maxRuns == UNLIMITED ? Long.MAX_VALUE : maxRuns, timeLimit, stopOnFirst, jobs,
                from, stop);
    }

    /** The value of {@code bound}'s option, as the user would write it. */
    public String valueOf(Bound bound) {
        return switch (bound) {
            case MAX_RUNS -> limitText(maxRuns);
            case MAX_DECISIONS -> limitText(maxDecisions);
            case PREEMPTION_BOUND -> limitText(preemptionBound);
            case TIME_LIMIT -> durationText(timeLimit);
            case STOP_ON_FIRST -> "";
            case INTERRUPTED -> stop.reason();
        };
    }

    private static String limitText(long value) {
        return value == UNLIMITED ? "none" : String.valueOf(value);
    }

    /** {@code 90s} as {@code 1m30s}; {@code 0} as {@code none}. */
    static String durationText(Duration d) {
        if (d.isZero()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        if (d.toHours() > 0) {
            text.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            text.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            text.append(d.toSecondsPart()).append('s');
        }
        if (d.toMillisPart() > 0) {
            text.append(d.toMillisPart()).append("ms");
        }
        return text.isEmpty() ? d.toNanos() + "ns" : text.toString();
    }

    /** The duration {@link #durationText} wrote. */
    static Duration durationOf(String text) {
        if (text.equals("none")) {
            return Duration.ZERO;
        }
        Duration d = Duration.ZERO;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)(h|ms|m|s|ns)").matcher(text);
        int end = 0;
        while (m.lookingAt()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofNanos(n);
            });
            end = m.end();
            m.region(end, text.length());
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "'");
        }
        return d;
    }

    /** Builds {@link CheckSettings}, starting from the defaults. */
    public static final class Builder {
        private String strategy = DEFAULT_STRATEGY;
        private Set<DecisionKind> decisions = EnumSet.allOf(DecisionKind.class);
        private long maxRuns = DEFAULT_MAX_RUNS;
        private long maxDecisions = UNLIMITED;
        private long preemptionBound = DEFAULT_PREEMPTION_BOUND;
        private Duration timeLimit = Duration.ZERO;
        private int jobs = 1;
        private boolean stopOnFirst;
        private Map<String, String> strategyOptions = new TreeMap<>();
        private List<String> mustReach = new ArrayList<>();
        private boolean requireExhaustive;
        private Instant timeLimitFrom;
        private Optional<Shard> shard = Optional.empty();
        private StopRequest stop = StopRequest.none();

        private Builder() {}

        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder decisions(Set<DecisionKind> decisions) {
            this.decisions = EnumSet.noneOf(DecisionKind.class);
            this.decisions.addAll(decisions);
            return this;
        }

        public Builder maxRuns(long maxRuns) {
            this.maxRuns = maxRuns;
            return this;
        }

        public Builder maxDecisions(long maxDecisions) {
            this.maxDecisions = maxDecisions;
            return this;
        }

        public Builder preemptionBound(long preemptionBound) {
            this.preemptionBound = preemptionBound;
            return this;
        }

        public Builder timeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder stopOnFirst(boolean stopOnFirst) {
            this.stopOnFirst = stopOnFirst;
            return this;
        }

        /** Options addressed to strategies, as {@code NAME.KEY} to value. */
        public Builder strategyOptions(Map<String, String> strategyOptions) {
            this.strategyOptions = new TreeMap<>(strategyOptions);
            return this;
        }

        /** One option for strategy {@code name}: {@code --strategy-option NAME.KEY=VALUE}. */
        public Builder strategyOption(String name, String key, String value) {
            strategyOptions.put(name + "." + key, value);
            return this;
        }

        public Builder mustReach(List<String> mustReach) {
            this.mustReach = new ArrayList<>(mustReach);
            return this;
        }

        public Builder requireExhaustive(boolean requireExhaustive) {
            this.requireExhaustive = requireExhaustive;
            return this;
        }

        /** When the time limit starts counting (default: when the check starts). */
        public Builder timeLimitFrom(Instant timeLimitFrom) {
            this.timeLimitFrom = timeLimitFrom;
            return this;
        }

        public Builder shard(Optional<Shard> shard) {
            this.shard = shard;
            return this;
        }

        /** Lets the caller stop the exploration while it runs (default: nobody can). */
        public Builder stop(StopRequest stop) {
            this.stop = stop;
            return this;
        }

        public CheckSettings build() {
            return new CheckSettings(
                    strategy, decisions, maxRuns, maxDecisions, preemptionBound, timeLimit, jobs,
                    stopOnFirst, strategyOptions, mustReach, requireExhaustive, timeLimitFrom, shard,
                    stop);
        }
    }
}
