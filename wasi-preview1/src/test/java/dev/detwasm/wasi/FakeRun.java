package dev.detwasm.wasi;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiPreview1;
import dev.detwasm.host.EventLog;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.RunContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A {@link RunContext} for unit tests: captured output, an event log, {@link FakeThreads}. */
final class FakeRun implements RunContext {
    /** Chicory's own preview1 names its 46 functions; detwasm's {@code wasi} module has 3. */
    private static final Map<String, List<String>> OFFERED = offered();

    final FakeThreads threads = new FakeThreads();
    final GuestOutput output = GuestOutput.captured();
    final EventLog events;
    final List<Integer> spawnArgs = new ArrayList<>();
    /** Which functions the program imports, as {@code module.name}; all by default. */
    Predicate<String> imports = name -> true;
    private final RunConfig config;
    private final ByteArrayOutputStream diagnosticBytes = new ByteArrayOutputStream();
    private final PrintStream diagnostics =
            new PrintStream(diagnosticBytes, true, StandardCharsets.UTF_8);
    private final Decisions decisions;

    FakeRun(RunConfig config, DecisionSource source, boolean keepEvents) {
        this.config = config;
        this.events = new EventLog(keepEvents);
        this.decisions = new Decisions(source, events);
    }

    FakeRun(RunConfig config, DecisionSource source) {
        this(config, source, true);
    }

    FakeRun(RunConfig config) {
        this(config, decision -> 0);
    }

    String diagnosticText() {
        return diagnosticBytes.toString(StandardCharsets.UTF_8);
    }

    String stdout() {
        return new String(output.stdout().prefix(), StandardCharsets.UTF_8);
    }

    String stderr() {
        return new String(output.stderr().prefix(), StandardCharsets.UTF_8);
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
    public FakeThreads threads() {
        return threads;
    }

    @Override
    public Decisions decisions() {
        return decisions;
    }

    @Override
    public boolean importsFunction(String module, String name) {
        return imports.test(module + "." + name);
    }

    /** Of the functions the two WASI modules offer, those {@link #imports} names. */
    @Override
    public List<String> importedFunctions(String module) {
        return OFFERED.getOrDefault(module, List.of()).stream()
                .filter(name -> importsFunction(module, name))
                .toList();
    }

    private static Map<String, List<String>> offered() {
        try (WasiPreview1 chicory = WasiPreview1.builder().build()) {
            List<String> preview1 = Arrays.stream(chicory.toHostFunctions())
                    .map(HostFunction::name)
                    .filter(name -> !name.startsWith("adapter_"))
                    .toList();
            return Map.of(
                    Preview1HostModule.MODULE, preview1,
                    WasiHostModule.MODULE,
                    List.of("thread-spawn", "model_checker_select", "must_reach_underlying"));
        }
    }

    @Override
    public int spawnThread(int startArg) {
        spawnArgs.add(startArg);
        return spawnArgs.size();
    }
}
