package dev.detwasm.host;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.detwasm.host.spi.HostModule;

/**
 * Declares the open set of host modules, which other Guice modules add to, and binds the
 * schedule policies by name. {@link Runner} and the loader are built by just-in-time injection.
 */
public final class HostCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HostModule.class);
        MapBinder<String, SchedulePolicy> policies =
                MapBinder.newMapBinder(binder(), String.class, SchedulePolicy.class);
        SchedulePolicy.defaults().forEach((name, policy) ->
                policies.addBinding(name).toInstance(policy));
    }
}
