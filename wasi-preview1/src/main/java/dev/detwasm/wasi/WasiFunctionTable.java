package dev.detwasm.wasi;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.memory.GuestFault;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Builds the host functions of one import module for one run, the way the WASI modules are
 * built; a custom host module uses it to behave the same. Every function gets the same wrapper:
 * guest memory access through {@link GuestMemory}; an {@link ErrnoException} becomes its errno
 * and a bad guest pointer ({@link GuestFault}) {@link Errno#EFAULT}, so no Java exception
 * reaches the guest; and each call is logged when the run asks for it ({@code --trace-wasi}).
 * Functions the run's program does not import are not made.
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

    private static final long[] NO_RESULTS = new long[0];

    private final String module;
    private final RunContext run;
    private final CallTrace trace;
    private final List<HostFunction> functions = new ArrayList<>();
    private Memory lastRaw;
    private GuestMemory lastMemory;

    /** A table of functions of import module {@code module} for {@code run}. */
    public WasiFunctionTable(String module, RunContext run) {
        this.module = module;
        this.run = run;
        this.trace = new CallTrace(run);
    }

    /** Adds a function that returns an errno. */
    public WasiFunctionTable errno(String name, ErrnoBody body, Param... params) {
        if (!run.importsFunction(module, name)) {
            return this; // the run never calls it: no need to make it
        }
        List<Param> list = List.of(params);
        add(name, list, List.of(ValType.I32), (instance, args) -> {
            GuestMemory memory = memory(instance);
            int errno;
            try {
                errno = body.call(memory, args);
            } catch (ErrnoException e) {
                errno = e.errno();
            } catch (GuestFault e) {
                errno = Errno.EFAULT;
            }
            if (trace.enabled()) {
                trace.record(name, list, args, memory, errno + " (" + Errno.name(errno) + ")");
            }
            return new long[] {errno};
        });
        return this;
    }

    /** Adds a function that returns a plain i32. */
    public WasiFunctionTable value(String name, ValueBody body, Param... params) {
        if (!run.importsFunction(module, name)) {
            return this; // the run never calls it: no need to make it
        }
        List<Param> list = List.of(params);
        add(name, list, List.of(ValType.I32), (instance, args) -> {
            GuestMemory memory = memory(instance);
            int result = trapOnFault(name, () -> body.call(memory, args));
            if (trace.enabled()) {
                trace.record(name, list, args, memory, Integer.toString(result));
            }
            return new long[] {result};
        });
        return this;
    }

    /** A function without results; it is traced before it runs, as it may not return. */
    public WasiFunctionTable none(String name, VoidBody body, Param... params) {
        if (!run.importsFunction(module, name)) {
            return this; // the run never calls it: no need to make it
        }
        List<Param> list = List.of(params);
        add(name, list, List.of(), (instance, args) -> {
            GuestMemory memory = memory(instance);
            if (trace.enabled()) {
                trace.record(name, list, args, memory, null);
            }
            trapOnFault(name, () -> {
                body.call(memory, args);
                return 0;
            });
            return NO_RESULTS;
        });
        return this;
    }

    /** The functions added, for {@link dev.detwasm.host.spi.HostModule#functions}. */
    public List<HostFunction> functions() {
        return List.copyOf(functions);
    }

    private void add(
            String name,
            List<Param> params,
            List<ValType> results,
            WasmFunctionHandle handle) {
        // A loop, not a stream: every run builds its table of 49 functions.
        ValType[] types = new ValType[params.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = params.get(i).type();
        }
        functions.add(
                new HostFunction(module, name, FunctionType.of(List.of(types), results), handle));
    }

    private static int trapOnFault(String name, IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (GuestFault e) {
            throw new TrapException(name + ": " + e.getMessage());
        }
    }

    /**
     * The guest memory of the calling instance. All threads of a run share one memory, so the
     * wrapper is made once; a module without memory gets an empty one, where every access
     * faults.
     */
    private GuestMemory memory(Instance instance) {
        Memory raw = instance.memory();
        if (lastMemory == null || raw != lastRaw) {
            lastRaw = raw;
            lastMemory = new GuestMemory(
                    raw != null ? raw : new ByteArrayMemory(new MemoryLimits(0, 0)));
        }
        return lastMemory;
    }
}
