package dev.detwasm.host;

import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.LinkedModule;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.UnlinkableException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.explain.StepRecorder;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.memory.SchedulingMemory;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.RunContext;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * One run of a program: the {@link RunContext} its host functions see, and the instances of its
 * guest threads. Every thread's instance is built from the same module and machine factory and
 * shares this run's single {@link SchedulingMemory}. An explained run also has a {@link
 * StepRecorder}, which learns each thread's instance to read its call stack.
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
    private final LinkedModule instantiated;
    private final ThreadBodies bodies;
    private final DetwasmImports builtins;
    private final StepRecorder recorder;
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
            LinkedModule instantiated,
            DetwasmImports builtins,
            StepRecorder recorder) {
        this.program = program;
        this.config = config;
        this.output = output;
        this.diagnostics = diagnostics;
        this.events = events;
        this.threads = threads;
        this.decisions = decisions;
        this.machineFactory = machineFactory;
        this.instantiated = instantiated;
        this.builtins = builtins;
        this.recorder = recorder;
        this.bodies = new ThreadBodies(threads, events, new TrapLocator(program.module()));
    }

    /** Completes the imports once the host functions exist (they need this context). */
    void link(ImportValues.Builder hostImports) {
        program.importedMemory()
                .ifPresent(
                        m -> {
                            memory = newMemory(runtimeLimits(m.limits(), true, config));
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
                    if (recorder != null) {
                        recorder.register(0, instance);
                    }
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
        int id =
                threads.spawn(
                        () ->
                                bodies.guard(
                                        () -> {
                                            builtins.threadStarted(instance, program);
                                            instance.export("wasi_thread_start")
                                                    .apply(threads.currentThread(), startArg);
                                        }));
        if (recorder != null) {
            recorder.register(id, instance);
        }
        return id;
    }

    private Instance instantiate() {
        program.importedMemory().ifPresent(m -> checkImportable(m.limits()));
        return instantiated.instantiate(imports, machineFactory, this::definedMemory);
    }

    /**
     * What Chicory's instance builder checks of an imported memory, which {@link LinkedModule}
     * leaves to its caller: its current pages and maximum within the import's limits, and
     * shared as the import is.
     */
    private void checkImportable(MemoryLimits declared) {
        int maximum = declared.maximumPages() == MemoryLimits.MAX_PAGES
                ? Memory.RUNTIME_MAX_PAGES : declared.maximumPages();
        if (memory.pages() < declared.initialPages() || memory.maximumPages() > maximum
                || memory.shared() != declared.shared()) {
            throw new UnlinkableException(
                    "incompatible import type, non-compatible limits, import: " + declared
                            + ", host initial pages: " + memory.initialPages()
                            + ", host max pages: " + memory.maximumPages()
                            + ", host shared: " + memory.shared());
        }
    }

    /** The module's own memory: created by the first instance, shared by the others. */
    private Memory definedMemory(MemoryLimits limits) {
        if (memory == null) {
            memory = newMemory(runtimeLimits(limits, false, config));
        }
        return memory;
    }

    /**
     * The limits a memory the module declares gets in a run with {@code config}: grown as far
     * as {@link RunConfig#growthLimit} allows. Chicory links an imported memory only when its
     * maximum is at most the import's, and reads an import without a maximum (or with the
     * 65,536-page one) as 32,767 pages; such an imported memory grows to that.
     */
    static MemoryLimits runtimeLimits(MemoryLimits declared, boolean imported, RunConfig config) {
        int initial = declared.initialPages();
        if (imported && declared.maximumPages() >= MemoryLimits.MAX_PAGES) {
            initial = Math.min(initial, Memory.RUNTIME_MAX_PAGES);
        }
        return new MemoryLimits(
                initial, growthLimit(declared, imported, config), declared.shared());
    }

    private static int growthLimit(MemoryLimits declared, boolean imported, RunConfig config) {
        if (imported && declared.maximumPages() >= MemoryLimits.MAX_PAGES) {
            return config.growthLimit(
                    Math.min(declared.initialPages(), Memory.RUNTIME_MAX_PAGES),
                    Memory.RUNTIME_MAX_PAGES);
        }
        return config.growthLimit(declared.initialPages(), declared.maximumPages());
    }

    /** The most pages {@code program}'s memory can have in a run with {@code config}; 0: none. */
    static int largestMemory(Program program, RunConfig config) {
        int imported = program.importedMemory()
                .map(m -> growthLimit(m.limits(), true, config)).orElse(0);
        int defined = program.definedMemory()
                .map(m -> growthLimit(m, false, config)).orElse(0);
        return Math.max(imported, defined);
    }

    private SchedulingMemory newMemory(MemoryLimits limits) {
        SchedulingMemory created = new SchedulingMemory(limits, threads);
        if (recorder != null) {
            recorder.addresses(created::takePointAddress);
        }
        return created;
    }

    @Override
    public boolean importsFunction(String module, String name) {
        return program.importsFunction(module, name);
    }

    @Override
    public List<String> importedFunctions(String module) {
        return program.importedFunctions(module);
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
