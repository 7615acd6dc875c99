package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.Engine;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every threaded module loads, AOT-compiles, and has the shape of a wasm32-wasi-threads program
 * (C, C++, WAT) or of a Go wasip1 program. Their golden runs are in {@link GoldenTest} and
 * {@link ThreadsTest}.
 */
class ThreadedFixturesLoadTest {
    private static final Path TESTDATA = Testdata.dir();

    static Stream<String> threadedModules() throws IOException {
        return Manifest.load(TESTDATA).stream()
                .filter(f -> f.kind() == Fixture.Kind.THREADS)
                .map(Fixture::module)
                .distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedModules")
    void loadsAndCompiles(String module) throws Exception {
        Program program = new ProgramLoader().load(TESTDATA.resolve(module));
        program.machineFactory(Engine.AOT);
        if (module.startsWith("go/")) {
            assertTrue(program.exportsFunction("_start"), "exports _start");
            return;
        }
        assertAll(
                () -> assertTrue(
                        program.importedMemory().map(m -> m.limits().shared()).orElse(false),
                        "imports a shared memory"),
                () -> assertTrue(
                        program.functionImports().stream()
                                .anyMatch(i -> i.module().equals("wasi") && i.name().equals("thread-spawn")),
                        "imports wasi.thread-spawn"),
                () -> assertTrue(program.exportsFunction("wasi_thread_start"), "exports wasi_thread_start"),
                () -> assertTrue(program.exportsFunction("_start"), "exports _start"));
    }
}
