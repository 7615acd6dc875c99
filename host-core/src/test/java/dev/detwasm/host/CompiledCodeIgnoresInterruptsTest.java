package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.CompiledModuleCache;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.Termination;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * detwasm's AOT-compiled code does not poll the thread's interrupt flag (a volatile read at every
 * loop back-edge that kept HotSpot from hoisting the memory's fields out of loops): a loop runs
 * to its end on an interrupted thread, compiled afresh and loaded from the compile cache, where
 * Chicory's own compiler stops it. The interpreter engine is Chicory's and still polls; no
 * detwasm guest thread is ever interrupted, so neither engine sees a set flag in a real run.
 */
class CompiledCodeIgnoresInterruptsTest {
    private static final String LOOP = """
            (module (import "test" "print" (func $print (param i32)))
              (func (export "_start") (local $i i32)
                (loop $again
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $i) (i32.const 1000))))
                (call $print (local.get $i))))
            """;
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @TempDir Path cacheRoot;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void chicorysOwnCompiledCodeStopsAnInterruptedLoop() throws Exception {
        WasmModule module = new ProgramLoader().load("loop.wat", bytes()).module();
        HostFunction print = new HostFunction("test", "print",
                FunctionType.of(List.of(ValType.I32), List.of()), (instance, args) -> null);
        Instance instance = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(print).build())
                .withMachineFactory(MachineFactoryCompiler.compile(module))
                .withStart(false)
                .build();
        Thread.currentThread().interrupt();
        assertThrows(ChicoryInterruptedException.class, () -> instance.export("_start").apply());
    }

    @Test
    void aFreshCompilationRunsAnInterruptedLoopToTheEnd() throws Exception {
        assertRunsToTheEnd(new ProgramLoader());
    }

    @Test
    void aCachedCompilationRunsAnInterruptedLoopToTheEnd() throws Exception {
        ProgramLoader loader = new ProgramLoader(Optional.of(new CompiledModuleCache(cacheRoot)));
        assertRunsToTheEnd(loader);  // compiles and keeps the classes
        assertRunsToTheEnd(loader);  // defines the kept classes
    }

    private static void assertRunsToTheEnd(ProgramLoader loader) throws LoadException {
        Runner runner = new Runner(Set.of(run -> List.of(TestPrint.function(run))), (d, e) -> new OneThread());
        RunConfig config = RunConfig.builder().engine(Engine.AOT).build();
        for (int repetition = 0; repetition < 2; repetition++) {
            Program program = loader.load("loop.wat", bytes());  // WAT is compiled by a guest
            Thread.currentThread().interrupt();
            RunResult result = runner.run(program, config, GuestOutput.captured(), SILENT);
            assertTrue(Thread.interrupted(), "the flag stays set through the run");
            assertEquals(Termination.exit(0, 0), result.termination());
            assertEquals("1000\n", new String(result.stdout(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes() {
        return LOOP.getBytes(StandardCharsets.UTF_8);
    }
}
