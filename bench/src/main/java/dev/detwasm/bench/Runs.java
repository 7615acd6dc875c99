package dev.detwasm.bench;

import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.OneThread;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.GuestThreadsFactory;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;

/**
 * Runs a program the way the model checker's workers do: a {@link Runner} with the benchmark
 * host module, the fifo policy, no event log; by default on the caller's thread ({@link
 * OneThread}).
 */
public final class Runs {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final Runner runner;
    private final Program program;
    private final RunConfig config;

    /** Also compiles {@code program} for {@code engine}, so that no run pays for it. */
    public Runs(Program program, Engine engine) throws LoadException {
        this(program, engine, (decisions, events) -> new OneThread());
    }

    /** Runs with the given scheduler instead of {@link OneThread}. */
    public Runs(Program program, Engine engine, GuestThreadsFactory threads)
            throws LoadException {
        this(
                new Runner(Set.of(new BenchHost()), threads),
                program,
                RunConfig.builder().engine(engine).build());
    }

    /**
     * Runs {@code program} with {@code config} through {@code runner}; also rewrites and
     * compiles it as those runs need, so that no run pays for it.
     */
    public Runs(Runner runner, Program program, RunConfig config) throws LoadException {
        this.runner = runner;
        this.program = program;
        this.config = config;
        runner.prepare(program, config, RunDeadline.none()).machineFactory(config.engine());
    }

    /** One whole run: link, instantiate, {@code _start}, collect the result. */
    public RunResult once() throws LoadException {
        return runner.run(
                program, config, GuestOutput.captured(), SILENT, new FifoPolicy(), false,
                RunDeadline.none());
    }

    /** One run's {@code bench.result}, checked against what it must be. */
    public long checked(long expected) throws LoadException {
        long got = BenchHost.result(once());
        if (got != expected) {
            throw new IllegalStateException(
                    program.name() + " on " + config.engine().cliName() + " reported " + got
                            + ", expected " + expected);
        }
        return got;
    }
}
