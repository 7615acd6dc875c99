package dev.detwasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one import the benchmark guests use: {@code bench.result(i64)} writes the number and a
 * newline to the run's stdout, so a run's checksum comes back in its {@code RunResult} and
 * the guest's work cannot be optimised away.
 */
public final class BenchHost implements HostModule {
    public static final String MODULE = "bench";
    public static final String RESULT = "result";

    @Override
    public List<HostFunction> functions(RunContext run) {
        return List.of(
                new HostFunction(
                        MODULE,
                        RESULT,
                        FunctionType.of(List.of(ValType.I64), List.of()),
                        (instance, args) -> {
                            byte[] line = (args[0] + "\n").getBytes(StandardCharsets.US_ASCII);
                            run.output().writeStdout(line, 0, line.length);
                            return null;
                        }));
    }

    /** The number a run reported through {@code bench.result}. */
    public static long result(dev.detwasm.host.RunResult run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException(
                    "benchmark guest failed: " + run.termination().kind() + " "
                            + run.termination().message());
        }
        return Long.parseLong(new String(run.stdout(), StandardCharsets.US_ASCII).strip());
    }
}
