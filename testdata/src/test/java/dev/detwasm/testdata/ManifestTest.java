package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "go/select threads"));
        assertEquals(2, fixtures.size());
        Fixture argv = fixtures.get(0);
        assertEquals("c", argv.lang());
        assertEquals("argv", argv.name());
        assertEquals(Fixture.Kind.SINGLE, argv.kind());
        assertEquals(List.of("--argv0", "prog", "--dir", "files::/data"), argv.flags());
        assertEquals(List.of("one", "--two"), argv.guestArgs());
        assertEquals("c/argv.wasm", argv.module());
        assertEquals("c/argv.c", argv.source());
        assertEquals("c/argv@argv0_c.stdout", argv.expectedStdout());
        assertEquals(
                List.of("run", "--engine", "aot", "--argv0", "prog", "--dir", "/t/files::/data",
                        "/t/c/argv.wasm", "one", "--two"),
                argv.commandLine(Path.of("/t"), "aot"));
        assertEquals(Fixture.Kind.THREADS, fixtures.get(1).kind());
        assertEquals(List.of(), fixtures.get(1).guestArgs());
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
                    Files.isRegularFile(testdata.resolve(f.expectedStdout())),
                    f.expectedStdout() + " is missing");
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
            named.add(f.expectedStdout());
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
