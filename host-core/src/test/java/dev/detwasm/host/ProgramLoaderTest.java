package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLoaderTest {
    private static final String ATOMIC_WAT =
            """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (func (export "_start")
                (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))))
            """;

    private final ProgramLoader loader = new ProgramLoader();

    @Test
    void watWithAtomicsCompilesAndTheBinaryLoadsTheSame(@TempDir Path dir) throws Exception {
        Path wat = dir.resolve("atomic.wasm"); // the extension lies; content decides
        Files.writeString(wat, ATOMIC_WAT);
        Program fromText = loader.load(wat);
        assertEquals("atomic.wasm", fromText.name());
        assertTrue(fromText.importedMemory().orElseThrow().limits().shared());
        assertTrue(fromText.exportsFunction("_start"));
    }

    @Test
    void binaryIsRecognisedByMagic() throws Exception {
        byte[] empty = {0, 'a', 's', 'm', 1, 0, 0, 0};
        Program p = loader.load("empty.wat", empty);
        assertEquals(0, p.functionImports().size());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        var e = assertThrows(LoadException.class, () -> loader.load(dir.resolve("nope.wasm")));
        assertEquals(dir.resolve("nope.wasm") + ": no such file", e.getMessage());
    }

    @Test
    void notAModule() {
        var e = assertThrows(
                LoadException.class,
                () -> loader.load("x.bin", "ELF\u0001garbage".getBytes(StandardCharsets.UTF_8)));
        assertEquals("x.bin: not a wasm module (no \\0asm magic) nor WAT text", e.getMessage());
    }

    /** A module exporting its one function as {@code name} (raw bytes, not checked). */
    private static byte[] exporting(byte... name) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        out.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type: [] -> []
        out.writeBytes(new byte[] {3, 2, 1, 0}); // function 0 has type 0
        out.writeBytes(new byte[] {7, (byte) (4 + name.length), 1, (byte) name.length});
        out.writeBytes(name);
        out.writeBytes(new byte[] {0, 0}); // function 0
        out.writeBytes(new byte[] {10, 4, 1, 2, 0, 0x0b}); // an empty body
        return out.toByteArray();
    }

    @Test
    void namesMustBeUtf8() throws Exception {
        assertTrue(loader.load("ok.wasm", exporting((byte) 0xC3, (byte) 0xA9)).exportsFunction("é"));
        var e = assertThrows(LoadException.class,
                () -> loader.load("bad.wasm", exporting((byte) 'a', (byte) 0xFF)));
        assertEquals("bad.wasm: invalid module: export name at byte 22 is not valid UTF-8",
                e.getMessage());
        byte[] custom = {0, 'a', 's', 'm', 1, 0, 0, 0, 0, 3, 2, (byte) 0xC3, 0x28};
        e = assertThrows(LoadException.class, () -> loader.load("c.wasm", custom));
        assertTrue(e.getMessage().startsWith("c.wasm: invalid module: "), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        byte[] imported = binaryOf("(module (import \"env\" \"f\" (func)))");
        int at = indexOf(imported, (byte) 'f');
        imported[at] = (byte) 0x80;
        e = assertThrows(LoadException.class, () -> loader.load("i.wasm", imported));
        assertTrue(e.getMessage().startsWith("i.wasm: invalid module: "), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no " + b);
    }

    @Test
    void truncatedModule() throws Exception {
        byte[] full = binaryOf(ATOMIC_WAT);
        byte[] truncated = Arrays.copyOf(full, full.length - 5);
        var e = assertThrows(LoadException.class, () -> loader.load("t.wasm", truncated));
        assertTrue(e.getMessage().startsWith("t.wasm: invalid module: "), e.getMessage());
    }

    @Test
    void badWatSaysWhereAndWhat() {
        var e = assertThrows(
                LoadException.class,
                () -> loader.load("bad.wat", "(module (func (i32.bogus)))".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                "bad.wat: 1:16: error: unexpected token \"i32.bogus\", expected an instr.",
                e.getMessage());
    }

    static byte[] binaryOf(String wat) throws dev.detwasm.wat.WatException {
        return dev.detwasm.wat.WatCompiler.compile(wat.getBytes(StandardCharsets.UTF_8));
    }
}
