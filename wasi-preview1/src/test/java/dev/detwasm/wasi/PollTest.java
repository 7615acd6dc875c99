package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTest {
    private static final long START = 1_704_067_200_000_000_000L;
    private static final int IN = 0x100;
    private static final int OUT = 0x400;
    private static final int NEVENTS = 0x80;

    private final Guest guest = Guest.preview1(
            RunConfig.builder().stdin("abc".getBytes(StandardCharsets.UTF_8)).build());

    private void clock(int index, long userdata, int clock, long timeout, int flags) {
        int sub = IN + 48 * index;
        guest.memory.writeI64(sub, userdata);
        guest.memory.writeU8(sub + 8, (byte) 0);
        guest.memory.writeI32(sub + 16, clock);
        guest.memory.writeI64(sub + 24, timeout);
        guest.memory.writeI64(sub + 32, 1000);
        guest.memory.writeU16(sub + 40, (short) flags);
    }

    private void fd(int index, long userdata, int type, int fd) {
        int sub = IN + 48 * index;
        guest.memory.writeI64(sub, userdata);
        guest.memory.writeU8(sub + 8, (byte) type);
        guest.memory.writeI32(sub + 16, fd);
    }

    private int poll(int subscriptions) {
        return guest.call("poll_oneoff", IN, OUT, subscriptions, NEVENTS);
    }

    private long userdata(int event) {
        return guest.i64(OUT + 32 * event);
    }

    private int error(int event) {
        return guest.memory.readU16(OUT + 32 * event + 8);
    }

    private int type(int event) {
        return guest.memory.readU8(OUT + 32 * event + 10);
    }

    private long nbytes(int event) {
        return guest.i64(OUT + 32 * event + 16);
    }

    private int flags(int event) {
        return guest.memory.readU16(OUT + 32 * event + 24);
    }

    @Test
    void aRelativeClockSleepsExactlyItsTimeout() {
        guest.run.threads.now = 500;
        clock(0, 77, VirtualClocks.MONOTONIC, 2_000_000_000L, 0);

        assertEquals(Errno.SUCCESS, poll(1));

        assertEquals(List.of(2_000_000_500L), guest.run.threads.sleeps);
        assertEquals(2_000_000_500L, guest.run.threads.now);
        assertEquals(1, guest.i32(NEVENTS));
        assertEquals(77, userdata(0));
        assertEquals(Errno.SUCCESS, error(0));
        assertEquals(0, type(0));
    }

    @Test
    void anAbsoluteWallClockDeadlineIsConvertedToVirtualTime() {
        clock(0, 1, VirtualClocks.REALTIME, START + 5_000, 1);

        assertEquals(Errno.SUCCESS, poll(1));

        assertEquals(List.of(5_000L), guest.run.threads.sleeps);
        assertEquals(1, guest.i32(NEVENTS));
    }

    @Test
    void aDeadlineInThePastIsDueWithoutSleeping() {
        guest.run.threads.now = 10_000;
        clock(0, 1, VirtualClocks.MONOTONIC, START + 5_000, 1);

        assertEquals(Errno.SUCCESS, poll(1));

        assertEquals(List.of(), guest.run.threads.sleeps);
        assertEquals(1, guest.i32(NEVENTS));
    }

    @Test
    void severalClocksSleepToTheEarliestAndReportOnlyTheDueOnes() {
        clock(0, 10, VirtualClocks.MONOTONIC, 300, 0);
        clock(1, 11, VirtualClocks.REALTIME, 100, 0);
        clock(2, 12, VirtualClocks.MONOTONIC, START + 100, 1);

        assertEquals(Errno.SUCCESS, poll(3));

        assertEquals(List.of(100L), guest.run.threads.sleeps);
        assertEquals(2, guest.i32(NEVENTS));
        assertEquals(11, userdata(0));
        assertEquals(12, userdata(1));
    }

    @Test
    void anFdSubscriptionIsReadyAtOnceAndClocksDoNotSleep() {
        clock(0, 20, VirtualClocks.MONOTONIC, 1_000, 0);
        fd(1, 21, 1, 0);
        fd(2, 22, 2, 1);

        assertEquals(Errno.SUCCESS, poll(3));

        assertEquals(List.of(), guest.run.threads.sleeps);
        assertEquals(2, guest.i32(NEVENTS));
        assertEquals(21, userdata(0));
        assertEquals(1, type(0));
        assertEquals(3, nbytes(0));
        assertEquals(0, flags(0));
        assertEquals(22, userdata(1));
        assertEquals(2, type(1));
        assertEquals(Errno.SUCCESS, error(1));
    }

    @Test
    void exhaustedStdinIsReadyWithHangup() {
        guest.read(0, 10);
        fd(0, 1, 1, 0);

        assertEquals(Errno.SUCCESS, poll(1));

        assertEquals(0, nbytes(0));
        assertEquals(1, flags(0));
    }

    @Test
    void badDescriptorsAndClocksAreEventsWithAnError() {
        fd(0, 30, 1, 9);
        clock(1, 31, 17, 5, 0);

        assertEquals(Errno.SUCCESS, poll(2));

        assertEquals(2, guest.i32(NEVENTS));
        assertEquals(Errno.EBADF, error(0));
        assertEquals(Errno.EINVAL, error(1));
        assertEquals(List.of(), guest.run.threads.sleeps);
    }

    @Test
    void noSubscriptionsOrAnUnknownTypeIsEinval() {
        assertEquals(Errno.EINVAL, poll(0));
        fd(0, 1, 3, 0);
        assertEquals(Errno.EINVAL, poll(1));
    }

    @Test
    void buffersOutsideMemoryAreEfault() {
        clock(0, 1, VirtualClocks.MONOTONIC, 5, 0);
        assertEquals(Errno.EFAULT, guest.call("poll_oneoff", IN, Guest.END - 16, 1, NEVENTS));
        assertEquals(Errno.EFAULT, guest.call("poll_oneoff", Guest.END - 40, OUT, 1, NEVENTS));
        assertEquals(Errno.EFAULT, guest.call("poll_oneoff", IN, OUT, 1, Guest.END));
        assertEquals(Errno.EFAULT, guest.call("poll_oneoff", IN, OUT, 0x7FFF_FFFF, NEVENTS));
        assertEquals(List.of(), guest.run.threads.sleeps);
    }

    @Test
    void anUnsignedTimeoutBeyondLongMaxSleepsForever() {
        clock(0, 1, VirtualClocks.MONOTONIC, -1, 0);

        assertEquals(Errno.SUCCESS, poll(1));

        assertEquals(List.of(Long.MAX_VALUE), guest.run.threads.sleeps);
    }
}
