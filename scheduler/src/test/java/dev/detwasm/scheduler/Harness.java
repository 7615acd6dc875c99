package dev.detwasm.scheduler;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * One run of fake thread bodies (plain Java code calling the scheduler) on a fresh {@link
 * CooperativeScheduler}, with an event log, the bodies' own notes, and every carrier thread
 * kept so tests can check that none outlives the run.
 */
final class Harness {
    final EventLog events = new EventLog(true);
    final Decisions decisions;
    final CooperativeScheduler threads;
    /** What the bodies noted, in the order they ran; only one runs at a time. */
    final List<String> notes = new ArrayList<>();

    Harness(DecisionSource source, CarrierThreads carrierThreads) {
        this.decisions = new Decisions(source, events);
        var carriers = new VirtualThreadCarriers(carrierThreads);
        this.threads = new CooperativeScheduler(decisions, events, carriers);
    }

    Termination run(Runnable main) {
        return threads.run(main);
    }

    /** Notes {@code what} as said by the running guest thread. */
    void note(String what) {
        notes.add("t" + threads.currentThread() + " " + what);
    }

    /** Every Java thread that carried a guest thread, across runs. */
    static final class CarrierThreads implements ThreadFactory {
        private final ThreadFactory virtual = Thread.ofVirtual().name("test-guest").factory();
        private final List<Thread> made = new ArrayList<>();

        @Override
        public synchronized Thread newThread(Runnable body) {
            Thread thread = virtual.newThread(body);
            made.add(thread);
            return thread;
        }

        synchronized int made() {
            return made.size();
        }

        synchronized long alive() {
            return made.stream().filter(Thread::isAlive).count();
        }
    }
}
