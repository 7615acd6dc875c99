package dev.detwasm.wasi;

/**
 * The default {@link VirtualClocks}. The wall clock ({@code REALTIME}) and {@code MONOTONIC}
 * both start at a fixed instant, by default 2024-01-01T00:00:00Z (1704067200000000000 ns), and
 * advance with the run's virtual time. The CPU-time clocks ({@code PROCESS_CPUTIME}, {@code
 * THREAD_CPUTIME}) read the virtual time itself, so they start at 0 as a fresh process's do;
 * every thread's CPU-time clock reads the same. All report a resolution of 1 ns, the virtual
 * clock's own granularity.
 */
public final class FixedEpochClocks implements VirtualClocks {
    /** 2024-01-01T00:00:00Z in nanoseconds since the Unix epoch. */
    public static final long DEFAULT_EPOCH = 1_704_067_200_000_000_000L;

    private final long epoch;

    public FixedEpochClocks() {
        this(DEFAULT_EPOCH);
    }

    /** @param epoch what {@code REALTIME} and {@code MONOTONIC} read when the run starts */
    public FixedEpochClocks(long epoch) {
        this.epoch = epoch;
    }

    @Override
    public boolean exists(int clockId) {
        return clockId >= REALTIME && clockId <= THREAD_CPUTIME;
    }

    @Override
    public long read(int clockId, long virtualNanos) {
        return offset(clockId) + virtualNanos;
    }

    @Override
    public long virtualTime(int clockId, long reading) {
        return reading - offset(clockId);
    }

    @Override
    public long resolution(int clockId) {
        return 1;
    }

    private long offset(int clockId) {
        return clockId == REALTIME || clockId == MONOTONIC ? epoch : 0;
    }
}
