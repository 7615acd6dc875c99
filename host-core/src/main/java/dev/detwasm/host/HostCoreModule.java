package dev.detwasm.host;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.transform.Pass;
import dev.detwasm.transform.Passes;

/**
 * Declares the open set of host modules, which other Guice modules add to; binds the schedule
 * policies by name, and the transform passes by name (what {@code detwasm transform --pass
 * NAME} and {@link Runner} find them by: the built-in ones, and any a plugin adds). {@link
 * Runner} and the loader are built by just-in-time injection.
 */
public final class HostCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HostModule.class);
        MapBinder<String, SchedulePolicy> policies =
                MapBinder.newMapBinder(binder(), String.class, SchedulePolicy.class);
        SchedulePolicy.defaults().forEach((name, policy) ->
                policies.addBinding(name).toInstance(policy));
        MapBinder<String, Pass> passes = MapBinder.newMapBinder(binder(), String.class, Pass.class);
        for (Pass pass : Passes.all()) {
            passes.addBinding(pass.name()).toInstance(pass);
        }
    }
}
