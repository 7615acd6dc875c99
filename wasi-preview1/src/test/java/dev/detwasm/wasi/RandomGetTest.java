package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.detwasm.host.RunConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomGetTest {

    private static byte[] draw(long seed, int... lengths) {
        Guest guest = Guest.preview1(RunConfig.builder().seed(seed).build());
        int total = 0;
        for (int length : lengths) {
            assertEquals(Errno.SUCCESS, guest.call("random_get", 0x100 + total, length));
            total += length;
        }
        return guest.memory.readBytes(0x100, total);
    }

    @Test
    void seedZeroGivesSplitMix64sFirstOutputLittleEndian() {
        // SplitMix64's first output for seed 0 is 0xE220A8397B1DCDAF.
        assertArrayEquals(
                new byte[] {(byte) 0xAF, (byte) 0xCD, 0x1D, 0x7B, 0x39, (byte) 0xA8, 0x20,
                    (byte) 0xE2},
                draw(0, 8));
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertArrayEquals(draw(7, 100), draw(7, 100));
    }

    @Test
    void differentSeedsGiveDifferentBytes() {
        assertFalse(Arrays.equals(draw(1, 32), draw(2, 32)));
    }

    @Test
    void theStreamDoesNotDependOnHowRequestsAreSplit() {
        assertArrayEquals(draw(5, 20), draw(5, 3, 1, 9, 7));
    }

    @Test
    void largeRequestsSpanSeveralChunks() {
        Guest guest = Guest.preview1(RunConfig.builder().build());
        assertEquals(Errno.SUCCESS, guest.call("random_get", 0, Guest.END));
        byte[] first = guest.memory.readBytes(0, 16);
        assertArrayEquals(draw(0, 16), first);
    }

    @Test
    void aBufferOutsideMemoryIsEfaultAndConsumesNothing() {
        Guest guest = Guest.preview1(RunConfig.builder().build());

        assertEquals(Errno.EFAULT, guest.call("random_get", Guest.END - 4, 8));
        assertEquals(Errno.SUCCESS, guest.call("random_get", 0x100, 8));
        assertArrayEquals(draw(0, 8), guest.memory.readBytes(0x100, 8));
    }
}
