package dev.detwasm.bench;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import dev.detwasm.host.Engine;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a process pays once per module before the first run: {@code load} reads the bytes into
 * a {@link Program} (parse, validate), {@code loadAndCompile} also compiles it to JVM bytecode
 * for the AOT engine. Single-shot: each call starts from the bytes, on a fresh {@code
 * Program}. Iterations after the warm-up measure a warmed-up JVM (a long-lived process loading
 * many modules); the compiler itself takes some 40 calls to be JIT-compiled. Run with {@code
 * -wi 0 -i 1 -f N} for the cold cost that a {@code detwasm run} process pays once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 40)
@Measurement(iterations = 20)
public class LoadCompileBenchmark {

    /** A committed C program: hello.wasm (5.6 KB) or collatz.wasm (33 KB). */
    @Param({Guests.HELLO_WASM, Guests.COLLATZ_WASM})
    public String module;

    private byte[] bytes;

    @Setup
    public void setUp() {
        bytes = Guests.bytes(module);
    }

    @Benchmark
    public Program load() throws LoadException {
        return new ProgramLoader().load(module, bytes);
    }

    @Benchmark
    public Function<Instance, Machine> loadAndCompile() throws LoadException {
        return new ProgramLoader().load(module, bytes).machineFactory(Engine.AOT);
    }
}
