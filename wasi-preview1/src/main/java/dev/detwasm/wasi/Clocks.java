package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.GuestThreads;

/** {@code clock_res_get} and {@code clock_time_get} over the run's {@link VirtualClocks}. */
final class Clocks {
    private final VirtualClocks clocks;
    private final GuestThreads threads;

    Clocks(VirtualClocks clocks, GuestThreads threads) {
        this.clocks = clocks;
        this.threads = threads;
    }

    int resGet(GuestMemory memory, int clockId, int resultPtr) {
        requireClock(clockId);
        memory.writeI64(resultPtr, clocks.resolution(clockId));
        return Errno.SUCCESS;
    }

    /** The {@code precision} argument is ignored: virtual time is exact. */
    int timeGet(GuestMemory memory, int clockId, int resultPtr) {
        requireClock(clockId);
        memory.writeI64(resultPtr, now(clockId));
        return Errno.SUCCESS;
    }

    long now(int clockId) {
        return clocks.read(clockId, threads.now());
    }

    private void requireClock(int clockId) {
        if (!clocks.exists(clockId)) {
            throw new ErrnoException(Errno.EINVAL);
        }
    }
}
