package dev.detwasm.wasi;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.detwasm.host.spi.HostModules;

/**
 * Contributes {@code wasi_snapshot_preview1} ({@link Preview1HostModule}) and {@code wasi}
 * ({@link WasiHostModule}) to the host modules, each under {@code HostModules.key(its name)},
 * and binds each WASI concern a user may swap with {@code Modules.override}: {@link
 * VirtualClocks} ({@link FixedEpochClocks}), {@link Entropy} ({@link SplitMix64Entropy}),
 * {@link MountLoader} ({@link HostMountLoader}, one cache per injector), {@link GuestArguments}
 * ({@link ConfiguredArguments}), {@link StdinSource} ({@link ConfiguredStdin}), {@link
 * StdioOutput} ({@link RunStdioOutput}), {@link FileTrees} ({@link OverlayTrees}), {@link
 * Select} ({@link DecidedSelect}) and {@link MustReach} ({@link MustReachEvent}).
 */
public final class WasiPreview1Module extends AbstractModule {
    @Override
    protected void configure() {
        HostModules.add(binder(), Preview1HostModule.MODULE).to(Preview1HostModule.class);
        HostModules.add(binder(), WasiHostModule.MODULE).to(WasiHostModule.class);
        bind(VirtualClocks.class).to(FixedEpochClocks.class);
        bind(Entropy.class).to(SplitMix64Entropy.class);
        bind(MountLoader.class).to(HostMountLoader.class);
        bind(HostMountLoader.class).in(Singleton.class);
        bind(GuestArguments.class).to(ConfiguredArguments.class);
        bind(StdinSource.class).to(ConfiguredStdin.class);
        bind(StdioOutput.class).to(RunStdioOutput.class);
        bind(FileTrees.class).to(OverlayTrees.class);
        bind(Select.class).to(DecidedSelect.class);
        bind(MustReach.class).to(MustReachEvent.class);
    }
}
