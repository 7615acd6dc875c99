package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever goes wrong in one worker ends the exploration for all, without hanging. */
class ExplorerFailureTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFailureWhileReportingARunEndsTheExploration(int jobs) {
        IllegalStateException bug = new IllegalStateException("a bug in a report");
        Explorer explorer =
                new Explorer(SyntheticTree.uniform(6, 2), Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, false, jobs),
                        ProgressListener.NONE);
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class,
                        () -> explorer.explore(new BfsStrategy(), run -> {
                            if (run.index() == 5) {
                                throw bug;
                            }
                        }));
        assertSame(bug, thrown);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFailingRunEndsTheExploration(int jobs) {
        SyntheticTree tree = SyntheticTree.uniform(6, 2);
        UnsupportedOperationException bug = new UnsupportedOperationException("executor bug");
        RunExecutor sometimesBroken =
                source -> {
                    RunOutcome outcome = tree.execute(source);
                    if (outcome.trace().get(5) == 1) {
                        throw bug;
                    }
                    return outcome;
                };
        Explorer explorer =
                new Explorer(sometimesBroken, Branching.unbounded(),
                        new Limits(Long.MAX_VALUE, Limits.NO_TIME_LIMIT, false, jobs),
                        ProgressListener.NONE);
        assertSame(bug, assertThrows(UnsupportedOperationException.class,
                () -> explorer.explore(new DfsStrategy(), run -> {})));
    }
}
