package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.TrapException;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.DecisionKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasiHostModuleTest {
    private final List<Decision> asked = new ArrayList<>();
    private final FakeRun run = new FakeRun(RunConfig.builder().build(), decision -> {
        asked.add(decision);
        return decision.options() - 1;
    });
    private final Guest guest = new Guest(run, new WasiHostModule(new DecidedSelect(), new MustReachEvent()));

    @Test
    void selectIsASchedulingPointThenASelectDecision() {
        run.threads.current = 2;

        assertEquals(4, guest.call("model_checker_select", 5));

        assertEquals(1, run.threads.schedulingPoints);
        assertEquals(1, asked.size());
        assertEquals(DecisionKind.SELECT, asked.get(0).kind());
        assertEquals(2, asked.get(0).thread());
        assertEquals(5, asked.get(0).options());
        assertEquals(List.of(4), run.decisions().trace());
    }

    @Test
    void selectOfOneIsNoDecision() {
        assertEquals(0, guest.call("model_checker_select", 1));
        assertEquals(List.of(), asked);
        assertEquals(List.of(), run.decisions().trace());
    }

    @Test
    void selectOfZeroTraps() {
        TrapException trap =
                assertThrows(TrapException.class, () -> guest.call("model_checker_select", 0));
        assertEquals("model_checker_select(0): no options", trap.getMessage());
        assertThrows(TrapException.class, () -> guest.call("model_checker_select", -1));
    }

    @Test
    void mustReachRecordsTheSiteAsAnEvent() {
        guest.put(0x100, "src/main.c\0");

        guest.callVoid("must_reach_underlying", 0x100, 12, 5);
        guest.callVoid("must_reach_underlying", 0x100, 3, 1);
        guest.callVoid("must_reach_underlying", 0x100, 12, 5);

        assertEquals(
                List.of("t0 must_reach src/main.c:12:5", "t0 must_reach src/main.c:3:1",
                        "t0 must_reach src/main.c:12:5"),
                run.events.lines().stream().filter(l -> l.contains(" must_reach ")).toList());
    }

    @Test
    void mustReachWithABadFileNameTrapsWithAClearMessage() {
        TrapException trap = assertThrows(TrapException.class,
                () -> guest.callVoid("must_reach_underlying", Guest.END, 1, 1));
        assertTrue(trap.getMessage().startsWith("must_reach_underlying: guest range [0x10000"),
                trap.getMessage());
        guest.memory.writeBytes(Guest.END - 4, new byte[] {'a', 'b', 'c', 'd'});
        assertThrows(TrapException.class,
                () -> guest.callVoid("must_reach_underlying", Guest.END - 4, 1, 1));
        assertTrue(run.events.lines().stream().noneMatch(l -> l.contains(" must_reach ")),
                run.events.lines().toString());
    }

    @Test
    void threadSpawnStartsAThreadThroughTheRun() {
        assertEquals(1, guest.call("thread-spawn", 0x1234));
        assertEquals(2, guest.call("thread-spawn", 7));
        assertEquals(List.of(0x1234, 7), run.spawnArgs);
    }
}
