package dev.detwasm.examples.hostlog;

import com.google.inject.AbstractModule;
import dev.detwasm.host.spi.HostModules;

/** A plugin that adds the host module {@link HostLog} ({@code env.host_log}). */
public final class HostLogModule extends AbstractModule {
    @Override
    protected void configure() {
        HostModules.add(binder(), HostLog.NAME).to(HostLog.class);
    }
}
