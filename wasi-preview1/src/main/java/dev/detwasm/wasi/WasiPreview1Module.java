package dev.detwasm.wasi;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.detwasm.host.spi.HostModule;

/**
 * Contributes {@code wasi_snapshot_preview1} ({@link Preview1HostModule}) and {@code wasi}
 * ({@link WasiHostModule}) to the host modules, and binds the pieces a user may swap with
 * {@code Modules.override}: {@link VirtualClocks} ({@link FixedEpochClocks}), {@link Entropy}
 * ({@link SplitMix64Entropy}) and {@link MountLoader} ({@link HostMountLoader}, one cache per
 * injector).
 */
public final class WasiPreview1Module extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<HostModule> hostModules = Multibinder.newSetBinder(binder(), HostModule.class);
        hostModules.addBinding().to(Preview1HostModule.class);
        hostModules.addBinding().to(WasiHostModule.class);
        bind(VirtualClocks.class).to(FixedEpochClocks.class);
        bind(Entropy.class).to(SplitMix64Entropy.class);
        bind(MountLoader.class).to(HostMountLoader.class);
        bind(HostMountLoader.class).in(Singleton.class);
    }
}
