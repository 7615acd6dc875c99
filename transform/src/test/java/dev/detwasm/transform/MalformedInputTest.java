package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.detwasm.transform.internal.ByteWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a {@link MalformedModuleException} naming the byte offset in one line, and
 * nothing else: mutants of fixtures and generated modules either rewrite to a module that
 * decodes again, or throw exactly that.
 */
class MalformedInputTest {
    private static final int MUTANTS = 4000;

    private static MalformedModuleException malformed(byte[] wasm) {
        return assertThrows(MalformedModuleException.class, () -> Rewriter.rewrite(wasm, List.of()));
    }

    private static void assertOneLine(MalformedModuleException e, int length) {
        assertTrue(e.getMessage().startsWith("malformed wasm module at byte offset " + e.offset() + ": "), e.getMessage());
        assertTrue(e.offset() >= 0 && e.offset() <= length, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void eachKindOfDamageNamesItsOffset() {
        byte[] hello = Fixtures.read(Fixtures.ROOT.resolve("c/hello.wasm"));
        byte[] truncated = Arrays.copyOf(hello, hello.length - 1);
        MalformedModuleException t = malformed(truncated);
        assertOneLine(t, truncated.length);
        assertTrue(t.getMessage().endsWith("goes beyond the end"), t.getMessage());
        assertEquals(0, malformed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).offset());
        assertEquals(3, malformed(new byte[] {0, 'a', 's'}).offset());
        // Type section after the function section.
        byte[] outOfOrder = {0, 'a', 's', 'm', 1, 0, 0, 0, 3, 1, 0, 1, 1, 0};
        assertEquals(11, malformed(outOfOrder).offset());
        // A 6-byte LEB128 section size; a 5-byte one whose last byte overflows 32 bits.
        assertEquals(9, malformed(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0}).offset());
        assertEquals(9, malformed(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10}).offset());
        // A type section claiming 100 entries in 1 byte.
        assertEquals(10, malformed(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 1, 100}).offset());
        // Opcode 0x06 (try, exception handling) in a body.
        byte[] unknownOp = new TestModule().function("f", 0, 0, 0, new byte[] {0x06}).build();
        MalformedModuleException e = malformed(unknownOp);
        assertEquals(0x06, unknownOp[e.offset()]);
        assertTrue(e.getMessage().endsWith("unknown opcode 0x6"), e.getMessage());
        assertOneLine(e, unknownOp.length);
    }

    @Test
    void mutantsRewriteOrThrowExactlyMalformedModule() {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("c/hello.wasm", "c/exit.wasm", "wat/files.wasm", "wat/fileops.wasm")) {
            seeds.add(Fixtures.read(Fixtures.ROOT.resolve(f)));
        }
        for (long s = 0; s < 4; s++) {
            seeds.add(new ModuleGenerator(s).generate());
        }
        List<List<Pass>> configurations = new ArrayList<>();
        configurations.add(List.of());
        Passes.all().forEach(p -> configurations.add(List.of(p)));
        configurations.add(Passes.all());
        Random rnd = new Random(20261206);
        int rewritten = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            List<Pass> passes = configurations.get(i % configurations.size());
            try {
                Module.decode(Rewriter.rewrite(mutant, passes));
                rewritten++;
            } catch (MalformedModuleException e) {
                assertOneLine(e, mutant.length);
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " with " + passes.stream().map(Pass::name).toList() + ": " + e, e);
            }
        }
        assertTrue(rewritten > 0 && rewritten < MUTANTS, "both outcomes happen: " + rewritten);
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> {
                for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
                    int i = rnd.nextInt(b.length);
                    b[i] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            case 2 -> {
                int at = rnd.nextInt(b.length + 1);
                return new ByteWriter(b.length + 1).bytes(b, 0, at).u8(rnd.nextInt(256)).bytes(b, at, b.length).toByteArray();
            }
            default -> {
                return resizeSection(b, rnd);
            }
        }
    }

    /** Rewrites one section's size LEB128 to a nearby or random value. */
    private static byte[] resizeSection(byte[] b, Random rnd) {
        List<int[]> headers = new ArrayList<>();
        int pos = 8;
        while (pos < b.length) {
            int sizeAt = pos + 1;
            long size = 0;
            int p = sizeAt;
            for (int shift = 0; p < b.length && shift < 35; shift += 7) {
                size |= (long) (b[p] & 0x7f) << shift;
                if ((b[p++] & 0x80) == 0) {
                    break;
                }
            }
            headers.add(new int[] {sizeAt, p, (int) size});
            pos = p + (int) size;
        }
        int[] h = headers.get(rnd.nextInt(headers.size()));
        int newSize = rnd.nextBoolean() ? Math.max(0, h[2] + rnd.nextInt(9) - 4) : rnd.nextInt() & 0x7fffffff;
        return new ByteWriter(b.length + 5).bytes(b, 0, h[0]).u32(newSize).bytes(b, h[1], b.length).toByteArray();
    }
}
