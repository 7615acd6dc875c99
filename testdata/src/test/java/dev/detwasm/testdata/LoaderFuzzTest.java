package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs thousands of broken variants of the fixtures ({@link ModuleMutator}, fixed seed) through
 * {@code detwasm run} in-process. Each must end with a documented exit code (a guest's own code
 * or a host code other than 74, internal error), print at most one {@code detwasm:} line (exactly
 * one line when it could not be loaded), no Java stack trace, and finish within a time bound; a
 * guest that spins is interrupted and must then end promptly.
 *
 * <p>The nightly run is the same test with more mutants and another seed:
 * {@code bin/mvn -B -ntp -pl testdata -am verify -Dtest=LoaderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddetwasm.fuzz.mutants=200000
 * -Ddetwasm.fuzz.seed=$(date +%Y%m%d)}.
 */
class LoaderFuzzTest {
    private static final int MUTANTS = Integer.getInteger("detwasm.fuzz.mutants", 2000);
    private static final long SEED = Long.getLong("detwasm.fuzz.seed", 15);
    /** How long a mutant may run before it is interrupted (a guest may legitimately spin). */
    private static final Duration SPIN = Duration.ofSeconds(5);
    /** How long an interrupted run may take to end. */
    private static final Duration GRACE = Duration.ofSeconds(20);
    /** Fixtures small enough to compile quickly; every few mutants of them run compiled. */
    private static final long LARGEST = 40_000;

    @TempDir Path dir;

    @Test
    void everyMutantEndsCleanly() throws Exception {
        List<Path> fixtures = fixtures();
        ModuleMutator mutator = new ModuleMutator(SEED);
        Map<String, Integer> codes = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < MUTANTS && problems.size() < 10; i++) {
            Path fixture = fixtures.get(i % fixtures.size());
            ModuleMutator.Mutant mutant = mutator.mutate(Files.readAllBytes(fixture));
            Path module = Files.write(dir.resolve("m" + i + ".wasm"), mutant.bytes());
            // Compiling costs 0.1-0.3 s a module; the interpreter sees the same loader and WASI.
            String engine = i % 8 == 0 ? "aot" : "interpreter";
            String what = "mutant " + i + " (" + mutant.kind() + " of " + fixture.getFileName()
                    + ", seed " + SEED + ", " + engine + ")";
            long start = System.nanoTime();
            String problem = check(what, List.of("run", "--engine", engine, module.toString()));
            String key = engine + " " + (result == null ? "?" : result.exitCode());
            codes.merge(key, 1, Integer::sum);
            millis.merge(key, (System.nanoTime() - start) / 1_000_000, Long::sum);
            if (problem != null) {
                problems.add(problem);
                Files.copy(module, Path.of("target").resolve("fuzz-" + i + ".wasm"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(module);
        }
        System.out.println("fuzz: exit codes (count, total ms): " + codes + " " + millis);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private CliRun result;

    private String check(String what, List<String> args) throws InterruptedException {
        CliRun[] result = new CliRun[1];
        Throwable[] thrown = new Throwable[1];
        Thread run = Thread.ofVirtual()
                .uncaughtExceptionHandler((t, e) -> thrown[0] = e)
                .start(() -> result[0] = CliRun.of(args));
        if (!run.join(SPIN)) {
            run.interrupt();
            if (!run.join(GRACE)) {
                return what + ": still running " + GRACE.toSeconds() + " s after an interrupt";
            }
        }
        CliRun r = result[0];
        this.result = r;
        if (r == null) {
            var trace = new java.io.StringWriter();
            thrown[0].printStackTrace(new java.io.PrintWriter(trace));
            return what + ": the command line threw " + trace;
        }
        String err = r.stderrText();
        if (err.contains("\tat ") || err.contains("Exception in thread")) {
            return what + ": a stack trace\n" + err;
        }
        long hostLines = err.lines()
                .filter(l -> l.startsWith("detwasm: ") && !l.startsWith("detwasm: warning: "))
                .count();
        if (r.exitCode() == 74 || r.exitCode() < 0 || r.exitCode() > 255) {
            return what + ": " + r.summary();
        }
        if (hostLines > 1 || r.exitCode() == 65 && err.lines().count() != 1) {
            return what + ": not one detwasm: line: " + r.summary();
        }
        return null;
    }

    private static List<Path> fixtures() throws IOException {
        List<Path> result = new ArrayList<>();
        for (String language : List.of("wat", "c")) {
            try (Stream<Path> files = Files.list(Testdata.dir().resolve(language))) {
                files.filter(p -> p.toString().endsWith(".wasm"))
                        .filter(p -> p.toFile().length() <= LARGEST)
                        .sorted()
                        .forEach(result::add);
            }
        }
        return result;
    }
}
