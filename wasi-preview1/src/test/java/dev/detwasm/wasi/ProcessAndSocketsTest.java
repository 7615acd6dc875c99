package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.detwasm.host.GuestExit;
import dev.detwasm.host.RunConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessAndSocketsTest {
    private final Guest guest = Guest.preview1(RunConfig.builder().build());

    @Test
    void procExitEndsTheProgramWithItsCode() {
        GuestExit exit = assertThrows(GuestExit.class, () -> guest.callVoid("proc_exit", 42));
        assertEquals(42, exit.exitCode());
    }

    @Test
    void procRaiseIsNotSupported() {
        assertEquals(Errno.ENOSYS, guest.call("proc_raise", 6));
    }

    @Test
    void schedYieldYieldsToTheScheduler() {
        assertEquals(Errno.SUCCESS, guest.call("sched_yield"));
        assertEquals(Errno.SUCCESS, guest.call("sched_yield"));
        assertEquals(2, guest.run.threads.yields);
    }

    @Test
    void noDescriptorIsASocket() {
        assertEquals(Errno.ENOTSOCK, guest.call("sock_accept", 1, 0, 0x100));
        assertEquals(Errno.ENOTSOCK, guest.call("sock_recv", 0, 0x100, 1, 0, 0x200, 0x204));
        assertEquals(Errno.ENOTSOCK, guest.call("sock_send", 2, 0x100, 1, 0, 0x200));
        assertEquals(Errno.ENOTSOCK, guest.call("sock_shutdown", 1, 2));
        assertEquals(Errno.EBADF, guest.call("sock_accept", 9, 0, 0x100));
        assertEquals(Errno.EBADF, guest.call("sock_shutdown", -1, 2));
    }

    /** Chicory's own (nondeterministic) preview1 serves as the reference for the ABI. */
    @Test
    void allFortySixFunctionsHaveThePreview1Signatures() {
        Map<String, FunctionType> reference = new HashMap<>();
        try (WasiPreview1 chicory = WasiPreview1.builder().build()) {
            for (HostFunction f : chicory.toHostFunctions()) {
                if (!f.name().startsWith("adapter_")) {
                    reference.put(f.name(), FunctionType.of(f.paramTypes(), f.returnTypes()));
                }
            }
        }
        assertEquals(46, reference.size());
        assertEquals(46, guest.functionCount());
        reference.forEach((name, type) -> {
            HostFunction ours = guest.function(name);
            assertEquals(type, FunctionType.of(ours.paramTypes(), ours.returnTypes()), name);
            assertEquals(Preview1HostModule.MODULE, ours.module());
        });
    }

    @Test
    void aRunGetsOnlyTheFunctionsItsProgramImports() {
        FakeRun run = new FakeRun(RunConfig.builder().build());
        run.imports = Set.of(
                "wasi_snapshot_preview1.fd_write", "wasi_snapshot_preview1.proc_exit")::contains;

        Guest imported = Guest.preview1(run, new HostMountLoader());

        assertEquals(2, imported.functionCount());
        assertEquals(Errno.EBADF, imported.call("fd_write", 9, 0, 0, 0x100));
    }
}
