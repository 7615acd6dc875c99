package dev.detwasm.wasi;

import static dev.detwasm.wasi.Param.i32;
import static dev.detwasm.wasi.Param.ptr;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.TrapException;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code wasi} import module: {@code thread-spawn} (wasi-threads), and the model checker's
 * {@code model_checker_select} and {@code must_reach_underlying}.
 */
public final class WasiHostModule implements HostModule {
    public static final String MODULE = "wasi";

    /** The longest file name {@code must_reach_underlying} reads before giving up on its NUL. */
    private static final int MAX_FILE_NAME = 4096;

    private final Select select;
    private final MustReach mustReach;
    private final WasiFunctionSpecs<RunContext> functions =
            new WasiFunctionSpecs<RunContext>(MODULE)
                    .value("thread-spawn", (run, m, a) -> spawn(run, (int) a[0]),
                            ptr("start_arg"))
                    .value("model_checker_select", (run, m, a) -> select(run, (int) a[0]),
                            i32("n"))
                    .none("must_reach_underlying",
                            (run, m, a) -> mustReach(run, m, (int) a[0], (int) a[1], (int) a[2]),
                            ptr("file"), i32("line"), i32("column"));

    @Inject
    public WasiHostModule(Select select, MustReach mustReach) {
        this.select = select;
        this.mustReach = mustReach;
    }

    @Override
    public String name() {
        return MODULE;
    }

    @Override
    public List<HostFunction> functions(RunContext run) {
        return functions.bind(run, run);
    }

    /**
     * Spawning is a scheduling point (design, contract point 4): once the new thread exists,
     * an explorer may let it run before its parent goes on. Under fifo the parent continues.
     */
    private static int spawn(RunContext run, int startArg) {
        int tid = run.spawnThread(startArg);
        if (tid > 0) {
            run.threads().schedulingPoint();
        }
        return tid;
    }

    /** Checks {@code n}, then lets {@link Select} choose. */
    private int select(RunContext run, int n) {
        if (n == 0) {
            throw new TrapException("model_checker_select(0): no options");
        }
        if (n < 0) {
            throw new TrapException(
                    "model_checker_select(" + Integer.toUnsignedString(n) + "): too many options");
        }
        return select.select(run, n);
    }

    /** Tells {@link MustReach} of {@code "file:line:column"}; {@code file} is NUL-terminated. */
    private void mustReach(RunContext run, GuestMemory memory, int file, int line, int column) {
        String site = cString(memory, file) + ":" + Integer.toUnsignedString(line) + ":"
                + Integer.toUnsignedString(column);
        mustReach.reached(run, site);
    }

    private static String cString(GuestMemory memory, int address) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; ; i++) {
            if (i == MAX_FILE_NAME) {
                throw new TrapException("must_reach_underlying: file name at 0x"
                        + Integer.toHexString(address) + " has no NUL in " + MAX_FILE_NAME
                        + " bytes");
            }
            byte b = memory.readU8(address + i);
            if (b == 0) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
    }
}
