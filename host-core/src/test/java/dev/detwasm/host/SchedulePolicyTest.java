package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.MapBinder;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.GuestThreadsFactory;
import dev.detwasm.host.spi.HostError;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.HostModules;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schedule policies are bindings by name: a module adds one, a run names it. */
class SchedulePolicyTest {
    /** test.select(n) is a select decision among n options; test.print(i) prints i. */
    private static final HostModule SELECTS = run -> List.of(
            new HostFunction("test", "select",
                    FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                    (instance, args) -> new long[] {
                        run.decisions().choose(Decision.select(0, (int) args[0]))}),
            new HostFunction("test", "print", FunctionType.of(List.of(ValType.I32), List.of()),
                    (instance, args) -> {
                        byte[] b = (args[0] + "\n").getBytes(StandardCharsets.UTF_8);
                        run.output().writeStdout(b, 0, b.length);
                        return null;
                    }));

    private static final String PROGRAM = """
            (module (import "test" "select" (func $select (param i32) (result i32)))
              (import "test" "print" (func $print (param i32)))
              (func (export "_start") (call $print (call $select (i32.const 3)))))
            """;

    private static Runner runner() {
        return Guice.createInjector(new HostCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                HostModules.add(binder(), "test").toInstance(SELECTS);
                bind(GuestThreadsFactory.class).toInstance((d, e) -> new OneThread());
                MapBinder.newMapBinder(binder(), String.class, SchedulePolicy.class)
                        .addBinding("last")
                        .toInstance(config -> decision -> decision.options() - 1);
            }
        }).getInstance(Runner.class);
    }

    private static String run(Runner runner, Engine engine, String policy) throws Exception {
        Program program =
                new ProgramLoader().load("t.wat", PROGRAM.getBytes(StandardCharsets.UTF_8));
        RunConfig config = RunConfig.builder().engine(engine).schedule(policy).build();
        RunResult r = runner.run(program, config, GuestOutput.captured(),
                new PrintStream(OutputStream.nullOutputStream()));
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBoundPolicyDecidesWhenARunNamesIt(Engine engine) throws Exception {
        Runner runner = runner();
        for (int i = 0; i < 2; i++) {
            assertEquals("0\n", run(runner, engine, SchedulePolicy.FIFO));
            assertEquals("2\n", run(runner, engine, "last"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnknownPolicyIsAUsageErrorListingTheNames(Engine engine) {
        HostError e = assertThrows(HostError.class, () -> run(runner(), engine, "lifo"));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("unknown schedule policy 'lifo'; expected one of fifo, last, random",
                e.getMessage());
    }
}
