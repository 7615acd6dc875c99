package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user installs it (README, "Install"): unpacked anywhere, its
 * launcher symlinked from a directory on PATH, it runs a fixture, and the reproduction command a
 * {@code check} prints runs as pasted into a shell. The archive is the one the reactor built
 * ({@code cli/target/detwasm-VERSION.tar.gz}); only a JDK is needed beside it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InstallTest {
    private static final Path REPOSITORY = Testdata.dir().getParent();

    @TempDir Path home;

    private record Result(int exitCode, String stdout) {}

    /** Runs {@code command} in a shell, with only {@code home/bin} added to PATH. */
    private Result shell(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
                .directory(REPOSITORY.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PATH", home.resolve("bin") + ":" + env.get("PATH"));
        // No start-up archive: it would be recorded by a background JVM outliving the test.
        env.put("DETWASM_CACHE", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("cli/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("detwasm-.*\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no archive: build cli first"));
        }
    }

    @Test
    void theUnpackedArchiveRunsThroughASymlinkOnPath() throws Exception {
        Path opt = Files.createDirectories(home.resolve("opt"));
        assertEquals(0, shell("tar xzf '" + archive() + "' -C '" + opt + "'").exitCode());
        Path launcher;
        try (Stream<Path> dirs = Files.list(opt)) {
            launcher = dirs.findFirst().orElseThrow().resolve("detwasm");
        }
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin/detwasm"), launcher);

        assertEquals(new Result(0, "hello from C\n"), shell("detwasm run testdata/c/hello.wasm"));

        Result check = shell("detwasm check --preemption-bound 1 testdata/c/racy_counter.wasm");
        assertEquals(73, check.exitCode());
        List<String> reproduce = check.stdout().lines()
                .filter(l -> l.startsWith("  reproduce: "))
                .map(l -> l.substring("  reproduce: ".length()))
                .toList();
        assertTrue(reproduce.get(0).startsWith("detwasm run --trace "), reproduce.get(0));
        assertEquals(new Result(1, "counter=1 (lost update)\n"), shell(reproduce.get(0)));
    }
}
