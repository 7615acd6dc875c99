package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of trap ends a run with the same message under both engines. */
class TrapParityTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unreachable|unreachable|unreachable instruction",
                "div by zero|(drop (i32.div_s (i32.const 1) (i32.const 0)))|integer divide by zero",
                "overflow|(drop (i32.div_s (i32.const -2147483648) (i32.const -1)))|integer overflow",
                "bad conversion|(drop (i32.trunc_f32_s (f32.const nan)))|invalid conversion to integer",
                "out of bounds load|(drop (i32.load (i32.const 65535)))|out of bounds memory access",
                "out of bounds store|(i64.store (i32.const -1) (i64.const 0))|out of bounds memory access",
                "undefined element|(call_indirect (i32.const 5))|undefined element",
                "null element|(call_indirect (i32.const 1))|uninitialized element",
                "indirect type|(call_indirect (type $i) (i32.const 7) (i32.const 0))|indirect call type mismatch",
                "unaligned atomic|(drop (i32.atomic.load (i32.const 1)))|unaligned atomic",
            })
    void sameMessageOnBothEngines(String name, String body, String expected) throws Exception {
        String wat = """
                (module
                  (type $i (func (param i32)))
                  (memory 1 1 shared)
                  (table 2 funcref) (elem (i32.const 0) $nop)
                  (func $nop)
                  (func (export "_start") %s))
                """.formatted(body);
        Program program = new ProgramLoader().load("t.wat", wat.getBytes(StandardCharsets.UTF_8));
        Runner runner = new Runner(Set.of(), (d, e) -> new OneThread());
        for (Engine engine : Engine.values()) {
            RunConfig config = RunConfig.builder().engine(engine).build();
            RunResult r = runner.run(program, config, GuestOutput.captured(), SILENT);
            assertEquals(expected, r.termination().message(), engine.cliName());
        }
    }
}
