package dev.detwasm.modelcheck;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The length k of a run, in schedule and timer decisions (access points passed without asking count:
 * they are decisions), as pct and the sparse random walk estimate it from the runs already made.
 * Run 0 is the fifo run; then runs come in batches of {@value #BATCH}, each planned with the
 * estimate from the batches before it, so the estimate, and every run, is the same for any
 * number of workers. The estimate is fixed after four batches, by runs 0 to 128 ({@value
 * #LEARNING_RUNS}), so that run n is the same on any {@code --shard} layout: every shard makes
 * those runs itself (issue 16). Fewer left pct short of covering small bounded trees.
 *
 * <p>With synchronisation points only, k is the longest run so far, the PCT paper's bound. With
 * access points it is the median run, or the fifo run when that is longer. Not the longest: a
 * thread that waits for a lock whose holder was preempted spins on the lock word first (musl
 * spins 100 times, each spin's loads are points), so a few runs are 10 to 20 times the others
 * and change points drawn over the longest fall where typical runs have ended. Not the median
 * alone: a run that preempts early can be shorter (the other threads finish, and what is left
 * is no decision), so the median of sampled runs would shrink batch after batch; the fifo run,
 * where each thread goes on as long as it can, is the floor.
 */
final class RunLengths {
    static final int BATCH = 32;
    /** The runs whose lengths make the estimate of every later run. */
    static final int LEARNING_RUNS = 1 + 4 * BATCH;

    private final boolean typical;
    /** Length to how many completed runs had it: bounded by the distinct lengths. */
    private final TreeMap<Integer, Long> lengths = new TreeMap<>();
    private int fifo = -1;
    private long completed;
    private long batchEnd;
    private int estimate;

    /** @param typical whether k is the median or fifo run (with access points), not the longest */
    RunLengths(boolean typical) {
        this.typical = typical;
    }

    /**
     * The end (exclusive) of the batch runs may be planned in; once every run of the batch
     * before has completed, the next batch starts with a new estimate.
     */
    long batchEnd() {
        if (completed == batchEnd) {
            if (lengths.isEmpty()) {
                estimate = 0;
            } else {
                estimate = typical ? Math.max(fifo, median()) : lengths.lastKey();
            }
            batchEnd = batchEnd == 0 ? 1
                    : batchEnd < LEARNING_RUNS ? batchEnd + BATCH : Long.MAX_VALUE;
        }
        return batchEnd;
    }

    /** k for the runs of the current batch; 0 for run 0. */
    int estimate() {
        return estimate;
    }

    void add(List<Step> steps) {
        int length = 0;
        for (Step step : steps) {
            if (step.kind().picksThread()) {
                length++;
            }
        }
        if (fifo < 0) {
            fifo = length;
        }
        lengths.merge(length, 1L, Long::sum);
        completed++;
    }

    /** The lower median of the lengths so far. */
    private int median() {
        long rank = (completed + 1) / 2;
        for (Map.Entry<Integer, Long> entry : lengths.entrySet()) {
            rank -= entry.getValue();
            if (rank <= 0) {
                return entry.getKey();
            }
        }
        return 0;
    }
}
