package dev.detwasm.host.memory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.spi.GuestThreads;
import java.util.function.LongUnaryOperator;

/**
 * The memory of one run, shared by the instances of all its guest threads. Plain loads and
 * stores go straight to its {@link SparseBytes}; every atomic operation is first a
 * scheduling point, then done as a plain read-modify-write (only one guest thread runs at a
 * time, so that is atomic). {@code memory.atomic.wait} and {@code notify} become the
 * scheduler's wait queues, keyed by address, with timeouts on the virtual clock.
 *
 * <p>Instantiating a thread re-runs the module's memory initialisation; only the first one
 * takes effect, so data segments are written once per program.
 */
public final class SchedulingMemory implements Memory {
    private final SparseBytes bytes;
    private final GuestThreads threads;
    private boolean initialized;
    private boolean quiet;
    private int pointAddress = -1;

    public SchedulingMemory(MemoryLimits limits, GuestThreads threads) {
        this.bytes = new SparseBytes(limits);
        this.threads = threads;
    }

    /**
     * While quiet, atomics are not scheduling points: used while a thread's instance is being
     * built, when the module's start function runs inside the spawning thread's host call.
     */
    public void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    private void point(int addr) {
        if (!quiet) {
            pointAddress = addr;
            threads.schedulingPoint();
        }
    }

    /**
     * The address of the atomic operation at the current scheduling point, once: -1 for a fence,
     * or when the scheduling point is not this memory's (a host call's).
     */
    public int takePointAddress() {
        int address = pointAddress;
        pointAddress = -1;
        return address;
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        if (!initialized) {
            initialized = true;
            bytes.initialize(instance, dataSegments, 0);
        }
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        if (!initialized) {
            initialized = true;
            bytes.initialize(instance, dataSegments, memoryIndex);
        }
    }

    @Override
    public void zero() {
        if (!initialized) {
            bytes.zero();
        }
    }

    @Override
    public int pages() {
        return bytes.pages();
    }

    @Override
    public int grow(int size) {
        return bytes.grow(size);
    }

    @Override
    public int initialPages() {
        return bytes.initialPages();
    }

    @Override
    public int maximumPages() {
        return bytes.maximumPages();
    }

    @Override
    public boolean shared() {
        return bytes.shared();
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        bytes.initPassiveSegment(segmentId, dest, offset, size);
    }

    @Override
    public void drop(int segment) {
        bytes.drop(segment);
    }

    // ---- wait / notify ----------------------------------------------------------------------

    @Override
    public int atomicWait(int addr, int expected, long timeout) {
        requireShared();
        point(addr);
        if (bytes.readInt(addr) != expected) {
            return 1;
        }
        return block(addr, timeout, "memory.atomic.wait32");
    }

    @Override
    public int atomicWait(int addr, long expected, long timeout) {
        requireShared();
        point(addr);
        if (bytes.readLong(addr) != expected) {
            return 1;
        }
        return block(addr, timeout, "memory.atomic.wait64");
    }

    private int block(int addr, long timeout, String op) {
        long deadline = timeout < 0 ? GuestThreads.NO_DEADLINE : threads.now() + timeout;
        return threads.await(
                Integer.toUnsignedLong(addr),
                deadline,
                op + " @0x" + Integer.toHexString(addr));
    }

    @Override
    public int atomicNotify(int addr, int maxThreads) {
        bytes.readInt(addr); // bounds check, as the spec requires even with no waiters
        if (!shared()) {
            return 0;
        }
        point(addr);
        return threads.wake(Integer.toUnsignedLong(addr), maxThreads);
    }

    private void requireShared() {
        if (!shared()) {
            throw new TrapException("memory.atomic.wait on a non-shared memory");
        }
    }

