package dev.detwasm.embed;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.ModelCheckModule;
import dev.detwasm.modelcheck.ModelChecker;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.ExplainedFinding;
import dev.detwasm.modelcheck.FailingRun;
import dev.detwasm.modelcheck.FindingExplainer;
import dev.detwasm.modelcheck.MinimizeBudget;
import dev.detwasm.modelcheck.ReproductionCommand;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One module, loaded and wired, ready to run or model-check: the embedding API. Built like
 * Chicory's {@code Instance}:
 *
 * <pre>{@code
 * RunResult result = Sandbox.builder(Path.of("app.wasm"))
 *         .withArgs("--fast").withEnv("TZ", "UTC").withSeed(7)
 *         .withModules(new MyClockModule())
 *         .build()
 *         .run();
 * }</pre>
 *
 * Extra Guice modules are combined with the defaults through {@code Modules.override}, so they
 * replace default bindings (a clock, the entropy, a host module's key) and add to the open
 * sets (host modules, strategies). Thread-safe once built: runs share nothing.
 */
public final class Sandbox {
    private final Injector injector;
    private final Program program;
    private final RunConfig config;
    private final CheckSettings checkSettings;
    private final ReproductionCommand reproduction;

    private Sandbox(Builder b, Program program, Injector injector) {
        this.injector = injector;
        this.program = program;
        this.config = b.config.build();
        this.checkSettings = b.check.build();
        this.reproduction = b.reproduction != null
                ? b.reproduction
                : new ReproductionCommand(b.displayName, config, null);
    }

    /** A sandbox for the wasm binary or WAT text in {@code module}. */
    public static Builder builder(Path module) {
        return new Builder(module, null, null, module.toString());
    }

    /** A sandbox for {@code bytes}, a wasm binary or WAT text called {@code name} in reports. */
    public static Builder builder(String name, byte[] bytes) {
        return new Builder(null, bytes.clone(), null, name);
    }

    /** A sandbox for a module already loaded, e.g. through a {@link ProgramLoader} with a cache. */
    public static Builder builder(Program program) {
        return new Builder(null, null, program, program.name());
    }

    /** The modules every sandbox starts from: host-core, the scheduler, WASI, the checker. */
    public static List<Module> defaultModules() {
        List<Module> modules = new ArrayList<>(runModules());
        modules.add(new ModelCheckModule());
        return List.copyOf(modules);
    }

    /**
     * The default modules but the checker's: all that running a program takes. {@code detwasm
     * run} wires only these (Guice's handling of the checker's bindings is start-up time).
     */
    public static List<Module> runModules() {
        return List.of(new HostCoreModule(), new SchedulerModule(), new WasiPreview1Module());
    }

    /** Runs once with the run options; the guest's output is kept in the result only. */
    public RunResult run() throws LoadException {
        return run(null, null, new PrintStream(OutputStream.nullOutputStream()));
    }

    /**
     * Runs once, writing the guest's stdout and stderr through to {@code stdout} and {@code
     * stderr} (when not null) as it goes, and host diagnostics ({@code --trace-wasi}, trap
     * locations) to {@code diagnostics}.
     */
    public RunResult run(OutputStream stdout, OutputStream stderr, PrintStream diagnostics)
            throws LoadException {
        return runner().run(program, config, new GuestOutput(stdout, stderr, config.keepOutput()), diagnostics);
    }

    /** Model-checks the module with the check options. */
    public CheckReport check() throws LoadException {
        return check(ProgressListener.NONE);
    }

    /** Model-checks the module, telling {@code progress} about each run. */
    public CheckReport check(ProgressListener progress) throws LoadException {
        return injector.getInstance(ModelChecker.class)
                .check(program, config, checkSettings, reproduction, progress);
    }

    /**
     * The failing runs {@code report} shows, each minimized within {@code budget} and replayed
     * with what each thread did recorded.
     */
    public List<ExplainedFinding> explain(CheckReport report, MinimizeBudget budget)
            throws LoadException {
        return injector.getInstance(FindingExplainer.class)
                .explainShown(program, config, reproduction, report, budget);
    }

    /** One failing run, minimized within {@code budget} and replayed with its steps recorded. */
    public ExplainedFinding explain(FailingRun failure, MinimizeBudget budget)
            throws LoadException {
        return injector.getInstance(FindingExplainer.class)
                .explain(program, config, reproduction, failure, checkSettings.decisions(),
                        budget);
    }

    /** The strategy names {@link Builder#withStrategy} accepts, those of plugins included. */
    public Set<String> strategyNames() {
        return injector.getInstance(ModelChecker.class).strategyNames();
    }

    /** The runner, for callers that make runs of their own (e.g. {@code --verify}). */
    public Runner runner() {
        return injector.getInstance(Runner.class);
    }

    public Program program() {
        return program;
    }

    public RunConfig config() {
        return config;
    }

    /** Configures a {@link Sandbox}; every option has the CLI's default. */
    public static final class Builder {
        private final Path path;
        private final byte[] bytes;
        private final Program loaded;
        private final String displayName;
        private RunConfig.Builder config = RunConfig.builder();
        private CheckSettings.Builder check =
                CheckSettings.builder().maxDecisions(CheckSettings.DEFAULT_MAX_DECISIONS);
        private final List<Module> modules = new ArrayList<>();
        private ReproductionCommand reproduction;
        private Injector wired;

        private Builder(Path path, byte[] bytes, Program loaded, String displayName) {
            this.path = path;
            this.bytes = bytes;
            this.loaded = loaded;
            this.displayName = displayName;
        }

        /**
         * Uses {@code injector}, made from {@link #defaultModules} (or, for a sandbox that only
         * runs, {@link #runModules}; and nothing that overrides them), instead of making one: a
         * process that already has it saves the wiring's cost. Cannot be combined with {@link
         * #withModules}.
         */
        public Builder withInjector(Injector injector) {
            this.wired = injector;
            return this;
        }

        /** Guice modules combined with the defaults through {@code Modules.override}. */
        public Builder withModules(Module... modules) {
            return withModules(Arrays.asList(modules));
        }

        public Builder withModules(List<? extends Module> modules) {
            this.modules.addAll(modules);
            return this;
        }

        /** Starts the run options from {@code config}; the other withers change it further. */
        public Builder withConfig(RunConfig config) {
            this.config = config.toBuilder();
            return this;
        }

        public Builder withArgs(String... args) {
            config.args(List.of(args));
            return this;
        }

        public Builder withArgs(List<String> args) {
            config.args(args);
            return this;
        }

        public Builder withEnv(String key, String value) {
            config.env(key, value);
            return this;
        }

        /** Preopens host directory {@code host} at guest path {@code guest}. */
        public Builder withMount(Path host, String guest) {
            config.mount(new Mount(host, guest));
            return this;
        }

        public Builder withStdin(byte[] stdin) {
            config.stdin(stdin);
            return this;
        }

        public Builder withSeed(long seed) {
            config.seed(seed);
            return this;
        }

        public Builder withEngine(Engine engine) {
            config.engine(engine);
            return this;
        }

        /** Decisions to replay before the schedule policy takes over. */
        public Builder withTrace(List<Integer> trace) {
            config.trace(trace);
            return this;
        }

        /** Steps a run may take; 0 for no budget. */
        public Builder withMaxSteps(long maxSteps) {
            config.maxSteps(maxSteps);
            return this;
        }

        /** Starts the check options from {@code settings}; the withers below replace them. */
        public Builder withCheckSettings(CheckSettings settings) {
            check = settings.toBuilder();
            return this;
        }

        public Builder withStrategy(String strategy) {
            check.strategy(strategy);
            return this;
        }

        /**
         * An option for strategy {@code name} ({@code --strategy-option NAME.KEY=VALUE}), e.g.
         * {@code withStrategyOption("pct", "depth", "2")}; a key the strategy does not take
         * makes {@link Sandbox#check} throw {@link IllegalArgumentException}.
         */
        public Builder withStrategyOption(String name, String key, String value) {
            check.strategyOption(name, key, value);
            return this;
        }

        public Builder withMaxRuns(long maxRuns) {
            check.maxRuns(maxRuns);
            return this;
        }

        /** {@link CheckSettings#UNLIMITED} explores every interleaving. */
        public Builder withPreemptionBound(long bound) {
            check.preemptionBound(bound);
            return this;
        }

        public Builder withTimeLimit(Duration limit) {
            check.timeLimit(limit);
            return this;
        }

        public Builder withJobs(int jobs) {
            check.jobs(jobs);
            return this;
        }

        /**
         * How a failing run's reproduction command is written; by default {@code detwasm run}
         * with the run options and the module's name.
         */
        public Builder withReproduction(ReproductionCommand reproduction) {
            this.reproduction = reproduction;
            return this;
        }

        /**
         * Wires the sandbox and loads the module.
         *
         * @throws LoadException when the module cannot be read, parsed or compiled
         * @throws WiringException when the Guice modules do not fit together
         */
        public Sandbox build() throws LoadException {
            Injector injector = injector();
            ProgramLoader loader = injector.getInstance(ProgramLoader.class);
            Program program;
            if (loaded != null) {
                program = loaded;
            } else if (path != null) {
                program = loader.load(path);
            } else {
                program = loader.load(displayName, bytes);
            }
            return new Sandbox(this, program, injector);
        }

        private Injector injector() {
            if (wired != null) {
                if (!modules.isEmpty()) {
                    throw new IllegalStateException("withInjector and withModules do not combine");
                }
                return wired;
            }
            try {
                return Guice.createInjector(
                        Modules.override(defaultModules()).with(modules));
            } catch (CreationException e) {
                throw new WiringException(e);
            }
        }
    }
}
