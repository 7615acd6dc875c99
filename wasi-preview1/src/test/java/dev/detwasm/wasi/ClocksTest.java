package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import org.junit.jupiter.api.Test;

class ClocksTest {
    private static final long START = 1_704_067_200_000_000_000L;

    private final Guest guest = Guest.preview1(RunConfig.builder().build());

    private long time(int clock) {
        assertEquals(Errno.SUCCESS, guest.call("clock_time_get", clock, 1, 0x100));
        return guest.i64(0x100);
    }

    @Test
    void wallAndMonotonicClocksStartAt2024AndCpuClocksAtZero() {
        assertEquals(START, time(VirtualClocks.REALTIME));
        assertEquals(START, time(VirtualClocks.MONOTONIC));
        assertEquals(0, time(VirtualClocks.PROCESS_CPUTIME));
        assertEquals(0, time(VirtualClocks.THREAD_CPUTIME));
    }

    @Test
    void everyClockMovesExactlyWithVirtualTime() {
        guest.run.threads.now = 3_600_000_000_123L;

        assertEquals(START + 3_600_000_000_123L, time(VirtualClocks.REALTIME));
        assertEquals(START + 3_600_000_000_123L, time(VirtualClocks.MONOTONIC));
        assertEquals(3_600_000_000_123L, time(VirtualClocks.PROCESS_CPUTIME));
        assertEquals(3_600_000_000_123L, time(VirtualClocks.THREAD_CPUTIME));
    }

    @Test
    void resolutionIsOneNanosecond() {
        for (int clock = 0; clock < 4; clock++) {
            assertEquals(Errno.SUCCESS, guest.call("clock_res_get", clock, 0x100));
            assertEquals(1, guest.i64(0x100));
        }
    }

    @Test
    void anUnknownClockIsEinval() {
        assertEquals(Errno.EINVAL, guest.call("clock_time_get", 4, 1, 0x100));
        assertEquals(Errno.EINVAL, guest.call("clock_res_get", -1, 0x100));
    }

    @Test
    void aResultPointerOutsideMemoryIsEfault() {
        assertEquals(Errno.EFAULT, guest.call("clock_time_get", 0, 1, Guest.END - 4));
        assertEquals(Errno.EFAULT, guest.call("clock_res_get", 0, -1));
    }

    @Test
    void theEpochIsABindingParameter() {
        FixedEpochClocks clocks = new FixedEpochClocks(42);

        assertEquals(42 + 7, clocks.read(VirtualClocks.REALTIME, 7));
        assertEquals(7, clocks.virtualTime(VirtualClocks.MONOTONIC, 49));
        assertEquals(7, clocks.read(VirtualClocks.PROCESS_CPUTIME, 7));
    }
}
