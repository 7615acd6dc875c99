package dev.detwasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.LinkedModule;
import com.dylibso.chicory.runtime.Machine;
import dev.detwasm.host.debug.GuestStacks;
import dev.detwasm.host.debug.TracingInterpreter;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.explain.ExplainedRun;
import dev.detwasm.host.explain.StepRecorder;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.GuestThreadsFactory;
import dev.detwasm.host.spi.HostError;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import dev.detwasm.host.spi.Termination;
import jakarta.inject.Inject;
import dev.detwasm.transform.Builtins;
import dev.detwasm.transform.Pass;
import dev.detwasm.transform.WideAddressPass;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs a {@link Program} once under a {@link RunConfig}, first rewriting it with the transform
 * passes the configuration needs: {@code fuel} when steps are counted (a step budget, {@code
 * --preempt-every}, {@code --clock steps}) or a deadline is set, {@code shared-access} for {@code --preempt-at
 * memory}, all in one rewrite so each pass sees the original function indices. A pass whose
 * output the module already carries (its exported global) is not applied again.
 * Thread-safe: runs share nothing.
 */
public final class Runner {
    static final String FUEL = "fuel";
    static final String SHARED_ACCESS = "shared-access";

    /**
     * Always installed: without it, a memory larger than 2 GiB cannot be used above 2 GiB
     * (docs/upstream.md). Run only for such memories.
     */
    private static final Pass WIDE_ADDRESSES = new WideAddressPass();

    /** Who offers the {@code detwasm} builtins, as conflict messages name it: host-core. */
    private static final HostModule BUILTINS =
            new HostModule() {
                @Override
                public List<HostFunction> functions(RunContext run) {
                    return List.of();
                }

                @Override
                public String name() {
                    return "detwasm builtins";
                }
            };

    private final List<HostModule> hostModules;
    private final GuestThreadsFactory threadsFactory;
    private final Map<String, SchedulePolicy> policies;
    private final Map<String, Pass> passes;

    @Inject
    public Runner(
            Set<HostModule> hostModules,
            GuestThreadsFactory threadsFactory,
            Map<String, SchedulePolicy> policies,
            Map<String, Pass> passes) {
        this.hostModules = List.copyOf(hostModules);
        this.threadsFactory = threadsFactory;
        this.policies = Map.copyOf(policies);
        this.passes = Map.copyOf(passes);
    }

    /** A runner with the default schedule policies and {@code passes}. */
    public Runner(
            Set<HostModule> hostModules,
            GuestThreadsFactory threadsFactory,
            Map<String, Pass> passes) {
        this(hostModules, threadsFactory, SchedulePolicy.defaults(), passes);
    }

    /**
     * A runner with the {@link SchedulePolicy#defaults default schedule policies} and no
     * transform passes: for programs that need none, or carry them.
     */
    public Runner(Set<HostModule> hostModules, GuestThreadsFactory threadsFactory) {
        this(hostModules, threadsFactory, SchedulePolicy.defaults(), Map.of());
    }

    /**
     * The decisions a plain run makes: the trace first (for the decisions of its kinds), then
     * the configured policy.
     *
     * @throws HostError (usage) when no policy has the configured name
     */
    public DecisionSource decisionsFor(RunConfig config) {
        SchedulePolicy named = policies.get(config.schedule());
        if (named == null) {
            throw new HostError(ExitCodes.USAGE, "unknown schedule policy '" + config.schedule()
                    + "'; expected one of " + String.join(", ", new TreeSet<>(policies.keySet())));
        }
        DecisionSource policy = named.decisions(config);
        return config.trace().isEmpty()
                ? policy
                : new ReplayTrace(config.trace(), config.traceKinds(), policy);
    }

    /** Runs with the decisions of {@link #decisionsFor}, keeping the event log. */
    public RunResult run(
            Program program, RunConfig config, GuestOutput output, PrintStream diagnostics)
            throws LoadException {
        return run(program, config, output, diagnostics, decisionsFor(config), true);
    }

    /**
     * {@code program} as runs with {@code config} and {@code deadline} execute it. A deadline
     * alone is looked at only where the {@code fuel} pass is installed: without it, runs are
     * not cut off.
     */
    public Program prepare(Program program, RunConfig config, RunDeadline deadline)
            throws LoadException {
        List<Pass> needed = new ArrayList<>();
        if (!program.exportsGlobal(Builtins.FUEL_GLOBAL)) {
            if (config.countsSteps()) {
                needed.add(pass(program, FUEL));
            } else if (deadline.isSet() && passes.containsKey(FUEL)) {
                needed.add(passes.get(FUEL));
            }
        }
        if (config.preemptAt() == PreemptAt.MEMORY
                && !program.exportsGlobal(Builtins.ACCESS_GLOBAL)) {
            needed.add(pass(program, SHARED_ACCESS));
        }
        if (Run.largestMemory(program, config) > RunConfig.UNBOUNDED_MEMORY_PAGES
                && !program.importsFunction(Builtins.MODULE, Builtins.WIDE_ACCESS)) {
            needed.add(WIDE_ADDRESSES);
        }
        return program.transformed(needed);
    }

