package dev.detwasm.modelcheck;

import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code detwasm check}: explores a program's tree of decisions and reports what it found. */
public final class ModelChecker {
    private final Runner runner;
    private final Map<String, StrategyFactory> strategies;

    @Inject
    public ModelChecker(Runner runner, Map<String, StrategyFactory> strategies) {
        this.runner = runner;
        this.strategies = Map.copyOf(strategies);
    }

    /** The names {@code --strategy} accepts, sorted. */
    public Set<String> strategyNames() {
        return new TreeSet<>(strategies.keySet());
    }

    /**
     * Explores {@code program} run with {@code config} (its schedule policy and trace aside).
     * With a time limit, runs still going when it passes are cut off (the {@code fuel} pass
     * lets them look at the clock). The kinds of decision that branch, and that the report
     * names, are those of {@code settings} that runs with {@code config} can make ({@link
     * RunConfig#decisionKinds}: no {@code timer} unless time moves with work).
     *
     * @param reproduction makes the command that reproduces a failing run
     * @throws IllegalArgumentException when the strategy is unknown, a strategy option is
     *     not one its strategy takes or has a bad value, or a {@code --must-reach}
     *     declaration is malformed
     * @throws LoadException when the program cannot run at all
     */
    public CheckReport check(
            Program program,
            RunConfig config,
            CheckSettings settings,
            ReproductionCommand reproduction,
            ProgressListener progress)
            throws LoadException {
        return explore(
                program.name(),
                new ProgramExecutor(runner, program, config, deadline(settings)),
                new ExplorationFacts(config.seed(), config.preemptAt() == PreemptAt.MEMORY),
                settings.branchingOnly(config.decisionKinds()),
                reproduction,
                progress);
    }

    private static RunDeadline deadline(CheckSettings settings) {
        return settings.timeLimit().isZero()
                ? RunDeadline.none()
                : RunDeadline.at(settings.limits().timeLimitEnd());
    }

    /** Explores the runs {@code executor} makes; {@link #check} with any executor. */
    public CheckReport explore(
            String module,
            RunExecutor executor,
            long seed,
            CheckSettings settings,
            ReproductionCommand reproduction,
            ProgressListener progress)
            throws LoadException {
        return explore(module, executor, new ExplorationFacts(seed, false), settings,
                reproduction, progress);
    }

    private CheckReport explore(
            String module,
            RunExecutor executor,
            ExplorationFacts facts,
            CheckSettings settings,
            ReproductionCommand reproduction,
            ProgressListener progress)
            throws LoadException {
        StrategyFactory factory = strategies.get(settings.strategy());
        if (factory == null) {
            throw new IllegalArgumentException(
                    "unknown strategy '" + settings.strategy() + "'; expected one of "
                            + String.join(", ", strategyNames()));
        }
        Map<String, StrategyOptions> options =
                StrategyOptions.split(settings.strategyOptions(), strategies);
        settings.mustReach().forEach(SiteDeclaration::parse);
        Strategy strategy = factory.create(facts, options.getOrDefault(
                settings.strategy(), StrategyOptions.none(settings.strategy())));
        if (settings.shard().isPresent()) {
            return explorePart(module, executor, settings, strategy, reproduction, progress);
        }
        Findings findings = new Findings(reproduction);
        Explorer explorer =
                new Explorer(executor, settings.branching(), settings.limits(), progress);
        Exploration exploration = explorer.explore(strategy, findings);
        return findings.report(module, settings, exploration);
    }

    /**
     * A shard's part of the exploration ({@link ShardedStrategy}): its report counts the runs it
     * owns, numbered in the order it made them, and carries their ledger for the merge.
     */
    private static CheckReport explorePart(
            String module,
            RunExecutor executor,
            CheckSettings settings,
            Strategy whole,
            ReproductionCommand reproduction,
            ProgressListener progress)
            throws LoadException {
        Findings findings = new Findings(reproduction);
        Limits limits = settings.limits();
        ShardLedger ledger =
                new ShardLedger(settings.shard().orElseThrow(), reproduction::forRun);
        ShardedStrategy part = ShardedStrategy.of(whole, limits.maxRuns(), ledger);
        // the part stops at its budget itself; the whole's budget is not the part's
        Limits unbounded = new Limits(Long.MAX_VALUE, limits.timeLimit(), false, limits.jobs(),
                limits.timeLimitStart(), limits.stop());
        Exploration exploration =
                new Explorer(executor, settings.branching(), unbounded, progress)
                        .explore(part, part.owned(findings));
        part.record();
        Set<Bound> bounds = EnumSet.noneOf(Bound.class);
        bounds.addAll(exploration.bounds());
        if (part.cutByBudget()) {
            bounds.add(Bound.MAX_RUNS);
        }
        return findings.report(module, settings, exploration).asShard(ledger, bounds);
    }
}
