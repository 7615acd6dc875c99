package dev.detwasm.host;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.transform.Pass;

/**
 * Declares the open sets: host modules, and transform passes by name (what {@code detwasm
 * transform --pass NAME} and {@link Runner} find them by); other Guice modules add to them.
 * Binds nothing else: {@link Runner} and the loader are built by just-in-time injection.
 */
public final class HostCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HostModule.class);
        MapBinder.newMapBinder(binder(), String.class, Pass.class);
    }
}
