package dev.detwasm.bench;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.detwasm.host.OneThread;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.memory.SchedulingMemory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of building one {@link Instance} of the C hello world (wasi-libc; 5.6 KB) with
 * each engine's machine factory, over a memory that already exists: what starting a guest
 * thread costs, and the instantiation share of every run. The AOT compilation happens once,
 * in setup. The module's start function ({@code __wasm_init_memory}, which Chicory runs even
 * with {@code withStart(false)}) finds the memory initialised after the first build and only
 * checks its flag, as it does for every thread after the first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class InstantiateBenchmark {

    private Program program;
    private Function<Instance, Machine> machineFactory;
    private WasmModule module;
    private ImportValues imports;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        program = Guests.wasm(Guests.HELLO_WASM);
        machineFactory = program.machineFactory(choice.engine());
        module = program.moduleToInstantiate(choice.engine());
        var limits = program.importedMemory().orElseThrow().limits();
        imports = StubImports.of(program, List.of(), new SchedulingMemory(limits, new OneThread()));
    }

    @Benchmark
    public Instance instantiate() {
        return Instance.builder(module)
                .withImportValues(imports)
                .withMachineFactory(machineFactory)
                .withStart(false)
                .build();
    }
}
