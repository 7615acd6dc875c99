package dev.detwasm.cli;

import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.JsonReport;
import dev.detwasm.modelcheck.JunitReport;
import dev.detwasm.modelcheck.ProgressLine;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.TextReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code detwasm check}: runs a module along many schedules and choices, and reports the runs
 * that fail with a command that reproduces each.
 */
@Command(
        name = "check",
        description = {
            "Model-check a WASI module: run it along every (or a sample of the) thread"
                    + " interleavings and model_checker_select choices, and report each failing"
                    + " run (trap, non-zero exit, deadlock, step budget) with its trace and a"
                    + " 'detwasm run --trace' command that reproduces it.",
            "Exits with 73 when a run failed or a --must-reach site was not reached, else 0."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RunOptions options;

    @Option(
            names = "--strategy",
            paramLabel = "dfs|bfs|random|pct",
            description = "How to explore: dfs (depth-first, default) or bfs (breadth-first, a"
                    + " queue of unexplored prefixes) make every run once; random makes seeded"
                    + " random walks (run k depends only on --seed and k); pct gives threads"
                    + " random priorities with --pct-depth - 1 change points. random and pct"
                    + " stop early once they have seen every run.")
    String strategy = CheckSettings.DEFAULT_STRATEGY;

    @Option(
            names = "--decisions",
            paramLabel = "KINDS",
            split = ",",
            description = "Which kinds of decision branch, a comma list of schedule (which"
                    + " thread runs next), select (model_checker_select) and wake (which waiters"
                    + " a notify wakes). Default: all. The others follow fifo (option 0).")
    List<DecisionKind> decisions = new ArrayList<>(EnumSet.allOf(DecisionKind.class));

    @Option(
            names = "--max-runs",
            paramLabel = "N|none",
            converter = LimitConverter.class,
            description = "Stop after N runs (default: 10000).")
    long maxRuns = CheckSettings.DEFAULT_MAX_RUNS;

    @Option(
            names = "--max-decisions",
            paramLabel = "N|none",
            converter = LimitConverter.class,
            description = "Branch on at most the first N branching decisions of a run; later"
                    + " ones take option 0 (default: 10000, so that a run spinning on"
                    + " sched_yield ends).")
    long maxDecisions = CheckSettings.DEFAULT_MAX_DECISIONS;

    @Option(
            names = "--preemption-bound",
            paramLabel = "K|none",
            converter = LimitConverter.class,
            description = "Explore only runs with at most K preemptions, switches away from a"
                    + " thread that could go on (default: 2, as in CHESS; none explores them"
                    + " all).")
    long preemptionBound = CheckSettings.DEFAULT_PREEMPTION_BOUND;

    @Option(
            names = "--time-limit",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Stop after this much wall-clock time, e.g. 30s, 5m, 1h30m, 500ms"
                    + " (default: none).")
    Duration timeLimit = Duration.ZERO;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "Make N runs at once in this process (default: 1). The report is"
                    + " the same for any N.")
    int jobs = 1;

    @Option(
            names = "--pct-depth",
            paramLabel = "D",
            description = "The bug depth pct aims at: D - 1 priority change points per run"
                    + " (default: 3).")
    int pctDepth = 3;

    @Option(
            names = "--stop-on-first",
            description = "Stop at the first failing run, in exploration order.")
    boolean stopOnFirst;

    @Option(
            names = "--must-reach",
            paramLabel = "FILE:LINE[:COL]",
            description = "A must_reach site that some run must reach (repeatable); FILE may be"
                    + " a path suffix. Sites that runs reach are always listed; a declared site"
                    + " that no run reached fails the check.")
    List<String> mustReach = new ArrayList<>();

    @Option(
            names = "--report",
            paramLabel = "FILE.json",
            description = "Also write the report as JSON to FILE.json.")
    Path jsonFile;

    @Option(
            names = "--junit",
            paramLabel = "FILE.xml",
            description = "Also write the report as JUnit XML to FILE.xml, for CI systems.")
    Path junitFile;

    private final ProgramLoader loader;
    private final CliStreams streams;

    @Inject
    CheckCommand(ProgramLoader loader, CliStreams streams) {
        this.loader = loader;
        this.streams = streams;
    }

    @Override
    public Integer call() throws LoadException, IOException {
        RunConfig config =
                options.toConfig(streams.in())
                        .maxSteps(options.maxSteps(CheckSettings.DEFAULT_MAX_STEPS))
                        .build();
        Sandbox sandbox = options.sandbox(config, loader).withCheckSettings(settings()).build();
        if (!sandbox.strategyNames().contains(strategy)) {
            throw usage("unknown strategy '" + strategy + "'; expected one of "
                    + String.join(", ", sandbox.strategyNames()));
        }
        ProgressListener progress =
                Terminal.isInteractive() ? new ProgressLine(streams.err()) : ProgressListener.NONE;
        CheckReport report = sandbox.check(progress);
        streams.out().print(TextReport.render(report, jobs));
        streams.out().flush();
        if (jsonFile != null) {
            new JsonReport().write(report, jobs, jsonFile);
        }
        if (junitFile != null) {
            new JunitReport().write(report, junitFile);
        }
        return report.exitCode();
    }

    private CheckSettings settings() {
        try {
            return CheckSettings.builder()
                    .strategy(strategy)
                    .decisions(kinds())
                    .maxRuns(maxRuns)
                    .maxDecisions(maxDecisions)
                    .preemptionBound(preemptionBound)
                    .timeLimit(timeLimit)
                    .jobs(jobs)
                    .stopOnFirst(stopOnFirst)
                    .pctDepth(pctDepth)
                    .mustReach(mustReach)
                    .build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private EnumSet<DecisionKind> kinds() {
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        kinds.addAll(decisions);
        return kinds;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
