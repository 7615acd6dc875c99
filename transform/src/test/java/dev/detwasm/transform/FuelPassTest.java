package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuelPassTest {
    /**
     * {@code count(n)}: {@code loop (i += 1; br_if i < n) end; i}. Its basic blocks: [loop] (1
     * step, function entry), the loop body up to br_if (7 steps, loop header), [end] (1), and
     * [local.get, end] (2): 7n + 4 steps.
     */
    private static final byte[] COUNT = new TestModule().function("count", 1, 1, 1, new byte[] {
        0x03, 0x40,
        0x20, 1, 0x41, 1, 0x6a, 0x22, 1, 0x20, 0, 0x48, 0x0d, 0,
        0x0b,
        0x20, 1,
    }).build();

    /**
     * count as above, and two callers that leave by a branch to the function's label:
     * {@code calls(n)} = [local.get, call count, drop, local.get, call count, local.get,
     * i32.eqz, br_if 0] (8 steps) + [i32.const 1, i32.add, end] (3 unless n is 0);
     * {@code early(n)} = [block, local.get, br_table 0 1] (3) + when n is 0 [local.get, call
     * count, drop, end] (4).
     */
    private static final byte[] CALLERS = new TestModule()
            .function("count", 1, 1, 1, new byte[] {
                0x03, 0x40,
                0x20, 1, 0x41, 1, 0x6a, 0x22, 1, 0x20, 0, 0x48, 0x0d, 0,
                0x0b,
                0x20, 1,
            })
            .function("calls", 1, 1, 0, new byte[] {
                0x20, 0, 0x10, 0, 0x1a, 0x20, 0, 0x10, 0, 0x20, 0, 0x45, 0x0d, 0,
                0x41, 1, 0x6a,
            })
            .function("early", 1, 0, 0, new byte[] {
                0x02, 0x40, 0x20, 0, 0x0e, 1, 0, 1, 0x0b,
                0x20, 0, 0x10, 0, 0x1a,
            })
            .build();

    private static final byte[] SPIN = new TestModule().function("spin", 0, 0, 0, new byte[] {
        0x03, 0x40, 0x0c, 0, 0x0b,
    }).build();

    private record Run(long stepsTaken, List<Integer> dueIn) {}

    /** Runs count(n) granting {@code grant} steps at the start and at every fuel_due. */
    private static Run count(int n, long grant) {
        List<Integer> dueIn = new ArrayList<>();
        long[] granted = {grant};
        Instance[] self = new Instance[1];
        WasmFunctionHandle due = (instance, args) -> {
            dueIn.add((int) args[0]);
            granted[0] += grant;
            fuel(instance).setValue(fuel(instance).getValue() + grant);
            return null;
        };
        self[0] = ChicoryHost.instantiate(new FuelPass().apply(COUNT), Map.of(Builtins.FUEL_DUE, due));
        fuel(self[0]).setValue(grant);
        assertEquals(n, self[0].export("count").apply(n)[0]);
        return new Run(granted[0] - fuel(self[0]).getValue(), dueIn);
    }

    private static com.dylibso.chicory.runtime.GlobalInstance fuel(Instance instance) {
        return instance.exports().global(Builtins.FUEL_GLOBAL);
    }

    @Test
    void aStepIsAnOriginalInstruction() {
        assertEquals(7 * 10 + 4, count(10, 1_000_000).stepsTaken());
        assertEquals(7 * 1000 + 4, count(1000, 1_000_000).stepsTaken());
    }

    @Test
    void callsAndBranchesOutOfAFunctionCountEveryStep() {
        assertEquals(8 + 3 + 2 * (7 * 10 + 4), steps("calls", 10));
        assertEquals(8 + 2 * (7 + 4), steps("calls", 0));
        assertEquals(3, steps("early", 5));
        assertEquals(3 + 4 + 7 + 4, steps("early", 0));
    }

    /** The steps export {@code name} takes on {@code arg}, read from the global afterwards. */
    private static long steps(String name, int arg) {
        Instance instance = ChicoryHost.instantiate(new FuelPass().apply(CALLERS), Map.of());
        fuel(instance).setValue(1_000_000);
        instance.export(name).apply(arg);
        return 1_000_000 - fuel(instance).getValue();
    }

    @Test
    void theHostIsCalledWhenTheBudgetIsSpentWithTheFunctionsOriginalIndex() {
        Run run = count(100, 50);
        assertEquals(7 * 100 + 4, run.stepsTaken());
        // Checks come only at loop headers: each grant of 50 lasts 7 iterations (49 steps + the
        // previous overshoot), so the host is called once per 50 steps, give or take one block.
        assertEquals(14, run.dueIn().size());
        assertEquals(List.of(0), run.dueIn().stream().distinct().toList());
        assertEquals(count(100, 50), run, "the same budget gives the same calls");
    }

    @Test
    void aRunawayLoopEndsWhenTheHostStopsIt() {
        WasmFunctionHandle stop = (instance, args) -> {
            throw new IllegalStateException("budget spent");
        };
        Instance instance = ChicoryHost.instantiate(new FuelPass().apply(SPIN), Map.of(Builtins.FUEL_DUE, stop));
        fuel(instance).setValue(10_000);
        RuntimeException e = assertThrows(RuntimeException.class, () -> instance.export("spin").apply());
        assertEquals("budget spent", rootCause(e).getMessage());
        // The entry block (loop) and then each loop block (br) cost 1 step: the budget ends at -1.
        assertEquals(-1, fuel(instance).getValue());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
