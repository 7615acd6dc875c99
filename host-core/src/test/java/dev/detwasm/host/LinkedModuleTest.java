package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.LinkedModule;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link LinkedModule} makes the instances Chicory's builder makes, from imports resolved once:
 * the same initialisation (globals, tables, active and passive data) under either engine, each
 * instance with its own data segments, and the builder's refusals of a module that was not
 * validated.
 */
class LinkedModuleTest {
    private static final String WAT =
            """
            (module
              (import "env" "seen" (func $seen (param i32)))
              (memory 1)
              (global $g (mut i32) (i32.const 7))
              (table 2 funcref)
              (elem (i32.const 1) $forty)
              (data (i32.const 16) "\\05")
              (data $later "\\2a")
              (type $get (func (result i32)))
              (func $forty (result i32) (i32.const 40))
              (func (export "run") (result i32)
                (call $seen (global.get $g))
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (memory.init $later (i32.const 32) (i32.const 0) (i32.const 1))
                (data.drop $later)
                (i32.add
                  (i32.add (i32.load8_u (i32.const 16)) (i32.load8_u (i32.const 32)))
                  (call_indirect (type $get) (i32.const 1)))))
            """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void instancesRunAsTheBuildersDoEachWithItsOwnSegments(Engine engine) throws Exception {
        Program program = new ProgramLoader().load(
                "linked.wat", WAT.getBytes(StandardCharsets.UTF_8));
        WasmModule module = program.moduleToInstantiate(engine);
        Function<Instance, Machine> machines = program.machineFactory(engine);
        List<Long> builderSeen = new ArrayList<>();
        Instance built = Instance.builder(module)
                .withImportValues(imports(builderSeen))
                .withMachineFactory(machines)
                .withStart(false)
                .build();
        long[] expected = built.export("run").apply();

        LinkedModule linked = program.linkedModule(engine);
        List<Long> seen = new ArrayList<>();
        ImportValues imports = imports(seen);
        Instance first = linked.instantiate(imports, machines, ByteArrayMemory::new);
        Instance second = linked.instantiate(imports, machines, ByteArrayMemory::new);
        assertNotSame(first.memory(), second.memory());
        assertArrayEquals(expected, first.export("run").apply());
        // The first dropped its passive segment; the second still has its own.
        assertArrayEquals(expected, second.export("run").apply());
        assertEquals(87L, expected[0]);
        assertEquals(List.of(7L), builderSeen);
        assertEquals(List.of(7L, 7L), seen);
        // A second call on one instance: its global moved on and its segment is gone.
        assertThrows(RuntimeException.class, () -> first.export("run").apply());
        assertEquals(List.of(7L, 7L, 8L), seen);
    }

    @Test
    void refusesWhatTheBuilderRefusesOfAnUnvalidatedModule() {
        // One export, function 3, and no functions: the parser without validation takes it.
        byte[] exportsMissingFunction = {
            0, 'a', 's', 'm', 1, 0, 0, 0, // magic, version
            7, 5, 1, 1, 'f', 0, 3 // export section: "f", function 3
        };
        WasmModule module =
                Parser.builder().withValidation(false).build().parse(() ->
                        new java.io.ByteArrayInputStream(exportsMissingFunction));
        var e = assertThrows(InvalidException.class, () -> new LinkedModule(module));
        assertEquals("unknown function 3", e.getMessage());
    }

    private static ImportValues imports(List<Long> seen) {
        var seenType = FunctionType.of(List.of(ValType.I32), List.of());
        return ImportValues.builder()
                .addFunction(new HostFunction("env", "seen", seenType, (instance, args) -> {
                    seen.add(args[0]);
                    return null;
                }))
                .build();
    }
}
