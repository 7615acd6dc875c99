package dev.detwasm.host;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.AccessCountdown;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.WorkClock;
import dev.detwasm.host.memory.SchedulingMemory;
import dev.detwasm.host.memory.WideAccesses;
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
 *
 * <p>Access points: each thread's exported {@link Builtins#ACCESS_GLOBAL} counts down the plain
 * accesses until the one that calls {@link Builtins#ACCESS_DUE}, set to what the decision
 * source wants ({@link Decisions#pointsUntilDecision}) when the thread starts, after each of
 * its decisions and whenever it enters the scheduler. That call is a scheduling point that
 * names the access; the accesses the countdown passed are counted out of the global when the
 * thread next enters the scheduler ({@link #takePassed}), which records them as the decisions
 * they were.
 *
 * <p>Work as time ({@code --clock steps=NS}): the scheduler {@linkplain #take takes} the running
 * thread's steps whenever the thread enters it and moves the clock NS nanoseconds per step. The
 * steps are read from the fuel global, which is exact at calls (clock reads included) and lags
 * behind at atomic instructions, where a function keeps its count in a local: the lag is the
 * code's own, the same under both engines, and counted at the next read. For the same reason
 * the host writes a grant only here (at {@code fuel_due}) and when a thread starts: a grant is
 * never more than the steps until the running thread's next timer interrupt ({@link
 * GuestThreads#untilTimer}), nor than {@link #CLOCK_CHUNK}, so a timer brought nearer by what
 * the thread did since (a notify that ends its time slice) is noticed at a fuel check within
 * that many steps, and the check enters the scheduler ({@link GuestThreads#timerPoint}).
 */
final class DetwasmImports implements AccessCountdown, WorkClock {
    /** Steps between two looks at the deadline: about a millisecond of compiled code. */
    static final long DEADLINE_CHUNK = 1L << 20;

    /** Under --clock steps, the most steps between two looks at the timers: 65 us at 1 ns. */
    static final long CLOCK_CHUNK = 1L << 16;

    private final RunConfig config;
    private final GuestThreads threads;
    private final Decisions decisions;
    private final RunDeadline deadline;
    private final FunctionNames names;
    private final List<Meter> meters = new ArrayList<>();
    private long steps;
    private long points;

    /**
     * @param names names functions by their index in the module before the passes
     */
    DetwasmImports(
            RunConfig config,
            GuestThreads threads,
            Decisions decisions,
            RunDeadline deadline,
            FunctionNames names) {
        this.config = config;
        this.threads = threads;
        this.decisions = decisions;
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
        if (program.importsFunction(Builtins.MODULE, Builtins.ACCESS_DUE)) {
            functions.add(
                    new HostFunction(
                            Builtins.MODULE,
                            Builtins.ACCESS_DUE,
                            FunctionType.of(List.of(ValType.I64, ValType.I32), List.of()),
                            (instance, args) -> {
                                accessDue(args[0], (int) args[1]);
                                return null;
                            }));
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
        if (program.importsFunction(Builtins.MODULE, Builtins.WIDE_ACCESS)) {
            functions.add(
                    new HostFunction(
                            Builtins.MODULE,
                            Builtins.WIDE_ACCESS,
                            FunctionType.of(
                                    List.of(ValType.I64, ValType.I32, ValType.I64, ValType.I64),
                                    List.of(ValType.I64)),
                            (instance, args) -> new long[] {
                                WideAccesses.access(
                                        (SchedulingMemory) instance.memory(), args[0],
                                        (int) args[1], args[2], args[3])
                            }));
        }
        return functions;
    }

    /**
     * A guest thread's instance exists: grants its first steps and sets its access countdown.
     * Called on that thread.
     */
    void threadStarted(Instance instance, Program program) {
        Meter meter = meter(threads.currentThread());
        if (program.exportsGlobal(Builtins.FUEL_GLOBAL)) {
            meter.fuel = instance.exports().global(Builtins.FUEL_GLOBAL);
            grant(meter);
        }
        if (program.exportsGlobal(Builtins.ACCESS_GLOBAL)) {
            meter.access = instance.exports().global(Builtins.ACCESS_GLOBAL);
            countDown(meter);
        }
    }

    @Override
    public long takePassed() {
        Meter meter = accessMeter();
        if (meter == null) {
            return 0;
        }
        long passed = meter.countdown - (int) meter.access.getValue();
        points += passed;
        countDown(meter);
        return passed;
    }

    /** Keeps the points passed since last taken: they are still to be taken. */
    @Override
    public void restart() {
        Meter meter = accessMeter();
        if (meter != null) {
            int passed = meter.countdown - (int) meter.access.getValue();
            countDown(meter);
            meter.countdown += passed;
        }
    }

    /** The running thread's meter, when it has an access countdown. */
    private Meter accessMeter() {
        int thread = threads.currentThread();
        Meter meter = thread < meters.size() ? meters.get(thread) : null;
        return meter == null || meter.access == null ? null : meter;
    }

    /** The plain-access points of all threads, as counted so far. */
    long accessPoints() {
        return points;
    }

    private void accessDue(long address, int info) {
        Meter meter = meter(threads.currentThread());
        // This access asks: it is not one of those passed without asking.
        meter.countdown--;
        points++;
        threads.schedulingPoint(describe(address, info));
        countDown(meter);
    }

    private String describe(long address, int info) {
        return (Builtins.isStore(info) ? "store" : "load") + " 0x" + Long.toHexString(address)
                + " (" + Builtins.sizeBytes(info) + " bytes) in "
                + names.describe(Builtins.functionIndex(info));
    }

    private void countDown(Meter meter) {
        int until = decisions.pointsUntilDecision(threads.currentThread());
        meter.countdown = until;
        meter.access.setValue(until);
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
        account(meter);
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
        } else if (config.nsPerStep() > 0) {
            threads.timerPoint();
        }
        grant(meter);
    }

    /** Counts the steps the thread used since its grant or its last count. */
    private void account(Meter meter) {
        long left = meter.fuel.getValue();
        long used = meter.granted - left;
        meter.granted = left;
        meter.steps += used;
        meter.sincePoint += used;
        meter.unclocked += used;
        steps += used;
    }

    @Override
    public long take() {
        Meter meter = fuelMeter();
        if (meter == null) {
            return 0;
        }
        account(meter);
        long nanos = meter.unclocked * config.nsPerStep();
        meter.unclocked = 0;
        return nanos;
    }

    /** The running thread's meter, once its fuel is granted. */
    private Meter fuelMeter() {
        int thread = threads.currentThread();
        Meter meter = thread < meters.size() ? meters.get(thread) : null;
        return meter == null || meter.fuel == null ? null : meter;
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
        if (config.nsPerStep() > 0) {
            grant = Math.min(grant, CLOCK_CHUNK);
            long untilTimer = threads.untilTimer();
            if (untilTimer != GuestThreads.NO_DEADLINE) {
                // the check after grant + 1 steps is the first that may find the timer due
                grant = Math.min(grant, Math.ceilDiv(untilTimer, config.nsPerStep()) - 1);
            }
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

    /** What the host knows of one guest thread's fuel and access countdown. */
    private static final class Meter {
        private GlobalInstance fuel;
        private GlobalInstance access;
        /** What the access countdown was last set to, or read as. */
        private int countdown;
        /** What the global was last set to, or read as. */
        private long granted;
        /** Steps taken in all. */
        private long steps;
        /** Steps taken since the thread's last --preempt-every point. */
        private long sincePoint;
        /** Steps not yet taken by the clock. */
        private long unclocked;
    }
}