    @Override
    public void atomicFence() {
        point(-1);
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        throw new IllegalStateException("SchedulingMemory never locks");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        return atomicWait(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        return atomicWait(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return atomicNotify(address, maxThreads);
    }

    // ---- atomic loads and stores --------------------------------------------------------------

    @Override
    public int atomicReadInt(int addr) {
        point(addr);
        return bytes.readInt(addr);
    }

    @Override
    public long atomicReadLong(int addr) {
        point(addr);
        return bytes.readLong(addr);
    }

    @Override
    public short atomicReadShort(int addr) {
        point(addr);
        return bytes.readShort(addr);
    }

    @Override
    public byte atomicReadByte(int addr) {
        point(addr);
        return bytes.read(addr);
    }

    @Override
    public void atomicWriteInt(int addr, int value) {
        point(addr);
        bytes.writeI32(addr, value);
    }

    @Override
    public void atomicWriteLong(int addr, long value) {
        point(addr);
        bytes.writeLong(addr, value);
    }

    @Override
    public void atomicWriteShort(int addr, short value) {
        point(addr);
        bytes.writeShort(addr, value);
    }

    @Override
    public void atomicWriteByte(int addr, byte value) {
        point(addr);
        bytes.writeByte(addr, value);
    }

    // ---- any width, for WideAccesses ----------------------------------------------------------

    /** The {@code size} bytes (1, 2, 4 or 8) at {@code addr}, zero-extended. */
    long readUnsigned(int addr, int size) {
        return switch (size) {
            case 1 -> bytes.read(addr) & 0xFFL;
            case 2 -> bytes.readShort(addr) & 0xFFFFL;
            case 4 -> bytes.readInt(addr) & 0xFFFF_FFFFL;
            default -> bytes.readLong(addr);
        };
    }

    /** Stores the low {@code size} bytes (1, 2, 4 or 8) of {@code value} at {@code addr}. */
    void writeSized(int addr, int size, long value) {
        switch (size) {
            case 1 -> bytes.writeByte(addr, (byte) value);
            case 2 -> bytes.writeShort(addr, (short) value);
            case 4 -> bytes.writeI32(addr, (int) value);
            default -> bytes.writeLong(addr, value);
        }
    }

    /**
     * An atomic access of {@code size} bytes: a scheduling point, then the old value
     * (zero-extended) replaced by what {@code update} makes of it.
     */
    long atomicUpdate(int addr, int size, LongUnaryOperator update) {
        point(addr);
        long old = readUnsigned(addr, size);
        long updated = update.applyAsLong(old);
        if (updated != old) {
            writeSized(addr, size, updated);
        }
        return old;
    }

    // ---- read-modify-write: i32 -------------------------------------------------------------

    private int rmwInt(int addr, int newValue) {
        int old = bytes.readInt(addr);
        bytes.writeI32(addr, newValue);
        return old;
    }

    @Override
    public int atomicAddInt(int addr, int delta) {
        point(addr);
        return rmwInt(addr, bytes.readInt(addr) + delta);
    }

    @Override
    public int atomicAndInt(int addr, int mask) {
        point(addr);
        return rmwInt(addr, bytes.readInt(addr) & mask);
    }

    @Override
    public int atomicOrInt(int addr, int mask) {
        point(addr);
        return rmwInt(addr, bytes.readInt(addr) | mask);
    }

    @Override
    public int atomicXorInt(int addr, int mask) {
        point(addr);
        return rmwInt(addr, bytes.readInt(addr) ^ mask);
    }

    @Override
    public int atomicXchgInt(int addr, int value) {
        point(addr);
        return rmwInt(addr, value);
    }

    @Override
    public int atomicCmpxchgInt(int addr, int expected, int replacement) {
        point(addr);
        int old = bytes.readInt(addr);
        if (old == expected) {
            bytes.writeI32(addr, replacement);
        }
        return old;
    }

    // ---- read-modify-write: i64 -------------------------------------------------------------

    private long rmwLong(int addr, long newValue) {
        long old = bytes.readLong(addr);
        bytes.writeLong(addr, newValue);
        return old;
    }

    @Override
    public long atomicAddLong(int addr, long delta) {
        point(addr);
        return rmwLong(addr, bytes.readLong(addr) + delta);
    }

    @Override
    public long atomicAndLong(int addr, long mask) {
        point(addr);
        return rmwLong(addr, bytes.readLong(addr) & mask);
    }

    @Override
    public long atomicOrLong(int addr, long mask) {
        point(addr);
        return rmwLong(addr, bytes.readLong(addr) | mask);
    }

    @Override
    public long atomicXorLong(int addr, long mask) {
        point(addr);
        return rmwLong(addr, bytes.readLong(addr) ^ mask);
    }

    @Override
    public long atomicXchgLong(int addr, long value) {
        point(addr);
        return rmwLong(addr, value);
    }

    @Override
    public long atomicCmpxchgLong(int addr, long expected, long replacement) {
        point(addr);
        long old = bytes.readLong(addr);
        if (old == expected) {
            bytes.writeLong(addr, replacement);
        }
        return old;
    }

    // ---- read-modify-write: i16 -------------------------------------------------------------

    private short rmwShort(int addr, int newValue) {
        short old = bytes.readShort(addr);
        bytes.writeShort(addr, (short) newValue);
        return old;
    }

    @Override
    public short atomicAddShort(int addr, short delta) {
        point(addr);
        return rmwShort(addr, bytes.readShort(addr) + delta);
    }

    @Override
    public short atomicAndShort(int addr, short mask) {
        point(addr);
        return rmwShort(addr, bytes.readShort(addr) & mask);
    }

    @Override
    public short atomicOrShort(int addr, short mask) {
        point(addr);
        return rmwShort(addr, bytes.readShort(addr) | mask);
    }

    @Override
    public short atomicXorShort(int addr, short mask) {
        point(addr);
        return rmwShort(addr, bytes.readShort(addr) ^ mask);
    }

    @Override
    public short atomicXchgShort(int addr, short value) {
        point(addr);
        return rmwShort(addr, value);
    }

    @Override
    public short atomicCmpxchgShort(int addr, short expected, short replacement) {
        point(addr);
        short old = bytes.readShort(addr);
        if (old == expected) {
            bytes.writeShort(addr, replacement);
        }
        return old;
    }

    // ---- read-modify-write: i8 --------------------------------------------------------------

    private byte rmwByte(int addr, int newValue) {
        byte old = bytes.read(addr);
        bytes.writeByte(addr, (byte) newValue);
        return old;
    }

    @Override
    public byte atomicAddByte(int addr, byte delta) {
        point(addr);
        return rmwByte(addr, bytes.read(addr) + delta);
    }

    @Override
    public byte atomicAndByte(int addr, byte mask) {
        point(addr);
        return rmwByte(addr, bytes.read(addr) & mask);
    }

    @Override
    public byte atomicOrByte(int addr, byte mask) {
        point(addr);
        return rmwByte(addr, bytes.read(addr) | mask);
    }

    @Override
    public byte atomicXorByte(int addr, byte mask) {
        point(addr);
        return rmwByte(addr, bytes.read(addr) ^ mask);
    }

    @Override
    public byte atomicXchgByte(int addr, byte value) {
        point(addr);
        return rmwByte(addr, value);
    }

    @Override
    public byte atomicCmpxchgByte(int addr, byte expected, byte replacement) {
        point(addr);
        byte old = bytes.read(addr);
        if (old == expected) {
            bytes.writeByte(addr, replacement);
        }
        return old;
    }

    // ---- plain access -----------------------------------------------------------------------

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        bytes.write(addr, data, offset, size);
    }

    @Override
    public byte read(int addr) {
        return bytes.read(addr);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        return bytes.readBytes(addr, len);
    }

    @Override
    public void writeI32(int addr, int data) {
        bytes.writeI32(addr, data);
    }

    @Override
    public int readInt(int addr) {
        return bytes.readInt(addr);
    }

    @Override
    public void writeLong(int addr, long data) {
        bytes.writeLong(addr, data);
    }

    @Override
    public long readLong(int addr) {
        return bytes.readLong(addr);
    }

    @Override
    public void writeShort(int addr, short data) {
        bytes.writeShort(addr, data);
    }

    @Override
    public short readShort(int addr) {
        return bytes.readShort(addr);
    }

    @Override
    public long readU16(int addr) {
        return bytes.readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeByte(int addr, byte data) {
        bytes.writeByte(addr, data);
    }

    @Override
    public void writeF32(int addr, float data) {
        bytes.writeI32(addr, Float.floatToRawIntBits(data));
    }

    @Override
    public long readF32(int addr) {
        return bytes.readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(bytes.readInt(addr));
    }

    @Override
    public void writeF64(int addr, double data) {
        bytes.writeLong(addr, Double.doubleToRawLongBits(data));
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(bytes.readLong(addr));
    }

    @Override
    public long readF64(int addr) {
        return bytes.readLong(addr);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        bytes.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        bytes.copy(dest, src, size);
    }
}
