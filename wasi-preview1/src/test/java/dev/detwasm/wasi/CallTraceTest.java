package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTraceTest {

    @Test
    void traceWasiPrintsOneLinePerCallWithArgumentsAndResult() {
        FakeRun run = new FakeRun(RunConfig.builder().traceWasi(true).build());
        Guest guest = Guest.preview1(run, new HostMountLoader());
        run.threads.current = 3;

        guest.write(1, "hi");
        guest.call("fd_close", 9);
        int len = guest.put(0x200, "a \"b\"\n");
        guest.call("path_create_directory", 5, 0x200, len);

        assertEquals("""
                [t3] fd_write(fd=1, iovs=0x1000 [1 iovec, 2 bytes "hi"], iovs_len=1, nwritten=0x1008 -> 2) -> 0 (success)
                [t3] fd_close(fd=9) -> 8 (badf)
                [t3] path_create_directory(fd=5, path=0x200 "a \\"b\\"\\n", path_len=6) -> 8 (badf)
                """, run.diagnosticText());
        assertEquals(List.of(
                "t3 wasi fd_write(fd=1, iovs=0x1000 [1 iovec, 2 bytes \"hi\"], iovs_len=1,"
                        + " nwritten=0x1008 -> 2) -> 0 (success)",
                "t3 wasi fd_close(fd=9) -> 8 (badf)",
                "t3 wasi path_create_directory(fd=5, path=0x200 \"a \\\"b\\\"\\n\", path_len=6)"
                        + " -> 8 (badf)"),
                run.events.lines());
    }

    @Test
    void valuesAreShownByTheirKind() {
        assertEquals("f(fd=-1, offset=-2, rights=0xffffffffffffffff, buf=0xfffffff0, p=0x10000"
                        + " <fault>, len=4) -> 0 (success)",
                CallTrace.format("f",
                        List.of(Param.i32("fd"), Param.i64("offset"), Param.flags64("rights"),
                                Param.ptr("buf"), Param.text("p"), Param.i32("len")),
                        new long[] {-1, -2, -1, 0xFFFF_FFF0L, 0x10000, 4},
                        Guest.preview1(RunConfig.builder().build()).memory, "0 (success)"));
    }

    @Test
    void outValuesIovecsAndPollSubscriptionsAreDecoded() {
        var memory = Guest.preview1(RunConfig.builder().build()).memory;
        memory.writeI64(0x100, 1704067200001500000L);
        memory.writeBytes(0x200, "0123456789abcdefghijklmnopqrstuvwxyz".getBytes());
        memory.writeI32(0x300, 0x200);
        memory.writeI32(0x304, 36);
        memory.writeU8(0x408, (byte) 0);
        memory.writeI32(0x410, 1);
        memory.writeI64(0x418, 2_000_000L);
        memory.writeU8(0x438, (byte) 1);
        memory.writeI32(0x440, 0);
        assertEquals("clock_time_get(time=0x100 -> 1704067200001500000) -> 0 (success)",
                CallTrace.format("clock_time_get", List.of(Param.out64("time")),
                        new long[] {0x100}, memory, "0 (success)"));
        assertEquals("fd_write(iovs=0x300 [1 iovec, 36 bytes \"0123456789abcdefghijklmnopqrstuv...\"],"
                        + " iovs_len=1)",
                CallTrace.format("fd_write", List.of(Param.iovecs("iovs"), Param.i32("iovs_len")),
                        new long[] {0x300, 1}, memory, null));
        assertEquals("poll_oneoff(in=0x400 [clock 1 2000000 ns, fd_read 0], out=0x0,"
                        + " nsubscriptions=2)",
                CallTrace.format("poll_oneoff",
                        List.of(Param.subscriptions("in"), Param.ptr("out"),
                                Param.i32("nsubscriptions")),
                        new long[] {0x400, 0, 2}, memory, null));
    }

    @Test
    void nothingIsRecordedWhenNeitherTraceNorEventsAreOn() {
        FakeRun run = new FakeRun(RunConfig.builder().build(), decision -> 0, false);
        Guest guest = Guest.preview1(run, new HostMountLoader());

        guest.write(1, "hi");

        assertEquals(false, new CallTrace(run).enabled());
        assertEquals("", run.diagnosticText());
        assertEquals(List.of(), run.events.lines());
    }
}
