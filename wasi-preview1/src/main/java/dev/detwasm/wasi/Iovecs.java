package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;

/**
 * A guest's {@code iovec} array ({@code buf: u32, buf_len: u32} pairs), read and checked in full
 * before any data moves: a bad buffer anywhere fails the call with {@code EFAULT} before it has
 * consumed input or written output.
 */
final class Iovecs {
    private final int[] addresses;
    private final int[] lengths;
    private final int total;

    private Iovecs(int[] addresses, int[] lengths, int total) {
        this.addresses = addresses;
        this.lengths = lengths;
        this.total = total;
    }

    static Iovecs read(GuestMemory memory, int iovs, int count) {
        long n = Integer.toUnsignedLong(count);
        memory.check(iovs, 8 * n);
        int[] addresses = new int[(int) n];
        int[] lengths = new int[(int) n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            addresses[i] = memory.readI32(iovs + 8 * i);
            lengths[i] = memory.readI32(iovs + 8 * i + 4);
            memory.check(addresses[i], Integer.toUnsignedLong(lengths[i]));
            total += Integer.toUnsignedLong(lengths[i]);
        }
        if (total > Integer.MAX_VALUE) {
            throw new ErrnoException(Errno.EINVAL);
        }
        return new Iovecs(addresses, lengths, (int) total);
    }

    /** The sum of the buffer lengths. */
    int total() {
        return total;
    }

    /** The bytes of all buffers, in order (for writes). */
    byte[] gather(GuestMemory memory) {
        byte[] bytes = new byte[total];
        int at = 0;
        for (int i = 0; i < addresses.length; i++) {
            byte[] part = memory.readBytes(addresses[i], lengths[i]);
            System.arraycopy(part, 0, bytes, at, part.length);
            at += part.length;
        }
        return bytes;
    }

    /** Spreads {@code bytes[0, length)} over the buffers, in order (for reads). */
    void scatter(GuestMemory memory, byte[] bytes, int length) {
        int at = 0;
        for (int i = 0; i < addresses.length && at < length; i++) {
            int n = Math.min(lengths[i], length - at);
            memory.writeBytes(addresses[i], bytes, at, n);
            at += n;
        }
    }
}
