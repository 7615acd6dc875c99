package dev.detwasm.host;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.detwasm.host.spi.HostModule;

/**
 * Declares the open set of host modules; other Guice modules add to it. Binds nothing else:
 * {@link Runner} and the loader are built by just-in-time injection.
 */
public final class HostCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HostModule.class);
    }
}
