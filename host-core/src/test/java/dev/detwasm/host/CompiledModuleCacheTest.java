package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.load.CompiledModuleCache;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.host.spi.HostModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompiledModuleCacheTest {
    private static final String WAT = """
            (module (import "test" "print" (func $print (param i32)))
              (func $sum (param $n i32) (result i32) (local $s i32)
                (block $done (loop $next
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $s (i32.add (local.get $s) (local.get $n)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))
                (local.get $s))
              (func (export "_start") (call $print (call $sum (i32.const 1000)))))
            """;

    private static final HostModule PRINT =
            run -> List.of(TestPrint.function(run));

    @TempDir Path root;

    private String runAot(ProgramLoader loader) throws Exception {
        return run(loader, Engine.AOT);
    }

    private String run(ProgramLoader loader, Engine engine) throws Exception {
        Program program = loader.load("sum.wat", WAT.getBytes(StandardCharsets.UTF_8));
        Runner runner = new Runner(Set.of(PRINT), (decisions, events) -> new OneThread());
        RunResult r = runner.run(
                program,
                RunConfig.builder().engine(engine).build(),
                GuestOutput.captured(),
                new PrintStream(OutputStream.nullOutputStream()));
        return new String(r.stdout(), StandardCharsets.UTF_8) + String.join("\n", r.events());
    }

    private List<Path> entries(CompiledModuleCache cache) throws IOException {
        if (!Files.isDirectory(cache.directory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache.directory())) {
            return new ArrayList<>(files.toList());
        }
    }

    @Test
    void aSecondProgramRunsFromTheEntryTheFirstWroteWithTheSameResult() throws Exception {
        CompiledModuleCache cache = new CompiledModuleCache(root);
        ProgramLoader loader = new ProgramLoader(Optional.of(cache));
        String uncached = runAot(new ProgramLoader());

        assertEquals(uncached, runAot(loader));
        List<Path> written = entries(cache);
        assertEquals(1, written.size(), "one entry, no temporary file left behind");
        long modified = Files.getLastModifiedTime(written.get(0)).toMillis();

        assertEquals(uncached, runAot(loader));
        assertEquals(written, entries(cache));
        assertEquals(modified, Files.getLastModifiedTime(written.get(0)).toMillis(), "reused");
        assertTrue(uncached.startsWith("500500\n"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aProgramLoadedThroughAWarmCacheRunsAsAColdOneOnEitherEngine(Engine engine)
            throws Exception {
        ProgramLoader loader = new ProgramLoader(Optional.of(new CompiledModuleCache(root)));
        String cold = run(new ProgramLoader(), engine);
        runAot(loader);
        assertEquals(cold, run(loader, engine));
        assertEquals(cold, run(loader, engine));
    }

    @Test
    void aWarmCacheLeavesTheFunctionBodiesUnparsedUntilTheInterpreterAsks() throws Exception {
        ProgramLoader loader = new ProgramLoader(Optional.of(new CompiledModuleCache(root)));
        runAot(loader);
        Program warm = loader.load("sum.wat", WAT.getBytes(StandardCharsets.UTF_8));

        var compiled = warm.moduleToInstantiate(Engine.AOT).codeSection();
        var interpreted = warm.moduleToInstantiate(Engine.INTERPRETER).codeSection();
        assertEquals(2, compiled.functionBodyCount());
        assertTrue(compiled.getFunctionBody(0).instructions().isEmpty(), "a placeholder");
        assertFalse(interpreted.getFunctionBody(0).instructions().isEmpty(), "parsed");
    }

    @Test
    void aModuleWhoseCompiledCodeInterpretsAFunctionKeepsItsBodiesAndRunsFromAWarmCache()
            throws Exception {
        ProgramLoader loader = new ProgramLoader(Optional.of(new CompiledModuleCache(root)));
        byte[] big = BigFunctionModule.bytes();
        for (int run = 0; run < 2; run++) {
            Program program = loader.load("big.wasm", big);
            RunResult r = new Runner(Set.of(PRINT), (decisions, events) -> new OneThread()).run(
                    program,
                    RunConfig.builder().engine(Engine.AOT).build(),
                    GuestOutput.captured(),
                    new PrintStream(OutputStream.nullOutputStream()));
            assertEquals(0, r.exitCode(), String.join("\n", r.events()));
            assertFalse(program.moduleToInstantiate(Engine.AOT).codeSection().getFunctionBody(0)
                    .instructions().isEmpty(), "the interpreter runs its body");
        }
        assertEquals(1, entries(new CompiledModuleCache(root)).size());
    }

    @Test
    void anEntryIsAHitOnlyForTheModuleWhoseBytesItHolds() throws Exception {
        CompiledModuleCache cache = new CompiledModuleCache(root);
        byte[] module = sumWasm();
        runAot(new ProgramLoader(Optional.of(cache)));
        Path entry = entries(cache).get(0);
        assertEquals(CompiledModuleCache.nameOf(module) + ".entry", entry.getFileName().toString());
        assertTrue(cache.contains(module));

        // Another module under this one's name (a CRC names entries; it does not identify them).
        byte[] other = module.clone();
        other[other.length - 1] ^= 1;
        Path impostor = entry.resolveSibling(CompiledModuleCache.nameOf(other) + ".entry");
        Files.copy(entry, impostor);
        assertFalse(cache.contains(other));
        assertNull(cache.get(other));
        assertTrue(Files.exists(impostor), "left for its own module to replace");
        cache.putIfAbsent(other, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, cache.get(other));
        assertTrue(cache.contains(module), "untouched");
    }

    private static byte[] sumWasm() throws Exception {
        return new ProgramLoader().load("sum.wat", WAT.getBytes(StandardCharsets.UTF_8)).binary();
    }

    @Test
    void entriesAreKeyedByTheDetwasmAndChicoryVersions() {
        String tag = new CompiledModuleCache(root).directory().getFileName().toString();
        assertTrue(tag.matches("detwasm-[^_]+_chicory-\\d+\\.\\d+\\.\\d+"), tag);
    }

    @Test
    void aCorruptOrTruncatedEntryIsIgnoredAndRebuilt() throws Exception {
        CompiledModuleCache cache = new CompiledModuleCache(root);
        ProgramLoader loader = new ProgramLoader(Optional.of(cache));
        String expected = runAot(loader);
        Path entry = entries(cache).get(0);
        byte[] whole = Files.readAllBytes(entry);
        byte[] flipped = whole.clone();
        flipped[flipped.length - 10] ^= 0x55;

        for (byte[] damaged : List.of(flipped, Arrays.copyOf(whole, whole.length / 2), new byte[0])) {
            Files.write(entry, damaged);
            assertEquals(expected, runAot(loader));
            assertFalse(Arrays.equals(damaged, Files.readAllBytes(entry)), "rebuilt");
            assertNotNull(cache.get(sumWasm()), "and intact");
        }
    }

    @Test
    void anEntryWithAValidChecksumThatDoesNotLoadIsReplaced() throws Exception {
        String expected = runAot(new ProgramLoader());
        CompiledModuleCache cache = new CompiledModuleCache(root);
        byte[] module = sumWasm();
        byte[] garbage = "not a jar".getBytes(StandardCharsets.US_ASCII);
        cache.putIfAbsent(module, garbage);
        assertArrayEquals(garbage, cache.get(module));

        assertEquals(expected, runAot(new ProgramLoader(Optional.of(cache))));
        byte[] replaced = cache.get(module);
        assertTrue(replaced.length > 100 && replaced[0] == 'P' && replaced[1] == 'K', "a jar");
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoCache() throws Exception {
        Path file = Files.writeString(root.resolve("a-file"), "not a directory");
        CompiledModuleCache cache = new CompiledModuleCache(file);
        String expected = runAot(new ProgramLoader());
        assertEquals(expected, runAot(new ProgramLoader(Optional.of(cache))));
        assertNull(cache.get(sumWasm()));
    }
}
