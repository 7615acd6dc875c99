package dev.detwasm.host.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SparseBytes} against Chicory's {@link ByteArrayMemory}: the same random operations on
 * both, aimed at chunk and page borders and at the end of memory, must read the same values and
 * fail at the same accesses, as out-of-bounds accesses.
 */
class SparseBytesTest {
    private static final int MAX_PAGES = 4;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void behavesAsChicorysMemory(long seed) {
        MemoryLimits limits = new MemoryLimits(1, MAX_PAGES, true);
        SparseBytes sparse = new SparseBytes(limits);
        ByteArrayMemory dense = new ByteArrayMemory(limits);
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < 20_000; step++) {
            int addr = address(random, dense.pages());
            int other = address(random, dense.pages());
            int length =
                    random.nextInt(4) == 0
                            ? random.nextInt(3 * SparseBytes.CHUNK)
                            : random.nextInt(17);
            long value = random.nextLong();
            int delta = random.nextInt(2) == 0 ? 1 : -1;
            String what = "step " + step + " at " + addr;
            switch (random.nextInt(16)) {
                case 0 -> same(what, () -> dense.read(addr), () -> sparse.read(addr));
                case 1 -> same(what, () -> dense.readShort(addr), () -> sparse.readShort(addr));
                case 2 -> same(what, () -> dense.readInt(addr), () -> sparse.readInt(addr));
                case 3 -> same(what, () -> dense.readLong(addr), () -> sparse.readLong(addr));
                case 4 -> same(what, () -> run(() -> dense.writeByte(addr, (byte) value)),
                        () -> run(() -> sparse.writeByte(addr, (byte) value)));
                case 5 -> same(what, () -> run(() -> dense.writeShort(addr, (short) value)),
                        () -> run(() -> sparse.writeShort(addr, (short) value)));
                case 6 -> same(what, () -> run(() -> dense.writeI32(addr, (int) value)),
                        () -> run(() -> sparse.writeI32(addr, (int) value)));
                case 7 -> same(what, () -> run(() -> dense.writeLong(addr, value)),
                        () -> run(() -> sparse.writeLong(addr, value)));
                case 8 -> same(what, () -> run(() -> dense.fill((byte) value, addr, addr + length)),
                        () -> run(() -> sparse.fill((byte) value, addr, addr + length)));
                case 9 -> same(what, () -> run(() -> dense.fill((byte) 0, addr, addr + length)),
                        () -> run(() -> sparse.fill((byte) 0, addr, addr + length)));
                case 10 -> same(what, () -> run(() -> dense.copy(addr, other, length)),
                        () -> run(() -> sparse.copy(addr, other, length)));
                case 11 -> same(what, () -> run(() -> dense.copy(addr, addr + length / 3, length)),
                        () -> run(() -> sparse.copy(addr, addr + length / 3, length)));
                case 12 -> same(what, () -> run(() -> dense.copy(addr + length / 3, addr, length)),
                        () -> run(() -> sparse.copy(addr + length / 3, addr, length)));
                case 13 -> {
                    byte[] data = new byte[length + 2];
                    random.nextBytes(data);
                    same(what, () -> run(() -> dense.write(addr, data, 1, length)),
                            () -> run(() -> sparse.write(addr, data, 1, length)));
                }
                case 14 -> same(what, () -> dense.grow(delta), () -> sparse.grow(delta));
                default -> sameBytes(what, dense, sparse, addr, length);
            }
        }
        for (int page = 0; page < dense.pages(); page++) {
            sameBytes("page " + page, dense, sparse, page * Memory.PAGE_SIZE, Memory.PAGE_SIZE);
        }
        assertEquals(dense.pages(), sparse.pages());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void growsUpToItsMaximumOnly(int initial) {
        SparseBytes sparse = new SparseBytes(new MemoryLimits(initial, 3, false));
        for (int expected = initial; expected < 3; expected++) {
            assertEquals(expected, sparse.grow(1));
        }
        assertEquals(-1, sparse.grow(1));
        sparse.writeByte(3 * Memory.PAGE_SIZE - 1, (byte) 7);
        assertEquals(7, sparse.read(3 * Memory.PAGE_SIZE - 1));
        assertThrows(WasmRuntimeException.class, () -> sparse.read(3 * Memory.PAGE_SIZE));
        sparse.zero();
        assertEquals(0, sparse.read(3 * Memory.PAGE_SIZE - 1));
    }

    /** Mostly near a chunk border, sometimes near the end of memory or anywhere. */
    private static int address(SplittableRandom random, int pages) {
        int size = pages * Memory.PAGE_SIZE;
        return switch (random.nextInt(8)) {
            case 0 -> size - random.nextInt(12);
            case 1 -> random.nextInt(size + 16);
            case 2 -> -random.nextInt(1, 4);
            default -> random.nextInt(pages * 16 + 1) * SparseBytes.CHUNK + random.nextInt(-9, 9);
        };
    }

    private static void sameBytes(
            String what, ByteArrayMemory dense, SparseBytes sparse, int addr, int length) {
        Object expected = result(() -> dense.readBytes(addr, length));
        Object actual = result(() -> sparse.readBytes(addr, length));
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            assertArrayEquals(e, a, what);
        } else {
            assertEquals(expected, actual, what);
        }
    }

    private static void same(String what, Supplier<Object> expected, Supplier<Object> actual) {
        assertEquals(result(expected), result(actual), what);
    }

    /** The value, or the kind of failure: an out-of-bounds access or another exception. */
    private static Object result(Supplier<Object> access) {
        try {
            return access.get();
        } catch (WasmRuntimeException e) {
            return e.getMessage().startsWith("out of bounds memory access")
                    ? "out of bounds"
                    : e.toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static Object run(Runnable write) {
        write.run();
        return "done";
    }
}
