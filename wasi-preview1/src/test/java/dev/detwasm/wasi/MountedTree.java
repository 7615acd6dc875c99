package dev.detwasm.wasi;

import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host directory tree for file system tests, mounted at {@code /data} (fd 3), and an empty
 * second mount at {@code /other} (fd 4):
 *
 * <pre>
 * a.txt "alpha\n"   b.txt "bravo"   empty/   link -> a.txt   sub/c.txt "charlie"
 * </pre>
 */
final class MountedTree {
    static final int DATA = 3;
    static final int OTHER = 4;

    final Path data;
    final Path other;

    MountedTree(Path root) {
        try {
            data = Files.createDirectory(root.resolve("data"));
            other = Files.createDirectory(root.resolve("other"));
            Files.writeString(data.resolve("a.txt"), "alpha\n");
            Files.writeString(data.resolve("b.txt"), "bravo");
            Files.createDirectory(data.resolve("empty"));
            Files.createSymbolicLink(data.resolve("link"), Path.of("a.txt"));
            Files.createDirectory(data.resolve("sub"));
            Files.writeString(data.resolve("sub/c.txt"), "charlie");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunConfig.Builder config() {
        return RunConfig.builder()
                .mount(new Mount(data, "/data"))
                .mount(new Mount(other, "/other"));
    }
}
