package dev.detwasm.wasi;

/**
 * What the guest's clocks read, as a function of the run's virtual time (nanoseconds since the
 * run began, which only the scheduler advances). Bound in {@link WasiPreview1Module}; override
 * the binding to start the clocks elsewhere. Implementations must be pure functions: the same
 * virtual time gives the same readings, so runs stay reproducible.
 */
public interface VirtualClocks {
    int REALTIME = 0;
    int MONOTONIC = 1;
    int PROCESS_CPUTIME = 2;
    int THREAD_CPUTIME = 3;

    /** Whether {@code clockId} names a clock; the others are {@code EINVAL}. */
    boolean exists(int clockId);

    /** What {@code clockId} reads when the run's virtual time is {@code virtualNanos}. */
    long read(int clockId, long virtualNanos);

    /**
     * The virtual time at which {@code clockId} reads {@code reading}: the inverse of {@link
     * #read}, used for absolute {@code poll_oneoff} deadlines.
     */
    long virtualTime(int clockId, long reading);

    /** The resolution {@code clock_res_get} reports for {@code clockId}, in nanoseconds. */
    long resolution(int clockId);
}
