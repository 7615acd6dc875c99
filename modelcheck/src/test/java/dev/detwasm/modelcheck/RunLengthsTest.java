package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.spi.DecisionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLengthsTest {
    private static List<Step> schedules(int count) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(new Step(i, DecisionKind.SCHEDULE, new int[] {0, 1}, 0, 0, true));
        }
        steps.add(new Step(count, DecisionKind.SELECT, new int[] {0, 1}, 0, 0, false));
        return steps;
    }

    /** The estimate of each batch, as a strategy sees it: asking for the batch before each run. */
    private static List<Integer> estimates(boolean median, int... lengths) {
        RunLengths estimate = new RunLengths(median);
        List<Integer> seen = new ArrayList<>();
        long end = -1;
        for (int length : lengths) {
            if (estimate.batchEnd() != end) {
                end = estimate.batchEnd();
                seen.add(estimate.estimate());
            }
            estimate.add(schedules(length));
        }
        if (estimate.batchEnd() != end) {
            seen.add(estimate.estimate());
        }
        return seen;
    }

    @Test
    void theLongestRunOrTheMedianOfTheRunsBeforeTheBatch() {
        int[] lengths = new int[33];
        Arrays.fill(lengths, 30);
        lengths[0] = 10;
        lengths[5] = 400;
        lengths[6] = 500;
        // Run 0 has no estimate; batch 1 plans with run 0's length; batch 2 with all 33.
        assertEquals(List.of(0, 10, 500), estimates(false, lengths));
        assertEquals(List.of(0, 10, 30), estimates(true, lengths));
        // Never below the fifo run (run 0).
        lengths[0] = 40;
        assertEquals(List.of(0, 40, 40), estimates(true, lengths));
    }
}
