package dev.detwasm.wasi;

import java.util.Arrays;

/**
 * A regular file. Its content may be shared with a {@link MountImage} (and so with other runs)
 * until the first write, which copies it.
 */
final class FileInode extends Inode {
    /**
     * The largest file the overlay holds; beyond it writes fail with {@code EFBIG}, and with
     * {@code ENOSPC} when the host's heap cannot hold a file that large.
     */
    static final long MAX_SIZE = 1L << 30;

    private byte[] data;
    private int size;
    private boolean shared;

    FileInode(long ino, long time, byte[] sharedContent) {
        super(ino, time);
        this.data = sharedContent;
        this.size = sharedContent.length;
        this.shared = true;
    }

    FileInode(long ino, long time) {
        this(ino, time, new byte[0]);
        this.shared = false;
    }

    @Override
    int filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override
    long size() {
        return size;
    }

    /** Copies up to {@code length} bytes from {@code position}; 0 at or after the end. */
    int read(long position, byte[] into, int offset, int length) {
        if (position >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - position);
        System.arraycopy(data, (int) position, into, offset, n);
        return n;
    }

    /** Writes at {@code position}, filling any gap before it with zeros. */
    void write(long position, byte[] from, int offset, int length, long now) {
        long end = position + length;
        ensureCapacity(end);
        if (position > size) {
            Arrays.fill(data, size, (int) position, (byte) 0);
        }
        System.arraycopy(from, offset, data, (int) position, length);
        size = (int) Math.max(size, end);
        modified(now);
    }

    /** Cuts or extends (with zeros) to {@code newSize}. */
    void truncate(long newSize, long now) {
        ensureCapacity(newSize);
        if (newSize > size) {
            Arrays.fill(data, size, (int) newSize, (byte) 0);
        }
        size = (int) newSize;
        modified(now);
    }

    private void ensureCapacity(long needed) {
        if (needed > MAX_SIZE || needed < 0) {
            throw new ErrnoException(Errno.EFBIG);
        }
        if (shared || needed > data.length) {
            // A shared array is copied whole, at its size; an own array doubles.
            long grown = Math.max(needed, shared ? size : data.length * 2L);
            try {
                data = Arrays.copyOf(data, (int) Math.min(MAX_SIZE, Math.max(grown, 16)));
            } catch (OutOfMemoryError e) {
                // The overlay lives in the host's heap: when that is full, the disk is.
                throw new ErrnoException(Errno.ENOSPC);
            }
            shared = false;
        }
    }
}
