package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.spi.DecisionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTreeTest {
    private static Step step(int index, int[] allowed, int choice) {
        return new Step(index, DecisionKind.SCHEDULE, allowed, choice, 0, false);
    }

    @Test
    void isCompleteOnceEveryAllowedOptionOfEveryNodeWasTaken() {
        CoverageTree tree = new CoverageTree();
        int[] two = {0, 1};
        int[] forced = {0};
        tree.add(List.of(step(0, two, 0), step(1, forced, 0), step(2, two, 0)));
        tree.add(List.of(step(0, two, 0), step(1, forced, 0), step(2, two, 1)));
        assertFalse(tree.complete());
        tree.add(List.of(step(0, two, 1)));
        tree.add(List.of(step(0, two, 1)));
        assertTrue(tree.complete());
    }

    @Test
    void optionsThatTheBoundsLeaveOutNeedNotBeTaken() {
        CoverageTree tree = new CoverageTree();
        tree.add(List.of(step(0, new int[] {0, 2}, 0)));
        assertFalse(tree.complete());
        tree.add(List.of(step(0, new int[] {0, 2}, 2)));
        assertTrue(tree.complete());
    }

    @Test
    void aRunWithoutBranchingDecisionsCoversItsTree() {
        CoverageTree tree = new CoverageTree();
        tree.add(List.of());
        assertTrue(tree.complete());
    }
}
