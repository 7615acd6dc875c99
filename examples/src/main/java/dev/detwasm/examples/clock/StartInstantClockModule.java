package dev.detwasm.examples.clock;

import com.google.inject.AbstractModule;
import dev.detwasm.wasi.FixedEpochClocks;
import dev.detwasm.wasi.VirtualClocks;
import java.time.Instant;

/**
 * A plugin that starts the guest's wall and monotonic clocks at a given instant instead of
 * 2024-01-01T00:00:00Z: replaces the {@link VirtualClocks} binding. Time still moves only with
 * the run's virtual time, so runs stay reproducible.
 *
 * <p>Its configuration travels with it: an embedder passes the instant to the constructor; the
 * CLI, which makes plugins through {@link java.util.ServiceLoader}, gets {@link #DEFAULT_START}.
 */
public final class StartInstantClockModule extends AbstractModule {
    /** 2001-09-09T01:46:40Z, one billion seconds after the epoch. */
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_000_000_000L);

    private final Instant start;

    public StartInstantClockModule() {
        this(DEFAULT_START);
    }

    public StartInstantClockModule(Instant start) {
        this.start = start;
    }

    @Override
    protected void configure() {
        long nanos = Math.addExact(
                Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano());
        bind(VirtualClocks.class).toInstance(new FixedEpochClocks(nanos));
    }
}
