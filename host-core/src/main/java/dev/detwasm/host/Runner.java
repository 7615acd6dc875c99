package dev.detwasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import dev.detwasm.host.decide.ReplayTrace;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.detwasm.host.debug.GuestStacks;
import dev.detwasm.host.debug.TracingInterpreter;
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
import dev.detwasm.host.spi.Termination;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Runs a {@link Program} once under a {@link RunConfig}. Thread-safe: runs share nothing. */
public final class Runner {
    private final List<HostModule> hostModules;
    private final GuestThreadsFactory threadsFactory;
    private final Map<String, SchedulePolicy> policies;

    @Inject
    public Runner(
            Set<HostModule> hostModules,
            GuestThreadsFactory threadsFactory,
            Map<String, SchedulePolicy> policies) {
        this.hostModules = List.copyOf(hostModules);
        this.threadsFactory = threadsFactory;
        this.policies = Map.copyOf(policies);
    }

    /** A runner with the {@link SchedulePolicy#defaults default schedule policies}. */
    public Runner(Set<HostModule> hostModules, GuestThreadsFactory threadsFactory) {
        this(hostModules, threadsFactory, SchedulePolicy.defaults());
    }

    /**
     * The decisions a plain run makes: the trace first, then the configured policy.
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
        return config.trace().isEmpty() ? policy : new ReplayTrace(config.trace(), policy);
    }

    /** Runs with the decisions of {@link #decisionsFor}, keeping the event log. */
    public RunResult run(
            Program program, RunConfig config, GuestOutput output, PrintStream diagnostics)
            throws LoadException {
        return run(program, config, output, diagnostics, decisionsFor(config), true);
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
        return run(program, config, output, diagnostics, source, keepEvents, null);
    }

    /**
     * Runs once under the interpreter, recording every step of every thread with its guest call
     * stack: the interpreter is the engine whose frames tell the instruction, hence the source
     * line. Runs are the same under either engine, so a run found under AOT replays here.
     */
    public ExplainedRun explain(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source)
            throws LoadException {
        StepRecorder recorder =
                new StepRecorder(new GuestStacks(program.locations()), program.locations());
        RunResult result =
                run(
                        program,
                        config.toBuilder().engine(Engine.INTERPRETER).build(),
                        output,
                        diagnostics,
                        source,
                        true,
                        recorder);
        return new ExplainedRun(result, recorder.explanation());
    }

    private RunResult run(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            DecisionSource source,
            boolean keepEvents,
            StepRecorder recorder)
            throws LoadException {
        Function<Instance, Machine> machineFactory =
                recorder == null ? program.machineFactory(config.engine()) : TracingInterpreter::new;
        program.takeCompileWarning().ifPresent(w -> diagnostics.println("detwasm: warning: " + w));
        EventLog events = new EventLog(keepEvents);
        Decisions decisions =
                new Decisions(recorder == null ? source : recorder.watch(source), events);
        GuestThreads threads = threadsFactory.create(decisions, events);
        if (recorder != null) {
            events.listen(recorder);
            threads = recorder.wrap(threads);
        }
        Run run =
                new Run(
                        program, config, output, diagnostics, events, threads, decisions,
                        machineFactory, recorder);
        OfferedImports offered = new OfferedImports();
        for (HostModule module : hostModules) {
            offered.add(module, module.functions(run));
        }
        List<HostFunction> imported = Linker.link(program, offered, config.maxMemoryPages());
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
                run.trapFunction());
    }
}
