package dev.detwasm.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code fixtures.txt}: a module run, or model-checked, with fixed flags. The id is
 * {@code <lang>/<name>[@<variant>]}; a variant runs the same module with other flags.
 */
record Fixture(
        String id, String lang, String name, Kind kind, List<String> flags, List<String> guestArgs) {

    /** Flags whose value is a host path, written relative to the testdata directory. */
    private static final Set<String> PATH_FLAGS = Set.of("--dir", "--mapdir", "--stdin");

    enum Kind {
        /** Single-threaded: {@code detwasm run}, golden-tested under both engines. */
        SINGLE,
        /** Threads or goroutines: {@code detwasm run}, golden-tested under both engines. */
        THREADS,
        /** {@code detwasm check}: the expected output is the report without its timing line. */
        CHECK
    }

    /** The strategies every checked module is golden-tested under: the variants of its lines. */
    static final List<String> STRATEGIES = List.of("dfs", "bfs", "random", "pct");

    Fixture {
        flags = List.copyOf(flags);
        guestArgs = List.copyOf(guestArgs);
    }

    /**
     * The module, relative to the testdata directory: {@code <lang>/<name>.wasm}; for Python,
     * the script {@code py/<name>.py}.
     */
    String module() {
        return isPython() ? source() : lang + "/" + name + ".wasm";
    }

    /** A Python script, run with {@code --python}. */
    boolean isPython() {
        return lang.equals("py");
    }

    /** The source, relative to the testdata directory: the extension is the language. */
    String source() {
        return lang + "/" + name + "." + lang;
    }

    /**
     * The expected stdout, relative to the testdata directory: {@code ..._<lang>.stdout} for a
     * run, {@code ..._<lang>.check} (the report without its timing line) for a check.
     */
    String expectedOutput() {
        return id + "_" + lang + (kind == Kind.CHECK ? ".check" : ".stdout");
    }

    /** The expected stderr's file, relative to the testdata directory; compared when present. */
    String expectedStderr() {
        return id + "_" + lang + ".stderr";
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

    /** The variant, or "" for none: for a check, its strategy. */
    String variant() {
        int at = id.indexOf('@');
        return at < 0 ? "" : id.substring(at + 1);
    }

    /** For a check: its strategy, the variant's last word ({@code memory-dfs} is dfs). */
    String strategy() {
        String variant = variant();
        return variant.substring(variant.lastIndexOf('-') + 1);
    }

    /**
     * For a check: the four lines whose reports are of one exploration problem, {@code
     * <lang>/<name>} and the variant's words before the strategy ({@code c/store_order@memory}).
     */
    String checkGroup() {
        String variant = variant();
        int dash = variant.lastIndexOf('-');
        return dash < 0 ? moduleId() : moduleId() + "@" + variant.substring(0, dash);
    }

    /** {@code <lang>/<name>}: what the lines of one module have in common. */
    String moduleId() {
        return lang + "/" + name;
    }

    /**
     * The command line after {@code detwasm}: {@code run|check --engine ENGINE flags MODULE
     * args}, with host paths resolved against {@code testdata} (absolute for the test, or
     * {@code testdata} itself to show a command to run from the repository root).
     */
    List<String> commandLine(Path testdata, String engine) {
        return commandLine(testdata, engine, module(), List.of());
    }

    /** The same, running {@code moduleFile} (relative to testdata) instead of the binary. */
    List<String> commandLine(Path testdata, String engine, String moduleFile) {
        return commandLine(testdata, engine, moduleFile, List.of());
    }

    /** The same, with {@code extraFlags} after the manifest's flags. */
    List<String> commandLine(Path testdata, String engine, String moduleFile, List<String> extraFlags) {
        String command = kind == Kind.CHECK ? "check" : "run";
        List<String> line = new ArrayList<>(List.of(command, "--engine", engine));
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            line.add(flag);
            if (PATH_FLAGS.contains(flag) && i + 1 < flags.size()) {
                line.add(resolveHostPath(testdata, flags.get(++i)));
            }
        }
        line.addAll(extraFlags);
        if (isPython()) {
            line.add("--python");
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
