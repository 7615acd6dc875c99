package dev.detwasm.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.ExplainedFinding;
import dev.detwasm.modelcheck.FailingRun;
import dev.detwasm.modelcheck.JsonReport;
import dev.detwasm.modelcheck.JunitReport;
import dev.detwasm.modelcheck.MinimizeBudget;
import dev.detwasm.modelcheck.ProgressLine;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.ReproductionCommand;
import dev.detwasm.modelcheck.Shard;
import dev.detwasm.modelcheck.StopRequest;
import dev.detwasm.modelcheck.TextReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
            "With no --strategy, a portfolio explores: iterative dfs, random walks, pct at"
                    + " depth 3, bfs, and pct at depths 1 and 2 take turns, one run each, under"
                    + " one --max-runs budget;"
                    + " whichever finds a failure first finds it for all, and the report names it.",
            "Failing runs with the same kind, thread, message and location are one failure,"
                    + " shown by its simplest run (fewest preemptions, then fewest decisions).",
            "The last line is the verdict: a failure found, or no failure and whether every run"
                    + " was made (exhaustive) or which bound cut the exploration short.",
            "Each failure's simplest run is then minimized further by replaying variations of"
                    + " it (fewest preemptions, then fewest decisions) and"
                    + " shown with what each thread did, step by step, with source lines when"
                    + " the module has DWARF (build with -g)."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  detwasm check racy.wasm",
            "      the default portfolio of strategies taking turns, up to 10000 runs",
            "  detwasm check --strategy pct --max-runs 50000 --jobs 2 server.wasm",
            "      a random sample aimed at bugs of depth 3, on two cores",
            "  detwasm check --report out.json --junit out.xml prog.wasm",
            "      the report for tools and for CI besides the text"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no run failed and every --must-reach site was reached",
            "64:usage error (bad flag or value)",
            "65:the module could not be loaded or linked",
            "73:a run failed, or a --must-reach site was not reached",
            "74:internal error in detwasm",
            "75:--require-exhaustive, no failure found, but a bound cut the exploration short",
            "130:SIGINT (143: SIGTERM) stopped the exploration before any failure was found;"
                    + " the report of the runs made is printed (a second signal stops at once)"
        })
public final class CheckCommand implements Callable<Integer> {
    /** The hidden option the seed's flat {@code --model-check} form passes. */
    static final String FLAT_REPRODUCTION = "--flat-reproduction";
    /** Format names a user may give where a report file is expected. */
    private static final java.util.Set<String> REPORT_FORMATS =
            java.util.Set.of("json", "xml", "junit", "text", "txt");

    @Spec CommandSpec spec;

    @Mixin RunOptions options;

    /** Set by the first SIGINT or SIGTERM while the exploration runs. */
    private final StopRequest stop = StopRequest.none();

    @Option(
            names = "--strategy",
            paramLabel = "portfolio|dfs|bfs|random|pct",
            description = "How to explore: portfolio (default) interleaves dfs, random, pct"
                    + " (depths 1 to 3) and bfs; dfs (depth-first, iterative in the preemption"
                    + " bound: every run with no preemption, then with one, ...) or bfs"
                    + " (breadth-first, a queue of unexplored prefixes) make every run once;"
                    + " random makes seeded random walks (run k depends only on --seed and k);"
                    + " pct gives threads random priorities with --pct-depth - 1 change points."
                    + " random and pct stop early once they have seen every run.")
    String strategy = CheckSettings.DEFAULT_STRATEGY;

