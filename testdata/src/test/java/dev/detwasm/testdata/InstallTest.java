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
        // No start-up archive: it would be recorded by a background JVM outliving the test.
        return shell(command, "off");
    }

    private Result shell(String command, String cache) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
                .directory(REPOSITORY.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PATH", home.resolve("bin") + ":" + env.get("PATH"));
        env.put("DETWASM_CACHE", cache);
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

    private Path unpack() throws Exception {
        Path opt = Files.createDirectories(home.resolve("opt"));
        assertEquals(0, shell("tar xzf '" + archive() + "' -C '" + opt + "'").exitCode());
        Path launcher;
        try (Stream<Path> dirs = Files.list(opt)) {
            launcher = dirs.findFirst().orElseThrow().resolve("detwasm");
        }
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin/detwasm"), launcher);
        return launcher;
    }

    @Test
    void theUnpackedArchiveRunsThroughASymlinkOnPath() throws Exception {
        unpack();

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

    /**
     * The first run leaves the JVM's start-up archive to be made (in the background on JDK 25+,
     * at its exit before); the runs after it use it. Not a byte of any run's output changes, and
     * nothing but the archive and the compiled module is left in the cache.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theStartUpArchiveIsMadeOnceAndChangesNoOutput() throws Exception {
        Path launcher = unpack();
        // Named for the jar's content: the digest the build wrote beside it, not a cksum.
        String content = Files.readString(launcher.resolveSibling("detwasm.jar.sha256"))
                .substring(0, 16);
        Path cache = home.resolve("cache");
        String command = "detwasm run testdata/c/racy_counter.wasm";
        Result first = shell(command, cache.toString());
        assertEquals(new Result(0, "counter=2 (no update lost)\n"), first);
        Path jvm = cache.resolve("jvm");
        for (int waited = 0; waited < 240 && !archiveOnly(jvm, content); waited++) {
            Thread.sleep(1000);
        }
        assertTrue(archiveOnly(jvm, content), "one archive and nothing else in " + jvm);
        assertEquals(first, shell(command, cache.toString()));
        assertEquals(first, shell(command, cache.toString()));
    }

    private static boolean archiveOnly(Path jvm, String content) throws IOException {
        if (!Files.isDirectory(jvm)) {
            return false;
        }
        try (Stream<Path> files = Files.list(jvm)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.size() == 1
                    && names.get(0).matches("detwasm-[\\w.]+-" + content + "\\.(aot|jsa)");
        }
    }
}
