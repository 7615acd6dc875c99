package dev.detwasm.host.memory;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The bytes of a guest memory, allocated in {@value #CHUNK}-byte chunks when first written.
 * Every chunk not yet written is the one shared {@link #ZERO} chunk, which is only ever read, so
 * a run pays for the memory it touches rather than for its size: a C program declares 128 KiB
 * and grows its heap for each thread's stack, but touches a few dozen KiB of it.
 *
 * <p>Behaves as Chicory's {@code ByteArrayMemory} does for plain access, down to its exceptions
 * and their messages (a guest sees no difference). Not thread-safe: guest threads take turns,
 * and the scheduler's hand-offs order their accesses.
 */
final class SparseBytes {
    static final int CHUNK = 4096;
    private static final int SHIFT = 12;
    private static final int MASK = CHUNK - 1;
    private static final int CHUNKS_PER_PAGE = Memory.PAGE_SIZE / CHUNK;
    /** Read by every untouched chunk; never written. */
    private static final byte[] ZERO = new byte[CHUNK];

    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryLimits limits;
    /**
     * Indexed by address / CHUNK. Entries below the memory's size are chunks (or ZERO); those
     * above are null, so an access beyond the size fails as it would past the array's end.
     */
    private byte[][] chunks;
    private int pages;
    private DataSegment[] dataSegments;

    SparseBytes(MemoryLimits limits) {
        this.limits = limits;
        this.chunks = new byte[limits.initialPages() * CHUNKS_PER_PAGE][];
        Arrays.fill(chunks, ZERO);
        this.pages = limits.initialPages();
    }

    int pages() {
        return pages;
    }

    int initialPages() {
        return limits.initialPages();
    }

    int maximumPages() {
        return limits.maximumPages();
    }

    boolean shared() {
        return limits.shared();
    }

    /** @return the previous size in pages, or -1 when the memory cannot grow that much */
    int grow(int delta) {
        int previous = pages;
        int grown = previous + delta;
        if (grown > maximumPages() || grown < previous) {
            return -1;
        }
        int used = grown * CHUNKS_PER_PAGE;
        if (used > chunks.length) {
            // Doubling keeps a heap grown a page at a time from copying the table every time.
            chunks = Arrays.copyOf(chunks, Math.max(used, 2 * chunks.length));
        }
        Arrays.fill(chunks, previous * CHUNKS_PER_PAGE, used, ZERO);
        pages = grown;
        return previous;
    }

    /** Every byte becomes 0 again. */
    void zero() {
        Arrays.fill(chunks, 0, pages * CHUNKS_PER_PAGE, ZERO);
    }

    // ---- data segments --------------------------------------------------------------------------

    void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (segments == null) {
            return;
        }
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment segment) {
                if (segment.index() != memoryIndex) {
                    continue;
                }
                byte[] data = segment.data();
                int offset =
                        (int)
                                ConstantEvaluators.computeConstantValue(
                                        instance, segment.offsetInstructions())[0];
                checkBounds(offset, data.length, size(), UninstantiableException::new);
                write(offset, data, 0, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + s);
            }
        }
    }

    void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- single values ------------------------------------------------------------------------

    byte read(int addr) {
        try {
            return chunks[addr >>> SHIFT][addr & MASK];
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 1);
        }
    }

    void writeByte(int addr, byte value) {
        try {
            writable(addr >>> SHIFT)[addr & MASK] = value;
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 1);
        }
    }

    short readShort(int addr) {
        int offset = addr & MASK;
        if (offset > CHUNK - 2) {
            checkBounds(addr, 2, size(), WasmRuntimeException::new);
            return (short) (read(addr) & 0xFF | (read(addr + 1) & 0xFF) << 8);
        }
        try {
            return (short) SHORTS.get(chunks[addr >>> SHIFT], offset);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 2);
        }
    }

    void writeShort(int addr, short value) {
        int offset = addr & MASK;
        if (offset > CHUNK - 2) {
            checkBounds(addr, 2, size(), WasmRuntimeException::new);
            writeByte(addr, (byte) value);
            writeByte(addr + 1, (byte) (value >>> 8));
            return;
        }
        try {
            SHORTS.set(writable(addr >>> SHIFT), offset, value);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 2);
        }
    }

    int readInt(int addr) {
        int offset = addr & MASK;
        if (offset > CHUNK - 4) {
            checkBounds(addr, 4, size(), WasmRuntimeException::new);
            return readShort(addr) & 0xFFFF | readShort(addr + 2) << 16;
        }
        try {
            return (int) INTS.get(chunks[addr >>> SHIFT], offset);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 4);
        }
    }

    void writeI32(int addr, int value) {
        int offset = addr & MASK;
        if (offset > CHUNK - 4) {
            checkBounds(addr, 4, size(), WasmRuntimeException::new);
            writeShort(addr, (short) value);
            writeShort(addr + 2, (short) (value >>> 16));
            return;
        }
        try {
            INTS.set(writable(addr >>> SHIFT), offset, value);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 4);
        }
    }

    long readLong(int addr) {
        int offset = addr & MASK;
        if (offset > CHUNK - 8) {
            checkBounds(addr, 8, size(), WasmRuntimeException::new);
            return readInt(addr) & 0xFFFF_FFFFL | (long) readInt(addr + 4) << 32;
        }
        try {
            return (long) LONGS.get(chunks[addr >>> SHIFT], offset);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 8);
        }
    }

    void writeLong(int addr, long value) {
        int offset = addr & MASK;
        if (offset > CHUNK - 8) {
            checkBounds(addr, 8, size(), WasmRuntimeException::new);
            writeI32(addr, (int) value);
            writeI32(addr + 4, (int) (value >>> 32));
            return;
        }
        try {
            LONGS.set(writable(addr >>> SHIFT), offset, value);
        } catch (RuntimeException e) {
            throw outOfBounds(e, addr, 8);
        }
    }

    // ---- ranges ---------------------------------------------------------------------------------

    /** {@code length} bytes from {@code addr}: at most what a Java array holds. */
    byte[] readBytes(int addr, int length) {
        if (length < 0) {
            throw new WasmRuntimeException(outOfBoundsMessage(addr, size(), length));
        }
        checkBounds(addr, length, size(), WasmRuntimeException::new);
        byte[] result = new byte[length];
        for (int done = 0; done < length; ) {
            int at = addr + done;
            int n = Math.min(length - done, CHUNK - (at & MASK));
            System.arraycopy(chunks[at >>> SHIFT], at & MASK, result, done, n);
            done += n;
        }
        return result;
    }

    void write(int addr, byte[] data, int offset, int length) {
        checkBounds(offset, length, data.length, WasmRuntimeException::new);
        checkBounds(addr, length, size(), WasmRuntimeException::new);
        for (int done = 0; done < length; ) {
            int at = addr + done;
            int n = Math.min(length - done, CHUNK - (at & MASK));
            System.arraycopy(data, offset + done, writable(at >>> SHIFT), at & MASK, n);
            done += n;
        }
    }

    /**
     * Sets {@code [from, to)} to {@code value}; zeros over an untouched chunk cost nothing. Both
     * ends are unsigned, and so is their difference.
     */
    void fill(byte value, int from, int to) {
        int length = to - from;
        checkBounds(from, length, size(), WasmRuntimeException::new);
        long start = Integer.toUnsignedLong(from);
        long count = Integer.toUnsignedLong(length);
        for (long done = 0; done < count; ) {
            long at = start + done;
            int inChunk = (int) (at & MASK);
            int n = (int) Math.min(count - done, CHUNK - inChunk);
            int index = (int) (at >>> SHIFT);
            if (value != 0 || chunks[index] != ZERO) {
                Arrays.fill(writable(index), inChunk, inChunk + n, value);
            }
            done += n;
        }
    }

    /**
     * Copies {@code size} bytes as if through a temporary buffer (the ranges may overlap).
     * Addresses and size are unsigned.
     */
    void copy(int dest, int src, int size) {
        long limit = size();
        checkBounds(dest, size, limit, WasmRuntimeException::new);
        checkBounds(src, size, limit, WasmRuntimeException::new);
        long to = Integer.toUnsignedLong(dest);
        long from = Integer.toUnsignedLong(src);
        long count = Integer.toUnsignedLong(size);
        boolean backward = to > from && to < from + count;
        for (long done = 0; done < count; ) {
            // Backward, pieces are taken from the end so no byte is overwritten before it is read.
            long left = count - done;
            int n;
            long d;
            long s;
            if (backward) {
                long dEnd = to + left;
                long sEnd = from + left;
                n = (int) Math.min(left, Math.min(inChunkBefore(dEnd), inChunkBefore(sEnd)));
                d = dEnd - n;
                s = sEnd - n;
            } else {
                d = to + done;
                s = from + done;
                n = (int) Math.min(left, CHUNK - Math.max(d & MASK, s & MASK));
            }
            byte[] target = writable((int) (d >>> SHIFT));
            System.arraycopy(
                    chunks[(int) (s >>> SHIFT)], (int) (s & MASK), target, (int) (d & MASK), n);
            done += n;
        }
    }

    /** How many bytes of its chunk lie before {@code end}: a full chunk when it is on a border. */
    private static int inChunkBefore(long end) {
        int offset = (int) (end & MASK);
        return offset == 0 ? CHUNK : offset;
    }

    // ---- internals ------------------------------------------------------------------------------

    /** The chunk at {@code index}, made private to this memory on its first write. */
    private byte[] writable(int index) {
        byte[] chunk = chunks[index];
        return chunk != ZERO ? chunk : materialize(index);
    }

    private byte[] materialize(int index) {
        byte[] chunk = new byte[CHUNK];
        chunks[index] = chunk;
        return chunk;
    }

    /** In bytes: up to 4 GiB, so a long. */
    private long size() {
        return (long) pages * Memory.PAGE_SIZE;
    }

    /**
     * Addresses and sizes are unsigned 32-bit values: Chicory hands them over as ints, and an
     * address of 2 GiB or more arrives negative (the {@code wide-addresses} pass makes sure it
     * arrives right; see docs/upstream.md).
     */
    private static void checkBounds(
            int addr, int size, long limit, Function<String, ChicoryException> exception) {
        if (Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(size) > limit) {
            throw exception.apply(outOfBoundsMessage(addr, limit, size));
        }
    }

    private RuntimeException outOfBounds(RuntimeException e, int addr, int size) {
        if (e instanceof IndexOutOfBoundsException || e instanceof NullPointerException) {
            return new WasmRuntimeException(outOfBoundsMessage(addr, size(), size));
        }
        return e;
    }

    private static String outOfBoundsMessage(int addr, long limit, int size) {
        return "out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(addr) + " but limit is: " + limit + " and size: "
                + Integer.toUnsignedString(size);
    }
}
