package dev.detwasm.modelcheck;

import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.DecisionSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a loaded {@link Program} with host-core's {@link Runner}. The program is compiled once
 * and shared by every run and every worker; a run costs instantiation and the guest's own work.
 *
 * <p>Runs keep no event log, except for programs that import {@code
 * wasi.must_reach_underlying}: the WASI module reports a reached site as the event {@code
 * t<thread> must_reach FILE:LINE:COLUMN}, and the event log is the only channel host-core offers
 * for it.
 */
public final class ProgramExecutor implements RunExecutor {
    static final String MUST_REACH_MODULE = "wasi";
    static final String MUST_REACH_FUNCTION = "must_reach_underlying";
    private static final String MUST_REACH_EVENT = "must_reach";

    private final Runner runner;
    private final Program program;
    private final RunConfig config;
    private final boolean keepEvents;
    private final RunDeadline deadline;
    private final PrintStream silent = new PrintStream(OutputStream.nullOutputStream());

    /**
     * @param config the run options; its schedule policy and trace are not used (the explorer
     *     decides), nor is {@code --trace-wasi} (thousands of runs would flood the terminal)
     * @param deadline when runs still going are cut off ({@code --time-limit})
     */
    public ProgramExecutor(
            Runner runner, Program program, RunConfig config, RunDeadline deadline) {
        this.runner = runner;
        this.deadline = deadline;
        this.program = program;
        this.config = config.toBuilder().trace(List.of()).traceWasi(false).build();
        this.keepEvents = program.importsFunction(MUST_REACH_MODULE, MUST_REACH_FUNCTION);
    }

    @Override
    public RunOutcome execute(DecisionSource source) throws LoadException {
        RunResult result =
                runner.run(
                        program, config, GuestOutput.captured(config.keepOutput()), silent, source,
                        keepEvents, deadline);
        return RunOutcome.of(result, reachedSites(result.events()));
    }

    /** The sites of the {@code must_reach} events among {@code events}, in order. */
    static List<String> reachedSites(List<String> events) {
        List<String> sites = new ArrayList<>();
        for (String line : events) {
            int first = line.indexOf(' ');
            int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
            if (second > 0 && line.substring(first + 1, second).equals(MUST_REACH_EVENT)) {
                sites.add(line.substring(second + 1));
            }
        }
        return sites;
    }
}
