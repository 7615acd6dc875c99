package dev.detwasm.wasi;

import dev.detwasm.host.RunConfig;
import java.util.List;

/**
 * What the guest sees as its command line ({@code args_get}) and environment ({@code
 * environ_get}). Bound in {@link WasiPreview1Module} to {@link ConfiguredArguments}; override
 * the binding to add or rewrite entries. Must be a pure function of the run's configuration.
 */
public interface GuestArguments {

    /** {@code argv}, {@code argv[0]} included. */
    List<String> argv(RunConfig config);

    /** The environment as {@code K=V} strings, in order. */
    List<String> environ(RunConfig config);
}
