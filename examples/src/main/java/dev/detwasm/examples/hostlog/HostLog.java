package dev.detwasm.examples.hostlog;

import com.dylibso.chicory.runtime.HostFunction;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.RunContext;
import dev.detwasm.wasi.Errno;
import dev.detwasm.wasi.Param;
import dev.detwasm.wasi.WasiFunctionTable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The host module {@code env} with one function, {@code host_log(ptr, len) -> errno}: writes
 * {@code host_log: } and the {@code len} bytes at {@code ptr} as a line to the guest's stdout.
 * Built with {@link WasiFunctionTable}, so a pointer outside memory returns {@code EFAULT} (21)
 * instead of trapping, and {@code --trace-wasi} logs each call.
 */
public final class HostLog implements HostModule {
    public static final String NAME = "host_log";

    private static final byte[] PREFIX = "host_log: ".getBytes(StandardCharsets.UTF_8);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<HostFunction> functions(RunContext run) {
        return new WasiFunctionTable("env", run)
                .errno("host_log", (memory, args) -> log(run, memory, (int) args[0], (int) args[1]),
                        Param.text("text"), Param.i32("len"))
                .functions();
    }

    private static int log(RunContext run, GuestMemory memory, int address, int length) {
        byte[] text = memory.readBytes(address, length);
        run.output().writeStdout(PREFIX, 0, PREFIX.length);
        run.output().writeStdout(text, 0, text.length);
        run.output().writeStdout(new byte[] {'\n'}, 0, 1);
        return Errno.SUCCESS;
    }
}
