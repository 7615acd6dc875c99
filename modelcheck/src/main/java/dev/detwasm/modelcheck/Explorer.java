package dev.detwasm.modelcheck;

import dev.detwasm.host.load.LoadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Drives an exploration: asks the {@link Strategy} for runs, makes them through the {@link
 * RunExecutor} under the {@link Branching} rules, and reports them in the strategy's order
 * until the tree is covered or a {@link Limits limit} is reached.
 *
 * <p>With {@code jobs} workers, runs the strategy has planned are made ahead, in parallel, in
 * batches, but they take their place in the exploration (get their index, reach the strategy
 * and the sink) strictly in the strategy's order, exactly as with one worker; runs made ahead
 * that the exploration never reaches (it stopped first) are dropped. So the runs, their order and
 * everything reported are the same for any number of workers; only the time-limit depends on
 * the machine.
 *
 * <p>Workers are virtual threads, one job included, whatever thread calls {@link #explore}: a
 * run's guest threads are virtual too, and passing the baton between virtual threads costs
 * far less than waking a platform thread at the start and the end of every run.
 */
public final class Explorer {
    /** The work a worker takes at once, in nanoseconds of runs, and at most how many runs. */
    private static final long BATCH_NANOS = 1_000_000;
    private static final int MAX_BATCH = 32;

    private final RunExecutor executor;
    private final Branching branching;
    private final Limits limits;
    private final ProgressListener progress;

    public Explorer(
            RunExecutor executor, Branching branching, Limits limits, ProgressListener progress) {
        this.executor = executor;
        this.branching = branching;
        this.limits = limits;
        this.progress = progress;
    }

    /**
     * Explores until the strategy has nothing left or a limit is reached; gives {@code sink}
     * each run in exploration order.
     *
     * @throws LoadException when the program cannot run at all
     */
    public Exploration explore(Strategy strategy, Consumer<ExploredRun> sink)
            throws LoadException {
        Session session = new Session(strategy, sink);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < limits.jobs(); i++) {
            workers.add(Thread.ofVirtual().name("detwasm-check-" + i).start(session::work));
        }
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
        progress.finished();
        return session.result();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run made, waiting for its turn in the exploration order. */
    private record Made(RunOutcome outcome, RunDriver driver) {}

    /**
     * The state of one exploration, shared by its workers under its lock (a lock rather than a
     * monitor: a virtual thread waiting on a monitor holds on to its carrier on JDK 21).
     */
    private final class Session {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Strategy strategy;
        private final Consumer<ExploredRun> sink;
        private final long start = System.nanoTime();
        private final Set<RunPlan> running = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<RunPlan, Made> made = new IdentityHashMap<>();
        private final Set<Bound> bounds = EnumSet.noneOf(Bound.class);
        private long runs;
        private long failures;
        /** The last batch's time per run; the first batch is a single run. */
        private long runNanos = BATCH_NANOS;
        private boolean cutOff;
        private boolean finished;
        private Throwable error;

        Session(Strategy strategy, Consumer<ExploredRun> sink) {
            this.strategy = strategy;
            this.sink = sink;
        }

        /**
         * One worker: makes planned runs until the exploration is finished. Whatever goes wrong
         * (the program cannot run, a bug) ends the exploration for every worker and is thrown
         * by {@link #result}.
         */
        void work() {
            try {
                makeRuns();
            } catch (Throwable t) {
                lock.lock();
                try {
                    if (error == null) {
                        error = t;
                    }
                    finish();
                } finally {
                    lock.unlock();
                }
            }
        }

        private void makeRuns() throws LoadException, InterruptedException {
            List<RunPlan> batch = List.of();
            List<Made> results = new ArrayList<>();
            long batchStart = 0;
            while (true) {
                lock.lock();
                try {
                    record(batch, results, System.nanoTime() - batchStart);
                    batch = nextToMake();
                    if (batch.isEmpty()) {
                        return;
                    }
                    running.addAll(batch);
                } finally {
                    lock.unlock();
                }
                results.clear();
                batchStart = System.nanoTime();
                for (RunPlan plan : batch) {
                    if (!results.isEmpty() && (limits.timeUp() || limits.stop().requested())) {
                        break;
                    }
                    RunDriver driver = branching.driver(plan.chooser());
                    results.add(new Made(executor.execute(driver), driver));
                }
            }
        }

        /**
         * Files a batch's runs as made; those it did not make (a limit was reached) are left
         * for no one, since the exploration stops before reaching them.
         */
        private void record(List<RunPlan> batch, List<Made> results, long nanos) {
            if (batch.isEmpty()) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                RunPlan plan = batch.get(i);
                running.remove(plan);
                if (i < results.size()) {
                    made.put(plan, results.get(i));
                    cutOff |= results.get(i).outcome().cutOff();
                }
            }
            if (!results.isEmpty()) {
                runNanos = nanos / results.size();
            }
            changed.signalAll();
        }

        /**
         * How many runs a worker takes at once: one while a run is long, more while runs take
         * microseconds. Every visit to the lock may park the worker, and while it is parked
         * its carrier is free to take the other workers' guest threads, which then hop between
         * carriers (with two jobs, a run of the racy counter cost 40% more CPU than with one
         * when a worker visited the lock twice a run). Only which worker makes a run depends on
         * this, never the runs or their order.
         */
        private int batchSize() {
            return (int) Math.max(1, Math.min(MAX_BATCH, BATCH_NANOS / Math.max(1, runNanos)));
        }

        /** Reports what is ready, then picks runs to make; empty when finished. */
        private List<RunPlan> nextToMake() throws InterruptedException {
            while (true) {
                advance();
                if (finished) {
                    return List.of();
                }
                int size = batchSize();
                long useful = Math.min(limits.maxRuns() - runs, 2L * limits.jobs() * size);
                List<RunPlan> batch = new ArrayList<>(size);
                for (RunPlan plan : strategy.upcoming((int) useful)) {
                    if (!running.contains(plan) && !made.containsKey(plan)) {
                        batch.add(plan);
                        if (batch.size() == size) {
                            break;
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    return batch;
                }
                changed.await();
            }
        }

        /** Reports made runs in the strategy's order for as long as the next one is made. */
        private void advance() {
            while (!finished) {
                List<RunPlan> next = strategy.upcoming(1);
                if (next.isEmpty()) {
                    finish();
                } else if (runs >= limits.maxRuns()) {
                    stop(Bound.MAX_RUNS);
                } else if (limits.timeUp()) {
                    stop(Bound.TIME_LIMIT);
                } else if (limits.stop().requested()) {
                    stop(Bound.INTERRUPTED);
                } else {
                    Made result = made.remove(next.get(0));
                    if (result == null) {
                        return;
                    }
                    if (result.outcome().cutOff()) {
                        stop(Bound.TIME_LIMIT);
                        return;
                    }
                    report(result);
                }
            }
        }

        private void report(Made result) {
            RunDriver driver = result.driver();
            ExploredRun run =
                    new ExploredRun(
                            runs++, result.outcome(), driver.steps(), driver.cut(),
                            driver.pruned(), driver.preemptions(), strategy.origin());
            if (run.cut()) {
                bounds.add(Bound.MAX_DECISIONS);
            }
            if (run.pruned()) {
                bounds.add(Bound.PREEMPTION_BOUND);
            }
            strategy.completed(run);
            sink.accept(run);
            if (run.outcome().failed()) {
                failures++;
            }
            progress.progress(runs, failures, elapsed());
            if (run.outcome().failed() && limits.stopOnFirst()) {
                if (!strategy.upcoming(1).isEmpty()) {
                    bounds.add(Bound.STOP_ON_FIRST);
                }
                finish();
            }
        }


        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private void stop(Bound bound) {
            bounds.add(bound);
            finish();
        }

        private void finish() {
            finished = true;
            changed.signalAll();
        }

        /** Called once every worker has ended. */
        Exploration result() throws LoadException {
            if (error instanceof LoadException e) {
                throw e;
            }
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            if (error != null) {
                throw new IllegalStateException(error);
            }
            return new Exploration(runs, bounds, strategy.frontier(), elapsed(), cutOff);
        }
    }
}
