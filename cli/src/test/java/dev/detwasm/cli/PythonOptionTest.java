package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --python}'s bad input: one line on stderr and a documented exit code, before any run.
 * Running scripts is testdata's PythonTest.
 */
class PythonOptionTest {
    @TempDir Path dir;
    private String savedHome;

    @BeforeEach
    void pointHomeAtAnEmptyDirectory() {
        savedHome = System.getProperty(PythonScript.HOME_PROPERTY);
        System.setProperty(PythonScript.HOME_PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) {
            System.clearProperty(PythonScript.HOME_PROPERTY);
        } else {
            System.setProperty(PythonScript.HOME_PROPERTY, savedHome);
        }
    }

    private static void assertFailure(CliRun run, int code, String line) {
        assertEquals(new CliRun(code, "", line + "\n"), run);
    }

    @Test
    void missingScript() {
        Path missing = dir.resolve("missing.py");
        assertFailure(CliRun.of("run", "--python", missing.toString()), 65,
                "detwasm: --python " + missing + ": no such file");
        assertFailure(CliRun.of("check", "--python", missing.toString()), 65,
                "detwasm: --python " + missing + ": no such file");
    }

    @Test
    void aDirectoryIsNotAScript() {
        assertFailure(CliRun.of("run", "--python", dir.toString()), 65,
                "detwasm: --python " + dir + ": not a regular file");
    }

    @Test
    void aModuleIsNotAScript() throws IOException {
        Path wat = Files.writeString(dir.resolve("m.wat"), "(module)");
        assertFailure(CliRun.of("run", "--python", wat.toString()), 64, "detwasm: --python "
                + wat + ": a wasm module, not a Python script (run it without --python)");
        Path binary = Files.write(dir.resolve("module"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        assertFailure(CliRun.of("check", "--python", binary.toString()), 64, "detwasm: --python "
                + binary + ": a wasm module, not a Python script (run it without --python)");
    }

    @Test
    void argv0IsTheScripts() throws IOException {
        Path script = Files.writeString(dir.resolve("s.py"), "print(1)\n");
        assertFailure(CliRun.of("run", "--argv0", "x", "--python", script.toString()), 64,
                "detwasm: --argv0 does not go with --python: sys.argv[0] is the script's path"
                        + " (see 'detwasm run --help')");
    }

    @Test
    void anIncompleteHomeIsALoadError() throws IOException {
        Path script = Files.writeString(dir.resolve("s.py"), "print(1)\n");
        assertFailure(CliRun.of("run", "--python", script.toString()), 65, "detwasm: --python: "
                + dir.resolve("home") + " lacks python.wasm or lib/python313.zip (build them"
                + " with python/build.sh)");
    }

    @Test
    void anUnsetHomeSaysSo() throws IOException {
        System.clearProperty(PythonScript.HOME_PROPERTY);
        Path script = Files.writeString(dir.resolve("s.py"), "print(1)\n");
        assertFailure(CliRun.of("run", "--python", script.toString()), 65,
                "detwasm: --python: the bundled interpreter is not installed (the system property"
                        + " detwasm.python.home is not set; the detwasm launcher sets it)");
    }
}
