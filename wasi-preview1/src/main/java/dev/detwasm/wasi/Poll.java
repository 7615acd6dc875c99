package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.GuestThreads;

/**
 * {@code poll_oneoff} on virtual time. Descriptors never block: stdin is a fixed byte string and
 * files live in memory, so an fd subscription is ready at once and the call returns without
 * sleeping. Only when every subscription is a clock does the caller sleep, to the earliest
 * deadline ({@link GuestThreads#sleepUntil}, which costs no real time), and every clock that is
 * then due is reported. Results come in subscription order.
 *
 * <p>Readiness: {@code fd_read} reports the bytes left to read (stdin's rest, with the {@code
 * HANGUP} flag once it is exhausted; a file's size minus its position); {@code fd_write} reports
 * 0 bytes, as wasmtime does, since nothing limits a write. A bad descriptor is an event with
 * {@code EBADF}; a directory one with {@code EISDIR}; a clock that does not exist one with
 * {@code EINVAL}. All four clocks move with virtual time, so a deadline on any of them is a
 * virtual time; {@code precision} is ignored.
 */
final class Poll {
    private static final int SUBSCRIPTION = 48;
    private static final int EVENT = 32;
    private static final int CLOCK = 0;
    private static final int FD_READ = 1;
    private static final int FD_WRITE = 2;
    private static final int ABSTIME = 1;
    private static final int HANGUP = 1;
    /** Marks a subscription that is not a pending clock. */
    private static final long READY = Long.MIN_VALUE;

    private final FdTable fds;
    private final VirtualClocks clocks;
    private final GuestThreads threads;

    Poll(FdTable fds, VirtualClocks clocks, GuestThreads threads) {
        this.fds = fds;
        this.clocks = clocks;
        this.threads = threads;
    }

    int pollOneoff(GuestMemory memory, int in, int out, int count, int neventsPtr) {
        if (count == 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        long n = Integer.toUnsignedLong(count);
        memory.check(in, SUBSCRIPTION * n);
        memory.check(out, EVENT * n);
        memory.check(neventsPtr, 4);
        if (n > Integer.MAX_VALUE / SUBSCRIPTION) {
            throw new ErrnoException(Errno.EINVAL);
        }
        int size = (int) n;
        // Everything is read before anything is written: the guest may overlap in and out.
        long[] userdata = new long[size];
        int[] tags = new int[size];
        long[] deadlines = new long[size];
        int[] errors = new int[size];
        long[] nbytes = new long[size];
        int[] flags = new int[size];
        long now = threads.now();
        boolean readyNow = false;
        for (int i = 0; i < size; i++) {
            int sub = in + SUBSCRIPTION * i;
            userdata[i] = memory.readI64(sub);
            tags[i] = memory.readU8(sub + 8) & 0xFF;
            int id = memory.readI32(sub + 16);
            deadlines[i] = READY;
            switch (tags[i]) {
                case CLOCK -> {
                    if (clocks.exists(id)) {
                        deadlines[i] = deadline(
                                id, memory.readI64(sub + 24), memory.readU16(sub + 40), now);
                    } else {
                        errors[i] = Errno.EINVAL;
                        readyNow = true;
                    }
                }
                case FD_READ, FD_WRITE -> {
                    Descriptor d = fds.isOpen(id) ? fds.get(id) : null;
                    errors[i] = readiness(d);
                    if (errors[i] == Errno.SUCCESS && tags[i] == FD_READ) {
                        nbytes[i] = readable(d);
                        flags[i] = d instanceof StdinDescriptor && nbytes[i] == 0 ? HANGUP : 0;
                    }
                    readyNow = true;
                }
                default -> throw new ErrnoException(Errno.EINVAL);
            }
        }
        if (!readyNow) {
            long earliest = Long.MAX_VALUE;
            for (long deadline : deadlines) {
                earliest = Math.min(earliest, deadline);
            }
            if (earliest > now) {
                threads.sleepUntil(earliest);
                now = threads.now();
            }
        }
        int events = 0;
        for (int i = 0; i < size; i++) {
            if (deadlines[i] == READY || deadlines[i] <= now) {
                // event: userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24
                int event = out + EVENT * events++;
                memory.writeBytes(event, new byte[EVENT]);
                memory.writeI64(event, userdata[i]);
                memory.writeU16(event + 8, (short) errors[i]);
                memory.writeU8(event + 10, (byte) tags[i]);
                memory.writeI64(event + 16, nbytes[i]);
                memory.writeU16(event + 24, (short) flags[i]);
            }
        }
        memory.writeI32(neventsPtr, events);
        return Errno.SUCCESS;
    }

    /** The virtual time at which a clock subscription is due. */
    private long deadline(int clockId, long timeout, short flags, long now) {
        // Timeouts are unsigned: one beyond Long.MAX_VALUE, or a sum that overflows, is never.
        if (timeout < 0) {
            return Long.MAX_VALUE;
        }
        if ((flags & ABSTIME) != 0) {
            return clocks.virtualTime(clockId, timeout);
        }
        long due = now + timeout;
        return due < now ? Long.MAX_VALUE : due;
    }

    private static int readiness(Descriptor d) {
        if (d == null) {
            return Errno.EBADF;
        }
        if (d instanceof OpenDirectory) {
            return Errno.EISDIR;
        }
        return (d.rightsBase & Rights.POLL_FD_READWRITE) == 0 ? Errno.ENOTCAPABLE : Errno.SUCCESS;
    }

    private static long readable(Descriptor d) {
        return switch (d) {
            case StdinDescriptor stdin -> stdin.available();
            case OpenFile file -> Math.max(0, file.inode.size() - file.position);
            default -> 0;
        };
    }
}
