package dev.detwasm.cli;

import com.google.inject.AbstractModule;
import dev.detwasm.embed.Sandbox;

/**
 * The commands' wiring: the default modules plus the process's streams. {@code run} and {@code
 * check} build their own {@link Sandbox}, which adds the {@code --plugin} modules.
 */
public final class CliModule extends AbstractModule {
    private final CliStreams streams;

    public CliModule(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    protected void configure() {
        Sandbox.defaultModules().forEach(this::install);
        bind(CliStreams.class).toInstance(streams);
    }
}
