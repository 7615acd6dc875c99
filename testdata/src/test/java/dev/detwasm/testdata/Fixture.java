package dev.detwasm.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code fixtures.txt}: a module run with fixed flags. The id is
 * {@code <lang>/<name>[@<variant>]}; a variant runs the same module with other flags.
 */
record Fixture(
        String id, String lang, String name, Kind kind, List<String> flags, List<String> guestArgs) {

    /** Flags whose value is a host path, written relative to the testdata directory. */
    private static final Set<String> PATH_FLAGS = Set.of("--dir", "--mapdir", "--stdin");

    enum Kind {
        /** Single-threaded: the golden test runs it under both engines. */
        SINGLE,
        /** Threads or goroutines: golden-tested by the threads and model-checking work. */
        THREADS
    }

    Fixture {
        flags = List.copyOf(flags);
        guestArgs = List.copyOf(guestArgs);
    }

    /** The module, relative to the testdata directory: {@code <lang>/<name>.wasm}. */
    String module() {
        return lang + "/" + name + ".wasm";
    }

    /** The source, relative to the testdata directory: the extension is the language. */
    String source() {
        return lang + "/" + name + "." + lang;
    }

    /** The expected stdout, relative to the testdata directory. */
    String expectedStdout() {
        return id + "_" + lang + ".stdout";
    }

    /** The expected exit code's file, relative to the testdata directory; absent means 0. */
    String expectedExit() {
        return id + "_" + lang + ".exit";
    }

    /** The exit code this fixture must end with. */
    int expectedExitCode(Path testdata) throws IOException {
        Path file = testdata.resolve(expectedExit());
        return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
    }

    /**
     * The command line after {@code detwasm}: {@code run --engine ENGINE flags MODULE args},
     * with host paths resolved against {@code testdata} (absolute for the test, or
     * {@code testdata} itself to show a command to run from the repository root).
     */
    List<String> commandLine(Path testdata, String engine) {
        return commandLine(testdata, engine, module());
    }

    /** The same, running {@code moduleFile} (relative to testdata) instead of the binary. */
    List<String> commandLine(Path testdata, String engine, String moduleFile) {
        List<String> line = new ArrayList<>(List.of("run", "--engine", engine));
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            line.add(flag);
            if (PATH_FLAGS.contains(flag) && i + 1 < flags.size()) {
                line.add(resolveHostPath(testdata, flags.get(++i)));
            }
        }
        line.add(testdata.resolve(moduleFile).toString());
        line.addAll(guestArgs);
        return line;
    }

    /** {@code HOST[::GUEST]}: only the host part is a path. */
    private static String resolveHostPath(Path testdata, String value) {
        int separator = value.indexOf("::");
        String host = separator < 0 ? value : value.substring(0, separator);
        String guest = separator < 0 ? "" : value.substring(separator);
        return testdata.resolve(host).normalize() + guest;
    }

    @Override
    public String toString() {
        return id;
    }
}
