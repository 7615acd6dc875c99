package dev.detwasm.testdata;

import dev.detwasm.cli.Detwasm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process run of the detwasm command line ({@link Detwasm#execute}) with an empty stdin:
 * its exit code, stdout and stderr.
 */
record CliRun(int exitCode, byte[] stdout, byte[] stderr) {

    /** Runs {@code detwasm ARGS...}. */
    static CliRun of(List<String> args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            exitCode = Detwasm.execute(
                    args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err);
        }
        return new CliRun(exitCode, stdout.toByteArray(), stderr.toByteArray());
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** Whether {@code other} printed the same bytes and ended with the same code. */
    boolean sameAs(CliRun other) {
        return exitCode == other.exitCode
                && Arrays.equals(stdout, other.stdout)
                && Arrays.equals(stderr, other.stderr);
    }

    /** Exit code and stderr, for failure messages. */
    String summary() {
        String err = stderrText();
        return "exit code " + exitCode + ", stderr: "
                + (err.isEmpty() ? "(empty)\n" : "\n" + err + (err.endsWith("\n") ? "" : "\n"));
    }
}
