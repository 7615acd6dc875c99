package dev.detwasm.wasi;

import static dev.detwasm.wasi.MountedTree.DATA;
import static dev.detwasm.wasi.MountedTree.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemTest {
    private static final long START = 1_704_067_200_000_000_000L;
    private static final long ALL = Rights.FILE | Rights.DIRECTORY;
    private static final long READ_ONLY = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_TELL
            | Rights.FD_FILESTAT_GET | Rights.FD_READDIR;
    private static final int CREAT = 1;
    private static final int DIRECTORY = 2;
    private static final int EXCL = 4;
    private static final int TRUNC = 8;
    private static final int STAT = 0x300;

    @TempDir
    Path root;

    private MountedTree tree;
    private HostMountLoader loader;
    private Guest guest;

    @BeforeEach
    void mount() {
        tree = new MountedTree(root);
        loader = new HostMountLoader();
        guest = newGuest();
    }

    private Guest newGuest() {
        return Guest.preview1(new FakeRun(tree.config().build()), loader);
    }

    private int open(String path, int oflags) {
        return guest.open(DATA, path, oflags, ALL, 0);
    }

    private String contents(String path) {
        int fd = open(path, 0);
        assertTrue(fd > 0, path + ": " + Errno.name(-fd));
        String text = guest.read(fd, 1000);
        assertEquals(Errno.SUCCESS, guest.call("fd_close", fd));
        return text;
    }

    private int stat(String path, boolean follow) {
        int len = guest.put(0x200, path);
        return guest.call("path_filestat_get", DATA, follow ? 1 : 0, 0x200, len, STAT);
    }

    private long statIno() {
        return guest.i64(STAT + 8);
    }

    private int statType() {
        return guest.memory.readU8(STAT + 16);
    }

    private long statLinks() {
        return guest.i64(STAT + 24);
    }

    private long statSize() {
        return guest.i64(STAT + 32);
    }

    private int twoPaths(String function, int fromFd, String from, int toFd, String to) {
        int fromLen = guest.put(0x200, from);
        int toLen = guest.put(0x280, to);
        return guest.call(function, fromFd, 0x200, fromLen, toFd, 0x280, toLen);
    }

    @Test
    void mountsArePreopenedInOrderUnderTheirGuestPaths() {
        assertEquals(Errno.SUCCESS, guest.call("fd_prestat_get", DATA, 0x100));
        assertEquals(0, guest.memory.readU8(0x100));
        assertEquals(5, guest.i32(0x104));
        assertEquals(Errno.SUCCESS, guest.call("fd_prestat_dir_name", DATA, 0x200, 5));
        assertEquals("/data", guest.string(0x200, 5));
        assertEquals(Errno.SUCCESS, guest.call("fd_prestat_get", OTHER, 0x100));
        assertEquals(6, guest.i32(0x104));
        assertEquals(Errno.ENAMETOOLONG, guest.call("fd_prestat_dir_name", OTHER, 0x200, 5));
        assertEquals(Errno.EBADF, guest.call("fd_prestat_get", 5, 0x100));

        assertEquals(Errno.SUCCESS, guest.call("fd_fdstat_get", DATA, 0x100));
        assertEquals(Filetype.DIRECTORY, guest.memory.readU8(0x100));
        assertEquals(Rights.DIRECTORY, guest.i64(0x108));
        assertEquals(ALL, guest.i64(0x110));
    }

    @Test
    void filesReadTheirMountedContent() {
        assertEquals("alpha\n", contents("a.txt"));
        assertEquals("charlie", contents("sub/c.txt"));
        assertEquals("alpha\n", contents("link"));
        assertEquals("bravo", contents("./sub/../b.txt"));
    }

    @Test
    void writesStayInTheOverlayAndNeverReachTheHost() throws IOException {
        int fd = open("new.txt", CREAT);
        assertEquals(Errno.SUCCESS, guest.write(fd, "fresh"));
        int a = open("a.txt", 0);
        assertEquals(Errno.SUCCESS, guest.write(a, "ALPHA"));

        assertEquals("fresh", contents("new.txt"));
        assertEquals("ALPHA\n", contents("a.txt"));
        assertFalse(Files.exists(tree.data.resolve("new.txt")));
        assertEquals("alpha\n", Files.readString(tree.data.resolve("a.txt")));
    }

    @Test
    void eachRunStartsFromTheSameImage() {
        guest.write(open("a.txt", TRUNC), "changed");
        assertEquals(Errno.SUCCESS, guest.pathCall("path_unlink_file", DATA, "b.txt"));

        Guest next = newGuest();
        guest = next;
        assertEquals("alpha\n", contents("a.txt"));
        assertEquals("bravo", contents("b.txt"));
        assertSame(loader.load(new Mount(tree.data, "/x")),
                loader.load(new Mount(tree.data, "/y")));
    }

    @Test
    void openFlagsBehaveAsPosix() {
        assertEquals(-Errno.ENOENT, open("missing", 0));
        assertEquals(-Errno.ENOENT, open("nodir/new", CREAT));
        assertEquals(-Errno.EEXIST, open("a.txt", CREAT | EXCL));
        assertEquals(-Errno.ENOTDIR, open("a.txt", DIRECTORY));
        assertEquals(-Errno.ENOTDIR, open("a.txt/", 0));
        assertEquals(-Errno.EISDIR, open("sub", 0));
        assertEquals(-Errno.EISDIR, open("sub", TRUNC));
        assertEquals(-Errno.EISDIR, open("newdir/", CREAT));
        assertEquals(-Errno.EINVAL, open("x", 16));
        assertEquals(-Errno.EEXIST, guest.open(DATA, "link", CREAT | EXCL, ALL, 0));
        int len = guest.put(0x200, "link");
        assertEquals(Errno.ELOOP,
                guest.call("path_open", DATA, 0, 0x200, len, 0, ALL, ALL, 0, 0x100));

        int dir = guest.open(DATA, "sub", DIRECTORY, READ_ONLY | Rights.PATH_OPEN, 0);
        assertTrue(dir > 4);
        assertEquals(Errno.SUCCESS, guest.call("fd_fdstat_get", dir, 0x100));
        assertEquals(Filetype.DIRECTORY, guest.memory.readU8(0x100));
        assertEquals(Rights.FD_READDIR | Rights.FD_FILESTAT_GET | Rights.PATH_OPEN,
                guest.i64(0x108));
        assertEquals(ALL, guest.i64(0x110));
        assertEquals("charlie", guest.read(guest.open(dir, "c.txt", 0, ALL, 0), 100));
    }

    @Test
    void truncateEmptiesAndExclusiveCreates() {
        int fd = open("a.txt", TRUNC);
        assertEquals("", guest.read(fd, 10));
        int created = open("only-once", CREAT | EXCL);
        assertTrue(created > 0);
        assertEquals(-Errno.EEXIST, open("only-once", CREAT | EXCL));
    }

    @Test
    void newDescriptorsTakeTheLowestFreeNumber() {
        assertEquals(5, open("a.txt", 0));
        assertEquals(6, open("b.txt", 0));
        guest.call("fd_close", 5);
        assertEquals(5, open("b.txt", 0));
    }

    @Test
    void appendWritesAtTheEndWhateverThePosition() {
        int fd = guest.open(DATA, "a.txt", 0, ALL, Descriptor.APPEND);
        guest.call("fd_seek", fd, 0, 0, 0x100);

        guest.write(fd, "more");

        assertEquals("alpha\nmore", contents("a.txt"));
        assertEquals(Errno.SUCCESS, guest.call("fd_tell", fd, 0x100));
        assertEquals(10, guest.i64(0x100));
    }

    @Test
    void seekAndTellMoveThePosition() {
        int fd = open("a.txt", 0);
        assertEquals(Errno.SUCCESS, guest.call("fd_seek", fd, 2, 0, 0x100));
        assertEquals(2, guest.i64(0x100));
        assertEquals("ph", guest.read(fd, 2));
        assertEquals(Errno.SUCCESS, guest.call("fd_seek", fd, -1, 1, 0x100));
        assertEquals(3, guest.i64(0x100));
        assertEquals(Errno.SUCCESS, guest.call("fd_seek", fd, -2, 2, 0x100));
        assertEquals(4, guest.i64(0x100));
        assertEquals("a\n", guest.read(fd, 10));
        assertEquals(Errno.SUCCESS, guest.call("fd_tell", fd, 0x100));
        assertEquals(6, guest.i64(0x100));

        assertEquals(Errno.EINVAL, guest.call("fd_seek", fd, -7, 2, 0x100));
        assertEquals(Errno.EINVAL, guest.call("fd_seek", fd, 0, 3, 0x100));
        assertEquals(Errno.EFAULT, guest.call("fd_seek", fd, 0, 0, Guest.END - 4));
        assertEquals(Errno.EISDIR, guest.call("fd_seek", DATA, 0, 0, 0x100));
    }

    @Test
    void writingPastTheEndFillsTheGapWithZeros() {
        int fd = open("a.txt", 0);
        assertEquals(Errno.SUCCESS, guest.call("fd_seek", fd, 8, 0, 0x100));
        guest.write(fd, "!");
        assertEquals("alpha\n\0\0!", contents("a.txt"));
    }

    @Test
    void preadAndPwriteLeaveThePositionAlone() {
        int fd = open("b.txt", 0);
        guest.iovec(0x100, 0x200, 3);
        assertEquals(Errno.SUCCESS, guest.call("fd_pread", fd, 0x100, 1, 2, 0x120));
        assertEquals(3, guest.i32(0x120));
        assertEquals("avo", guest.string(0x200, 3));
        guest.put(0x200, "XY");
        guest.iovec(0x100, 0x200, 2);
        assertEquals(Errno.SUCCESS, guest.call("fd_pwrite", fd, 0x100, 1, 7, 0x120));
        assertEquals(2, guest.i32(0x120));
        assertEquals(Errno.EINVAL, guest.call("fd_pread", fd, 0x100, 1, -1, 0x120));

        assertEquals("bravo\0\0XY", guest.read(fd, 100));
    }

    @Test
    void rightsLimitWhatADescriptorMayDo() {
        int readOnly = guest.open(DATA, "a.txt", 0, READ_ONLY, 0);
        assertEquals(Errno.ENOTCAPABLE, guest.write(readOnly, "x"));
        assertEquals("alpha\n", guest.read(readOnly, 100));
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_filestat_set_size", readOnly, 0));

        int writeOnly = guest.open(DATA, "a.txt", 0, Rights.FD_WRITE, 0);
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_read", writeOnly, 0x100, 0, 0x120));
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_seek", writeOnly, 0, 0, 0x100));
        assertEquals(Errno.SUCCESS, guest.write(writeOnly, "A"));

        assertEquals(Errno.ENOTCAPABLE,
                guest.call("fd_fdstat_set_rights", readOnly, READ_ONLY | Rights.FD_WRITE, 0));
        assertEquals(Errno.SUCCESS,
                guest.call("fd_fdstat_set_rights", readOnly, Rights.FD_SEEK, 0));
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_read", readOnly, 0x100, 0, 0x120));

        int dir = guest.open(DATA, "sub", 0, Rights.FD_READDIR, 0);
        assertEquals(-Errno.ENOTCAPABLE, guest.open(dir, "c.txt", 0, ALL, 0));
    }

    @Test
    void directoriesAreNotFiles() {
        assertEquals(Errno.EISDIR, guest.call("fd_read", DATA, 0x100, 0, 0x120));
        assertEquals(Errno.EISDIR, guest.write(DATA, "x"));
        assertEquals(Errno.EISDIR, guest.call("fd_filestat_set_size", DATA, 0));
        int file = open("a.txt", 0);
        assertEquals(Errno.ENOTDIR, guest.call("fd_readdir", file, 0x100, 100, 0, 0x120));
        assertEquals(Errno.ENOTDIR, guest.pathCall("path_create_directory", file, "x"));
    }

    @Test
    void inodesAndTimesAreSynthetic() {
        assertEquals(Errno.SUCCESS, stat(".", false));
        assertEquals(1, statIno());
        assertEquals(Filetype.DIRECTORY, statType());
        assertEquals(4, statLinks());
        assertEquals(4096, statSize());
        assertEquals(START, guest.i64(STAT + 40));
        assertEquals(START, guest.i64(STAT + 48));
        assertEquals(START, guest.i64(STAT + 56));

        stat("a.txt", false);
        assertEquals(3, statIno());
        assertEquals(Filetype.REGULAR_FILE, statType());
        assertEquals(6, statSize());
        stat("link", false);
        assertEquals(6, statIno());
        assertEquals(Filetype.SYMBOLIC_LINK, statType());
        assertEquals(5, statSize());
        stat("link", true);
        assertEquals(3, statIno());
        stat("sub/c.txt", false);
        assertEquals(8, statIno());

        guest.run.threads.now = 1_000;
        int fd = open("new", CREAT);
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", fd, STAT));
        assertEquals(9, statIno());
        assertEquals(START + 1_000, guest.i64(STAT + 48));
        guest.run.threads.now = 2_000;
        guest.write(fd, "x");
        guest.call("fd_filestat_get", fd, STAT);
        assertEquals(START + 2_000, guest.i64(STAT + 48));
        assertEquals(START + 1_000, guest.i64(STAT + 40));

        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", OTHER, STAT));
        assertEquals(2, statIno());
    }

    @Test
    void timesCanBeSet() {
        guest.run.threads.now = 50;
        int len = guest.put(0x200, "a.txt");
        assertEquals(Errno.SUCCESS, guest.call("path_filestat_set_times", DATA, 0, 0x200, len,
                123, 0, Timestamps.ATIM | Timestamps.MTIM_NOW));
        stat("a.txt", false);
        assertEquals(123, guest.i64(STAT + 40));
        assertEquals(START + 50, guest.i64(STAT + 48));
        assertEquals(START + 50, guest.i64(STAT + 56));

        int fd = open("b.txt", 0);
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_set_times", fd, 7, 8,
                Timestamps.ATIM | Timestamps.MTIM));
        stat("b.txt", false);
        assertEquals(7, guest.i64(STAT + 40));
        assertEquals(8, guest.i64(STAT + 48));
        assertEquals(Errno.EINVAL, guest.call("fd_filestat_set_times", fd, 7, 8,
                Timestamps.ATIM | Timestamps.ATIM_NOW));
        assertEquals(Errno.EINVAL, guest.call("fd_filestat_set_times", fd, 7, 8, 16));
    }

    @Test
    void sizeCanBeSetAndSpaceAllocated() {
        int fd = open("a.txt", 0);
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_set_size", fd, 2));
        assertEquals("al", contents("a.txt"));
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_set_size", fd, 4));
        assertEquals("al\0\0", contents("a.txt"));
        assertEquals(Errno.SUCCESS, guest.call("fd_allocate", fd, 2, 4));
        stat("a.txt", false);
        assertEquals(6, statSize());
        assertEquals(Errno.SUCCESS, guest.call("fd_allocate", fd, 0, 1));
        stat("a.txt", false);
        assertEquals(6, statSize());
        assertEquals(Errno.EFBIG, guest.call("fd_filestat_set_size", fd, FileInode.MAX_SIZE + 1));
        assertEquals(Errno.EINVAL, guest.call("fd_filestat_set_size", fd, -1));
    }

    @Test
    void adviceAndSyncSucceedOnFiles() {
        int fd = open("a.txt", 0);
        assertEquals(Errno.SUCCESS, guest.call("fd_advise", fd, 0, 10, 2));
        assertEquals(Errno.EINVAL, guest.call("fd_advise", fd, 0, 10, 6));
        assertEquals(Errno.ESPIPE, guest.call("fd_advise", 1, 0, 10, 0));
        assertEquals(Errno.SUCCESS, guest.call("fd_sync", fd));
        assertEquals(Errno.SUCCESS, guest.call("fd_datasync", fd));
        assertEquals(Errno.EBADF, guest.call("fd_sync", 42));
        int readOnly = guest.open(DATA, "a.txt", 0, READ_ONLY, 0);
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_datasync", readOnly));
    }

    @Test
    void directoriesAreCreatedAndRemoved() {
        assertEquals(Errno.SUCCESS, guest.pathCall("path_create_directory", DATA, "made"));
        assertEquals(Errno.SUCCESS, guest.pathCall("path_create_directory", DATA, "made/deeper/"));
        assertEquals(Errno.EEXIST, guest.pathCall("path_create_directory", DATA, "made"));
        assertEquals(Errno.EEXIST, guest.pathCall("path_create_directory", DATA, "a.txt"));
        assertEquals(Errno.EEXIST, guest.pathCall("path_create_directory", DATA, "."));
        assertEquals(Errno.ENOENT, guest.pathCall("path_create_directory", DATA, "no/such"));

        assertEquals(Errno.ENOTEMPTY, guest.pathCall("path_remove_directory", DATA, "made"));
        assertEquals(Errno.ENOTDIR, guest.pathCall("path_remove_directory", DATA, "a.txt"));
        assertEquals(Errno.EINVAL, guest.pathCall("path_remove_directory", DATA, "made/."));
        assertEquals(Errno.SUCCESS, guest.pathCall("path_remove_directory", DATA, "made/deeper"));
        assertEquals(Errno.SUCCESS, guest.pathCall("path_remove_directory", DATA, "made"));
        assertEquals(Errno.ENOENT, guest.pathCall("path_remove_directory", DATA, "made"));
        assertEquals(Errno.SUCCESS, guest.pathCall("path_remove_directory", DATA, "empty"));
    }

    @Test
    void filesAreUnlinked() {
        assertEquals(Errno.SUCCESS, guest.pathCall("path_unlink_file", DATA, "a.txt"));
        assertEquals(-Errno.ENOENT, open("a.txt", 0));
        assertEquals(Errno.ENOENT, guest.pathCall("path_unlink_file", DATA, "a.txt"));
        assertEquals(Errno.EISDIR, guest.pathCall("path_unlink_file", DATA, "sub"));
        assertEquals(Errno.SUCCESS, guest.pathCall("path_unlink_file", DATA, "link"));
        assertEquals(Errno.ENOENT, stat("link", false));
    }

    @Test
    void anOpenFileOutlivesItsName() {
        int fd = open("b.txt", 0);
        guest.pathCall("path_unlink_file", DATA, "b.txt");
        assertEquals("bravo", guest.read(fd, 100));
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", fd, STAT));
        assertEquals(0, statLinks());
    }

    @Test
    void renameMovesAndReplacesAsPosixAllows() {
        assertEquals(Errno.SUCCESS, twoPaths("path_rename", DATA, "a.txt", DATA, "sub/moved"));
        assertEquals("alpha\n", contents("sub/moved"));
        assertEquals(-Errno.ENOENT, open("a.txt", 0));

        assertEquals(Errno.SUCCESS, twoPaths("path_rename", DATA, "b.txt", DATA, "sub/moved"));
        assertEquals("bravo", contents("sub/moved"));

        assertEquals(Errno.SUCCESS, twoPaths("path_rename", DATA, "sub", DATA, "empty"));
        assertEquals("bravo", contents("empty/moved"));
        assertEquals(Errno.ENOENT, stat("sub", false));

        assertEquals(Errno.SUCCESS, guest.pathCall("path_create_directory", DATA, "d"));
        assertEquals(Errno.EINVAL, twoPaths("path_rename", DATA, "d", DATA, "d/inside"));
        assertEquals(Errno.ENOTEMPTY, twoPaths("path_rename", DATA, "d", DATA, "empty"));
        assertEquals(Errno.ENOTDIR, twoPaths("path_rename", DATA, "d", DATA, "link"));
        assertEquals(Errno.EISDIR, twoPaths("path_rename", DATA, "link", DATA, "d"));
        assertEquals(Errno.ENOENT, twoPaths("path_rename", DATA, "nothing", DATA, "x"));
        assertEquals(Errno.EBUSY, twoPaths("path_rename", DATA, ".", DATA, "x"));
        assertEquals(Errno.SUCCESS, twoPaths("path_rename", DATA, "link", DATA, "link"));

        assertEquals(Errno.SUCCESS, twoPaths("path_rename", DATA, "empty", OTHER, "moved"));
        int len = guest.put(0x200, "moved/moved");
        assertEquals(Errno.SUCCESS, guest.call("path_filestat_get", OTHER, 0, 0x200, len, STAT));
        assertEquals(5, statSize());
    }

    @Test
    void symlinksAreCreatedReadAndFollowed() {
        assertEquals(Errno.SUCCESS, twoPaths2("sub/c.txt", "to-c"));
        assertEquals("charlie", contents("to-c"));
        assertEquals(Errno.SUCCESS, twoPaths2("sub", "to-sub"));
        assertEquals("charlie", contents("to-sub/c.txt"));
        assertEquals(Errno.EEXIST, twoPaths2("x", "a.txt"));

        int len = guest.put(0x200, "to-c");
        assertEquals(Errno.SUCCESS,
                guest.call("path_readlink", DATA, 0x200, len, 0x300, 100, 0x120));
        assertEquals(9, guest.i32(0x120));
        assertEquals("sub/c.txt", guest.string(0x300, 9));
        assertEquals(Errno.SUCCESS, guest.call("path_readlink", DATA, 0x200, len, 0x300, 3, 0x120));
        assertEquals(3, guest.i32(0x120));
        len = guest.put(0x200, "a.txt");
        assertEquals(Errno.EINVAL,
                guest.call("path_readlink", DATA, 0x200, len, 0x300, 100, 0x120));

        assertEquals(Errno.SUCCESS, twoPaths2("loop2", "loop1"));
        assertEquals(Errno.SUCCESS, twoPaths2("loop1", "loop2"));
        assertEquals(-Errno.ELOOP, open("loop1", 0));
        assertEquals(-Errno.ENOENT, guest.open(DATA, "dangling", 0, ALL, 0));
        assertEquals(Errno.SUCCESS, twoPaths2("target-to-be", "dangling"));
        assertTrue(open("dangling", CREAT) > 0);
        assertEquals(Errno.SUCCESS, stat("target-to-be", false));
    }

    private int twoPaths2(String target, String link) {
        int targetLen = guest.put(0x200, target);
        int linkLen = guest.put(0x280, link);
        return guest.call("path_symlink", 0x200, targetLen, DATA, 0x280, linkLen);
    }

    @Test
    void pathsCannotLeaveTheirDirectory() {
        assertEquals(-Errno.ENOTCAPABLE, open("../data/a.txt", 0));
        assertEquals(-Errno.ENOTCAPABLE, open("sub/../../a.txt", 0));
        assertEquals(-Errno.ENOTCAPABLE, open("/etc/passwd", 0));
        assertEquals(Errno.ENOTCAPABLE, guest.pathCall("path_create_directory", DATA, "../x"));

        twoPaths2("../../etc/passwd", "up");
        assertEquals(-Errno.ENOTCAPABLE, open("up", 0));
        assertEquals(Errno.SUCCESS, stat("up", false));

        int sub = guest.open(DATA, "sub", DIRECTORY, READ_ONLY | Rights.PATH_OPEN, 0);
        assertEquals(-Errno.ENOTCAPABLE, guest.open(sub, "../a.txt", 0, ALL, 0));
        twoPaths2("../b.txt", "sub/up-one");
        assertEquals("bravo", contents("sub/up-one"));
    }

    @Test
    void aSymlinkWithAnAbsoluteTargetIsRefusedAsWasmtimeDoes() {
        assertEquals(Errno.EPERM, twoPaths2("/etc/passwd", "absolute"));
        assertEquals(-Errno.ENOENT, open("absolute", 0));
    }

    @Test
    void aLinkOrSymlinkWhoseNewPathEndsWithASlashFails() {
        assertEquals(Errno.ENOENT, twoPaths2("a.txt", "new-link/"));
        assertEquals(Errno.EEXIST, twoPaths2("a.txt", "sub/"));
        int oldLen = guest.put(0x200, "a.txt");
        int newLen = guest.put(0x280, "hard/");
        assertEquals(Errno.ENOENT,
                guest.call("path_link", DATA, 0, 0x200, oldLen, DATA, 0x280, newLen));
        newLen = guest.put(0x280, "empty/");
        assertEquals(Errno.EEXIST,
                guest.call("path_link", DATA, 0, 0x200, oldLen, DATA, 0x280, newLen));
        assertEquals(-Errno.ENOENT, open("new-link", 0));
        assertEquals(-Errno.ENOENT, open("hard", 0));
    }

    @Test
    void readlinkNeverShowsAHostPath() throws IOException {
        Files.createSymbolicLink(tree.data.resolve("inside"), tree.data.resolve("sub/c.txt"));
        Files.createSymbolicLink(tree.data.resolve("sub/up"), tree.data);
        Files.createSymbolicLink(tree.data.resolve("outside"), tree.other.resolve("x"));
        guest = Guest.preview1(new FakeRun(tree.config().build()), new HostMountLoader());

        assertEquals("sub/c.txt", readlink("inside"));
        assertEquals("charlie", contents("inside"));
        assertEquals("..", readlink("sub/up"));
        assertEquals("bravo", contents("sub/up/b.txt"));
        int len = guest.put(0x200, "outside");
        assertEquals(Errno.ENOTCAPABLE,
                guest.call("path_readlink", DATA, 0x200, len, 0x300, 100, 0x120));
        assertEquals(-Errno.ENOTCAPABLE, open("outside", 0));
    }

    private String readlink(String path) {
        int len = guest.put(0x200, path);
        assertEquals(Errno.SUCCESS,
                guest.call("path_readlink", DATA, 0x200, len, 0x300, 100, 0x120));
        return guest.string(0x300, guest.i32(0x120));
    }

    @Test
    void hardLinksShareTheFile() {
        int oldLen = guest.put(0x200, "a.txt");
        int newLen = guest.put(0x280, "hard");
        assertEquals(Errno.SUCCESS,
                guest.call("path_link", DATA, 0, 0x200, oldLen, DATA, 0x280, newLen));
        stat("hard", false);
        assertEquals(2, statLinks());
        assertEquals(3, statIno());
        guest.write(open("hard", 0), "ALPHA");
        assertEquals("ALPHA\n", contents("a.txt"));
        oldLen = guest.put(0x200, "a.txt");
        newLen = guest.put(0x280, "hard");
        assertEquals(Errno.EEXIST,
                guest.call("path_link", DATA, 0, 0x200, oldLen, DATA, 0x280, newLen));

        int dirLen = guest.put(0x200, "sub");
        int linkLen = guest.put(0x300, "s2");
        assertEquals(Errno.EPERM,
                guest.call("path_link", DATA, 0, 0x200, dirLen, DATA, 0x300, linkLen));
    }

    @Test
    void badPathArgumentsAreErrnosNotExceptions() {
        assertEquals(Errno.EFAULT, guest.call("path_create_directory", DATA, Guest.END - 2, 4));
        assertEquals(Errno.EFAULT, guest.call("path_open", DATA, 0, 0x200,
                guest.put(0x200, "a.txt"), 0, ALL, ALL, 0, Guest.END));
        guest.memory.writeBytes(0x200, new byte[] {'a', (byte) 0xFF});
        assertEquals(Errno.EILSEQ, guest.call("path_create_directory", DATA, 0x200, 2));
        guest.memory.writeBytes(0x200, new byte[] {'a', 0});
        assertEquals(Errno.EINVAL, guest.call("path_create_directory", DATA, 0x200, 2));
        assertEquals(Errno.ENAMETOOLONG,
                guest.pathCall("path_create_directory", DATA, "n".repeat(256)));
        assertEquals(Errno.ENOENT, guest.pathCall("path_create_directory", DATA, ""));
        assertEquals(Errno.EBADF, guest.pathCall("path_create_directory", 9, "x"));
        assertEquals(Errno.EINVAL, guest.call("path_filestat_get", DATA, 2, 0x200, 1, STAT));
    }

    @Test
    void aMissingHostDirectoryIsAClearHostError() {
        RunConfig config = RunConfig.builder()
                .mount(new Mount(root.resolve("nope"), "/nope")).build();
        HostError error = assertThrows(HostError.class, () -> Guest.preview1(config));
        assertEquals(ExitCodes.USAGE, error.exitCode());
        assertEquals("--dir " + root.resolve("nope") + ": no such directory", error.getMessage());
    }
}
