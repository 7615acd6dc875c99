package dev.detwasm.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.detwasm.host.load.CompiledModuleCache;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.modelcheck.ModelCheckModule;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;

/** The whole program: every module's bindings, plus the process's streams. */
public final class CliModule extends AbstractModule {
    private final CliStreams streams;

    public CliModule(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    protected void configure() {
        install(new HostCoreModule());
        install(new SchedulerModule());
        install(new WasiPreview1Module());
        install(new ModelCheckModule());
        bind(CliStreams.class).toInstance(streams);
    }

    @Provides
    ProgramLoader programLoader() {
        return new ProgramLoader(
                CacheDirectory.of(System.getenv()).map(CompiledModuleCache::new));
    }
}
