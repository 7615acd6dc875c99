package dev.detwasm.transform.internal;

import dev.detwasm.transform.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a slice of the module's bytes that decodes the binary format's primitives and
 * reports every problem as a {@link MalformedModuleException} at the offending offset.
 */
public final class ByteReader {
    private final byte[] bytes;
    private int pos;
    private final int limit;

    public ByteReader(byte[] bytes, int pos, int limit) {
        this.bytes = bytes;
        this.pos = pos;
        this.limit = limit;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int pos() {
        return pos;
    }

    public void seek(int newPos) {
        pos = newPos;
    }

    public int limit() {
        return limit;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    public MalformedModuleException error(String problem) {
        return new MalformedModuleException(pos, problem);
    }

    public static MalformedModuleException error(int offset, String problem) {
        return new MalformedModuleException(offset, problem);
    }

    public int u8() {
        if (pos >= limit) {
            throw error(pos >= bytes.length ? "unexpected end of module" : "unexpected end of section");
        }
        return bytes[pos++] & 0xff;
    }

    /** Reads {@code n} bytes' worth of position after checking they exist. */
    public int skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error("length " + Integer.toUnsignedString(n) + " goes beyond the end");
        }
        int at = pos;
        pos += n;
        return at;
    }

    public int u32() {
        int at = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28 && (b & 0x70) != 0) {
                throw error(at, "u32 LEB128 overflows 32 bits");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (int) result;
            }
            if (shift == 28) {
                throw error(at, "LEB128 longer than 5 bytes");
            }
        }
    }

    /** A u32 used as a count or size: must fit in an int. */
    public int count() {
        int at = pos;
        int n = u32();
        if (n < 0) {
            throw error(at, "count " + Integer.toUnsignedString(n) + " goes beyond the end");
        }
        return n;
    }

    /** A vector count that must be possible given {@code minBytesEach} bytes per element. */
    public int vecCount(int minBytesEach) {
        int at = pos;
        int n = count();
        if ((long) n * minBytesEach > limit - pos) {
            throw error(at, "count " + n + " goes beyond the end");
        }
        return n;
    }

    public int s32() {
        return (int) signed(32);
    }

    public long s33() {
        return signed(33);
    }

    public long s64() {
        return signed(64);
    }

    private long signed(int bits) {
        int at = pos;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                // The unused bits of the last byte must all equal the sign bit.
                int used = bits - shift;
                int rest = (b & 0x7f) >> (used - 1);
                int expected = (rest & 1) != 0 ? (0x7f >> (used - 1)) : 0;
                if ((b & 0x80) != 0) {
                    throw error(at, "LEB128 longer than " + maxBytes + " bytes");
                }
                if (rest != expected) {
                    throw error(at, "s" + bits + " LEB128 overflows " + bits + " bits");
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
    }

    public String name() {
        int n = count();
        int at = skip(n);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, at, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(at, "name is not valid UTF-8");
        }
    }

    public void expectEnd(String what) {
        if (pos != limit) {
            throw error(what + " ends before its declared size");
        }
    }
}
