package dev.detwasm.host.memory;

import com.dylibso.chicory.runtime.Memory;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to guest memory for host functions. Guest pointers and lengths are
 * unsigned 32-bit values; every access is checked against the current memory size first and
 * throws {@link GuestFault} instead of touching anything when it does not fit.
 */
public final class GuestMemory {
    private final Memory memory;

    public GuestMemory(Memory memory) {
        this.memory = memory;
    }

    public Memory raw() {
        return memory;
    }

    /** Current size in bytes. */
    public long size() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    /** Checks that {@code [address, address + length)} lies in memory. */
    public void check(int address, long length) {
        long start = Integer.toUnsignedLong(address);
        if (length < 0 || start + length > size()) {
            throw new GuestFault(start, length);
        }
    }

    public byte readU8(int address) {
        check(address, 1);
        return memory.read(address);
    }

    public short readU16(int address) {
        check(address, 2);
        return memory.readShort(address);
    }

    public int readI32(int address) {
        check(address, 4);
        return memory.readInt(address);
    }

    public long readI64(int address) {
        check(address, 8);
        return memory.readLong(address);
    }

    public void writeU8(int address, byte value) {
        check(address, 1);
        memory.writeByte(address, value);
    }

    public void writeU16(int address, short value) {
        check(address, 2);
        memory.writeShort(address, value);
    }

    public void writeI32(int address, int value) {
        check(address, 4);
        memory.writeI32(address, value);
    }

    public void writeI64(int address, long value) {
        check(address, 8);
        memory.writeLong(address, value);
    }

    /** Reads {@code length} bytes; {@code length} is an unsigned 32-bit guest value. */
    public byte[] readBytes(int address, int length) {
        check(address, Integer.toUnsignedLong(length));
        if (length < 0) {
            throw new GuestFault(Integer.toUnsignedLong(address), Integer.toUnsignedLong(length));
        }
        return memory.readBytes(address, length);
    }

    public void writeBytes(int address, byte[] bytes, int offset, int length) {
        check(address, length);
        memory.write(address, bytes, offset, length);
    }

    public void writeBytes(int address, byte[] bytes) {
        writeBytes(address, bytes, 0, bytes.length);
    }

    /** Reads {@code length} bytes as UTF-8 (malformed input replaced, as WASI hosts do). */
    public String readString(int address, int length) {
        return new String(readBytes(address, length), StandardCharsets.UTF_8);
    }
}
