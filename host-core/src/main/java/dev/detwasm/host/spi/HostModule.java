package dev.detwasm.host.spi;

import com.dylibso.chicory.runtime.HostFunction;
import java.util.List;
import java.util.Set;

/**
 * A set of imports the host offers to guests, e.g. {@code wasi_snapshot_preview1}. Guice
 * collects every binding in a {@code Multibinder<HostModule>}; swapping one in or out is how
 * custom host behaviour is configured.
 *
 * <p>Two host modules may not offer the same import: that is a load error naming both, unless
 * one {@link #replaces} the other, or the one to drop is replaced as a whole by overriding its
 * binding ({@link HostModules#key}) with {@code Modules.override}.
 *
 * <p>{@link #functions} is called once per run, so per-run state (open files, the file system
 * overlay, the entropy stream) belongs to the functions it returns, never to the module.
 */
public interface HostModule {

    /** The host functions this module contributes to one run. */
    List<HostFunction> functions(RunContext run);

    /** The name errors and {@link #replaces} know this module by; its class name by default. */
    default String name() {
        return getClass().getName();
    }

    /**
     * The {@link #name names} of the host modules whose imports this one takes over where both
     * offer the same import; the others' remaining imports stay. None by default.
     */
    default Set<String> replaces() {
        return Set.of();
    }
}
