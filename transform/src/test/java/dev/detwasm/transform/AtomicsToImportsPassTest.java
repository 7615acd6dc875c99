package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AtomicsToImportsPassTest {
    /**
     * {@code wait(a) = memory.atomic.wait32 offset=16 (a, 7, -1)}, {@code notify(a) =
     * memory.atomic.notify offset=8 (a, 3)}, {@code wait64(a) = memory.atomic.wait64 (a, -5, 9)}.
     */
    private static final byte[] MODULE = new TestModule().memory(true)
            .function("wait", 1, 1, 0, new byte[] {0x20, 0, 0x41, 7, 0x42, 0x7f, (byte) 0xfe, 0x01, 2, 16})
            .function("notify", 1, 1, 0, new byte[] {0x20, 0, 0x41, 3, (byte) 0xfe, 0x00, 2, 8})
            .function("wait64", 1, 1, 0, new byte[] {0x20, 0, 0x42, 0x7b, 0x42, 9, (byte) 0xfe, 0x02, 3, 0})
            .build();

    @Test
    void waitAndNotifyBecomeCallsWithTheEffectiveAddressAndTheSameOperands() {
        List<String> calls = new ArrayList<>();
        WasmFunctionHandle wait32 = (instance, args) -> {
            calls.add("wait32 " + args[0] + " " + (int) args[1] + " " + args[2]);
            return new long[] {2};
        };
        WasmFunctionHandle wait64 = (instance, args) -> {
            calls.add("wait64 " + args[0] + " " + args[1] + " " + args[2]);
            return new long[] {1};
        };
        WasmFunctionHandle notify = (instance, args) -> {
            calls.add("notify " + args[0] + " " + (int) args[1]);
            return new long[] {5};
        };
        Instance instance = ChicoryHost.instantiate(new AtomicsToImportsPass().apply(MODULE),
                Map.of(Builtins.ATOMIC_WAIT32, wait32, Builtins.ATOMIC_WAIT64, wait64, Builtins.ATOMIC_NOTIFY, notify));
        assertEquals(2, instance.export("wait").apply(100)[0]);
        assertEquals(5, instance.export("notify").apply(0xfffffffcL)[0]);
        assertEquals(1, instance.export("wait64").apply(40)[0]);
        // The notify address is the 32-bit operand plus the offset, past 4 GiB as the i64 it is.
        assertEquals(List.of("wait32 116 7 -1", "notify " + (0xfffffffcL + 8) + " 3", "wait64 40 -5 9"), calls);
    }

    @Test
    void onlyTheBuiltinsUsedAreImported() {
        byte[] notifyOnly = new TestModule().memory(true)
                .function("notify", 1, 1, 0, new byte[] {0x20, 0, 0x41, 3, (byte) 0xfe, 0x00, 2, 8}).build();
        var imports = com.dylibso.chicory.wasm.Parser.parse(new AtomicsToImportsPass().apply(notifyOnly)).importSection();
        assertEquals(1, imports.importCount());
        assertEquals(Builtins.ATOMIC_NOTIFY, imports.getImport(0).name());
    }
}
