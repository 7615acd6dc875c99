package dev.detwasm.scheduler;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The imports the scheduler's WAT tests need, standing in for the WASI layer: {@code
 * wasi.thread-spawn} and {@code test.record(i32)}, which keeps the values of the latest run.
 */
final class RecordingHost implements HostModule {
    private List<Integer> records = new ArrayList<>();

    @Override
    public List<HostFunction> functions(RunContext run) {
        List<Integer> values = new ArrayList<>();
        records = values;
        return List.of(
                new HostFunction(
                        "wasi",
                        "thread-spawn",
                        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                        (instance, args) -> new long[] {run.spawnThread((int) args[0])}),
                new HostFunction(
                        "test",
                        "record",
                        FunctionType.accepting(ValType.I32),
                        (instance, args) -> {
                            values.add((int) args[0]);
                            return null;
                        }));
    }

    /** The values the latest run recorded, in order. */
    List<Integer> records() {
        return List.copyOf(records);
    }
}
