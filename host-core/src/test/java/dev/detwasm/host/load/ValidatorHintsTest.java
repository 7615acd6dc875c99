package dev.detwasm.host.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidatorHintsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "false | (func (export \"_start\") (drop (i32.add (i32.const 1) (i32.const 2))))",
        "true  | (func (export \"_start\") (drop (v128.const i32x4 1 2 3 4)))",
        "true  | (func (export \"_start\") (local v128))",
        "true  | (func (export \"_start\") (param v128))",
        "true  | (global v128 (v128.const i64x2 0 0))",
    })
    void validationLeavesHintsOnlyWhereThereAreV128Values(boolean needed, String fields)
            throws Exception {
        byte[] wat = ("(module " + fields + ")").getBytes(StandardCharsets.UTF_8);
        var module = new ProgramLoader().load("m.wat", wat).module();
        assertEquals(needed, ValidatorHints.needed(module));
    }
}
