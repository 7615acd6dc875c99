package dev.detwasm.transform.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the binary format's encodings. */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter bytes(byte[] src, int from, int to) {
        ensure(to - from);
        System.arraycopy(src, from, buf, size, to - from);
        size += to - from;
        return this;
    }

    public ByteWriter bytes(byte[] src) {
        return bytes(src, 0, src.length);
    }

    public ByteWriter bytes(ByteWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    public ByteWriter u32(int value) {
        return u32(value, 1);
    }

    /**
     * Writes an unsigned LEB128 padded to at least {@code minWidth} bytes, so a value the
     * input wrote padded (as linkers do for relocatable sizes and indices) keeps its width.
     */
    public ByteWriter u32(int value, int minWidth) {
        long v = value & 0xffffffffL;
        int written = 0;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            written++;
            if (v != 0 || written < minWidth) {
                b |= 0x80;
            }
            u8(b);
        } while (v != 0 || written < minWidth);
        return this;
    }

    public ByteWriter s64(long value) {
        while (true) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteWriter s32(int value) {
        return s64(value);
    }

    public ByteWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The width in bytes of the LEB128 that starts at {@code pos}. */
    public static int lebWidth(byte[] bytes, int pos) {
        int n = 1;
        while ((bytes[pos + n - 1] & 0x80) != 0) {
            n++;
        }
        return n;
    }
}
