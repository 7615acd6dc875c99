package dev.detwasm.wasi;

import com.dylibso.chicory.runtime.HostFunction;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.RunContext;
import java.util.List;

/**
 * Builds the host functions of one import module for one run, with the wrapper the WASI
 * modules' functions get ({@link WasiFunctionSpecs}: errno for a bad pointer, {@code
 * --trace-wasi}); a custom host module uses it to behave the same. Functions the run's program
 * does not import are not made. A module whose functions are called in thousands of runs
 * describes them once with {@link WasiFunctionSpecs} instead.
 *
 * <pre>{@code
 * return new WasiFunctionTable("env", run)
 *         .errno("host_log", (memory, args) -> log(memory, (int) args[0], (int) args[1]),
 *                 Param.ptr("buf"), Param.i32("len"))
 *         .functions();
 * }</pre>
 */
public final class WasiFunctionTable {

    /** A function that returns an errno. */
    @FunctionalInterface
    public interface ErrnoBody {
        int call(GuestMemory memory, long[] args);
    }

    /** A function that returns a plain i32; a bad pointer is a trap, as there is no errno. */
    @FunctionalInterface
    public interface ValueBody {
        int call(GuestMemory memory, long[] args);
    }

    /** A function without results; a bad pointer is a trap. */
    @FunctionalInterface
    public interface VoidBody {
        void call(GuestMemory memory, long[] args);
    }

    private final WasiFunctionSpecs<Void> specs;
    private final RunContext run;

    /** A table of functions of import module {@code module} for {@code run}. */
    public WasiFunctionTable(String module, RunContext run) {
        this.specs = new WasiFunctionSpecs<>(module);
        this.run = run;
    }

    /** Adds a function that returns an errno. */
    public WasiFunctionTable errno(String name, ErrnoBody body, Param... params) {
        specs.errno(name, (none, memory, args) -> body.call(memory, args), params);
        return this;
    }

    /** Adds a function that returns a plain i32. */
    public WasiFunctionTable value(String name, ValueBody body, Param... params) {
        specs.value(name, (none, memory, args) -> body.call(memory, args), params);
        return this;
    }

    /** A function without results; it is traced before it runs, as it may not return. */
    public WasiFunctionTable none(String name, VoidBody body, Param... params) {
        specs.none(name, (none, memory, args) -> body.call(memory, args), params);
        return this;
    }

    /** The functions added, for {@link dev.detwasm.host.spi.HostModule#functions}. */
    public List<HostFunction> functions() {
        return List.copyOf(specs.bind(null, run));
    }
}
