package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedAccessPassTest {
    /**
     * {@code f(p)} with LLVM's prologue on global 0 (the stack pointer) into local 1:
     * a store to the frame (skipped), a store to p+8 and a load of it (points), a load from the
     * frame through a copy of the frame pointer plus a constant (skipped), the epilogue.
     */
    private static final byte[] BODY = {
        0x23, 0, 0x41, 16, 0x6b, 0x22, 1, 0x24, 0,
        0x20, 1, 0x41, 5, 0x36, 2, 4,
        0x20, 0, 0x41, 6, 0x36, 2, 8,
        0x20, 0, 0x28, 2, 8,
        0x20, 1, 0x41, 4, 0x6a, 0x21, 2,
        0x20, 2, 0x28, 2, 0, 0x6a,
        0x20, 1, 0x41, 16, 0x6a, 0x24, 0,
    };

    private static byte[] module(boolean shared) {
        return new TestModule().memory(shared).i32Global(1024).function("f", 1, 1, 2, BODY).build();
    }

    private record Access(long address, boolean store, int size, int function) {}

    /** Runs f(200) with the countdown written to {@code every} before and at each call. */
    private static List<Access> run(byte[] wasm, int every) {
        List<Access> seen = new ArrayList<>();
        WasmFunctionHandle due = (instance, args) -> {
            int info = (int) args[1];
            seen.add(new Access(args[0], Builtins.isStore(info), Builtins.sizeBytes(info), Builtins.functionIndex(info)));
            instance.exports().global(Builtins.ACCESS_GLOBAL).setValue(every);
            return null;
        };
        Instance instance = ChicoryHost.instantiate(new SharedAccessPass().apply(wasm), Map.of(Builtins.ACCESS_DUE, due));
        instance.exports().global(Builtins.ACCESS_GLOBAL).setValue(every);
        assertEquals(6 + 5, instance.export("f").apply(200)[0]);
        return seen;
    }

    @Test
    void plainAccessesOutsideTheStackAreThePoints() {
        assertEquals(List.of(new Access(208, true, 4, 0), new Access(208, false, 4, 0)), run(module(true), 1));
    }

    @Test
    void theCountdownSkipsPointsUntilItReachesZero() {
        assertEquals(List.of(new Access(208, false, 4, 0)), run(module(true), 2));
    }

    @Test
    void anUnsharedMemoryHasNoPoints() {
        assertEquals(List.of(), run(module(false), 1));
    }
}
