package dev.detwasm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload the launcher records the JVM's AOT cache from (JDK 25+, in the background after a
 * first run): what a typical {@code detwasm run} and {@code check} load, link and compile, on
 * the C racy counter (a bundled copy of the fixture), everything printed thrown away. Training
 * on a fixed program rather than on the user's first command keeps the JVM's own messages about
 * the recording out of that command's output.
 */
public final class AotTraining {
    private static final String MODULE = "training/racy_counter.wasm";
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        SignalExit.install(NOWHERE, NOWHERE);
        Path module = Files.createTempFile("detwasm-training", ".wasm");
        try (InputStream in = AotTraining.class.getResourceAsStream(MODULE)) {
            Files.write(module, in.readAllBytes());
            String path = module.toString();
            execute("run", "--no-cache", path);
            execute("run", path);
            execute("run", "--engine", "interpreter", path);
            execute("check", "--max-runs", "500", path);
            execute("run", "--help");
        } finally {
            Files.deleteIfExists(module);
        }
    }

    /** As {@link Detwasm#main} runs a command, so that its classes and lambdas are recorded too. */
    private static void execute(String... args) {
        Detwasm.execute(args, InputStream.nullInputStream(), NOWHERE, NOWHERE,
                CommandStart.ofJvm(), CarrierParallelism.ofProcess());
    }
}
