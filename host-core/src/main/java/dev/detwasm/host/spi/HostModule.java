package dev.detwasm.host.spi;

import com.dylibso.chicory.runtime.HostFunction;
import java.util.List;

/**
 * A set of imports the host offers to guests, e.g. {@code wasi_snapshot_preview1}. Guice
 * collects every binding in a {@code Multibinder<HostModule>}; swapping one in or out is how
 * custom host behaviour is configured.
 *
 * <p>{@link #functions} is called once per run, so per-run state (open files, the file system
 * overlay, the entropy stream) belongs to the functions it returns, never to the module.
 */
public interface HostModule {

    /** The host functions this module contributes to one run. */
    List<HostFunction> functions(RunContext run);
}
