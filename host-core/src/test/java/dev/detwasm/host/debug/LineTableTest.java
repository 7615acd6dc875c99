package dev.detwasm.host.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Line tables as clang writes them for wasm (DWARF 4 and 5), assembled by hand. */
class LineTableTest {
    private static final int[] STANDARD_LENGTHS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

    /** Rows at 0x10 (line 10) and 0x14 (line 11); the sequence ends at 0x17. */
    static byte[] program() {
        Bytes p = new Bytes();
        p.u8(0).u8(5).u8(2).u32(0x10); // DW_LNE_set_address 0x10
        p.u8(3).u8(9); // advance_line +9
        p.u8(1); // copy
        p.u8(2).u8(4); // advance_pc 4
        p.u8(3).u8(1); // advance_line +1
        p.u8(1); // copy
        p.u8(2).u8(3); // advance_pc 3
        p.u8(0).u8(1).u8(1); // DW_LNE_end_sequence
        return p.bytes();
    }

    static byte[] version4() {
        Bytes header = new Bytes();
        header.u8(1).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(13);
        for (int n : STANDARD_LENGTHS) {
            header.u8(n);
        }
        header.u8(0); // no include directories
        header.text("a.c").u8(0).u8(0).u8(0).u8(0); // one file, then the end of the list
        return unit(4, new byte[0], header.bytes());
    }

    static byte[] version5() {
        Bytes header = new Bytes();
        header.u8(1).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(13);
        for (int n : STANDARD_LENGTHS) {
            header.u8(n);
        }
        header.u8(1).u8(1).u8(0x08); // directories: path as DW_FORM_string
        header.u8(1).text("/src");
        header.u8(2).u8(1).u8(0x1f).u8(2).u8(0x0b); // files: line_strp path, data1 directory
        // clang lists the primary file twice: as entry 0 (DWARF 5's) and entry 1 (the register's
        // default)
        header.u8(2).u32(0).u8(0).u32(0).u8(0);
        return unit(5, new byte[] {4, 0}, header.bytes());
    }

    private static byte[] unit(int version, byte[] afterVersion, byte[] header) {
        byte[] program = program();
        Bytes body = new Bytes();
        body.u16(version).raw(afterVersion).u32(header.length).raw(header).raw(program);
        byte[] b = body.bytes();
        return new Bytes().u32(b.length).raw(b).bytes();
    }

    @Test
    void readsDwarf4() {
        LineTable table = LineTable.parse(version4(), new byte[0], new byte[0]);
        assertEquals(Optional.empty(), table.at(0x0f));
        assertEquals(Optional.of(new SourceLine("a.c", 10)), table.at(0x10));
        assertEquals(Optional.of(new SourceLine("a.c", 10)), table.at(0x13));
        assertEquals(Optional.of(new SourceLine("a.c", 11)), table.at(0x14));
        assertEquals(Optional.of(new SourceLine("a.c", 11)), table.at(0x16));
        assertEquals(Optional.empty(), table.at(0x17));
    }

    @Test
    void readsDwarf5WithStringsInDebugLineStr() {
        byte[] lineStr = "b.c\0".getBytes(StandardCharsets.UTF_8);
        LineTable table = LineTable.parse(version5(), lineStr, new byte[0]);
        assertEquals(Optional.of(new SourceLine("/src/b.c", 10)), table.at(0x10));
        assertEquals(Optional.of(new SourceLine("/src/b.c", 11)), table.at(0x15));
    }

    @Test
    void truncatedOrUnknownTablesAreMalformed() {
        byte[] whole = version4();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 9);
        assertThrows(MalformedDebugInfo.class, () -> LineTable.parse(cut, new byte[0], new byte[0]));
        byte[] badVersion = whole.clone();
        badVersion[4] = 9;
        assertThrows(
                MalformedDebugInfo.class,
                () -> LineTable.parse(badVersion, new byte[0], new byte[0]));
    }

    @Test
    void moduleWithoutDebugInfoNamesFunctionsByIndex() {
        GuestLocations locations = new GuestLocations(module(null), null);
        assertEquals("function 3", locations.functionName(3));
        assertEquals(Optional.empty(), locations.lineAt(20));
        assertEquals(Optional.empty(), locations.warning());
        assertTrue(!locations.hasLines());
    }

    @Test
    void linesCountFromTheCodeSectionPayload() {
        byte[] wasm = module(version4());
        GuestLocations locations = new GuestLocations(wasm, null);
        int codeStart = 8 + 2; // header, then the code section's id and one-byte size
        assertEquals(Optional.of(new SourceLine("a.c", 11)), locations.lineAt(codeStart + 0x14));
        assertEquals(Optional.empty(), locations.warning());
    }

    @Test
    void malformedDebugLineIsIgnoredWithOneWarning() {
        GuestLocations locations =
                new GuestLocations(module(new byte[] {5, 0, 0, 0, 4, 0, 1}), null);
        assertEquals(Optional.empty(), locations.lineAt(12));
        assertTrue(
                locations.warning().orElseThrow().startsWith(
                        "ignoring the module's malformed .debug_line section"),
                locations.warning().toString());
    }

    /** A module of one code section (room for 0x20 bytes) and maybe a {@code .debug_line}. */
    private static byte[] module(byte[] debugLine) {
        Bytes m = new Bytes().raw(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        m.u8(10).u8(0x20).raw(new byte[0x20]);
        if (debugLine != null) {
            byte[] name = ".debug_line".getBytes(StandardCharsets.UTF_8);
            m.u8(0).u8(1 + name.length + debugLine.length).u8(name.length).raw(name).raw(debugLine);
        }
        return m.bytes();
    }

    /** Little-endian bytes. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int b) {
            out.write(b);
            return this;
        }

        Bytes u16(int v) {
            return u8(v & 0xff).u8(v >>> 8);
        }

        Bytes u32(int v) {
            return u16(v & 0xffff).u16(v >>> 16);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Bytes text(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8)).u8(0);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
