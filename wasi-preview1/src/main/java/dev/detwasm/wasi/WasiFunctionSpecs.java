package dev.detwasm.wasi;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.memory.GuestFault;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.RunContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions of one import module, described once (names, parameters, bodies) and {@link
 * #bind bound} to each run's state {@code S}: a model check makes thousands of runs per second,
 * and describing 46 functions anew for each (their parameters, a lambda per body) was a tenth of
 * a run. Every function gets the same wrapper: guest memory access through {@link GuestMemory};
 * an {@link ErrnoException} becomes its errno and a bad guest pointer ({@link GuestFault}) {@link
 * Errno#EFAULT}, so no Java exception reaches the guest; and each call is logged when the run
 * asks for it ({@code --trace-wasi}). Only the functions the run's program imports are bound.
 *
 * <p>Describe the table once (a static field) and bind it per run:
 *
 * <pre>{@code
 * static final WasiFunctionSpecs<Log> ENV = new WasiFunctionSpecs<Log>("env")
 *         .errno("host_log",
 *                 (log, memory, args) -> log.write(memory, (int) args[0], (int) args[1]),
 *                 Param.text("text"), Param.i32("len"));
 * ...
 * return ENV.bind(new Log(run), run);
 * }</pre>
 *
 * @param <S> the state a run's functions share
 */
public final class WasiFunctionSpecs<S> {

    /** A function that returns an errno. */
    @FunctionalInterface
    public interface ErrnoBody<S> {
        int call(S state, GuestMemory memory, long[] args);
    }

    /** A function that returns a plain i32; a bad pointer is a trap, as there is no errno. */
    @FunctionalInterface
    public interface ValueBody<S> {
        int call(S state, GuestMemory memory, long[] args);
    }

    /** A function without results; a bad pointer is a trap. */
    @FunctionalInterface
    public interface VoidBody<S> {
        void call(S state, GuestMemory memory, long[] args);
    }

    private static final long[] NO_RESULTS = new long[0];

    private final String module;
    private final Map<String, Spec<S>> specs = new HashMap<>();

    /** A table of the functions of import module {@code module}. */
    public WasiFunctionSpecs(String module) {
        this.module = module;
    }

    /** Adds a function that returns an errno. */
    public WasiFunctionSpecs<S> errno(String name, ErrnoBody<S> body, Param... params) {
        return add(name, params, List.of(ValType.I32), (call, state, memory, args) -> {
            int errno;
            try {
                errno = body.call(state, memory, args);
            } catch (ErrnoException e) {
                errno = e.errno();
            } catch (GuestFault e) {
                errno = Errno.EFAULT;
            }
            if (call.tracing()) {
                call.trace(args, memory, errno + " (" + Errno.name(errno) + ")");
            }
            return new long[] {errno};
        });
    }

    /** Adds a function that returns a plain i32. */
    public WasiFunctionSpecs<S> value(String name, ValueBody<S> body, Param... params) {
        return add(name, params, List.of(ValType.I32), (call, state, memory, args) -> {
            int result;
            try {
                result = body.call(state, memory, args);
            } catch (GuestFault e) {
                throw new TrapException(name + ": " + e.getMessage());
            }
            if (call.tracing()) {
                call.trace(args, memory, Integer.toString(result));
            }
            return new long[] {result};
        });
    }

    /** A function without results; it is traced before it runs, as it may not return. */
    public WasiFunctionSpecs<S> none(String name, VoidBody<S> body, Param... params) {
        return add(name, params, List.of(), (call, state, memory, args) -> {
            if (call.tracing()) {
                call.trace(args, memory, null);
            }
            try {
                body.call(state, memory, args);
            } catch (GuestFault e) {
                throw new TrapException(name + ": " + e.getMessage());
            }
            return NO_RESULTS;
        });
    }

    /**
     * The functions {@code run}'s program imports from this table's module, in import order,
     * sharing {@code state}, for {@link dev.detwasm.host.spi.HostModule#functions}.
     */
    public List<HostFunction> bind(S state, RunContext run) {
        Run<S> bound = new Run<>(state, new CallTrace(run));
        List<HostFunction> functions = new ArrayList<>();
        for (String name : run.importedFunctions(module)) {
            Spec<S> spec = specs.get(name);
            if (spec != null) {
                Call<S> call = new Call<>(spec, bound);
                functions.add(new HostFunction(module, name, spec.type, call::invoke));
            }
        }
        return functions;
    }

    private WasiFunctionSpecs<S> add(
            String name, Param[] params, List<ValType> results, Wrapper<S> wrapper) {
        ValType[] types = new ValType[params.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = params[i].type();
        }
        specs.put(name, new Spec<>(name, List.of(params),
                FunctionType.of(List.of(types), results), wrapper));
        return this;
    }

    /** What calling one function does around its body: errno, trap or result, and tracing. */
    @FunctionalInterface
    private interface Wrapper<S> {
        long[] call(Call<S> call, S state, GuestMemory memory, long[] args);
    }

    private record Spec<S>(
            String name, List<Param> params, FunctionType type, Wrapper<S> wrapper) {}

    /**
     * What a run's functions share: its state, its trace and the wrapper of its memory. All
     * threads of a run share one memory, so the wrapper is made once; a module without memory
     * gets an empty one, where every access faults.
     */
    private static final class Run<S> {
        final S state;
        final CallTrace trace;
        private Memory lastRaw;
        private GuestMemory lastMemory;

        Run(S state, CallTrace trace) {
            this.state = state;
            this.trace = trace;
        }

        GuestMemory memory(Instance instance) {
            Memory raw = instance.memory();
            if (lastMemory == null || raw != lastRaw) {
                lastRaw = raw;
                lastMemory = new GuestMemory(
                        raw != null ? raw : new ByteArrayMemory(new MemoryLimits(0, 0)));
            }
            return lastMemory;
        }
    }

    /** One function bound to one run. */
    private record Call<S>(Spec<S> spec, Run<S> run) {
        long[] invoke(Instance instance, long[] args) {
            return spec.wrapper.call(this, run.state, run.memory(instance), args);
        }

        /** Whether calls are traced: check first, so that no result is formatted for nothing. */
        boolean tracing() {
            return run.trace.enabled();
        }

        void trace(long[] args, GuestMemory memory, String result) {
            run.trace.record(spec.name, spec.params, args, memory, result);
        }
    }
}
