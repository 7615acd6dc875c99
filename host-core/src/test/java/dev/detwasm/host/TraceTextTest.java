package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTextTest {
    @Test
    void shortRunsStayPlainLongRunsAreCompressed() {
        List<Integer> trace = new ArrayList<>(Collections.nCopies(4000, 0));
        trace.addAll(List.of(1, 0, 2, 2, 2));
        assertEquals("0*4000,1,0,2,2,2", TraceText.format(trace));
        assertEquals(trace, TraceText.parse("0*4000,1,0,2,2,2"));
        assertEquals(trace, TraceText.parse(TraceText.format(trace)));
    }

    @Test
    void emptyTrace() {
        assertEquals("", TraceText.format(List.of()));
        assertEquals(List.of(), TraceText.parse(""));
    }

    @Test
    void badEntriesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> TraceText.parse("1,x,2"));
        assertEquals(
                "bad trace entry 'x': expected C or C*N with non-negative integers", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TraceText.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> TraceText.parse("1*0"));
        assertThrows(IllegalArgumentException.class, () -> TraceText.parse("1,,2"));
    }
}
