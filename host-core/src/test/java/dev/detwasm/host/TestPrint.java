package dev.detwasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.spi.RunContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tests' {@code test.print(i32)}: writes the number and a newline to the run's stdout. */
final class TestPrint {
    private TestPrint() {}

    static HostFunction function(RunContext run) {
        return print(run, "print", ValType.I32);
    }

    /** {@code test.print64(i64)}, likewise. */
    static HostFunction i64(RunContext run) {
        return print(run, "print64", ValType.I64);
    }

    private static HostFunction print(RunContext run, String name, ValType type) {
        return new HostFunction(
                "test",
                name,
                FunctionType.of(List.of(type), List.of()),
                (instance, args) -> {
                    byte[] b = (args[0] + "\n").getBytes(StandardCharsets.UTF_8);
                    run.output().writeStdout(b, 0, b.length);
                    return null;
                });
    }
}
