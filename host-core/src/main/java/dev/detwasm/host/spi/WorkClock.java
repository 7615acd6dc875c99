package dev.detwasm.host.spi;

/**
 * The running thread's work as virtual time ({@code --clock steps}): the host counts executed
 * steps, the scheduler moves its clock by them. The scheduler takes the work whenever a thread
 * enters it; the work is counted up to the thread's last call (see {@code
 * Builtins.FUEL_GLOBAL}), so the clock is exact where a thread reads it.
 */
public interface WorkClock {
    /** Time stands still while threads work: the clock moves only when all of them block. */
    WorkClock NONE =
            new WorkClock() {
                @Override
                public long take() {
                    return 0;
                }
            };

    /** Virtual nanoseconds of work the running thread did since this was last called for it. */
    long take();
}
