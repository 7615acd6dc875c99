package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pass, alone and all together, turns every fixture into a module that our decoder
 * reads back and Chicory's parser validates; the combined output of every fixture that is not
 * Go is also instantiated (globals, tables and data initialised). Go fixtures (2.5 MB each,
 * seconds per Chicory validation on a loaded machine) are validated by Chicory in their
 * combined output, which holds every pass's code.
 */
class PassOutputTest {
    static Stream<Arguments> fixturesAndPasses() {
        List<Arguments> out = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            for (Pass pass : Passes.all()) {
                out.add(Arguments.of(fixture, List.of(pass.name())));
            }
            out.add(Arguments.of(fixture, Passes.all().stream().map(Pass::name).toList()));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("fixturesAndPasses")
    void outputIsValid(Path fixture, List<String> names) {
        List<Pass> passes = names.stream().map(n -> Passes.named(n).orElseThrow()).toList();
        byte[] in = Fixtures.read(fixture);
        byte[] out = Rewriter.rewrite(in, passes);
        Module decoded = Module.decode(out);
        assertEquals(Module.decode(in).definedFunctionCount(), decoded.definedFunctionCount());
        boolean combined = names.size() == Passes.all().size();
        boolean go = fixture.toString().contains("/go/");
        if (combined || !go) {
            Parser.parse(out);
        }
        if (combined && !go) {
            ChicoryHost.instantiate(out, Map.of());
        }
    }
}
