package dev.detwasm.wasi;

import java.util.Arrays;

/**
 * The run's file descriptors. A new descriptor takes the lowest free number, as POSIX does; an
 * unknown or closed number is {@code EBADF}.
 */
final class FdTable {
    /** The most descriptors open at once; beyond it opening fails with {@code EMFILE}. */
    static final int MAX_OPEN = 1 << 16;

    private Descriptor[] slots = new Descriptor[8];

    Descriptor get(int fd) {
        if (fd < 0 || fd >= slots.length || slots[fd] == null) {
            throw new ErrnoException(Errno.EBADF);
        }
        return slots[fd];
    }

    boolean isOpen(int fd) {
        return fd >= 0 && fd < slots.length && slots[fd] != null;
    }

    /** @return the new descriptor's number */
    int add(Descriptor descriptor) {
        for (int fd = 0; fd < slots.length; fd++) {
            if (slots[fd] == null) {
                slots[fd] = descriptor;
                return fd;
            }
        }
        if (slots.length >= MAX_OPEN) {
            throw new ErrnoException(Errno.EMFILE);
        }
        int fd = slots.length;
        slots = Arrays.copyOf(slots, slots.length * 2);
        slots[fd] = descriptor;
        return fd;
    }

    void close(int fd) {
        get(fd);
        slots[fd] = null;
    }

    /** Moves {@code from} to {@code to}, closing what {@code to} was; both must be open. */
    void renumber(int from, int to) {
        Descriptor moved = get(from);
        get(to);
        if (from != to) {
            slots[to] = moved;
            slots[from] = null;
        }
    }
}
