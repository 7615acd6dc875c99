package dev.detwasm.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.Mount;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.modelcheck.ReproductionCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options that define a run and that {@code run} and {@code check} both take, declared once
 * so that their help and validation cannot drift. Options only one command takes live in that
 * command (or, for {@code run}'s replay options, in {@link ReplayOptions}). Everything after
 * MODULE goes to the guest.
 */
public final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--engine",
            paramLabel = "aot|interpreter",
            description = "How guest code executes: compiled to JVM bytecode once (default: aot),"
                    + " or interpreted.")
    Engine engine = Engine.AOT;

    @Option(
            names = "--env",
            paramLabel = "K=V",
            description = "Set an environment variable for the guest (repeatable). The guest sees"
                    + " nothing of the host's environment.")
    List<String> env = new ArrayList<>();

    @Option(
            names = "--dir",
            paramLabel = "HOST[::GUEST]",
            description = "Preopen host directory HOST at guest path GUEST (default: HOST as"
                    + " written). Files are read when the guest reads them and must not change"
                    + " meanwhile; the guest's writes stay in memory and never reach the host.")
    List<String> dirs = new ArrayList<>();

    @Option(
            names = "--mapdir",
            paramLabel = "HOST",
            description = "The seed's form of --dir HOST::/ .")
    List<String> mapdirs = new ArrayList<>();

    @Option(
            names = "--argv0",
            paramLabel = "NAME",
            description = "The program name the guest sees as argv[0] (default: /main.wasm).")
    String argv0 = RunConfig.DEFAULT_ARGV0;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seeds the guest's random_get stream, run's random schedule and"
                    + " check's random and pct strategies (default: 0).")
    long seed;

    @Option(
            names = "--stdin",
            paramLabel = "FILE",
            description = "The guest's stdin. Default: detwasm's own stdin, read to the end"
                    + " before the run (empty when it is a terminal).")
    Path stdinFile;

    @Option(
            names = "--max-memory",
            paramLabel = "PAGES",
            description = "Largest memory a guest may declare or grow to, in 64 KiB pages"
                    + " (default: 65536 = 4 GiB, but a memory that declares no maximum grows"
                    + " to 32768 = 2 GiB unless this is given).")
    Integer maxMemoryPages;

    @Option(
            names = "--keep-output",
            paramLabel = "BYTES",
            description = "How much of the guest's stdout and stderr each run keeps in memory for"
                    + " --verify's diff and check's reports (default: 1048576). Output streams"
                    + " to the terminal as it is written; beyond this only its length and SHA-256"
                    + " are kept, which is still enough to compare runs.")
    int keepOutput = GuestOutput.DEFAULT_KEEP;

    @Option(
            names = "--max-steps",
            paramLabel = "N|none",
            converter = StepsConverter.class,
            description = "Step budget of a run: after N steps (wasm instructions of the module,"
                    + " all threads together) the run stops at the next function entry or loop"
                    + " header, exit 72, naming the thread and function. Default: none for run,"
                    + " 10000000000 per run for check.")
    Long maxSteps;

    @Option(
            names = "--preempt-every",
            paramLabel = "K",
            converter = StepsConverter.class,
            description = "Make a scheduling point every K steps of the running thread, so"
                    + " threads that spin on plain memory can be interleaved (default: none).")
    long preemptEvery;

    @Option(
            names = "--clock",
            paramLabel = "idle|steps[=NS]",
            converter = ClockConverter.class,
            description = "How virtual time moves. idle (default): only when every thread is"
                    + " blocked, by jumping to the earliest sleep or timed wait. steps[=NS]: also"
                    + " NS nanoseconds per executed step (default 1), so busy-waits on the clock"
                    + " end and a timed wait expires while another thread computes; the running"
                    + " thread then yields to it at its next scheduling point, as at a timer"
                    + " interrupt (CPython's interpreter lock changes hands this way).")
    long nsPerStep;

    @Option(
            names = "--preempt-at",
            paramLabel = "sync|memory",
            description = "Where threads may switch: sync (default) at atomics, wait/notify,"
                    + " spawn/exit, yields, sleeps and selects; memory also at every plain load"
                    + " and store that may touch shared memory (not the thread's own stack).")
    PreemptAt preemptAt = PreemptAt.SYNC;

    @Option(
            names = "--plugin",
            paramLabel = "PATH.jar",
            description = "Load the Guice modules this jar lists in META-INF/services/"
                    + "com.google.inject.Module and let them override the defaults: a clock,"
                    + " entropy, host functions, strategies (repeatable; see docs/plugins.md).")
    List<Path> plugins = new ArrayList<>();

    @Option(
            names = "--plugin-module",
            paramLabel = "CLASS",
            description = "Load only this Guice module class from the --plugin jars instead of"
                    + " those they list (repeatable).")
    List<String> pluginModules = new ArrayList<>();

    @Option(
            names = "--no-cache",
            description = "Compile the module anew instead of using (and filling) the compile"
                    + " cache in $DETWASM_CACHE, else $XDG_CACHE_HOME/detwasm, else"
                    + " ~/.cache/detwasm. DETWASM_CACHE=off turns the cache off for good.")
    boolean noCache;

    @Option(
            names = "--warn-interpreted",
            description = "Print Chicory's warning for each function too large for the AOT"
                    + " engine to compile (it runs interpreted instead); silent by default.")
    boolean warnInterpreted;

    @Option(
            names = "--python",
            description = "MODULE is a Python script: run it with the bundled CPython 3.13 and"
                    + " its standard library. The script's directory is mounted at /script"
                    + " (sys.argv[0] is /script/NAME), the library at /usr/local/lib; ARGS go"
                    + " to the script.")
    boolean python;

    @Parameters(
            index = "0",
            paramLabel = "MODULE",
            description = "A .wasm binary or WAT text (a Python script with --python).")
    Path module;

    @Parameters(
            index = "1..*",
            paramLabel = "ARGS",
            description = "Arguments for the guest, after argv[0].")
    List<String> args = new ArrayList<>();

    /**
     * A sandbox for MODULE (loaded with {@code loader}) wired with the plugins, making the runs
     * {@code config} (from {@link #toConfig}) stands for. Without plugins it reuses {@code
     * defaults}, the command line's own injector, rather than wiring a second one.
     */
    Sandbox.Builder sandbox(RunConfig config, ProgramLoader loader, Injector defaults)
            throws LoadException {
        List<Module> loaded = PluginJars.load(plugins, pluginModules);
        Sandbox.Builder builder = Sandbox.builder(load(loader));
        if (loaded.isEmpty()) {
            builder.withInjector(defaults);
        } else {
            builder.withModules(loaded);
        }
        return builder
                .withConfig(moduleRun(config))
                .withReproduction(reproduction(config));
    }

    /** The command that makes a run of {@code config} again, plugins included. */
    ReproductionCommand reproduction(RunConfig config) {
        List<String> hostOptions = new ArrayList<>();
        for (Path plugin : plugins) {
            hostOptions.add("--plugin");
            hostOptions.add(plugin.toString());
        }
        for (String name : pluginModules) {
            hostOptions.add("--plugin-module");
            hostOptions.add(name);
        }
        return new ReproductionCommand(hostOptions, moduleFlags(), module.toString(), config,
                stdinFile == null ? null : stdinFile.toString());
    }

    /**
     * Loads MODULE with {@code loader}, or without its compile cache under --no-cache, saying
     * which functions run interpreted under --warn-interpreted.
     */
    Program load(ProgramLoader loader) throws LoadException {
        ProgramLoader chosen = noCache ? loader.withoutCache() : loader;
        if (warnInterpreted) {
            chosen = chosen.warningInterpretedFunctions();
        }
        return python ? pythonScript().load(chosen) : chosen.load(module);
    }

    /**
     * The words that name what runs, for a reproduction command: MODULE, or {@code --python}
     * and the script.
     */
    List<String> moduleFlags() {
        return python ? List.of("--python") : List.of();
    }

    /**
     * The run of what {@link #load} loads that {@code config} (from {@link #toConfig}) stands
     * for: under --python, the interpreter's run of the script.
     */
    RunConfig moduleRun(RunConfig config) {
        return python ? pythonScript().interpreterRun(config) : config;
    }

    private PythonScript pythonScript() {
        if (!argv0.equals(RunConfig.DEFAULT_ARGV0)) {
            throw usage("--argv0 does not go with --python: sys.argv[0] is the script's path");
        }
        return PythonScript.of(module);
    }

    /**
     * A builder holding the run configuration these options describe, reading stdin from
     * {@code stdin}; the command adds what only it decides. Under --python, the run as the user
     * gave it (see {@link #moduleRun}).
     */
    RunConfig.Builder toConfig(InputStream stdin) {
        if (maxMemoryPages != null
                && (maxMemoryPages < 1 || maxMemoryPages > RunConfig.DEFAULT_MAX_MEMORY_PAGES)) {
            throw usage("--max-memory must be between 1 and 65536 pages, got " + maxMemoryPages);
        }
        if (keepOutput < 0) {
            throw usage("--keep-output must not be negative, got " + keepOutput);
        }
        return RunConfig.builder()
                .engine(engine)
                .argv0(argv0)
                .args(args)
                .env(environment())
                .mounts(mounts())
                .stdin(stdinBytes(stdin))
                .seed(seed)
                .preemptEvery(preemptEvery)
                .preemptAt(preemptAt)
                .nsPerStep(nsPerStep)
                .maxMemoryPages(
                        maxMemoryPages == null ? RunConfig.MAX_MEMORY_UNSET : maxMemoryPages)
                .keepOutput(keepOutput);
    }

    /** The step budget {@code --max-steps} gives, or {@code commandDefault}; 0 for none. */
    long maxSteps(long commandDefault) {
        return maxSteps == null ? commandDefault : maxSteps;
    }

    private Map<String, String> environment() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : env) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw usage("--env expects K=V, got '" + entry + "'");
            }
            result.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return result;
    }

    private List<Mount> mounts() {
        List<Mount> result = new ArrayList<>();
        try {
            for (String dir : dirs) {
                result.add(Mount.parse(dir));
            }
        } catch (IllegalArgumentException e) {
            throw usage("--dir " + e.getMessage());
        }
        for (String dir : mapdirs) {
            result.add(new Mount(Path.of(dir), "/"));
        }
        for (Mount m : result) {
            if (!Files.isDirectory(m.hostPath())) {
                throw usage("--dir " + m.hostPath() + ": no such directory");
            }
        }
        return result;
    }

    private byte[] stdinBytes(InputStream stdin) {
        try {
            if (stdinFile != null) {
                return Files.readAllBytes(stdinFile);
            }
            return stdin == null ? new byte[0] : stdin.readAllBytes();
        } catch (IOException e) {
            throw usage("cannot read stdin" + (stdinFile == null ? "" : " " + stdinFile)
                    + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
