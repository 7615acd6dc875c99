package dev.detwasm.cli;

import com.google.inject.Injector;
import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.explain.ExplainedRun;
import dev.detwasm.host.explain.ThreadColumns;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code detwasm run}: one deterministic run of a module. */
@Command(
        name = "run",
        description = "Run a WASI module deterministically. Exits with the guest's exit code.",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  detwasm run --dir data::/data prog.wasm input.txt",
            "      files under ./data appear at /data; writes stay in memory",
            "  detwasm run --schedule random --seed 7 --print-trace threads.wasm",
            "      one random interleaving, and the trace that replays it",
            "  detwasm run --explain --trace '0*4,1' racy.wasm",
            "      replay a run that check found and show what each thread did"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "N:the guest's exit code (0 when _start returns)",
            "64:usage error (bad flag, value or trace)",
            "65:the module could not be loaded or linked",
            "70:a guest thread trapped",
            "71:deadlock: every thread blocked, no timer pending",
            "72:step budget exhausted",
            "73:--verify found a difference",
            "74:internal error in detwasm"
        })
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

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
            names = "--explain",
            description = "After the run, print to stderr what each thread did, one column per"
                    + " thread and one row per step (atomic operation and address, wait, notify,"
                    + " spawn, exit, select, WASI call, preemption) with its function and source"
                    + " line (from the name section and DWARF, when the module has them), then"
                    + " what each thread was doing at the end. The run is made under the"
                    + " interpreter, whose frames tell the source line; its result is the same.")
    boolean explain;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "Write the run's event log to FILE.")
    Path eventsFile;

    private final ProgramLoader loader;
    private final CliStreams streams;
    private final Injector injector;
    private final CarrierParallelism carriers;

    @Inject
    RunCommand(ProgramLoader loader, CliStreams streams, Injector injector,
            CarrierParallelism carriers) {
        this.loader = loader;
        this.streams = streams;
        this.injector = injector;
        this.carriers = carriers;
    }

    @Override
    public Integer call() throws LoadException, IOException {
        carriers.reserve(1);
        RunConfig config =
                replay.applyTo(options.toConfig(streams.in()))
                        .maxSteps(options.maxSteps(0))
                        .build();
        Sandbox sandbox = options.sandbox(config, loader, injector).build();
        RunResult result;
        if (verify && explain) {
            throw new ParameterException(
                    spec.commandLine(), "--verify and --explain do not go together: verify first");
        }
        GuestOutput output = new GuestOutput(streams.out(), streams.err(), config.keepOutput());
        if (explain) {
            Runner runner = sandbox.runner();
            ExplainedRun explained =
                    runner.explain(
                            sandbox.program(), sandbox.config(), output, streams.err(),
                            runner.decisionsFor(sandbox.config()));
            result = explained.result();
            streams.out().flush();
            sandbox.program().locations().warning()
                    .ifPresent(w -> streams.err().println("detwasm: " + w));
            streams.err().print(ThreadColumns.render(explained.explanation()));
        } else if (verify) {
            Verifier.Verdict verdict = new Verifier(sandbox.runner())
                    .verify(sandbox.program(), sandbox.config(), output);
            result = verdict.first();
            if (!verdict.identical()) {
                streams.err().println("detwasm: verify: " + verdict.difference());
                return dev.detwasm.host.spi.ExitCodes.FAILURE_FOUND;
            }
            streams.err().println("detwasm: verify: " + verdict.summary());
        } else {
            // The event log is kept only when it is written out: a long run logs every WASI call.
            Runner runner = sandbox.runner();
            result = runner.run(
                    sandbox.program(), sandbox.config(), output, streams.err(),
                    runner.decisionsFor(sandbox.config()), eventsFile != null);
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
