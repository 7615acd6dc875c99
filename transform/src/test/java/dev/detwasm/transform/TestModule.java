package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/** Builds small modules for the passes' behaviour tests: one memory, globals, functions. */
final class TestModule {
    private final List<byte[]> types = new ArrayList<>();
    private final ByteWriter globals = new ByteWriter(16);
    private int globalCount;
    private final ByteWriter functions = new ByteWriter(16);
    private final ByteWriter bodies = new ByteWriter(64);
    private int functionCount;
    private final ByteWriter exports = new ByteWriter(16);
    private int exportCount;
    private byte[] memory;

    TestModule memory(boolean shared) {
        memory = shared ? new byte[] {3, 1, 1} : new byte[] {1, 1, 1};
        return this;
    }

    TestModule i32Global(int value) {
        globals.u8(0x7f).u8(1).u8(0x41).s32(value).u8(0x0b);
        globalCount++;
        return this;
    }

    /** Adds an exported function {@code (i32...) -> results} with {@code i32Locals} extra locals. */
    TestModule function(String export, int params, int results, int i32Locals, byte[] body) {
        ByteWriter t = new ByteWriter(8).u8(0x60).u32(params);
        for (int i = 0; i < params; i++) {
            t.u8(0x7f);
        }
        t.u32(results);
        for (int i = 0; i < results; i++) {
            t.u8(0x7f);
        }
        types.add(t.toByteArray());
        functions.u32(types.size() - 1);
        ByteWriter b = new ByteWriter(body.length + 8);
        if (i32Locals > 0) {
            b.u32(1).u32(i32Locals).u8(0x7f);
        } else {
            b.u32(0);
        }
        b.bytes(body).u8(0x0b);
        bodies.u32(b.size()).bytes(b);
        exports.name(export).u8(0).u32(functionCount++);
        exportCount++;
        return this;
    }

    byte[] build() {
        ByteWriter m = new ByteWriter(128).bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        ByteWriter t = new ByteWriter(32).u32(types.size());
        types.forEach(t::bytes);
        section(m, 1, t);
        section(m, 3, new ByteWriter(8).u32(functionCount).bytes(functions));
        if (memory != null) {
            section(m, 5, new ByteWriter(8).u32(1).bytes(memory));
        }
        if (globalCount > 0) {
            section(m, 6, new ByteWriter(8).u32(globalCount).bytes(globals));
        }
        section(m, 7, new ByteWriter(8).u32(exportCount).bytes(exports));
        section(m, 10, new ByteWriter(8).u32(functionCount).bytes(bodies));
        return m.toByteArray();
    }

    private static void section(ByteWriter m, int id, ByteWriter content) {
        m.u8(id).u32(content.size()).bytes(content);
    }
}
