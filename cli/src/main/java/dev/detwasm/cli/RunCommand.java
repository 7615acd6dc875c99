package dev.detwasm.cli;

import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detwasm run}: one deterministic run of a module. */
@Command(
        name = "run",
        description = "Run a WASI module deterministically. Exits with the guest's exit code.",
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    @Mixin RunOptions options;

    @Mixin ReplayOptions replay;

    @Option(
            names = "--verify",
            description = "Run twice with each engine and compare stdout, stderr, exit code and"
                    + " the event log byte for byte; report the first difference.")
    boolean verify;

    @Option(
            names = "--print-trace",
            description = "After the run, print its trace (the choice of every decision) to"
                    + " stderr, for replay with --trace.")
    boolean printTrace;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Write the run's event log to FILE.")
    Path eventsFile;

    private final ProgramLoader loader;
    private final CliStreams streams;

    @Inject
    RunCommand(ProgramLoader loader, CliStreams streams) {
        this.loader = loader;
        this.streams = streams;
    }

    @Override
    public Integer call() throws LoadException, IOException {
        RunConfig config =
                replay.applyTo(options.toConfig(streams.in()))
                        .maxSteps(options.maxSteps(0))
                        .build();
        Sandbox sandbox = options.sandbox(config, loader).build();
        RunResult result;
        if (verify) {
            Verifier.Verdict verdict =
                    new Verifier(sandbox.runner()).verify(sandbox.program(), sandbox.config());
            result = verdict.first();
            streams.out().write(result.stdout());
            streams.err().write(result.stderr());
            streams.out().flush();
            if (!verdict.identical()) {
                streams.err().println("detwasm: verify: " + verdict.difference());
                return dev.detwasm.host.spi.ExitCodes.FAILURE_FOUND;
            }
            streams.err().println("detwasm: verify: " + verdict.summary());
        } else {
            result = sandbox.run(streams.out(), streams.err(), streams.err());
        }
        if (eventsFile != null) {
            Files.write(eventsFile, result.events(), StandardCharsets.UTF_8);
        }
        if (printTrace) {
            streams.err().println("detwasm: trace: " + TraceText.format(result.trace()));
        }
        return TerminationReport.report(result, streams.err());
    }

}
