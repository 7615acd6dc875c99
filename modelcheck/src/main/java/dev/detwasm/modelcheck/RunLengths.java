package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.DecisionKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The length k of a run, in schedule decisions (access points passed without asking count:
 * they are decisions), as pct and the sparse random walk estimate it from the runs already made.
 * Run 0 is the fifo run; then runs come in batches of {@value #BATCH}, each planned with the
 * estimate from the batches before it, so the estimate, and every run, is the same for any
 * number of workers. The estimate is fixed after four batches, by runs 0 to 128 ({@value
 * #LEARNING_RUNS}), so that run n is the same on any {@code --shard} layout: every shard makes
 * those runs itself (issue 16). Fewer left pct short of covering small bounded trees.
 *
 * <p>With synchronisation points only, k is the longest run so far, the PCT paper's bound. With
 * access points it is the median: a thread that waits for a lock held by a thread that is not
 * running spins on the lock word first (musl spins 100 times), and each spin's loads are points,
 * so a few runs are ten times as long as the others; a change point drawn over the longest run
 * would mostly fall where typical runs have ended.
 */
final class RunLengths {
    static final int BATCH = 32;
    /** The runs whose lengths make the estimate of every later run. */
    static final int LEARNING_RUNS = 1 + 4 * BATCH;

    private final boolean median;
    /** Length to how many completed runs had it: bounded by the distinct lengths. */
    private final TreeMap<Integer, Long> lengths = new TreeMap<>();
    private long completed;
    private long batchEnd;
    private int estimate;

    RunLengths(boolean median) {
        this.median = median;
    }

    /**
     * The end (exclusive) of the batch runs may be planned in; once every run of the batch
     * before has completed, the next batch starts with a new estimate.
     */
    long batchEnd() {
        if (completed == batchEnd) {
            estimate = median ? median() : lengths.isEmpty() ? 0 : lengths.lastKey();
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
            if (step.kind() == DecisionKind.SCHEDULE) {
                length++;
            }
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
