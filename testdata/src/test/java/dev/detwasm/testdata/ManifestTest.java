package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifest parses, and it and the files beside it agree. */
class ManifestTest {
    private final Path testdata = Testdata.dir();

    @Test
    void parsesIdKindFlagsAndGuestArgs() {
        List<Fixture> fixtures = Manifest.parse(List.of(
                "# comment",
                "",
                "c/argv@argv0   single  --argv0 prog --dir files::/data -- one --two",
                "go/select threads",
                "c/race@bfs  check  --strategy bfs --decisions schedule -- 3"));
        assertEquals(3, fixtures.size());
        Fixture argv = fixtures.get(0);
        assertEquals("c", argv.lang());
        assertEquals("argv", argv.name());
        assertEquals(Fixture.Kind.SINGLE, argv.kind());
        assertEquals(List.of("--argv0", "prog", "--dir", "files::/data"), argv.flags());
        assertEquals(List.of("one", "--two"), argv.guestArgs());
        assertEquals("c/argv.wasm", argv.module());
        assertEquals("c/argv.c", argv.source());
        assertEquals("c/argv@argv0_c.stdout", argv.expectedOutput());
        assertEquals("c/argv@argv0_c.stderr", argv.expectedStderr());
        assertEquals("argv0", argv.variant());
        assertEquals("c/argv", argv.moduleId());
        assertEquals(
                List.of("run", "--engine", "aot", "--argv0", "prog", "--dir", "/t/files::/data",
                        "/t/c/argv.wasm", "one", "--two"),
                argv.commandLine(Path.of("/t"), "aot"));
        assertEquals(Fixture.Kind.THREADS, fixtures.get(1).kind());
        assertEquals(List.of(), fixtures.get(1).guestArgs());
        assertEquals("", fixtures.get(1).variant());
        Fixture check = fixtures.get(2);
        assertEquals(Fixture.Kind.CHECK, check.kind());
        assertEquals("c/race@bfs_c.check", check.expectedOutput());
        assertEquals(
                List.of("check", "--engine", "interpreter", "--strategy", "bfs", "--decisions",
                        "schedule", "--jobs", "2", "/t/c/race.wasm", "3"),
                check.commandLine(Path.of("/t"), "interpreter", check.module(), List.of("--jobs", "2")));
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse(List.of("c/hello")));
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse(List.of("rust/x single")));
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse(List.of("c/x sometimes")));
        assertThrows(
                IllegalArgumentException.class,
                () -> Manifest.parse(List.of("c/x single", "c/x threads")));
    }

    @Test
    void everyFixtureHasItsModuleAndExpectedOutput() throws IOException {
        List<Fixture> fixtures = Manifest.load(testdata);
        assertAll(fixtures.stream().map(f -> () -> {
            assertTrue(Files.isRegularFile(testdata.resolve(f.module())), f.module() + " is missing");
            assertTrue(
                    Files.isRegularFile(testdata.resolve(f.expectedOutput())),
                    f.expectedOutput() + " is missing");
            int exit = f.expectedExitCode(testdata);
            assertTrue(exit >= 0 && exit < 256, f.expectedExit() + ": " + exit);
        }));
    }

    /** The converse: no source, binary or expected file that the manifest does not name. */
    @Test
    void everyFileBelongsToAFixture() throws IOException {
        List<Fixture> fixtures = Manifest.load(testdata);
        Set<String> named = new TreeSet<>();
        for (Fixture f : fixtures) {
            named.add(f.source());
            named.add(f.module());
            named.add(f.expectedOutput());
            named.add(f.expectedStderr());
            named.add(f.expectedExit());
        }
        Set<String> strays = new TreeSet<>();
        for (String lang : Manifest.LANGUAGES) {
            try (Stream<Path> files = Files.list(testdata.resolve(lang))) {
                files.map(p -> lang + "/" + p.getFileName())
                        .filter(name -> !named.contains(name))
                        .forEach(strays::add);
            }
        }
        assertEquals(Set.of(), strays, "files that fixtures.txt does not account for");
    }

    /**
     * A check group (a checked module, or its variants {@code GROUP-STRATEGY}) has one line per
     * strategy, and the flags of its lines differ only in {@code --strategy} (and {@code --seed
     * 1} for random), so that the four expected reports are of the same exploration problem.
     */
    @Test
    void checkGroupsHaveOneLinePerStrategyWithTheSameFlags() throws IOException {
        Map<String, List<Fixture>> byGroup = Manifest.load(testdata).stream()
                .filter(f -> f.kind() == Fixture.Kind.CHECK)
                .collect(Collectors.groupingBy(Fixture::checkGroup));
        assertFalse(byGroup.isEmpty(), "no check fixture");
        assertAll(byGroup.values().stream().map(lines -> () -> {
            String module = lines.get(0).checkGroup();
            assertEquals(
                    Set.copyOf(Fixture.STRATEGIES),
                    lines.stream().map(Fixture::strategy).collect(Collectors.toSet()),
                    module + ": the strategies of its check lines");
            Set<List<String>> common = new HashSet<>();
            for (Fixture f : lines) {
                List<String> strategy = f.strategy().equals("random")
                        ? List.of("--strategy", "random", "--seed", "1")
                        : List.of("--strategy", f.strategy());
                assertEquals(strategy, f.flags().subList(0, Math.min(strategy.size(), f.flags().size())),
                        f + " must begin with " + strategy);
                List<String> rest = f.flags().subList(strategy.size(), f.flags().size());
                for (String chosen : List.of("--strategy", "--seed", "--engine", "--jobs")) {
                    assertFalse(rest.contains(chosen), f + ": " + chosen + " is the tests' to choose");
                }
            common.add(List.of(String.join(" ", rest), String.join(" ", f.guestArgs())));
            }
            assertEquals(1, common.size(), module + ": flags differ beyond the strategy: " + common);
        }));
    }

    @Test
    void atLeastEightSingleThreadedFixturesPerLanguage() throws IOException {
        Map<String, Long> modules = Manifest.load(testdata).stream()
                .filter(f -> f.kind() == Fixture.Kind.SINGLE)
                .map(Fixture::module)
                .distinct()
                .collect(Collectors.groupingBy(m -> m.substring(0, m.indexOf('/')), Collectors.counting()));
        for (String lang : Manifest.LANGUAGES) {
            assertTrue(modules.getOrDefault(lang, 0L) >= 8, lang + ": " + modules.get(lang));
        }
    }
}
