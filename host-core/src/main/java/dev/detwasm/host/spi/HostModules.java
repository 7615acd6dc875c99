package dev.detwasm.host.spi;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

/**
 * Adds host modules to the open set, each under a key of its own so that a later module can
 * replace it whole with {@code Modules.override} by binding {@link #key} again.
 */
public final class HostModules {
    private HostModules() {}

    /** The key the host module named {@code name} is bound under. */
    public static Key<HostModule> key(String name) {
        return Key.get(HostModule.class, Names.named(name));
    }

    /**
     * Adds the host module named {@code name} to the set and returns the binding to complete,
     * e.g. {@code HostModules.add(binder(), "env").to(MyHost.class)}.
     */
    public static LinkedBindingBuilder<HostModule> add(Binder binder, String name) {
        Multibinder.newSetBinder(binder, HostModule.class).addBinding().to(key(name));
        return binder.bind(key(name));
    }
}
