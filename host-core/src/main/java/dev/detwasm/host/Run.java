package dev.detwasm.host;

import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.memory.SchedulingMemory;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.RunContext;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * One run of a program: the {@link RunContext} its host functions see, and the instances of its
 * guest threads. Every thread's instance is built from the same module and machine factory and
 * shares this run's single {@link SchedulingMemory}.
 */
final class Run implements RunContext {
    /** {@code EAGAIN}: what thread-spawn returns (negated) when no thread can be created. */
    private static final int EAGAIN = 6;

    private final Program program;
    private final RunConfig config;
    private final GuestOutput output;
    private final PrintStream diagnostics;
    private final EventLog events;
    private final GuestThreads threads;
    private final Decisions decisions;
    private final Function<Instance, Machine> machineFactory;
    private final ThreadBodies bodies;
    private final DetwasmImports builtins;
    private ImportValues imports;
    private SchedulingMemory memory;

    Run(
            Program program,
            RunConfig config,
            GuestOutput output,
            PrintStream diagnostics,
            EventLog events,
            GuestThreads threads,
            Decisions decisions,
            Function<Instance, Machine> machineFactory,
            DetwasmImports builtins) {
        this.program = program;
        this.config = config;
        this.output = output;
        this.diagnostics = diagnostics;
        this.events = events;
        this.threads = threads;
        this.decisions = decisions;
        this.machineFactory = machineFactory;
        this.builtins = builtins;
        this.bodies = new ThreadBodies(threads, events, new TrapLocator(program.module()));
    }

    /** Completes the imports once the host functions exist (they need this context). */
    void link(ImportValues.Builder hostImports) {
        program.importedMemory()
                .ifPresent(
                        m -> {
                            memory = newMemory(m.limits());
                            hostImports.addMemory(
                                    new ImportMemory(
                                            Linker.MEMORY_MODULE, Linker.MEMORY_NAME, memory));
                        });
        imports = hostImports.build();
    }

    /** The body of the main thread: instantiate, run {@code _start}, end the program. */
    void main() {
        bodies.guard(
                () -> {
                    Instance instance = instantiate();
                    builtins.threadStarted(instance, program);
                    instance.export("_start").apply();
                    bodies.exit(0);
                });
    }

    String trapFunction() {
        return bodies.trapFunction();
    }

    @Override
    public int spawnThread(int startArg) {
        if (!program.exportsFunction("wasi_thread_start")) {
            return -EAGAIN;
        }
        Instance instance;
        memory.quiet(true);
        try {
            instance = instantiate();
        } finally {
            memory.quiet(false);
        }
        return threads.spawn(
                () ->
                        bodies.guard(
                                () -> {
                                    builtins.threadStarted(instance, program);
                                    instance.export("wasi_thread_start")
                                            .apply(threads.currentThread(), startArg);
                                }));
    }

    private Instance instantiate() {
        var builder =
                Instance.builder(program.module())
                        .withImportValues(imports)
                        .withMachineFactory(machineFactory)
                        .withStart(false);
        if (program.definedMemory().isPresent()) {
            builder.withMemoryFactory(this::definedMemory);
        }
        return builder.build();
    }

    /** The module's own memory: created by the first instance, shared by the others. */
    private Memory definedMemory(MemoryLimits limits) {
        if (memory == null) {
            memory = newMemory(limits);
        }
        return memory;
    }

    private SchedulingMemory newMemory(MemoryLimits declared) {
        int max = Math.min(declared.maximumPages(), config.maxMemoryPages());
        return new SchedulingMemory(
                new MemoryLimits(declared.initialPages(), max, declared.shared()), threads);
    }

    @Override
    public boolean importsFunction(String module, String name) {
        return program.importsFunction(module, name);
    }

    @Override
    public RunConfig config() {
        return config;
    }

    @Override
    public GuestOutput output() {
        return output;
    }

    @Override
    public PrintStream diagnostics() {
        return diagnostics;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public GuestThreads threads() {
        return threads;
    }

    @Override
    public Decisions decisions() {
        return decisions;
    }
}
