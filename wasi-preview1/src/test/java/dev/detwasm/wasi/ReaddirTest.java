package dev.detwasm.wasi;

import static dev.detwasm.wasi.MountedTree.DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.Mount;
import dev.detwasm.host.RunConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaddirTest {
    private static final int BUF = 0x2000;
    private static final int USED = 0x100;

    @TempDir
    Path root;

    private Guest guest;

    @BeforeEach
    void mount() {
        guest = Guest.preview1(new MountedTree(root).config().build());
    }

    /** One parsed {@code dirent}; {@code name} may be cut short by the buffer. */
    private record Dirent(long next, long ino, int nameLength, int type, String name) {
        @Override
        public String toString() {
            return name + "/" + type + "/" + ino + "/" + next;
        }
    }

    private int readdir(int fd, int bufLen, long cookie) {
        return guest.call("fd_readdir", fd, BUF, bufLen, cookie, USED);
    }

    private List<Dirent> entries() {
        int used = guest.i32(USED);
        List<Dirent> entries = new ArrayList<>();
        for (int at = 0; at + 24 <= used; ) {
            int nameLength = guest.i32(BUF + at + 16);
            int available = Math.min(nameLength, used - at - 24);
            entries.add(new Dirent(guest.i64(BUF + at), guest.i64(BUF + at + 8), nameLength,
                    guest.memory.readU8(BUF + at + 20), guest.string(BUF + at + 24, available)));
            at += 24 + nameLength;
        }
        return entries;
    }

    @Test
    void entriesAreDotDotDotThenNamesInByteOrder() {
        assertEquals(Errno.SUCCESS, readdir(DATA, 4096, 0));

        assertEquals("[./3/1/1, ../3/1/2, a.txt/4/3/3, b.txt/4/4/4, empty/3/5/5, link/7/6/6,"
                + " sub/3/7/7]", entries().toString());
        assertEquals(7 * 24 + 1 + 2 + 5 + 5 + 5 + 4 + 3, guest.i32(USED));
    }

    @Test
    void dotDotOfASubdirectoryIsItsParent() {
        int sub = guest.open(DATA, "sub", 2, Rights.FD_READDIR, 0);
        assertEquals(Errno.SUCCESS, readdir(sub, 4096, 0));
        assertEquals("[./3/7/1, ../3/1/2, c.txt/4/8/3]", entries().toString());
    }

    /** Served by a {@link MountLoader} of its own, so that no host file name encoding matters. */
    @Test
    void namesSortByTheirUtf8Bytes() {
        Map<String, ImageNode> files = new HashMap<>();
        for (String name : List.of("b", "B", "é", "\uD83D\uDE00", "\uFFFD", "a", "aa", "_")) {
            files.put(name, ImageFile.of(new byte[0]));
        }
        MountImage image = new MountImage(new ImageDirectory(files));
        guest = Guest.preview1(
                new FakeRun(RunConfig.builder().mount(new Mount(root, ".")).build()),
                mount -> image);

        assertEquals(Errno.SUCCESS, readdir(3, 4096, 0));

        assertEquals(List.of(".", "..", "B", "_", "a", "aa", "b", "é", "\uFFFD", "\uD83D\uDE00"),
                entries().stream().map(Dirent::name).toList());
    }

    @Test
    void aCookieResumesAfterTheEntriesAlreadySeen() {
        assertEquals(Errno.SUCCESS, readdir(DATA, 4096, 4));
        assertEquals("[empty/3/5/5, link/7/6/6, sub/3/7/7]", entries().toString());
        assertEquals(Errno.SUCCESS, readdir(DATA, 4096, 7));
        assertEquals(0, guest.i32(USED));
        assertEquals(Errno.SUCCESS, readdir(DATA, 4096, 1000));
        assertEquals(0, guest.i32(USED));
    }

    @Test
    void aSmallBufferIsFilledToTheByteWithTheLastEntryCutOff() {
        guest.memory.writeBytes(BUF, new byte[100]);

        assertEquals(Errno.SUCCESS, readdir(DATA, 60, 0));

        assertEquals(60, guest.i32(USED));
        List<Dirent> entries = entries();
        assertEquals("[./3/1/1, ../3/1/2]", entries.toString());
        // The third entry's header is cut after 9 of its 24 bytes: d_next (3) and one byte of
        // d_ino; nothing is written past the buffer.
        assertEquals(3, guest.i64(BUF + 51));
        assertEquals(0, guest.memory.readU8(BUF + 60));
    }

    @Test
    void readingWithGrowingBuffersAsWasiLibcDoesSeesEveryEntryOnce() {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        int size = 32;
        while (true) {
            assertEquals(Errno.SUCCESS, readdir(DATA, size, cookie));
            int used = guest.i32(USED);
            List<Dirent> entries = entries();
            boolean progressed = false;
            for (Dirent d : entries) {
                if (d.name().getBytes(StandardCharsets.UTF_8).length == d.nameLength()) {
                    names.add(d.name());
                    cookie = d.next();
                    progressed = true;
                }
            }
            if (used < size) {
                break;
            }
            if (!progressed) {
                size *= 2;
            }
        }
        assertEquals(List.of(".", "..", "a.txt", "b.txt", "empty", "link", "sub"), names);
    }

    @Test
    void newAndRemovedEntriesShowInTheNextListing() {
        guest.pathCall("path_create_directory", DATA, "c-dir");
        guest.pathCall("path_unlink_file", DATA, "b.txt");

        assertEquals(Errno.SUCCESS, readdir(DATA, 4096, 2));

        assertEquals(List.of("a.txt", "c-dir", "empty", "link", "sub"),
                entries().stream().map(Dirent::name).toList());
        assertEquals(8, entries().get(1).ino());
    }

    @Test
    void errorsAreErrnos() {
        assertEquals(Errno.EBADF, readdir(42, 100, 0));
        assertEquals(Errno.ENOTDIR, readdir(1, 100, 0));
        assertEquals(Errno.EFAULT, guest.call("fd_readdir", DATA, Guest.END - 10, 100, 0, USED));
        assertEquals(Errno.EFAULT, guest.call("fd_readdir", DATA, BUF, 100, 0, Guest.END));
        int noRight = guest.open(DATA, "sub", 2, Rights.FD_FILESTAT_GET, 0);
        assertEquals(Errno.ENOTCAPABLE, readdir(noRight, 100, 0));
    }
}
