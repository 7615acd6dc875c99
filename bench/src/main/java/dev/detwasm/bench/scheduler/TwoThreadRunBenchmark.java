package dev.detwasm.bench.scheduler;

import dev.detwasm.bench.EngineChoice;
import dev.detwasm.host.EventLog;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunDeadline;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.Decisions;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.scheduler.CooperativeScheduler;
import dev.detwasm.scheduler.CooperativeSchedulerFactory;
import dev.detwasm.scheduler.VirtualThreadCarriers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole run of a two-thread program whose threads switch {@value #SWITCHES} times, per run.
 * {@code javaBodies} is the scheduler alone (threads, switches, teardown) with plain Java
 * bodies; {@code wat} is a WAT ping-pong over shared memory through host-core's {@link Runner}
 * (two instances, every atomic a scheduling point, every switch-free scheduling point a fifo
 * decision recorded in the trace), as the model checker runs it: no event log. Divide by
 * {@value #SWITCHES} for a per-switch figure; wat/javaBodies is what Chicory and host-core add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TwoThreadRunBenchmark {
    static final int SWITCHES = 10_000;

    /**
     * Main and a worker pass a turn word at address 0 back and forth, {@code SWITCHES / 2} times
     * each: wait while it is the other's turn, hand it over, notify. Main then waits for its
     * last turn, so the worker finishes before main returns.
     */
    private static final String PING_PONG =
            """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
              (func $await_turn (param $me i32)
                (block $mine
                  (loop $wait
                    (br_if $mine (i32.eq (i32.atomic.load (i32.const 0)) (local.get $me)))
                    (drop (memory.atomic.wait32
                      (i32.const 0) (i32.sub (i32.const 1) (local.get $me)) (i64.const -1)))
                    (br $wait))))
              (func $play (param $me i32)
                (local $round i32)
                (loop $next
                  (call $await_turn (local.get $me))
                  (i32.atomic.store (i32.const 0) (i32.sub (i32.const 1) (local.get $me)))
                  (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))
                  (local.set $round (i32.add (local.get $round) (i32.const 1)))
                  (br_if $next (i32.lt_u (local.get $round) (i32.const %d)))))
              (func (export "_start")
                (drop (call $spawn (i32.const 0)))
                (call $play (i32.const 0))
                (call $await_turn (i32.const 0)))
              (func (export "wasi_thread_start") (param i32 i32)
                (call $play (i32.const 1))))
            """
                    .formatted(SWITCHES / 2);

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private final VirtualThreadCarriers carriers = new VirtualThreadCarriers();

    /** The compiled ping-pong and a runner for it, per engine. */
    @State(Scope.Benchmark)
    public static class PingPong {
        private Runner runner;
        private Program program;
        private RunConfig config;

        @Setup
        public void setUp(EngineChoice choice) throws LoadException {
            runner =
                    new Runner(
                            Set.of(new SpawnHost()),
                            new CooperativeSchedulerFactory(new VirtualThreadCarriers()));
            program =
                    new ProgramLoader()
                            .load("ping-pong.wat", PING_PONG.getBytes(StandardCharsets.UTF_8));
            config =
                    RunConfig.builder()
                            .engine(choice.engine())
                            .build();
            Termination end = run().termination();
            if (!end.equals(Termination.exit(0, 0))) {
                throw new IllegalStateException("ping-pong did not exit cleanly: " + end);
            }
        }

        RunResult run() throws LoadException {
            return runner.run(
                    program, config, GuestOutput.captured(), SILENT, new FifoPolicy(), false,
                    RunDeadline.none());
        }
    }

    @Benchmark
    public RunResult wat(PingPong pingPong) throws LoadException {
        return pingPong.run();
    }

    @Benchmark
    public Termination javaBodies() {
        EventLog events = new EventLog(false);
        return TwoGuestThreads.waitAndWake(
                new CooperativeScheduler(
                        new Decisions(new FifoPolicy(), events), events, carriers),
                SWITCHES);
    }
}
