package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramExecutorTest {

    @Test
    void findsTheMustReachEventsInAnEventLog() {
        assertEquals(
                List.of("/src/a.c:3:1", "b c.c:9:5"),
                ProgramExecutor.reachedSites(
                        List.of(
                                "t0 wasi fd_write(1, ...) -> 0",
                                "t0 must_reach /src/a.c:3:1",
                                "t1 decision select 2 -> 1",
                                "t1 must_reach b c.c:9:5",
                                "t1 must_reached x")));
    }
}
