package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.detwasm.transform.internal.IndexCopier;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Adding imported functions renumbers every reference to a defined function, and only those. */
class RenumberTest {
    private static final int ADDED = 2;

    private static byte[] withTwoImports(byte[] in) {
        Module m = Module.decode(in);
        FuncType none = new FuncType(new byte[0], new byte[0]);
        m.addFunctionImport("detwasm", "a", none);
        m.addFunctionImport("detwasm", "b", new FuncType(new byte[] {FuncType.I64}, new byte[] {FuncType.I32}));
        return m.encode();
    }

    private static int remap(int index, int imported) {
        return IndexCopier.remap(index, imported, ADDED);
    }

    /** Every body has the same instructions, with shifted function indices. */
    private static void assertBodiesRenumbered(byte[] in, byte[] out) {
        Module before = Module.decode(in);
        Module after = Module.decode(out);
        assertEquals(before.importedFunctionCount() + ADDED, after.importedFunctionCount());
        assertEquals(before.definedFunctionCount(), after.definedFunctionCount());
        for (int f = 0; f < before.definedFunctionCount(); f++) {
            Instruction a = before.instructions(f);
            Instruction b = after.instructions(f);
            while (!a.reader().atEnd()) {
                a.next();
                b.next();
                assertEquals(a.opcode, b.opcode);
                long expected = a.refersToFunction() ? remap((int) a.imm, before.importedFunctionCount()) : a.imm;
                assertEquals(expected, b.imm, "immediate at " + a.start);
            }
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedModules(long seed) {
        byte[] in = new ModuleGenerator(seed).generate();
        assertBodiesRenumbered(in, withTwoImports(in));
    }

    /** Every fixture but Go's, and the largest Go one (each Go module takes Chicory seconds). */
    static Stream<Path> fixtures() {
        Path go = Fixtures.largestGo();
        return Fixtures.all().stream().filter(p -> !p.toString().contains("/go/") || p.equals(go));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixturesEverywhereChicorySeesThem(Path fixture) {
        byte[] in = Fixtures.read(fixture);
        byte[] out = withTwoImports(in);
        assertBodiesRenumbered(in, out);
        WasmModule before = Parser.parse(in);
        WasmModule after = Parser.parse(out);
        Module original = Module.decode(in);
        int imported = original.importedFunctionCount();
        assertEquals(before.importSection().importCount() + ADDED, after.importSection().importCount());
        for (int i = 0; i < before.exportSection().exportCount(); i++) {
            var e = before.exportSection().getExport(i);
            int expected = e.exportType() == ExternalType.FUNCTION ? remap(e.index(), imported) : e.index();
            assertEquals(expected, after.exportSection().getExport(i).index(), e.name());
        }
        before.startSection().ifPresent(s -> assertEquals((long) remap((int) s.startIndex(), imported), after.startSection().orElseThrow().startIndex()));
        for (int i = 0; i < before.elementSection().elementCount(); i++) {
            List<List<com.dylibso.chicory.wasm.types.Instruction>> a = before.elementSection().getElement(i).initializers();
            List<List<com.dylibso.chicory.wasm.types.Instruction>> b = after.elementSection().getElement(i).initializers();
            for (int j = 0; j < a.size(); j++) {
                var ins = a.get(j).getFirst();
                long expected = ins.opcode() == OpCode.REF_FUNC ? remap((int) ins.operand(0), imported) : ins.operands().length > 0 ? ins.operand(0) : 0;
                var got = b.get(j).getFirst();
                assertEquals(expected, got.operands().length > 0 ? got.operand(0) : 0);
            }
        }
        if (before.nameSection() != null) {
            for (int f = 0; f < original.functionCount(); f++) {
                assertEquals(before.nameSection().nameOfFunction(f), after.nameSection().nameOfFunction(remap(f, imported)));
                if (f >= imported) {
                    assertEquals(before.nameSection().nameOfLocal(f, 0), after.nameSection().nameOfLocal(remap(f, imported), 0));
                }
            }
        }
    }
}