    @Option(
            names = "--decisions",
            paramLabel = "KINDS",
            split = ",",
            converter = DecisionKindsConverter.class,
            description = "Which kinds of decision branch, a comma list of schedule (which"
                    + " thread runs next), select (model_checker_select), wake (which waiters"
                    + " a notify wakes) and timer (at a timer interrupt under --clock steps:"
                    + " the woken thread takes over or the interrupted one goes on). Default:"
                    + " all the run can make (timer only under --clock steps). The others"
                    + " follow fifo (option 0).")
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
                    + " (default: none), counted from the command's start; the run going then"
                    + " is cut off.")
    Duration timeLimit = Duration.ZERO;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "Make N runs at once in this process (default: 1). The report is"
                    + " the same for any N.")
    int jobs = 1;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            description = "Make only part K of N of the exploration (1 <= K <= N), for N"
                    + " processes or machines that share it: random and pct runs by number, dfs"
                    + " and bfs by subtree, the portfolio both. Needs --report; 'detwasm merge'"
                    + " combines the N reports into the report one process would have written"
                    + " (docs/scale.md).")
    String shard;

    @Option(
            names = "--strategy-option",
            paramLabel = "NAME.KEY=VALUE",
            description = "An option of strategy NAME (repeatable): pct.depth=D is the bug"
                    + " depth --strategy pct aims at, D - 1 priority change points per run"
                    + " (default: 3; the portfolio runs depths 1 to 3 and takes no options)."
                    + " A plugin's strategy names its own; a key the strategy does not take is"
                    + " a usage error that lists the ones it does.")
    Map<String, String> strategyOptions = new TreeMap<>();

    @Option(
            names = "--pct-depth",
            paramLabel = "D",
            description = "The same as --strategy-option pct.depth=D.")
    String pctDepth;

    @Option(
            names = "--stop-on-first",
            description = "Stop at the first failing run, in exploration order.")
    boolean stopOnFirst;

    @Option(
            names = "--require-exhaustive",
            description = "Exit with 75 when no failure was found but a bound (--max-runs,"
                    + " --time-limit, --preemption-bound, --max-decisions) kept some run from"
                    + " being made: for CI, where no failure must not read as verified.")
    boolean requireExhaustive;

    @Option(
            names = "--must-reach",
            paramLabel = "FILE:LINE[:COL]",
            description = "A must_reach site that some run must reach (repeatable); FILE may be"
                    + " a path suffix. Sites that runs reach are always listed; a declared site"
                    + " that no run reached fails the check.")
    List<String> mustReach = new ArrayList<>();

    @Option(
            names = FLAT_REPRODUCTION,
            hidden = true,
            description = "Print reproduction commands in the seed's flat form, detwasm MODULE"
                    + " --trace SELECTS (what detwasm MODULE --model-check passes).")
    boolean flatReproduction;

    @Option(
            names = "--minimize-replays",
            paramLabel = "N",
            description = "Before showing a failing run, replay up to N variations of it to find"
                    + " a simpler one that fails the same way: fewest preemptions, then fewest"
                    + " decisions (default: 200; 0 shows runs as found). The JSON report keeps"
                    + " the run as found too.")
    int minimizeReplays = MinimizeBudget.DEFAULT_REPLAYS;

    @Option(
            names = "--minimize-time",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "Stop minimizing one failing run after this much time (default: 2s);"
                    + " the report says when it did.")
    Duration minimizeTime = MinimizeBudget.DEFAULT_TIME;

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
    private final Injector injector;
    private final CommandStart start;
    private final CarrierParallelism carriers;

    @Inject
    CheckCommand(
            ProgramLoader loader, CliStreams streams, Injector injector, CommandStart start,
            CarrierParallelism carriers) {
        this.loader = loader;
        this.streams = streams;
        this.injector = injector;
        this.start = start;
        this.carriers = carriers;
    }

    @Override
    public Integer call() throws LoadException, IOException {
        carriers.reserve(jobs);
        RunConfig config =
                options.toConfig(streams.in())
                        .maxSteps(options.maxSteps(CheckSettings.DEFAULT_MAX_STEPS))
                        .build();
        if (shard != null && jsonFile == null) {
            throw usage("--shard needs --report FILE.json: 'detwasm merge' combines the shards'"
                    + " reports");
        }
        reportFile("--report", jsonFile, "out.json");
        reportFile("--junit", junitFile, "out.xml");
        MinimizeBudget budget;
        try {
            budget = new MinimizeBudget(minimizeReplays, minimizeTime);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Sandbox.Builder builder =
                options.sandbox(config, loader, injector).withCheckSettings(settings());
        if (flatReproduction) {
            builder.withReproduction(
                    ReproductionCommand.seedForm(options.module.toString(), config));
        }
        Sandbox sandbox = builder.build();
        if (!sandbox.strategyNames().contains(strategy)) {
            throw usage("unknown strategy '" + strategy + "'; expected one of "
                    + String.join(", ", sandbox.strategyNames()));
        }
        ProgressListener progress =
                Terminal.isInteractive()
                        ? new ProgressLine(streams.err(), maxRuns, timeLimit)
                        : ProgressListener.NONE;
        CheckReport report;
        try (SignalExit.GracefulStop ignored = SignalExit.stopGracefully(stop)) {
            report = sandbox.check(progress);
        } catch (IllegalArgumentException e) {
            // a strategy --shard cannot split (a plugin's), or a bad --must-reach declaration
            throw usage(e.getMessage());
        }
        List<ExplainedFinding> explained = sandbox.explain(report, budget);
        if (report.shard().isPresent()) {
            // the merge shows a failure by whichever of these is simplest where one process stops
            List<ExplainedFinding> accounts = new ArrayList<>();
            for (FailingRun failure : report.shard().get().showable()) {
                accounts.add(sandbox.explain(failure, budget));
            }
            report.shard().get().explained(accounts);
        }
        report.settings().shard().ifPresent(part -> streams.out().println("shard " + part
                + ": the runs it owns of the exploration ('detwasm merge' combines the "
                + part.count() + " shards' reports into the report of the whole)"));
        streams.out().print(TextReport.render(report, jobs, explained));
        streams.out().flush();
        if (jsonFile != null) {
            JsonReport json = new JsonReport();
            ObjectNode root = json.toJson(report, jobs, explained);
            if (root.get("shard") instanceof ObjectNode part) {
                identify(part, sandbox, config);
            }
            Files.writeString(jsonFile, json.text(root), StandardCharsets.UTF_8);
        }
        if (junitFile != null) {
            new JunitReport().write(report, junitFile);
        }
        int code = report.exitCode();
        // stopped before any failure: not a success, whatever the runs made so far found
        return stop.requested() && code != ExitCodes.FAILURE_FOUND
                ? SignalExit.exitCode(stop.reason())
                : code;
    }

    /**
     * What every shard of one exploration shares, for {@code merge} to refuse reports of
     * different explorations: detwasm's version, the module's bytes and the run's options (the
     * command that would replay a run, budget included).
     */
    private void identify(ObjectNode part, Sandbox sandbox, RunConfig config) throws IOException {
        part.put("detwasm", VersionProvider.versions());
        part.put("module_sha256",
                HexFormat.of().formatHex(sha256(sandbox.program().binary())));
        part.put("run", options.reproduction(config).forRun(
                new Termination(Termination.Kind.STEP_BUDGET, 0, 0, ""), List.of()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * A report option's value must name a file: a bare format name ({@code --report json}) is a
     * usage error that shows the intended form.
     */
    private void reportFile(String option, Path file, String example) {
        if (file != null && REPORT_FORMATS.contains(file.toString().toLowerCase(Locale.ROOT))) {
            throw usage(option + " takes the file to write, not a format: '" + option + " "
                    + file + "' writes a file named '" + file + "'; write " + option + " "
                    + example);
        }
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
                    .timeLimitFrom(timeLimit.isZero() ? null : start.at())
                    .jobs(jobs)
                    .stopOnFirst(stopOnFirst)
                    .strategyOptions(strategyOptions())
                    .mustReach(mustReach)
                    .requireExhaustive(requireExhaustive)
                    .shard(shard == null ? Optional.empty() : Optional.of(Shard.parse(shard)))
                    .stop(stop)
                    .build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Map<String, String> strategyOptions() {
        Map<String, String> all = new TreeMap<>(strategyOptions);
        if (pctDepth != null && all.putIfAbsent("pct.depth", pctDepth) != null) {
            throw usage("--pct-depth and --strategy-option pct.depth name the same option;"
                    + " give one");
        }
        return all;
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
