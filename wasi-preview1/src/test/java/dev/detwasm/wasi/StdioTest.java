package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdioTest {
    private final Guest guest = Guest.preview1(RunConfig.builder()
            .stdin("first line\nsecond\n".getBytes(StandardCharsets.UTF_8))
            .build());

    @Test
    void fd1AndFd2WriteToTheRunsOutput() {
        assertEquals(Errno.SUCCESS, guest.write(1, "out"));
        assertEquals(3, guest.i32(Guest.SCRATCH + 8));
        assertEquals(Errno.SUCCESS, guest.write(2, "err!"));
        assertEquals(4, guest.i32(Guest.SCRATCH + 8));

        assertEquals("out", guest.run.stdout());
        assertEquals("err!", guest.run.stderr());
    }

    @Test
    void writesGatherEveryIovecInOrder() {
        guest.put(0x200, "abc");
        guest.put(0x300, "de");
        guest.iovec(0x100, 0x200, 3);
        guest.iovec(0x108, 0x300, 0);
        guest.iovec(0x110, 0x300, 2);

        assertEquals(Errno.SUCCESS, guest.call("fd_write", 1, 0x100, 3, 0x120));
        assertEquals(5, guest.i32(0x120));
        assertEquals("abcde", guest.run.stdout());
    }

    @Test
    void stdinReadsTheConfiguredBytesThenEndOfFile() {
        assertEquals("first", guest.read(0, 5));
        assertEquals(" line\nsecond\n", guest.read(0, 100));
        assertEquals("", guest.read(0, 100));
    }

    @Test
    void readsScatterOverIovecs() {
        guest.iovec(0x100, 0x200, 2);
        guest.iovec(0x108, 0x300, 3);

        assertEquals(Errno.SUCCESS, guest.call("fd_read", 0, 0x100, 2, 0x120));
        assertEquals(5, guest.i32(0x120));
        assertEquals("fi", guest.string(0x200, 2));
        assertEquals("rst", guest.string(0x300, 3));
    }

    @Test
    void aBadIovecIsEfaultBeforeAnyInputIsConsumed() {
        guest.iovec(0x100, 0x200, 2);
        guest.iovec(0x108, Guest.END - 1, 2);

        assertEquals(Errno.EFAULT, guest.call("fd_read", 0, 0x100, 2, 0x120));
        assertEquals(Errno.EFAULT, guest.call("fd_read", 0, Guest.END - 4, 1, 0x120));
        assertEquals(Errno.EFAULT, guest.call("fd_read", 0, 0x100, 1, Guest.END));
        assertEquals("first", guest.read(0, 5));
    }

    @Test
    void aBadIovecIsEfaultBeforeAnyOutputIsWritten() {
        guest.iovec(0x100, 0x200, 2);
        guest.iovec(0x108, -8, 16);

        assertEquals(Errno.EFAULT, guest.call("fd_write", 1, 0x100, 2, 0x120));
        assertEquals(Errno.EFAULT, guest.call("fd_write", 1, 0x100, 1, -1));
        assertEquals("", guest.run.stdout());
    }

    @Test
    void unknownDescriptorsAreEbadf() {
        assertEquals(Errno.EBADF, guest.write(3, "x"));
        assertEquals(Errno.EBADF, guest.write(-1, "x"));
        assertEquals(Errno.EBADF, guest.call("fd_fdstat_get", 99, 0x100));
        assertEquals(Errno.EBADF, guest.call("fd_close", 3));
        assertEquals(Errno.EBADF, guest.call("fd_prestat_get", 3, 0x100));
    }

    @Test
    void stdioIsAStreamThatCannotSeekAndNoTerminal() {
        assertEquals(Errno.SUCCESS, guest.call("fd_fdstat_get", 1, 0x100));
        assertEquals(Filetype.UNKNOWN, guest.memory.readU8(0x100));
        assertEquals(0, guest.memory.readU16(0x102));
        assertEquals(Rights.OUTPUT, guest.i64(0x108));
        assertEquals(0, guest.i64(0x110));

        assertEquals(Errno.ESPIPE, guest.call("fd_seek", 0, 0, 0, 0x100));
        assertEquals(Errno.ESPIPE, guest.call("fd_tell", 1, 0x100));
        assertEquals(Errno.ESPIPE, guest.call("fd_pread", 0, 0x100, 0, 0, 0x120));
    }

    @Test
    void stdoutCannotBeReadNorStdinWritten() {
        assertEquals(Errno.ENOTCAPABLE, guest.call("fd_read", 1, 0x100, 0, 0x120));
        assertEquals(Errno.ENOTCAPABLE, guest.write(0, "x"));
    }

    @Test
    void stdioFilestatIsSynthetic() {
        assertEquals(Errno.SUCCESS, guest.call("fd_filestat_get", 2, 0x100));
        assertEquals(0, guest.i64(0x108));
        assertEquals(Filetype.UNKNOWN, guest.memory.readU8(0x110));
        assertEquals(1, guest.i64(0x118));
        assertEquals(0, guest.i64(0x120));
        assertEquals(1_704_067_200_000_000_000L, guest.i64(0x128));
    }

    @Test
    void closedStdoutIsEbadfAndItsNumberIsReused() {
        assertEquals(Errno.SUCCESS, guest.call("fd_close", 1));
        assertEquals(Errno.EBADF, guest.write(1, "x"));
        assertEquals(Errno.SUCCESS, guest.call("fd_renumber", 2, 0));
        assertEquals(Errno.SUCCESS, guest.write(0, "to stderr"));
        assertEquals(Errno.EBADF, guest.write(2, "x"));
        assertEquals("to stderr", guest.run.stderr());
    }

    @Test
    void renumberNeedsBothDescriptorsOpen() {
        assertEquals(Errno.EBADF, guest.call("fd_renumber", 1, 7));
        assertEquals(Errno.EBADF, guest.call("fd_renumber", 7, 1));
        assertEquals(Errno.SUCCESS, guest.call("fd_renumber", 1, 1));
        assertEquals(Errno.SUCCESS, guest.write(1, "still"));
        assertEquals("still", guest.run.stdout());
    }

    @Test
    void flagsCanBeSetAndRightsOnlyDropped() {
        assertEquals(Errno.SUCCESS, guest.call("fd_fdstat_set_flags", 0, Descriptor.NONBLOCK));
        guest.call("fd_fdstat_get", 0, 0x100);
        assertEquals(Descriptor.NONBLOCK, guest.memory.readU16(0x102));
        assertEquals(Errno.EINVAL, guest.call("fd_fdstat_set_flags", 0, 0x20));

        assertEquals(Errno.ENOTCAPABLE,
                guest.call("fd_fdstat_set_rights", 1, Rights.OUTPUT | Rights.FD_READ, 0));
        assertEquals(Errno.SUCCESS, guest.call("fd_fdstat_set_rights", 1, Rights.FD_READ & 0, 0));
        assertEquals(Errno.ENOTCAPABLE, guest.write(1, "x"));
    }
}
