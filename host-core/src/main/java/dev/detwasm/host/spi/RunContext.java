package dev.detwasm.host.spi;

import dev.detwasm.host.EventLog;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import java.io.PrintStream;
import java.util.List;

/** What the host functions of one run can reach. One instance per run. */
public interface RunContext {

    RunConfig config();

    /** Where the guest's fd 1 and fd 2 go. */
    GuestOutput output();

    /** The host's own diagnostic stream (e.g. {@code --trace-wasi}); never the guest's. */
    PrintStream diagnostics();

    EventLog events();

    /** The scheduler of this run: current thread, virtual clock, sleeping, waiting. */
    GuestThreads threads();

    /** Makes and records the run's decisions ({@code select}, {@code schedule}, {@code wake}). */
    Decisions decisions();

    /**
     * Whether the program imports the function {@code module.name}. A host module need not
     * make the functions the program does not import: the run never calls them.
     */
    boolean importsFunction(String module, String name);

    /** The names of the functions the program imports from {@code module}, in import order. */
    List<String> importedFunctions(String module);

    /**
     * Starts a new guest thread that calls the module's {@code wasi_thread_start(tid, startArg)}
     * on a fresh instance over the same memory.
     *
     * @return the new thread's id (1, 2, ... in spawn order), or a negative errno when the
     *     thread cannot be created
     */
    int spawnThread(int startArg);
}
