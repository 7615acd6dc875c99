package dev.detwasm.wasi;

import static dev.detwasm.wasi.MountedTree.DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounted files are read when the guest reads them, at the position it reads, so a file of any
 * size works, and directories are listed when the guest first uses them; the guest's writes stay
 * in the overlay; a file or directory that changes on the host after the mount was loaded fails
 * the run that uses it instead of showing it other bytes or entries.
 */
class LazyMountTest {
    private static final long ALL = Rights.FILE | Rights.DIRECTORY;
    private static final long THREE_GIB = 3L << 30;
    private static final int SEEK_SET = 0;

    @TempDir Path root;

    private MountedTree tree;
    private Guest guest;

    @BeforeEach
    void mount() throws IOException {
        tree = new MountedTree(root);
        // A past time, so that any change below moves it whatever the clock's granularity.
        for (String directory : new String[] {"empty", "sub"}) {
            Files.setLastModifiedTime(tree.data.resolve(directory), FileTime.fromMillis(0));
        }
        // Sparse: 3 GiB long, a few bytes of disk.
        try (var file = new RandomAccessFile(tree.data.resolve("big").toFile(), "rw")) {
            file.setLength(THREE_GIB);
            file.seek(THREE_GIB - 4);
            file.write("tail".getBytes(StandardCharsets.UTF_8));
            file.seek(1L << 31);
            file.write("2GiB".getBytes(StandardCharsets.UTF_8));
        }
        guest = Guest.preview1(new FakeRun(tree.config().build()), new HostMountLoader());
    }

    private String pread(int fd, long offset, int length) {
        guest.iovec(Guest.SCRATCH, Guest.SCRATCH + 0x100, length);
        assertEquals(Errno.SUCCESS,
                guest.call("fd_pread", fd, Guest.SCRATCH, 1, offset, Guest.SCRATCH + 8));
        return guest.string(Guest.SCRATCH + 0x100, guest.i32(Guest.SCRATCH + 8));
    }

    @Test
    void aThreeGibibyteFileIsReadAndSeekedBeyondTwoGibibytes() {
        int fd = guest.open(DATA, "big", 0, ALL, 0);
        assertTrue(fd > 0, Errno.name(-fd));
        assertEquals("tail", pread(fd, THREE_GIB - 4, 100));
        assertEquals("2GiB", pread(fd, 1L << 31, 4));
        assertEquals("\0\0", pread(fd, 1L << 30, 2));
        assertEquals(Errno.SUCCESS,
                guest.call("fd_seek", fd, THREE_GIB - 2, SEEK_SET, Guest.SCRATCH + 0x40));
        assertEquals(THREE_GIB - 2, guest.i64(Guest.SCRATCH + 0x40));
        assertEquals("il", guest.read(fd, 10));
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", fd, Guest.SCRATCH + 0x200));
        assertEquals(THREE_GIB, guest.i64(Guest.SCRATCH + 0x200 + 32));
    }

    @Test
    void writesAreCopiedOnWriteAndNeverReachTheHost() throws IOException {
        FileTime before = Files.getLastModifiedTime(tree.data.resolve("big"));
        int fd = guest.open(DATA, "big", 0, ALL, 0);
        guest.call("fd_seek", fd, (1L << 31) + 1, SEEK_SET, Guest.SCRATCH + 0x40);
        assertEquals(Errno.SUCCESS, guest.write(fd, "XY"));
        assertEquals("2XYB", pread(fd, 1L << 31, 4));
        assertEquals("tail", pread(fd, THREE_GIB - 4, 4));
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_set_size", fd, (1L << 31) + 2));
        assertEquals("2X", pread(fd, 1L << 31, 10));
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_set_size", fd, (1L << 31) + 4));
        assertEquals("2X\0\0", pread(fd, 1L << 31, 10));

        int a = guest.open(DATA, "a.txt", 0, ALL, 0);
        assertEquals(Errno.SUCCESS, guest.write(a, "ALPHA!"));
        assertEquals("ALPHA!", pread(a, 0, 100));

        assertEquals(THREE_GIB, Files.size(tree.data.resolve("big")));
        assertEquals(before, Files.getLastModifiedTime(tree.data.resolve("big")));
        assertEquals("alpha\n", Files.readString(tree.data.resolve("a.txt")));
    }

    @Test
    void aFileChangedOnTheHostAfterTheSnapshotFailsTheRun() throws IOException {
        int fd = guest.open(DATA, "b.txt", 0, ALL, 0);
        Files.writeString(tree.data.resolve("b.txt"), "bravo, changed");
        HostError e = assertThrows(HostError.class, () -> pread(fd, 0, 5));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().endsWith("b.txt changed during the run (mounted files must not"
                + " change while detwasm runs)"), e.getMessage());
    }

    @Test
    void aSmallFileIsReadOnceAndSharedByLaterRuns() throws IOException {
        int fd = guest.open(DATA, "sub/c.txt", 0, ALL, 0);
        assertEquals("charlie", pread(fd, 0, 100));
        HostMountLoader loader = new HostMountLoader();
        Guest first = Guest.preview1(new FakeRun(tree.config().build()), loader);
        int c = first.open(DATA, "sub/c.txt", 0, ALL, 0);
        first.iovec(Guest.SCRATCH, Guest.SCRATCH + 0x100, 100);
        first.call("fd_read", c, Guest.SCRATCH, 1, Guest.SCRATCH + 8);
        Files.delete(tree.data.resolve("sub/c.txt"));
        Guest second = Guest.preview1(new FakeRun(tree.config().build()), loader);
        int again = second.open(DATA, "sub/c.txt", 0, ALL, 0);
        assertEquals("charlie", second.read(again, 100));
    }

    @Test
    void aDirectoryChangedAfterItsParentWasListedFailsTheRunThatListsIt() throws IOException {
        int c = guest.open(DATA, "sub/c.txt", 0, ALL, 0);
        assertEquals("charlie", guest.read(c, 100));
        Files.writeString(tree.data.resolve("empty/late.txt"), "late");

        HostError e = assertThrows(HostError.class, () -> guest.open(DATA, "empty/late.txt", 0,
                ALL, 0));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().endsWith("empty changed during the run (mounted files must not"
                + " change while detwasm runs)"), e.getMessage());
    }

    @Test
    void aDirectoryListedOnceIsSharedByLaterRuns() throws IOException {
        HostMountLoader loader = new HostMountLoader();
        Guest first = Guest.preview1(new FakeRun(tree.config().build()), loader);
        assertEquals(Errno.ENOENT, -first.open(DATA, "sub/d.txt", 0, ALL, 0));
        Files.setLastModifiedTime(tree.data.resolve("sub"), FileTime.fromMillis(1));

        Guest second = Guest.preview1(new FakeRun(tree.config().build()), loader);
        assertEquals(Errno.ENOENT, -second.open(DATA, "sub/d.txt", 0, ALL, 0));
        assertTrue(second.open(DATA, "sub/c.txt", 0, ALL, 0) > 0);
    }

    @Test
    void aLazyDirectoryIsReadOnceAndOnlyWhenAsked() {
        AtomicInteger reads = new AtomicInteger();
        ImageDirectory directory = ImageDirectory.lazy(() -> {
            reads.incrementAndGet();
            return Map.of("x", ImageFile.of(new byte[] {1}));
        });
        MountImage image = new MountImage(directory);
        assertEquals(0, reads.get());

        assertEquals(List.of("x"), List.copyOf(image.root().entries().keySet()));
        assertEquals(List.of("x"), List.copyOf(image.root().entries().keySet()));
        assertEquals(1, reads.get());
    }
}
