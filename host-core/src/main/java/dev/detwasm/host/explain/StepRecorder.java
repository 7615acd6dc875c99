package dev.detwasm.host.explain;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.debug.GuestFrame;
import dev.detwasm.host.debug.GuestLocations;
import dev.detwasm.host.debug.GuestStacks;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.WorkClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Records the steps of an explained run. It sits between the host and the scheduler (a {@link
 * GuestThreads} decorator, so it sees every scheduling point and wait), listens to the event log
 * (spawns, exits, notifies, WASI calls, the ending) and to the decisions (preemptions, selects),
 * and takes the acting thread's guest call stack at each step. Costly: only a replayed failing
 * run is recorded, never an explored one.
 */
public final class StepRecorder implements GuestThreads, EventLog.Listener {
    private final GuestStacks stacks;
    private final GuestLocations locations;
    private final List<Step> steps = new ArrayList<>();
    private final Map<Integer, Step> waiting = new HashMap<>();
    private final Map<Integer, List<GuestFrame>> finalStacks = new TreeMap<>();
    private final List<BlockedThread> blocked = new ArrayList<>();
    private GuestThreads threads;
    private LongSupplier pointAddress = () -> -1;
    private int threadCount = 1;
    private boolean ended;

    public StepRecorder(GuestStacks stacks, GuestLocations locations) {
        this.stacks = stacks;
        this.locations = locations;
    }

    /** The scheduler whose calls this recorder passes on; set before the run starts. */
    public GuestThreads wrap(GuestThreads scheduler) {
        this.threads = scheduler;
        return this;
    }

    /** Records the instance that runs guest thread {@code thread}, to read its stack. */
    public void register(int thread, com.dylibso.chicory.runtime.Instance instance) {
        stacks.register(thread, instance);
    }

    /** Where the address of the atomic operation at the current scheduling point comes from. */
    public void addresses(LongSupplier pointAddress) {
        this.pointAddress = pointAddress;
    }

    /** {@code source}, with its preemptions, timer interrupts and selects recorded as steps. */
    public DecisionSource watch(DecisionSource source) {
        return decision -> {
            int choice = source.choose(decision);
            if (decision.isPreemption(choice)) {
                record(decision.thread(), Step.Kind.PREEMPTION,
                        "preempted: t" + decision.candidates()[choice] + " runs");
            } else if (decision.kind() == DecisionKind.SELECT) {
                record(decision.thread(), Step.Kind.SELECT,
                        "select of " + decision.options() + " -> " + choice);
            } else if (decision.kind() == DecisionKind.TIMER) {
                int next = decision.candidates()[choice];
                record(decision.thread(), Step.Kind.TIMER, next == decision.thread()
                        ? "timer interrupt: goes on" : "timer interrupt: t" + next + " runs");
            } else if (decision.kind() == DecisionKind.WAKE) {
                record(decision.thread(), Step.Kind.WAKE_CHOICE, "chooses to wake t" + decision.candidates()[choice]);
            }
            return choice;
        };
    }

    /** What the run did, once it has ended. */
    public Explanation explanation() {
        return new Explanation(
                threadCount, steps, finalStacks, blocked, locations.hasLines(),
                locations.warning());
    }

    // ---- the event log ------------------------------------------------------------------------

    @Override
    public void event(int thread, String category, String detail) {
        switch (category) {
            case "spawn" -> {
                threadCount = Math.max(threadCount, Integer.parseInt(detail.substring(1)) + 1);
                record(thread, Step.Kind.SPAWN, "spawn " + detail);
            }
            case "exit" -> record(thread, Step.Kind.EXIT, "exit");
            case "sleep" -> record(thread, Step.Kind.SLEEP, "sleep " + detail + " ns");
            case "timeout" -> record(thread, Step.Kind.WAIT_TIMEOUT, "wait timed out " + detail);
            case "wake" -> record(thread, Step.Kind.NOTIFY, notify(detail));
            case "wasi" -> record(thread, Step.Kind.WASI, detail);
            case "end" -> end(thread, detail);
            default -> {
                // switches, clock jumps, wake-ups and decisions are shown by the steps around
                // them; decisions are seen by watch()
            }
        }
    }

