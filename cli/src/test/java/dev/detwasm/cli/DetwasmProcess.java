package dev.detwasm.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * detwasm in a JVM of its own, for what only a separate process shows: its memory ceiling, its
 * answer to signals. Runs the classes the tests run, with the given heap limit.
 */
final class DetwasmProcess {
    private DetwasmProcess() {}

    /** Starts {@code detwasm ARGS} with at most {@code heap} of Java heap; stdout goes to {@code out}. */
    static Process start(String heap, ProcessBuilder.Redirect out, Path err, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // The launcher's own options (see the detwasm script).
        command.add("-XX:+UseSerialGC");
        command.add("-Xss16m");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Detwasm.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out)
                .redirectError(err.toFile())
                .start();
    }
}
