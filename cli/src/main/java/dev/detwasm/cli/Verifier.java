package dev.detwasm.cli;

import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.KeptOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --verify}: runs a program twice with each engine and compares everything a run
 * produces, byte for byte. The first difference found is reported.
 */
final class Verifier {
    private static final int RUNS_PER_ENGINE = 2;

    private final Runner runner;

    Verifier(Runner runner) {
        this.runner = runner;
    }

    /** The outcome of a verification. */
    record Verdict(RunResult first, String difference, String summary) {
        boolean identical() {
            return difference == null;
        }
    }

    /**
     * @param firstOutput where the first run's output goes (the terminal, for {@code run
     *     --verify}); the other runs keep theirs only for the comparison
     */
    Verdict verify(Program program, RunConfig config, GuestOutput firstOutput)
            throws LoadException {
        List<String> labels = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (Engine engine : Engine.values()) {
            RunConfig engineConfig = config.toBuilder().engine(engine).traceWasi(false).build();
            for (int i = 1; i <= RUNS_PER_ENGINE; i++) {
                labels.add(engine.cliName() + " run " + i);
                GuestOutput output = results.isEmpty()
                        ? firstOutput
                        : GuestOutput.captured(config.keepOutput());
                results.add(runner.run(program, engineConfig, output, silent));
            }
        }
        RunResult first = results.get(0);
        for (int i = 1; i < results.size(); i++) {
            String diff = compare(first, results.get(i));
            if (diff != null) {
                return new Verdict(
                        first, labels.get(i) + " differs from " + labels.get(0) + ": " + diff, null);
            }
        }
        return new Verdict(
                first,
                null,
                results.size() + " runs identical (" + RUNS_PER_ENGINE + " per engine): "
                        + first.events().size() + " events, " + first.trace().size()
                        + " decisions, exit " + first.exitCode());
    }

    private static String compare(RunResult a, RunResult b) {
        if (!a.keptStdout().sameBytes(b.keptStdout())) {
            return "stdout " + firstDifference(a.keptStdout(), b.keptStdout());
        }
        if (!a.keptStderr().sameBytes(b.keptStderr())) {
            return "stderr " + firstDifference(a.keptStderr(), b.keptStderr());
        }
        if (!a.termination().equals(b.termination())) {
            return "ending: " + a.termination() + " vs " + b.termination();
        }
        List<String> ea = a.events();
        List<String> eb = b.events();
        for (int i = 0; i < Math.min(ea.size(), eb.size()); i++) {
            if (!ea.get(i).equals(eb.get(i))) {
                return "event " + (i + 1) + ": '" + ea.get(i) + "' vs '" + eb.get(i) + "'";
            }
        }
        if (ea.size() != eb.size()) {
            return "event log has " + ea.size() + " events vs " + eb.size();
        }
        return null;
    }

    private static String firstDifference(KeptOutput a, KeptOutput b) {
        String lengths = " (lengths " + a.length() + " and " + b.length() + ")";
        long at = a.firstDifference(b);
        if (at < 0) {
            return "differs after the " + a.prefix().length + " bytes kept" + lengths
                    + "; raise --keep-output to see where";
        }
        byte[] kept = a.prefix();
        int from = (int) Math.max(0, at - 20);
        int to = (int) Math.min(kept.length, at + 20);
        String near = new String(kept, from, to - from, StandardCharsets.UTF_8);
        return "at byte " + at + lengths + ", near '" + near.replace("\n", "\\n") + "'";
    }
}
