package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;

/** {@code random_get}: the run's {@link EntropyStream}, written in chunks into guest memory. */
final class RandomGet {
    private static final int CHUNK = 64 * 1024;

    private final EntropyStream stream;

    RandomGet(EntropyStream stream) {
        this.stream = stream;
    }

    int get(GuestMemory memory, int buf, int length) {
        long total = Integer.toUnsignedLong(length);
        memory.check(buf, total);
        byte[] chunk = new byte[(int) Math.min(total, CHUNK)];
        for (long done = 0; done < total; done += chunk.length) {
            int n = (int) Math.min(chunk.length, total - done);
            stream.nextBytes(chunk, 0, n);
            memory.writeBytes(buf + (int) done, chunk, 0, n);
        }
        return Errno.SUCCESS;
    }
}
