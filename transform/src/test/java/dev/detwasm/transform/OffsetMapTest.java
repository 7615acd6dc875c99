package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offset map of every pass, alone and all together, on every fixture: each instruction of
 * the output maps to an instruction of the same function in the input, in order, and each
 * input instruction that was kept is the last to map to itself (the code inserted before it
 * comes first and maps to it too). With no pass the map is the identity. Function indices map
 * back too, the builtins the passes imported to none.
 */
class OffsetMapTest {
    static Stream<Arguments> fixturesAndPasses() {
        List<Arguments> out = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            out.add(Arguments.of(fixture, Passes.all().stream().map(Pass::name).toList()));
            // Go fixtures are 2.5 MB each: their combined rewrite holds every pass's code.
            if (!fixture.toString().contains("/go/")) {
                out.add(Arguments.of(fixture, List.of()));
                for (Pass pass : Passes.all()) {
                    out.add(Arguments.of(fixture, List.of(pass.name())));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("fixturesAndPasses")
    void everyInstructionMapsBackToTheOneItStandsFor(Path fixture, List<String> names) {
        List<Pass> passes = names.stream().map(n -> Passes.named(n).orElseThrow()).toList();
        byte[] in = Fixtures.read(fixture);
        Rewritten out = Rewriter.rewriteWithOffsets(in, passes);
        Module original = Module.decode(in);
        Module rewritten = Module.decode(out.wasm());
        boolean replacesAtomics = names.contains(AtomicsToImportsPass.NAME);
        boolean replacesAccesses = names.contains(WideAddressPass.NAME);
        for (int i = 0; i < rewritten.importedFunctionCount(); i++) {
            assertEquals(i < original.importedFunctionCount() ? i : -1,
                    out.offsets().originalFunction(i), fixture + " " + names + " import " + i);
        }
        for (int f = 0; f < original.definedFunctionCount(); f++) {
            assertEquals(original.importedFunctionCount() + f,
                    out.offsets().originalFunction(rewritten.importedFunctionCount() + f));
            // Indexed by input offset from the body's first instruction: opcode + 1 there.
            Instruction ins = original.instructions(f);
            int first = ins.reader().pos();
            int[] opcodes = new int[original.bodyEnd(f) - first];
            int[] lastMapped = new int[opcodes.length];
            while (!ins.reader().atEnd()) {
                ins.next();
                opcodes[ins.start - first] = ins.opcode + 1;
            }
            int previous = -1;
            Instruction copy = rewritten.instructions(f);
            while (!copy.reader().atEnd()) {
                copy.next();
                int from = out.offsets().original(copy.start);
                int at = from - first;
                if (at < 0 || at >= opcodes.length || opcodes[at] == 0 || from < previous
                        || passes.isEmpty() && from != copy.start) {
                    fail(fixture + " " + names + " function " + f + ": output offset "
                            + copy.start + " maps to " + from + " (the one before to " + previous
                            + ")");
                }
                previous = from;
                lastMapped[at] = copy.opcode + 1;
            }
            for (int at = 0; at < opcodes.length; at++) {
                int op = opcodes[at] - 1;
                boolean replaced = replacesAtomics && (op == Instruction.ATOMIC_WAIT32
                        || op == Instruction.ATOMIC_WAIT64 || op == Instruction.ATOMIC_NOTIFY)
                        || replacesAccesses && MemoryAccess.takesAddress(op);
                if (op >= 0 && !replaced) {
                    assertEquals(opcodes[at], lastMapped[at], fixture + " " + names
                            + " function " + f + ": the instruction at " + (first + at));
                }
            }
        }
    }
}
