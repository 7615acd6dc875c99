package dev.detwasm.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process execution of the command line, with everything it printed. */
record CliRun(int exitCode, String stdout, String stderr) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Detwasm.execute(
                    args,
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    outStream,
                    errStream);
        }
        return new CliRun(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
