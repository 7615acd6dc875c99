package dev.detwasm.scheduler;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.GuestThreads;
import dev.detwasm.host.spi.HostError;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.host.spi.ThreadKilled;
import dev.detwasm.host.spi.WorkClock;
import java.util.ArrayList;
import java.util.List;

/**
 * The cooperative scheduler of one run. Each guest thread rides on a {@link Carrier} (its own,
 * or that of the thread whose exit handed it its first turn); exactly one holds the baton and
 * runs, and it only passes the baton on inside a call to this class. All state is touched by
 * the baton holder alone, so nothing here locks.
 *
 * <p>Scheduling, in the order {@link dev.detwasm.host.decide.FifoPolicy fifo} follows:
 *
 * <ul>
 *   <li>A spawned thread, a yielding thread, a woken waiter and a sleeper whose deadline came
 *       join the back of the run queue; the caller of {@link #spawn} and {@link #wake} keeps
 *       running.
 *   <li>When the running thread blocks, sleeps or exits, the head of the run queue runs. When
 *       the queue is empty but timers are pending, the clock jumps to the earliest deadline and
 *       the threads due then (in deadline order, ties in the order they went to sleep) join the
 *       queue. When neither, the run ends as a deadlock.
 *   <li>Wherever more than one thread could go next, a {@code schedule} decision picks it. Its
 *       candidates are what fifo would pick first (the running thread itself at a {@link
 *       #schedulingPoint}, else the queue head), then the rest of the run queue in order. A
 *       thread preempted at a scheduling point becomes runnable at the back of the queue, as if
 *       it had yielded. {@link #yieldNow} moves the caller to the back first, so its candidates
 *       are the queue in order, ending with the caller.
 *   <li>A {@link #wake} of fewer threads than wait picks each thread to wake with a {@code wake}
 *       decision among the remaining waiters, longest waiter first; otherwise all wake, longest
 *       waiter first, without a decision.
 *   <li>A sleep or timed wait whose deadline has already passed does not block: a sleep is then
 *       only a scheduling point, a wait returns {@link #TIMED_OUT} at once. A negative deadline
 *       means none.
 *   <li>When time moves with work ({@link #measureWork}), the running thread's work is taken
 *       whenever it enters this class, and the timers it makes due fire then: their threads
 *       join the run queue, and the running thread's next scheduling point is a timer
 *       interrupt, where it goes to the back of the queue as if it yielded. So is its first
 *       scheduling point after it worked a {@link #TIME_SLICE} while others were runnable: a
 *       thread woken by a notify gets to run, and so gets to a timed wait, while another
 *       computes, as it would on a core of its own.
 * </ul>
 *
 * <p>When the program ends ({@link #terminate}, a deadlock, main's body returning, or a failure
 * of the scheduler itself), the baton visits every started thread in id order: each wakes in
 * the call it blocked in, throws {@link ThreadKilled}, and its carrier ends. The last one hands
 * the baton back to {@link #run}, which joins every carrier before returning. When {@link
 * Carriers#mainOnCaller()}, the thread that called {@link #run} carries main itself and then
 * waits there for the baton like any caller. A body that
 * returns ends its own thread, except main's, which ends the program with exit code 0. An
 * exception escaping a body or this class ends the program as a host error ({@link
 * ExitCodes#INTERNAL}, or a {@link HostError}'s own code) instead of being lost.
 *
 * <p>The event log gets, per thread {@code tN}: {@code spawn tM}, {@code switch tM} (the baton
 * passes to M), {@code exit at T}, {@code sleep until T}, {@code wakeup at T}, {@code wait KEY
 * [until T]}, {@code timeout KEY at T}, {@code wake KEY -> tM ...|none}, {@code clock T1 -> T2}
 * and, for endings this class decides, {@code end KIND CODE MESSAGE} as the host logs its own.
 * Keys are hexadecimal, times virtual nanoseconds.
 */
public final class CooperativeScheduler implements GuestThreads {
    private static final int MAIN = 0;

    /** Virtual time a thread may work while others are runnable, when time moves with work. */
    public static final long TIME_SLICE = 1_000_000;

    private final Decisions decisions;
    private final EventLog events;
    private final Carriers carriers;
    /** Indexed by id. */
    private final List<GuestThread> threads = new ArrayList<>();
    private final RunQueue runQueue = new RunQueue();
    private final WaitQueues waitQueues = new WaitQueues();
    private final VirtualClock clock = new VirtualClock();
    private final List<GuestThread> due = new ArrayList<>();
    private WorkClock work = WorkClock.NONE;
    /** A timer fired while the current thread ran: its next scheduling point yields. */
    private boolean interrupted;
    /** When the current thread got the baton. */
    private long sliceStart;
    private Carrier caller;
    private GuestThread current;
    private Termination termination;

