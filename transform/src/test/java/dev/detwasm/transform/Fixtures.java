package dev.detwasm.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The wasm binaries under testdata/, which the transform module's tests read directly. */
final class Fixtures {
    static final Path ROOT = Path.of("..", "testdata");

    private Fixtures() {}

    static List<Path> all() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".wasm")).filter(p -> !p.toString().contains("/target/")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no .wasm under " + ROOT.toAbsolutePath());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest Go fixture: the heaviest module the rewriter sees in tests. */
    static Path largestGo() {
        return all().stream().filter(p -> p.toString().contains("/go/"))
                .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
}
