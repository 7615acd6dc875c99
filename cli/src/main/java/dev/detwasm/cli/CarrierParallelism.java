package dev.detwasm.cli;

/**
 * How many platform threads carry the JVM's virtual threads, on which guest threads and
 * {@code check}'s workers run. One run holds one baton, so a run needs one carrier and
 * {@code check --jobs J} needs J. With more (the JDK's default is one per core) every hand-off
 * between guest threads wakes an idle carrier on another core and the run hops between cores:
 * on 2 cores, a one-job {@code check} of the racy counter spent a core more CPU and ran 15%
 * slower that way. The JDK reads the setting once, when the first virtual thread starts.
 */
@FunctionalInterface
public interface CarrierParallelism {
    /** Asks for {@code carriers} carrier threads before the command starts any thread. */
    void reserve(int carriers);

    /**
     * For the detwasm process: sets the JDK's property unless the user set it
     * ({@code DETWASM_JAVA_OPTS=-Djdk.virtualThreadScheduler.parallelism=N}).
     */
    static CarrierParallelism ofProcess() {
        return carriers -> {
            if (System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, Integer.toString(Math.max(1, carriers)));
            }
        };
    }

    /** In-process callers share their JVM's virtual threads: leave them as they are. */
    static CarrierParallelism shared() {
        return carriers -> {};
    }

    String PROPERTY = "jdk.virtualThreadScheduler.parallelism";
}
