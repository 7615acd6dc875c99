package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.detwasm.host.Engine;
import dev.detwasm.host.GuestOutput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The file tree and stdio are bindings a Guice module replaces: here a tree that stamps the
 * guest's changes with a time of its own (decorating the default), and stdio that sends fd 2
 * to stdout behind a prefix.
 */
class ReplacedTreeAndStdioTest {
    private static final long STAMP = 42;
    private static final byte[] PREFIX = "2> ".getBytes(StandardCharsets.UTF_8);

    /** Creates /data/new, writes "abc" to it, prints its filestat raw on fd 1, "oops\n" on fd 2. */
    private static final String WAT = """
            (module
              (import "wasi_snapshot_preview1" "path_open"
                (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_filestat_get"
                (func $fd_filestat_get (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 100) "new")
              (data (i32.const 120) "abc")
              (data (i32.const 140) "oops\\n")
              (func $write (param $fd i32) (param $ptr i32) (param $len i32)
                (i32.store (i32.const 16) (local.get $ptr))
                (i32.store (i32.const 20) (local.get $len))
                (drop (call $fd_write (local.get $fd) (i32.const 16) (i32.const 1)
                  (i32.const 24))))
              (func (export "_start")
                (drop (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 3)
                  (i32.const 1) (i64.const 2097216) (i64.const 0) (i32.const 0)
                  (i32.const 200)))
                (call $write (i32.load (i32.const 200)) (i32.const 120) (i32.const 3))
                (drop (call $fd_filestat_get (i32.load (i32.const 200)) (i32.const 300)))
                (call $write (i32.const 1) (i32.const 300) (i32.const 64))
                (call $write (i32.const 2) (i32.const 140) (i32.const 5))))
            """;

    @TempDir Path root;

    private static final class Replacements extends AbstractModule {
        @Provides
        FileTrees stampedTrees(OverlayTrees overlays) {
            return (mounts, run) -> new StampedTree(overlays.open(mounts, run));
        }

        @Provides
        StdioOutput prefixedStderr(RunStdioOutput defaults) {
            return (run, fd) -> {
                if (fd != StdioOutput.STDERR) {
                    return defaults.sink(run, fd);
                }
                GuestOutput output = run.output();
                return (bytes, offset, length) -> {
                    output.writeStdout(PREFIX, 0, PREFIX.length);
                    output.writeStdout(bytes, offset, length);
                };
            };
        }
    }

    /** The default tree, but the guest's changes carry {@link #STAMP}. */
    private record StampedTree(FileTree tree) implements FileTree {
        @Override
        public List<DirectoryInode> roots() {
            return tree.roots();
        }

        @Override
        public long now() {
            return STAMP;
        }

        @Override
        public long startTime() {
            return tree.startTime();
        }

        @Override
        public FileInode newFile() {
            return tree.newFile();
        }

        @Override
        public DirectoryInode newDirectory() {
            return tree.newDirectory();
        }

        @Override
        public SymlinkInode newSymlink(String target) {
            return tree.newSymlink(target);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aModuleReplacesTheFileTreeAndWhereStderrGoes(Engine engine) {
        MountedTree tree = new MountedTree(root);
        WatRunner runner = new WatRunner(new Replacements());
        WatRunner.Outcome first = runner.run(WAT, tree.config().engine(engine).build());
        WatRunner.Outcome second = runner.run(WAT, tree.config().engine(engine).build());

        byte[] out = first.result().stdout();
        assertEquals("", first.stderr());
        assertEquals(0, first.exitCode());
        assertEquals("2> oops\n", new String(out, 64, out.length - 64, StandardCharsets.UTF_8));
        ByteBuffer filestat = ByteBuffer.wrap(out, 0, 64).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, filestat.getLong(32), "size");
        assertEquals(STAMP, filestat.getLong(48), "mtim: the write, stamped by the tree");
        assertEquals(STAMP, filestat.getLong(56), "ctim");
        assertArrayEquals(out, second.result().stdout());
        assertFalse(tree.data.resolve("new").toFile().exists());

        WatRunner.Outcome plain =
                new WatRunner().run(WAT, tree.config().engine(engine).build());
        assertEquals("oops\n", plain.stderr());
        long defaultTime = ByteBuffer.wrap(plain.result().stdout(), 0, 64)
                .order(ByteOrder.LITTLE_ENDIAN).getLong(48);
        assertNotEquals(STAMP, defaultTime);
    }
}
