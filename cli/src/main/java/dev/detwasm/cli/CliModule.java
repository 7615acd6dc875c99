package dev.detwasm.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.load.CompiledModuleCache;
import dev.detwasm.host.load.ProgramLoader;
import java.util.List;

/**
 * The commands' wiring: the sandbox's modules plus the process's streams and the caching loader.
 * {@code run} and {@code check} run through a {@link Sandbox}: on this injector, or on one of
 * its own that adds the {@code --plugin} modules.
 */
public final class CliModule extends AbstractModule {
    private final CliStreams streams;
    private final CommandStart start;
    private final CarrierParallelism carriers;
    private final List<Module> wiring;

    /**
     * @param wiring {@link Sandbox#defaultModules}, or {@link Sandbox#runModules} for a command
     *     that only runs programs
     */
    public CliModule(CliStreams streams, CommandStart start, CarrierParallelism carriers,
            List<Module> wiring) {
        this.streams = streams;
        this.start = start;
        this.carriers = carriers;
        this.wiring = List.copyOf(wiring);
    }

    @Override
    protected void configure() {
        wiring.forEach(this::install);
        bind(CliStreams.class).toInstance(streams);
        bind(CommandStart.class).toInstance(start);
        bind(CarrierParallelism.class).toInstance(carriers);
    }

    @Provides
    ProgramLoader programLoader() {
        return new ProgramLoader(
                CacheDirectory.of(System.getenv()).map(CompiledModuleCache::new));
    }
}
