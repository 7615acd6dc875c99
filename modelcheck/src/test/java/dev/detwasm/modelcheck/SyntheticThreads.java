package dev.detwasm.modelcheck;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionSource;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.Termination;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A fake multi-threaded program on a fake cooperative scheduler. Thread i runs {@code
 * steps[i]} steps; before each step is a scheduling point where every runnable thread is a
 * candidate, the running thread first (so choosing another one is a preemption), then the run
 * queue in order; a preempted thread joins the back of the queue. Thread 0 runs first.
 *
 * <p>The program fails (exit 1) when thread 1 runs its first step right after thread 0's step
 * number {@code bugAfter} (an atomicity violation needing one preemption: a bug of depth 2), or
 * never when {@code bugAfter} is negative. It prints the order in which threads ran.
 */
final class SyntheticThreads implements RunExecutor {
    private final int[] steps;
    private final int bugAfter;

    SyntheticThreads(int[] steps, int bugAfter) {
        this.steps = steps.clone();
        this.bugAfter = bugAfter;
    }

    @Override
    public RunOutcome execute(DecisionSource source) {
        Decisions decisions = new Decisions(source, new EventLog(false));
        int[] done = new int[steps.length];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int t = 1; t < steps.length; t++) {
            queue.add(t);
        }
        int running = 0;
        StringBuilder order = new StringBuilder();
        boolean bug = false;
        while (true) {
            List<Integer> candidates = new ArrayList<>();
            boolean canGoOn = done[running] < steps[running];
            if (canGoOn) {
                candidates.add(running);
            }
            candidates.addAll(queue);
            if (candidates.isEmpty()) {
                break;
            }
            int[] ids = candidates.stream().mapToInt(Integer::intValue).toArray();
            int next = ids[decisions.choose(Decision.schedule(running, ids))];
            if (next != running) {
                queue.remove(next);
                if (canGoOn) {
                    queue.add(running);
                }
                running = next;
            }
            if (running == 1 && done[1] == 0 && done[0] == bugAfter) {
                bug = true;
            }
            done[running]++;
            order.append(running);
        }
        return new RunOutcome(
                Termination.exit(0, bug ? 1 : 0),
                (order + "\n").getBytes(StandardCharsets.UTF_8),
                new byte[0],
                decisions.trace(),
                decisions.kinds(),
                List.of(),
                "");
    }
}