    public CooperativeScheduler(Decisions decisions, EventLog events, Carriers carriers) {
        this.decisions = decisions;
        this.events = events;
        this.carriers = carriers;
    }

    @Override
    public Termination run(Runnable main) {
        if (caller != null) {
            throw new IllegalStateException("a scheduler runs one program only");
        }
        caller = carriers.caller();
        GuestThread first = newThread(main, carriers.mainOnCaller());
        current = first;
        first.state = GuestThread.State.RUNNING;
        if (first.carrier == caller) {
            carry(first); // returns once main has exited; the baton comes back below
        } else {
            first.carrier.giveTurn();
        }
        caller.awaitTurn();
        for (GuestThread thread : threads) {
            thread.carrier.join();
        }
        return termination;
    }

    @Override
    public int currentThread() {
        return current.id;
    }

    @Override
    public int spawn(Runnable body) {
        enter();
        try {
            GuestThread child = newThread(body, false);
            runQueue.addLast(child);
            if (events.enabled()) {
                events.add(current.id, "spawn", "t" + child.id);
            }
            return child.id;
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void schedulingPoint() {
        enter();
        try {
            pointOf(current);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /**
     * An access point neither takes the running thread's work nor a timer interrupt: which
     * access points enter here depends on the decision source ({@link
     * Decisions#pointsUntilDecision}), so the clock and the interrupts must not, or a check's
     * run and its replay would part. The interrupt waits for the thread's next other point.
     */
    @Override
    public void schedulingPoint(String at) {
        if (termination != null) {
            throw new ThreadKilled();
        }
        try {
            recordPassedPoints();
            preemptionPoint(current, at);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void measureWork(WorkClock work) {
        this.work = work;
    }

    @Override
    public long untilTimer() {
        if (work == WorkClock.NONE) {
            return NO_DEADLINE;
        }
        if (interrupted) {
            return 0;
        }
        long until = runQueue.isEmpty() ? NO_DEADLINE : sliceStart + TIME_SLICE - clock.now();
        if (clock.hasTimers()) {
            long timer = clock.nextDeadline() - clock.now();
            until = until == NO_DEADLINE ? timer : Math.min(until, timer);
        }
        return until;
    }

    @Override
    public void timerPoint() {
        enter();
        try {
            if (interrupted) {
                pointOf(current);
            }
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void yieldNow() {
        enter();
        try {
            if (runQueue.isEmpty()) {
                return;
            }
            GuestThread me = current;
            me.state = GuestThread.State.RUNNABLE;
            runQueue.addLast(me);
            switchTo(takeQueued());
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public long now() {
        catchUp();
        return clock.now();
    }

    @Override
    public void sleepUntil(long deadline) {
        enter();
        try {
            GuestThread me = current;
            if (events.enabled()) {
                events.add(me.id, "sleep", "until " + deadline);
            }
            if (deadline <= clock.now()) {
                pointOf(me);
                return;
            }
            me.state = GuestThread.State.SLEEPING;
            clock.schedule(me, deadline);
            block();
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public int await(long key, long deadline, String what) {
        enter();
        try {
            GuestThread me = current;
            boolean timed = deadline >= 0;
            if (events.enabled()) {
                events.add(me.id, "wait", hex(key) + (timed ? " until " + deadline : ""));
            }
            if (timed && deadline <= clock.now()) {
                if (events.enabled()) {
                    events.add(me.id, "timeout", hex(key) + " at " + clock.now());
                }
                return TIMED_OUT;
            }
            me.state = GuestThread.State.WAITING;
            me.waitWhat = what;
            waitQueues.add(key, me);
            if (timed) {
                clock.schedule(me, deadline);
            }
            block();
            return me.wakeResult;
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public int wake(long key, int count) {
        enter();
        try {
            long wanted = Integer.toUnsignedLong(count); // notify's count is a u32
            int waiting = waitQueues.count(key);
            StringBuilder woken = events.enabled() ? new StringBuilder() : null;
            int n = 0;
            while (n < wanted && waiting > 0) {
                int pick = 0;
                if (waiting > wanted - n) {
                    pick = decisions.choose(Decision.wake(current.id, waitQueues.ids(key)));
                }
                GuestThread thread = waitQueues.get(key, pick);
                waitQueues.remove(thread);
                clock.cancel(thread);
                thread.wakeResult = WOKEN;
                makeRunnable(thread);
                n++;
                waiting--;
                if (woken != null) {
                    woken.append(" t").append(thread.id);
                }
            }
            if (woken != null) {
                events.add(current.id, "wake", hex(key) + " ->" + (n == 0 ? " none" : woken));
            }
            return n;
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void terminate(Termination termination) {
        if (this.termination == null) {
            this.termination = termination;
        }
        throw new ThreadKilled();
    }

    // ---- switching ------------------------------------------------------------------------------

    /**
     * A point where {@code me}, which could go on, may be preempted; after a timer interrupt, it
     * goes to the back of the run queue instead, and a {@code timer} decision among the queue
     * says who runs: fifo's option 0 is the queue's head, the last option {@code me} going on.
     */
    private void pointOf(GuestThread me) {
        if (runQueue.isEmpty()) {
            return;
        }
        if (!interrupted) {
            preemptionPoint(me, "");
            return;
        }
        me.state = GuestThread.State.RUNNABLE;
        runQueue.addLast(me);
        int choice = decisions.choose(Decision.timer(me.id, runQueue.ids()));
        switchTo(runQueue.take(choice));
    }

    /** A {@code schedule} decision whether {@code me}, which could go on, is preempted. */
    private void preemptionPoint(GuestThread me, String at) {
        if (runQueue.isEmpty()) {
            return;
        }
        int choice =
                decisions.choose(Decision.schedule(me.id, runQueue.candidatesAfter(me.id), at));
        if (choice == 0) {
            return;
        }
        GuestThread next = runQueue.take(choice - 1);
        me.state = GuestThread.State.RUNNABLE;
        runQueue.addLast(me);
        switchTo(next);
    }

    /**
     * Records the plain-access points the current thread passed without asking since it last
     * entered here: each was a decision, decided 0, when another thread was runnable (nothing
     * changes the run queue while a thread runs guest code).
     */
    private void recordPassedPoints() {
        long passed = decisions.takePassedPoints();
        if (passed > 0 && !runQueue.isEmpty()) {
            decisions.recordPassed(
                    Decision.schedule(current.id, runQueue.candidatesAfter(current.id)), passed);
        }
    }

    /** The current thread cannot go on: passes the baton on, or ends the run as a deadlock. */
    private void block() {
        GuestThread next = next();
        if (next == null) {
            deadlock();
            throw new ThreadKilled();
        }
        switchTo(next);
    }

    /**
     * Takes the thread to run once the current one stops: from the run queue, first jumping the
     * clock if only timers are left. Null when no thread can ever run again.
     */
    private GuestThread next() {
        if (runQueue.isEmpty()) {
            if (!clock.hasTimers()) {
                return null;
            }
            long from = clock.now();
            clock.advance(due);
            if (events.enabled()) {
                events.add(current.id, "clock", from + " -> " + clock.now());
            }
            for (GuestThread thread : due) {
                timedOut(thread);
            }
            due.clear();
        }
        return takeQueued();
    }

    private void timedOut(GuestThread thread) {
        if (thread.state == GuestThread.State.WAITING) {
            waitQueues.remove(thread);
            thread.wakeResult = TIMED_OUT;
            if (events.enabled()) {
                events.add(thread.id, "timeout", hex(thread.waitKey) + " at " + clock.now());
            }
        } else if (events.enabled()) {
            events.add(thread.id, "wakeup", "at " + clock.now());
        }
        makeRunnable(thread);
    }

    /** Takes the next thread from the non-empty run queue: the head, unless decided otherwise. */
    private GuestThread takeQueued() {
        if (runQueue.size() == 1) {
            return runQueue.take(0);
        }
        return runQueue.take(
                decisions.choose(Decision.schedule(current.id, runQueue.ids())));
    }

    private void makeRunnable(GuestThread thread) {
        thread.state = GuestThread.State.RUNNABLE;
        runQueue.addLast(thread);
    }

    /**
     * Passes the baton from the current thread to {@code next} and returns once the current
     * thread has it back; throws {@link ThreadKilled} if the program ended meanwhile.
     */
    private void switchTo(GuestThread next) {
        GuestThread me = current;
        interrupted = false;
        sliceStart = clock.now();
        next.state = GuestThread.State.RUNNING;
        if (next != me) {
            if (events.enabled()) {
                events.add(me.id, "switch", "t" + next.id);
            }
            current = next;
            next.carrier.giveTurn();
            me.carrier.awaitTurn();
        }
        enter();
    }


    // ---- lifecycle ------------------------------------------------------------------------------

    /** A new guest thread, carried by the caller's thread or by a carrier of its own. */
    private GuestThread newThread(Runnable body, boolean onCaller) {
        GuestThread thread = new GuestThread(threads.size(), body);
        thread.carrier = onCaller ? caller : carriers.carrier(() -> carry(thread));
        threads.add(thread);
        return thread;
    }

    /**
     * The whole life of a carrier: the body of {@code first}, then its exit, then the body and
     * exit of each thread the exits hand the baton to that had not started yet.
     */
    private void carry(GuestThread first) {
        GuestThread thread = first;
        while (thread != null) {
            thread = exit(runBody(thread));
        }
    }

    private GuestThread runBody(GuestThread thread) {
        // Set here rather than by the giver, so that a carrier that failed to start is not
        // waited for during the teardown.
        thread.started = true;
        try {
            thread.body.run();
            if (thread.id == MAIN) {
                end(Termination.exit(MAIN, 0));
            }
        } catch (ThreadKilled killed) {
            // The program has ended and this thread's stack is unwound.
        } catch (Throwable e) {
            end(failure(thread.id, e));
        }
        return thread;
    }

    /**
     * The thread's body is over: passes the baton to the next thread, or on with the teardown.
     * A next thread that has not started has no stack to return to, so the exited thread's
     * carrier takes it over and carries it itself, which this returns; a thread started later
     * costs no Java thread of its own nor a hand-off. Null when the baton went elsewhere. Main
     * never takes a thread over: its exit ends the program.
     */
    private GuestThread exit(GuestThread thread) {
        thread.state = GuestThread.State.EXITED;
        try {
            if (termination == null) {
                recordPassedPoints();
                catchUp();
                interrupted = false;
                sliceStart = clock.now();
                if (events.enabled()) {
                    events.add(thread.id, "exit", "at " + clock.now());
                }
                GuestThread next = next();
                if (next != null) {
                    if (events.enabled()) {
                        events.add(thread.id, "switch", "t" + next.id);
                    }
                    current = next;
                    next.state = GuestThread.State.RUNNING;
                    if (!next.started) {
                        next.carrier = thread.carrier;
                        return next;
                    }
                    next.carrier.giveTurn();
                    return null;
                }
                deadlock();
            }
        } catch (Throwable e) {
            end(failure(thread.id, e));
        }
        unwindNext();
        return null;
    }

    /** Gives the baton to the next thread with a stack to unwind, or back to {@link #run}. */
    private void unwindNext() {
        for (GuestThread thread : threads) {
            if (thread.started && thread.state != GuestThread.State.EXITED) {
                current = thread;
                thread.carrier.giveTurn();
                return;
            }
        }
        caller.giveTurn();
    }

    private void deadlock() {
        StringBuilder report = new StringBuilder("deadlock:");
        String separator = " ";
        for (GuestThread thread : threads) {
            if (thread.state == GuestThread.State.WAITING) {
                report.append(separator)
                        .append("thread ")
                        .append(thread.id)
                        .append(" waits on ")
                        .append(thread.waitWhat);
                separator = "; ";
            }
        }
        end(Termination.deadlock(report.toString()));
    }

    /** Records how the program ended, unless it already had, and logs it as the host does. */
    private void end(Termination ending) {
        if (termination != null) {
            return;
        }
        termination = ending;
        if (events.enabled()) {
            events.add(
                    current.id,
                    "end",
                    ending.kind().cliName()
                            + " "
                            + ending.exitCode()
                            + (ending.message().isEmpty() ? "" : " " + ending.message()));
        }
    }

    /** Ends the program for a failure inside a call of the current thread; returns the unwinder. */
    private ThreadKilled fail(RuntimeException e) {
        end(failure(current.id, e));
        return new ThreadKilled();
    }

    private static Termination failure(int thread, Throwable e) {
        if (e instanceof HostError host) {
            return Termination.hostError(thread, host.exitCode(), host.getMessage());
        }
        return Termination.hostError(
                thread, ExitCodes.INTERNAL, "internal error in guest thread " + thread + ": " + e);
    }

    /**
     * Every call after the program ended unwinds its caller; before anything else, the access
     * points the caller passed are recorded and its work is taken.
     */
    private void enter() {
        if (termination != null) {
            throw new ThreadKilled();
        }
        recordPassedPoints();
        catchUp();
    }

    /**
     * Moves the clock by the running thread's work since it last entered, and fires the timers
     * that made due and ends its slice: each a timer interrupt for the running thread.
     */
    private void catchUp() {
        if (work == WorkClock.NONE) {
            return;
        }
        long worked = work.take();
        if (worked > 0) {
            clock.pass(worked, due);
            for (GuestThread thread : due) {
                timedOut(thread);
                interrupted = true;
            }
            due.clear();
            if (!runQueue.isEmpty() && clock.now() - sliceStart >= TIME_SLICE) {
                interrupted = true;
            }
        }
    }

    private static String hex(long key) {
        return "0x" + Long.toHexString(key);
    }
}