    private Pass pass(Program program, String name) throws LoadException {
        Pass pass = passes.get(name);
        if (pass == null) {
            throw new LoadException(
                    program.name() + ": this run needs the transform pass '" + name
                            + "', which is not installed");
        }
        return pass;
    }

    /**
     * Runs once.
     *
     * @param source decides every decision of the run
     * @param keepEvents whether to keep the event log (the model checker's runs need not)
     * @throws LoadException when the module's imports do not link or it cannot be compiled
     */
    public RunResult run(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source,
            boolean keepEvents)
            throws LoadException {
        return run(program, config, output, diagnostics, source, keepEvents, RunDeadline.none());
    }

    /**
     * Runs once.
     *
     * @param source decides every decision of the run
     * @param keepEvents whether to keep the event log (the model checker's runs need not)
     * @param deadline when to cut the run off, if it is still going
     * @throws LoadException when the module's imports do not link, it cannot be compiled, or
     *     a pass it needs cannot rewrite it
     */
    public RunResult run(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source,
            boolean keepEvents,
            RunDeadline deadline)
            throws LoadException {
        return run(program, config, output, diagnostics, source, keepEvents, deadline, null);
    }

    /**
     * Runs once under the interpreter, recording every step of every thread with its guest call
     * stack: the interpreter is the engine whose frames tell the instruction, hence the source
     * line. Runs are the same under either engine, so a run found under AOT replays here. A
     * program the configuration rewrites (fuel, access points) has the lines of the code it was
     * made from (inserted code, those of the instruction it was inserted before).
     */
    public ExplainedRun explain(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source)
            throws LoadException {
        RunConfig interpreted = config.toBuilder().engine(Engine.INTERPRETER).build();
        Program prepared = prepare(program, interpreted, RunDeadline.none());
        StepRecorder recorder =
                new StepRecorder(new GuestStacks(prepared.locations()), prepared.locations());
        RunResult result =
                run(
                        program, interpreted, output, diagnostics, source, true,
                        RunDeadline.none(), recorder);
        return new ExplainedRun(result, recorder.explanation());
    }

    private RunResult run(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source,
            boolean keepEvents,
            RunDeadline deadline,
            StepRecorder recorder)
            throws LoadException {
        Program original = program;
        program = prepare(original, config, deadline);
        Function<Instance, Machine> machineFactory =
                recorder == null ? program.machineFactory(config.engine()) : TracingInterpreter::new;
        LinkedModule instantiated =
                program.linkedModule(recorder == null ? config.engine() : Engine.INTERPRETER);
        program.takeCompileWarning().ifPresent(w -> diagnostics.println("detwasm: warning: " + w));
        EventLog events = new EventLog(keepEvents);
        Decisions decisions =
                new Decisions(recorder == null ? source : recorder.watch(source), events);
        GuestThreads threads = threadsFactory.create(decisions, events);
        if (recorder != null) {
            events.listen(recorder);
            threads = recorder.wrap(threads);
        }
        DetwasmImports builtins =
                new DetwasmImports(
                        config, threads, decisions, deadline,
                        new FunctionNames(original.module()));
        decisions.countAccessesWith(builtins);
        if (config.nsPerStep() > 0) {
            threads.measureWork(builtins);
        }
        Run run =
                new Run(
                        program, config, output, diagnostics, events, threads, decisions,
                        machineFactory, instantiated, builtins, recorder);
        OfferedImports offered = new OfferedImports();
        offered.add(BUILTINS, builtins.functions(program));
        for (HostModule module : hostModules) {
            offered.add(module, module.functions(run));
        }
        List<HostFunction> imported = Linker.link(program, offered, config.memoryLimit());
        run.link(ImportValues.builder().withFunctions(new ArrayList<>(imported)));

        Termination termination = threads.run(run::main);
        output.flush();
        if (source instanceof ReplayTrace replay && replay.unused() > 0
                && termination.kind() != Termination.Kind.HOST_ERROR) {
            termination =
                    Termination.hostError(
                            -1,
                            ExitCodes.USAGE,
                            "trace does not fit the program: the run made "
                                    + decisions.trace().size()
                                    + " decisions, the trace has "
                                    + config.trace().size()
                                    + " entries");
        }
        return new RunResult(
                termination,
                output.stdout(),
                output.stderr(),
                events.lines(),
                decisions.trace(),
                decisions.kinds(),
                run.trapFunction(),
                builtins.steps(),
                builtins.accessPoints());
    }
}
