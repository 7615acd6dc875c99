package dev.detwasm.bench.modelcheck;

import com.google.inject.Guice;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How many scheduling points one run of a program has, with {@code --preempt-at sync} and
 * {@code memory}: its decisions (points where another thread could run) and, with memory, its
 * plain-access points. A count, not a time, so not a JMH benchmark: {@code java -cp
 * bench/target/benchmarks.jar dev.detwasm.bench.modelcheck.SchedulingPoints MODULE...} prints
 * one line per module, from its fifo run.
 */
public final class SchedulingPoints {
    private SchedulingPoints() {}

    public static void main(String[] args) throws LoadException {
        Runner runner =
                Guice.createInjector(
                                new HostCoreModule(), new SchedulerModule(), new WasiPreview1Module())
                        .getInstance(Runner.class);
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        System.out.println("module | decisions, sync | decisions, memory | access points");
        for (String module : args) {
            var program = new ProgramLoader().load(Path.of(module));
            RunResult sync =
                    runner.run(program, RunConfig.builder().build(), GuestOutput.captured(), silent);
            RunResult memory =
                    runner.run(
                            program,
                            RunConfig.builder().preemptAt(PreemptAt.MEMORY).build(),
                            GuestOutput.captured(),
                            silent);
            System.out.println(
                    module + " | " + sync.trace().size() + " | " + memory.trace().size() + " | "
                            + memory.accessPoints());
        }
    }
}
