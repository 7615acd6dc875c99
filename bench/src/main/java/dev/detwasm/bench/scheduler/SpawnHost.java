package dev.detwasm.bench.scheduler;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import java.util.List;

/** Offers only {@code wasi.thread-spawn}, so threaded WAT runs without the WASI layer. */
final class SpawnHost implements HostModule {
    @Override
    public List<HostFunction> functions(RunContext run) {
        return List.of(
                new HostFunction(
                        "wasi",
                        "thread-spawn",
                        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                        (instance, args) -> new long[] {run.spawnThread((int) args[0])}));
    }
}
