package dev.detwasm.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the testdata directory: Maven runs tests in it; an IDE may run them at the root. */
final class Testdata {
    private Testdata() {}

    static Path dir() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {cwd, cwd.resolve("testdata")}) {
            if (Files.isRegularFile(candidate.resolve(Manifest.FILE_NAME))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no " + Manifest.FILE_NAME + " in " + cwd + " or " + cwd.resolve("testdata"));
    }
}
