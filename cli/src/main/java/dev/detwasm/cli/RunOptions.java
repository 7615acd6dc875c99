package dev.detwasm.cli;

import dev.detwasm.host.Engine;
import dev.detwasm.host.Mount;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
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
                    + " written). Its content is read into memory; the guest's writes never"
                    + " reach the host.")
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
                    + " (default: 65536 = 4 GiB).")
    int maxMemoryPages = RunConfig.DEFAULT_MAX_MEMORY_PAGES;

    @Option(
            names = "--max-steps",
            paramLabel = "N|none",
            converter = StepsConverter.class,
            description = "Step budget of a run: after N steps (wasm instructions of the module,"
                    + " all threads together) the run stops at the next function entry or loop"
                    + " header, exit 72, naming the thread and function. Default: none for run,"
                    + " 100000000 per run for check.")
    Long maxSteps;

    @Option(
            names = "--preempt-every",
            paramLabel = "K",
            converter = StepsConverter.class,
            description = "Make a scheduling point every K steps of the running thread, so"
                    + " threads that spin on plain memory can be interleaved (default: none).")
    long preemptEvery;

    @Option(
            names = "--preempt-at",
            paramLabel = "sync|memory",
            description = "Where threads may switch: sync (default) at atomics, wait/notify,"
                    + " spawn/exit, yields, sleeps and selects; memory also at every plain load"
                    + " and store that may touch shared memory (not the thread's own stack).")
    PreemptAt preemptAt = PreemptAt.SYNC;

    @Parameters(index = "0", paramLabel = "MODULE", description = "A .wasm binary or WAT text.")
    Path module;

    @Parameters(
            index = "1..*",
            paramLabel = "ARGS",
            description = "Arguments for the guest, after argv[0].")
    List<String> args = new ArrayList<>();

    /**
     * A builder holding the run configuration these options describe, reading stdin from
     * {@code stdin}; the command adds what only it decides.
     */
    RunConfig.Builder toConfig(InputStream stdin) {
        if (maxMemoryPages < 1 || maxMemoryPages > RunConfig.DEFAULT_MAX_MEMORY_PAGES) {
            throw usage("--max-memory must be between 1 and 65536 pages, got " + maxMemoryPages);
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
                .maxMemoryPages(maxMemoryPages);
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
