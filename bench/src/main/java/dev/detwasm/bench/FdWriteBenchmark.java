package dev.detwasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.google.inject.Guice;
import dev.detwasm.host.OneThread;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import dev.detwasm.wasi.Preview1HostModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The guest's write path to stdout: {@code fdWrite} is a run whose guest calls {@code
 * wasi_snapshot_preview1.fd_write} {@value #WRITES} times with one 16-byte iovec, through the
 * default Guice bindings (the {@code StdioOutput} sink of fd 1, the run's captured output).
 * {@code hostWrite} is the baseline, measured in the same run: the same loop calling a bare
 * host function {@code bench.write(ptr, len)} that copies the bytes to the same output, no
 * WASI around it. Scores are per write; fdWrite/hostWrite is what WASI's layer (iovecs,
 * rights, errno, the sink) costs over the copy itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FdWriteBenchmark {
    static final int WRITES = 10_000;
    private static final int BYTES = 16;

    private static final String FD_WRITE = """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 64) "0123456789abcde\\n")
              (func (export "_start") (local $i i32)
                (i32.store (i32.const 0) (i32.const 64))
                (i32.store (i32.const 4) (i32.const 16))
                (loop $again
                  (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $i) (i32.const 10000))))))
            """;

    private static final String HOST_WRITE = """
            (module
              (import "bench" "write" (func $write (param i32 i32)))
              (memory (export "memory") 1)
              (data (i32.const 64) "0123456789abcde\\n")
              (func (export "_start") (local $i i32)
                (loop $again
                  (call $write (i32.const 64) (i32.const 16))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $i) (i32.const 10000))))))
            """;

    private Runs fdWrites;
    private Runs hostWrites;

    @Setup
    public void setUp(EngineChoice choice) throws LoadException {
        RunConfig config = RunConfig.builder().engine(choice.engine()).build();
        Preview1HostModule preview1 = Guice.createInjector(new WasiPreview1Module())
                .getInstance(Preview1HostModule.class);
        fdWrites = new Runs(new Runner(Set.of(preview1), (d, e) -> new OneThread()),
                Guests.wat("fd_write.wat", FD_WRITE), config);
        hostWrites = new Runs(new Runner(Set.of(new BareWrite()), (d, e) -> new OneThread()),
                Guests.wat("host_write.wat", HOST_WRITE), config);
        written(fdWrites.once());
        written(hostWrites.once());
    }

    @Benchmark
    @OperationsPerInvocation(WRITES)
    public int fdWrite() throws LoadException {
        return written(fdWrites.once());
    }

    @Benchmark
    @OperationsPerInvocation(WRITES)
    public int hostWrite() throws LoadException {
        return written(hostWrites.once());
    }

    private static int written(RunResult run) {
        if (run.exitCode() != 0 || run.stdout().length != WRITES * BYTES) {
            throw new IllegalStateException("benchmark guest wrote " + run.stdout().length
                    + " bytes, exit " + run.exitCode());
        }
        return run.stdout().length;
    }

    /** {@code bench.write(ptr, len)}: the guest's bytes to the run's stdout, nothing else. */
    private static final class BareWrite implements HostModule {
        @Override
        public List<HostFunction> functions(RunContext run) {
            return List.of(new HostFunction(BenchHost.MODULE, "write",
                    FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()),
                    (instance, args) -> {
                        byte[] bytes = instance.memory().readBytes((int) args[0], (int) args[1]);
                        run.output().writeStdout(bytes, 0, bytes.length);
                        return null;
                    }));
        }
    }
}
