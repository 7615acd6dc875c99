package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void plainAndQuotedWords() {
        assertEquals(
                List.of("detwasm", "run", "--trace", "0*4,1,0*11", "a b", "it's", "x"),
                ShellWords.split("detwasm  run --trace '0*4,1,0*11' 'a b' 'it'\\''s' x"));
    }

    @Test
    void commentEndsTheWords() {
        assertEquals(
                List.of("detwasm", "run", "m.wasm"),
                ShellWords.split("detwasm run m.wasm  # with the same stdin as the check"));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("run 'x"));
    }
}
