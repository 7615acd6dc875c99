package dev.detwasm.cli;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * When the command started, which {@code check --time-limit} counts from: the JVM's start when
 * detwasm runs as a process, so that start-up is inside the limit the user gave (a fraction of
 * a second, several on a loaded machine); the call's start when the CLI runs in-process.
 */
@FunctionalInterface
public interface CommandStart {
    Instant at();

    /**
     * The JVM's own record of its start, read only when asked (the management classes cost
     * some milliseconds). {@code ProcessHandle}'s start instant is not used: Linux gives it
     * from the boot time in whole seconds, up to a second early.
     */
    static CommandStart ofJvm() {
        return () -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    static CommandStart at(Instant instant) {
        return () -> instant;
    }
}
