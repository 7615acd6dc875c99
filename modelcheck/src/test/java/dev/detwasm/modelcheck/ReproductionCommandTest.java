package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.Engine;
import dev.detwasm.host.Mount;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.Termination;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproductionCommandTest {

    @Test
    void aPlainRunNeedsOnlyTheTraceAndTheModule() {
        ReproductionCommand command =
                new ReproductionCommand("lost_update.wasm", RunConfig.builder().build(), null);
        assertEquals("detwasm run --trace 1,0,2 lost_update.wasm",
                command.forTrace(List.of(1, 0, 2)));
    }

    @Test
    void longRepeatsAreCompressedAndQuotedForTheShell() {
        ReproductionCommand command =
                new ReproductionCommand("racy.wasm", RunConfig.builder().build(), null);
        assertEquals("detwasm run --trace '0*6,1,0,0' racy.wasm",
                command.forTrace(List.of(0, 0, 0, 0, 0, 0, 1, 0, 0)));
    }

    @Test
    void aRunWithoutDecisionsHasNoTrace() {
        ReproductionCommand command =
                new ReproductionCommand("m.wat", RunConfig.builder().build(), null);
        assertEquals("detwasm run m.wat", command.forTrace(List.of()));
    }

    @Test
    void everyOptionThatChangesTheRunIsKeptInOrder() {
        RunConfig config =
                RunConfig.builder()
                        .engine(Engine.INTERPRETER)
                        .env("GREETING", "hello world")
                        .env("N", "3")
                        .mount(new Mount(Path.of("data"), "/data"))
                        .argv0("prog")
                        .seed(7)
                        .maxSteps(1000)
                        .preemptEvery(50)
                        .nsPerStep(10)
                        .preemptAt(PreemptAt.MEMORY)
                        .maxMemoryPages(16)
                        .args(List.of("it's", "-v"))
                        .traceWasi(true)
                        .build();
        ReproductionCommand command = new ReproductionCommand("dir/m.wasm", config, "in.txt");
        assertEquals(
                "detwasm run --engine interpreter --env 'GREETING=hello world' --env N=3"
                        + " --dir data::/data --argv0 prog --seed 7 --max-steps 1000"
                        + " --preempt-every 50 --clock steps=10 --preempt-at memory --max-memory 16"
                        + " --stdin in.txt --trace 0,1 -- dir/m.wasm 'it'\\''s' -v",
                command.forRun(Termination.stepBudget(0, "after 1001 steps"), List.of(0, 1)));
    }

    @Test
    void theDefaultClockRateIsSaidWithoutIt() {
        RunConfig config = RunConfig.builder().nsPerStep(RunConfig.DEFAULT_NS_PER_STEP).build();
        assertEquals(
                "detwasm run --clock steps m.wasm",
                new ReproductionCommand("m.wasm", config, null).forTrace(List.of()));
    }

    @Test
    void theStepBudgetIsNamedOnlyForARunThatRanOutOfIt() {
        RunConfig config = RunConfig.builder().maxSteps(1000).build();
        ReproductionCommand command = new ReproductionCommand("m.wasm", config, null);
        assertEquals(
                "detwasm run --trace 1 m.wasm",
                command.forRun(Termination.trap(0, "unreachable"), List.of(1)));
        assertEquals(
                "detwasm run --max-steps 1000 --trace 1 m.wasm",
                command.forRun(Termination.stepBudget(0, "after 1001 steps"), List.of(1)));
    }

    @Test
    void stdinThatCameFromThePipeIsNamedInAComment() {
        RunConfig config = RunConfig.builder().stdin(new byte[] {'x'}).build();
        assertEquals("detwasm run --trace 1 m.wasm  # with the same stdin as the check",
                new ReproductionCommand("m.wasm", config, null).forTrace(List.of(1)));
    }
}
