package dev.detwasm.host;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.transform.Builtins;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of the {@code detwasm} builtins that transform passes import, for one run.
 * Offered only for the builtins the program imports.
 *
 * <p>Fuel: every guest thread is its own instance, so its exported {@link
 * Builtins#FUEL_GLOBAL} is that thread's counter. The host grants a number of steps by writing
 * the global; when the guest has used more, it calls {@link Builtins#FUEL_DUE}, and the host
 * counts what was used (the grant minus the global), ends the run when the step budget is
 * exceeded, makes a scheduling point when the thread has run {@code --preempt-every} steps
 * since its last one, and grants again. Grants are sized so that each of these happens at the
 * first check after the count is reached, which the guest's code alone decides: the same
 * instruction under both engines and on every repetition. When a deadline is set, grants are
 * also at most {@link #DEADLINE_CHUNK} steps, so the deadline is looked at every millisecond
 * or so; those extra calls change nothing the run shows.
 */
final class DetwasmImports {
    /** Steps between two looks at the deadline: about a millisecond of compiled code. */
    static final long DEADLINE_CHUNK = 1L << 20;

    private final RunConfig config;
    private final GuestThreads threads;
    private final RunDeadline deadline;
    private final FunctionNames names;
    private final List<Meter> meters = new ArrayList<>();
    private long steps;

    /**
     * @param names names functions by their index in the module before the passes
     */
    DetwasmImports(
            RunConfig config, GuestThreads threads, RunDeadline deadline, FunctionNames names) {
        this.config = config;
        this.threads = threads;
        this.deadline = deadline;
        this.names = names;
    }

    /** The steps all threads took, as counted at the last fuel check of each. */
    long steps() {
        return steps;
    }

    /** The steps thread {@code id} took; 0 for a thread that never checked its fuel. */
    long steps(int id) {
        return id < meters.size() && meters.get(id) != null ? meters.get(id).steps : 0;
    }

    /** The builtins {@code program} imports. */
    List<HostFunction> functions(Program program) {
        List<HostFunction> functions = new ArrayList<>();
        if (program.importsFunction(Builtins.MODULE, Builtins.FUEL_DUE)) {
            functions.add(fuelDue());
        }
        if (program.importsFunction(Builtins.MODULE, Builtins.ATOMIC_WAIT32)) {
            functions.add(
                    function(
                            Builtins.ATOMIC_WAIT32,
                            List.of(ValType.I64, ValType.I32, ValType.I64),
                            (instance, args) ->
                                    memory(instance)
                                            .atomicWait(
                                                    address(instance, args[0], 4),
                                                    (int) args[1],
                                                    args[2])));
        }
        if (program.importsFunction(Builtins.MODULE, Builtins.ATOMIC_WAIT64)) {
            functions.add(
                    function(
                            Builtins.ATOMIC_WAIT64,
                            List.of(ValType.I64, ValType.I64, ValType.I64),
                            (instance, args) ->
                                    memory(instance)
                                            .atomicWait(
                                                    address(instance, args[0], 8),
                                                    args[1],
                                                    args[2])));
        }
        if (program.importsFunction(Builtins.MODULE, Builtins.ATOMIC_NOTIFY)) {
            functions.add(
                    function(
                            Builtins.ATOMIC_NOTIFY,
                            List.of(ValType.I64, ValType.I32),
                            (instance, args) ->
                                    memory(instance)
                                            .atomicNotify(
                                                    address(instance, args[0], 4),
                                                    (int) args[1])));
        }
        return functions;
    }

    /** A guest thread's instance exists: grants its first steps. Called on that thread. */
    void threadStarted(Instance instance, Program program) {
        if (!program.exportsGlobal(Builtins.FUEL_GLOBAL)) {
            return;
        }
        Meter meter = meter(threads.currentThread());
        meter.fuel = instance.exports().global(Builtins.FUEL_GLOBAL);
        grant(meter);
    }

    private HostFunction fuelDue() {
        return new HostFunction(
                Builtins.MODULE,
                Builtins.FUEL_DUE,
                FunctionType.of(List.of(ValType.I32), List.of()),
                (instance, args) -> {
                    fuelDue((int) args[0]);
                    return null;
                });
    }

    private void fuelDue(int function) {
        Meter meter = meter(threads.currentThread());
        long used = meter.granted - meter.fuel.getValue();
        meter.granted = 0;
        meter.steps += used;
        meter.sincePoint += used;
        steps += used;
        if (config.maxSteps() > 0 && steps > config.maxSteps()) {
            throw new HostEnding(
                    Termination.stepBudget(
                            threads.currentThread(),
                            "after " + steps + " steps (--max-steps " + config.maxSteps() + ")"
                                    + ", in " + names.describe(function)));
        }
        if (deadline.passed()) {
            throw new HostEnding(Termination.cutOff(threads.currentThread()));
        }
        if (config.preemptEvery() > 0 && meter.sincePoint >= config.preemptEvery()) {
            meter.sincePoint = 0;
            threads.schedulingPoint();
        }
        grant(meter);
    }

    private void grant(Meter meter) {
        long grant = Long.MAX_VALUE;
        if (config.maxSteps() > 0) {
            grant = Math.min(grant, config.maxSteps() - steps);
        }
        if (config.preemptEvery() > 0) {
            grant = Math.min(grant, config.preemptEvery() - meter.sincePoint);
        }
        if (deadline.isSet()) {
            grant = Math.min(grant, DEADLINE_CHUNK);
        }
        meter.granted = grant;
        meter.fuel.setValue(grant);
    }

    private Meter meter(int thread) {
        while (meters.size() <= thread) {
            meters.add(null);
        }
        Meter meter = meters.get(thread);
        if (meter == null) {
            meter = new Meter();
            meters.set(thread, meter);
        }
        return meter;
    }

    private static HostFunction function(
            String name, List<ValType> params, Builtin body) {
        return new HostFunction(
                Builtins.MODULE,
                name,
                FunctionType.of(params, List.of(ValType.I32)),
                (instance, args) -> new long[] {body.apply(instance, args)});
    }

    @FunctionalInterface
    private interface Builtin {
        int apply(Instance instance, long[] args);
    }

    private static Memory memory(Instance instance) {
        return instance.memory();
    }

    /**
     * The effective address of an atomic access as the memory takes it, trapping as the
     * instruction would when it is out of bounds or not aligned to {@code size}.
     */
    private static int address(Instance instance, long address, int size) {
        if (address < 0 || address + size > (long) instance.memory().pages() * 65536) {
            throw new TrapException("out of bounds memory access");
        }
        if (address % size != 0) {
            throw new TrapException("unaligned atomic");
        }
        return (int) address;
    }

    /** What the host knows of one guest thread's fuel. */
    private static final class Meter {
        private GlobalInstance fuel;
        /** What the global was last set to. */
        private long granted;
        /** Steps taken in all. */
        private long steps;
        /** Steps taken since the thread's last --preempt-every point. */
        private long sincePoint;
    }
}
