package dev.detwasm.host.debug;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Little-endian DWARF primitives over one section's bytes; every overrun is malformed. */
final class DwarfReader {
    private final ByteBuffer bytes;

    DwarfReader(byte[] section) {
        this.bytes = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
    }

    int position() {
        return bytes.position();
    }

    void seek(long position) {
        if (position < 0 || position > bytes.limit()) {
            throw new MalformedDebugInfo("offset " + position + " outside the section");
        }
        bytes.position((int) position);
    }

    boolean atEnd() {
        return !bytes.hasRemaining();
    }

    int u8() {
        try {
            return bytes.get() & 0xff;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    int u16() {
        try {
            return bytes.getShort() & 0xffff;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    long u32() {
        try {
            return bytes.getInt() & 0xffffffffL;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    long u64() {
        try {
            return bytes.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    /** An unsigned value of {@code size} bytes (1, 2, 4 or 8). */
    long unsigned(int size) {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw new MalformedDebugInfo("unsupported size " + size);
        };
    }

    long uleb() {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() {
        int start = bytes.position();
        int end = start;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        if (end == bytes.limit()) {
            throw truncated();
        }
        String s = new String(bytes.array(), start, end - start, StandardCharsets.UTF_8);
        bytes.position(end + 1);
        return s;
    }

    /** The NUL-terminated string at {@code offset}, leaving the position unchanged. */
    String cstringAt(long offset) {
        int saved = bytes.position();
        seek(offset);
        String s = cstring();
        bytes.position(saved);
        return s;
    }

    void skip(long n) {
        seek(bytes.position() + n);
    }

    private static MalformedDebugInfo truncated() {
        return new MalformedDebugInfo("truncated");
    }
}
