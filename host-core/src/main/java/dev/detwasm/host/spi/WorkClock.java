package dev.detwasm.host.spi;

/**
 * The running thread's work as virtual time ({@code --clock steps}): the host counts executed
 * steps, the scheduler moves its clock by them. The scheduler takes the work whenever a thread
 * enters it, so the clock is exact at every point a thread can observe it or be switched.
 */
public interface WorkClock {
    /** Time stands still while threads work: the clock moves only when all of them block. */
    WorkClock NONE =
            new WorkClock() {
                @Override
                public long take() {
                    return 0;
                }

                @Override
                public void rearm() {}
            };

    /** Virtual nanoseconds of work the running thread did since this was last called for it. */
    long take();

    /**
     * The running thread goes back to guest code after its timers or the clock changed: it must
     * enter the scheduler again by the time {@link GuestThreads#untilTimer} has passed.
     */
    void rearm();
}