    /** {@code "0x1040 -> t1 t2"} -> {@code "notify @0x1040 wakes t1 t2"}. */
    private static String notify(String detail) {
        int arrow = detail.indexOf(" ->");
        String key = arrow < 0 ? detail : detail.substring(0, arrow);
        String woken = arrow < 0 ? "" : detail.substring(arrow + 3).strip();
        return "notify @" + key + (woken.equals("none") ? " wakes none" : " wakes " + woken);
    }

    private void end(int thread, String detail) {
        if (ended) {
            return;
        }
        // a deadlock's message lists every waiter, which the end of the account shows better
        record(thread, Step.Kind.END,
                "end: " + (detail.startsWith("deadlock ") ? "deadlock" : detail));
        ended = true;
        for (int t = 0; t < threadCount; t++) {
            List<GuestFrame> stack = stacks.of(t);
            if (!stack.isEmpty()) {
                finalStacks.put(t, stack);
            }
        }
        for (Map.Entry<Integer, Step> wait : new TreeMap<>(waiting).entrySet()) {
            blocked.add(
                    new BlockedThread(
                            wait.getKey(),
                            wait.getValue().operation().substring("wait ".length()),
                            wait.getValue().stack()));
        }
    }

    private void record(int thread, Step.Kind kind, String operation) {
        if (!ended) {
            steps.add(new Step(thread, kind, operation, stacks.of(thread)));
        }
    }

    // ---- the scheduler ------------------------------------------------------------------------

    @Override
    public Termination run(Runnable main) {
        return threads.run(main);
    }

    @Override
    public int currentThread() {
        return threads.currentThread();
    }

    @Override
    public int spawn(Runnable body) {
        return threads.spawn(body);
    }

    @Override
    public void schedulingPoint() {
        point(threads::schedulingPoint);
    }

    /** An access point stays one, so the explained run takes its interrupts where checks do. */
    @Override
    public void schedulingPoint(String at) {
        point(() -> threads.schedulingPoint(at));
    }

    /** The scheduling point {@code point} of the running thread, recorded as a step. */
    private void point(Runnable point) {
        int thread = threads.currentThread();
        long address = pointAddress.getAsLong();
        List<GuestFrame> stack = stacks.of(thread);
        boolean inHostCall = !stack.isEmpty() && stack.get(0).imported();
        Optional<String> instruction = stacks.instruction(thread);
        // A host call's own point (after thread-spawn) and the points of wait and notify are
        // shown by the steps they log; the others are memory operations.
        boolean shownElsewhere =
                (address < 0 && inHostCall)
                        || instruction.filter(i -> i.startsWith("memory.atomic.")).isPresent();
        point.run();
        // recorded once the thread goes on, when the operation takes effect: after any
        // preemption at this point and what the other threads did meanwhile
        if (!shownElsewhere && !ended) {
            steps.add(
                    new Step(
                            thread,
                            Step.Kind.MEMORY,
                            instruction.orElse("atomic operation")
                                    + (address < 0 ? "" : " @0x" + Long.toHexString(address)),
                            address,
                            stack));
        }
    }

    @Override
    public void measureWork(WorkClock work) {
        threads.measureWork(work);
    }

    @Override
    public long untilTimer() {
        return threads.untilTimer();
    }

    @Override
    public void timerPoint() {
        threads.timerPoint();
    }

    @Override
    public void yieldNow() {
        record(threads.currentThread(), Step.Kind.YIELD, "sched_yield");
        threads.yieldNow();
    }

    @Override
    public long now() {
        return threads.now();
    }

    @Override
    public void sleepUntil(long deadline) {
        threads.sleepUntil(deadline);
    }

    @Override
    public int await(long key, long deadline, String what) {
        int thread = threads.currentThread();
        Step step =
                new Step(
                        thread,
                        Step.Kind.WAIT,
                        "wait " + what
                                + (deadline == NO_DEADLINE ? "" : " until " + deadline + " ns"),
                        key,
                        stacks.of(thread));
        if (!ended) {
            steps.add(step);
        }
        waiting.put(thread, step);
        try {
            return threads.await(key, deadline, what);
        } finally {
            waiting.remove(thread);
        }
    }

    @Override
    public int wake(long key, int count) {
        return threads.wake(key, count);
    }

    @Override
    public void terminate(Termination termination) {
        threads.terminate(termination);
    }
}
