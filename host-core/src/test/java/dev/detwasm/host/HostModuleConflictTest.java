package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.GuestThreadsFactory;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.HostModules;
import dev.detwasm.host.spi.RunContext;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two host modules offering the same import: an error, unless one replaces the other. */
class HostModuleConflictTest {
    private static final String PRINTS = """
            (module (import "test" "print" (func $print))
              (func (export "_start") (call $print)))
            """;

    /** Offers {@code test.print}, which writes its own text to stdout. */
    private static class Printer implements HostModule {
        private final String name;
        private final String text;
        private final Set<String> replaces;

        Printer(String name, String text, Set<String> replaces) {
            this.name = name;
            this.text = text;
            this.replaces = replaces;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> replaces() {
            return replaces;
        }

        @Override
        public List<HostFunction> functions(RunContext run) {
            return List.of(new HostFunction("test", "print", FunctionType.of(List.of(), List.of()),
                    (instance, args) -> {
                        byte[] b = text.getBytes(StandardCharsets.UTF_8);
                        run.output().writeStdout(b, 0, b.length);
                        return null;
                    }));
        }
    }

    private static String stdout(Runner runner, Engine engine) throws LoadException {
        Program program = new ProgramLoader().load("t.wat", PRINTS.getBytes(StandardCharsets.UTF_8));
        RunResult r = runner.run(program, RunConfig.builder().engine(engine).build(),
                GuestOutput.captured(), new PrintStream(OutputStream.nullOutputStream()));
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    private static Runner runner(HostModule... modules) {
        return new Runner(Set.of(modules), (d, e) -> new OneThread());
    }

    @Test
    void twoModulesOfferingOneImportIsALoadErrorNamingBoth() {
        Runner runner = runner(new Printer("first", "1", Set.of()),
                new Printer("second", "2", Set.of()));
        LoadException e = assertThrows(LoadException.class, () -> stdout(runner, Engine.AOT));
        String type = Printer.class.getName();
        String message = e.getMessage();
        assertEquals(true, message.contains("first (" + type + ")"), message);
        assertEquals(true, message.contains("second (" + type + ")"), message);
        assertEquals(true, message.contains("both offer import test.print"), message);
        assertEquals(-1, message.indexOf('\n'));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aModuleThatReplacesTheOtherWinsInAnyOrder(Engine engine) throws Exception {
        for (int i = 0; i < 2; i++) {
            HostModule original = new Printer("original", "old", Set.of());
            HostModule replacement = new Printer("replacement", "new", Set.of("original"));
            assertEquals("new", stdout(runner(original, replacement), engine));
            assertEquals("new", stdout(runner(replacement, original), engine));
        }
    }

    private static Module hostModule(String name, String text) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                HostModules.add(binder(), name).toInstance(new Printer(name, text, Set.of()));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void overridingAHostModulesKeyReplacesItWhole(Engine engine) throws Exception {
        Module defaults = Modules.combine(new HostCoreModule(), hostModule("printer", "old"),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(GuestThreadsFactory.class).toInstance((d, e) -> new OneThread());
                    }
                });
        Module override = new AbstractModule() {
            @Override
            protected void configure() {
                bind(HostModules.key("printer")).toInstance(new Printer("mine", "new", Set.of()));
            }
        };
        Runner runner = Guice.createInjector(Modules.override(defaults).with(override))
                .getInstance(Runner.class);
        assertEquals("new", stdout(runner, engine));
        assertEquals("new", stdout(runner, engine));
    }

    @Test
    void installingASecondModuleWithoutOverrideIsALoadError() {
        Runner runner = Guice.createInjector(new HostCoreModule(), hostModule("a", "1"),
                hostModule("b", "2"), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(GuestThreadsFactory.class).toInstance((d, e) -> new OneThread());
                    }
                }).getInstance(Runner.class);
        LoadException e = assertThrows(LoadException.class, () -> stdout(runner, Engine.AOT));
        assertEquals(true, e.getMessage().startsWith("host modules a ("), e.getMessage());
    }
}
