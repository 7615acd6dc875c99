package dev.detwasm.cli;

import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Python script run with the bundled interpreter ({@code --python}): the run of
 * {@code python.wasm} that stands for it. The guest sees the standard library at
 * {@value #GUEST_LIB} (its zip, which zipimport reads) and the script's directory at
 * {@value #GUEST_SCRIPT_DIR}; {@code sys.argv[0]} is the script's path there.
 *
 * <p>The bundled files live in the Python home: {@code python.wasm} and
 * {@code lib/python313.zip}, built by {@code python/build.sh} into {@code python/dist} of the
 * checkout. The launcher names it with the system property {@value #HOME_PROPERTY}.
 */
final class PythonScript {
    static final String HOME_PROPERTY = "detwasm.python.home";
    static final String GUEST_LIB = "/usr/local/lib";
    static final String GUEST_SCRIPT_DIR = "/script";
    /** The interpreter's argv[0], {@code sys.executable}: from it CPython finds its prefix. */
    static final String GUEST_EXECUTABLE = "/usr/local/bin/python3.13";

    private final Path home;
    private final Path script;

    private PythonScript(Path home, Path script) {
        this.home = home;
        this.script = script;
    }

    /**
     * The script at {@code script}, run by the interpreter in the Python home.
     *
     * @throws HostError with {@link ExitCodes#USAGE} when {@code script} is a wasm module,
     *     {@link ExitCodes#LOAD_ERROR} when it cannot be read or the Python home is not set or
     *     incomplete
     */
    static PythonScript of(Path script) {
        if (!Files.isRegularFile(script)) {
            throw new HostError(ExitCodes.LOAD_ERROR, "--python " + script + ": "
                    + (Files.exists(script) ? "not a regular file" : "no such file"));
        }
        if (isModule(script)) {
            throw new HostError(ExitCodes.USAGE, "--python " + script
                    + ": a wasm module, not a Python script (run it without --python)");
        }
        return new PythonScript(home(), script);
    }

    /**
     * The interpreter, loaded with {@code loader} and named for the script, so that reports say
     * {@code check NAME.py}.
     */
    Program load(ProgramLoader loader) throws LoadException {
        Path interpreter = home.resolve("python.wasm");
        try {
            return loader.load(script.getFileName().toString(), Files.readAllBytes(interpreter));
        } catch (IOException e) {
            throw new LoadException(interpreter + ": cannot read: " + e.getMessage());
        }
    }

    /** The script's path in the guest: {@code sys.argv[0]}. */
    String guestPath() {
        return GUEST_SCRIPT_DIR + "/" + script.getFileName();
    }

    /**
     * {@code user}'s run as a run of the interpreter: the library and the script's directory
     * mounted after the user's mounts, and the interpreter's arguments before the script's.
     * {@code -B}: imports never write {@code __pycache__} (the script's directory is a copy the
     * run throws away anyway).
     */
    RunConfig interpreterRun(RunConfig user) {
        List<String> args = new ArrayList<>(List.of("-B", guestPath()));
        args.addAll(user.args());
        Path directory = script.toAbsolutePath().normalize().getParent();
        return user.toBuilder()
                .argv0(GUEST_EXECUTABLE)
                .args(args)
                .mount(new Mount(home.resolve("lib"), GUEST_LIB))
                .mount(new Mount(directory, GUEST_SCRIPT_DIR))
                .build();
    }

    private static Path home() {
        String value = System.getProperty(HOME_PROPERTY);
        if (value == null || value.isEmpty()) {
            throw new HostError(ExitCodes.LOAD_ERROR, "--python: the bundled interpreter is not"
                    + " installed (the system property " + HOME_PROPERTY + " is not set; the"
                    + " detwasm launcher sets it)");
        }
        Path home = Path.of(value);
        if (!Files.isRegularFile(home.resolve("python.wasm"))
                || !Files.isRegularFile(home.resolve("lib/python313.zip"))) {
            throw new HostError(ExitCodes.LOAD_ERROR, "--python: " + home
                    + " lacks python.wasm or lib/python313.zip (build them with python/build.sh)");
        }
        return home;
    }

    /** A wasm binary (by its magic) or WAT text (by its name): a module, not a script. */
    private static boolean isModule(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wasm") || name.endsWith(".wat")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 0 && head[1] == 'a' && head[2] == 's'
                    && head[3] == 'm';
        } catch (IOException e) {
            throw new HostError(ExitCodes.LOAD_ERROR, "--python " + file + ": cannot read: "
                    + e.getMessage());
        }
    }
}
