package dev.detwasm.modelcheck;

import dev.detwasm.host.spi.Termination;
import java.util.List;

/**
 * One of the distinct outcomes of an exploration: runs that ended the same way with the same
 * stdout.
 *
 * @param kind how they ended
 * @param exitCode the code {@code detwasm run} exits with for them
 * @param stdout their stdout
 * @param runs how many runs ended so
 * @param firstRun the index of the first of them in exploration order
 * @param firstTrace its trace
 */
public record DistinctOutcome(
        Termination.Kind kind,
        int exitCode,
        byte[] stdout,
        long runs,
        long firstRun,
        List<Integer> firstTrace) {

    public DistinctOutcome {
        stdout = stdout.clone();
        firstTrace = List.copyOf(firstTrace);
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }
}
