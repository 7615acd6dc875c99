package dev.detwasm.wasi;

/** {@code fstflags}: which of a node's times {@code *_set_times} sets, and to what. */
final class Timestamps {
    static final int ATIM = 1;
    static final int ATIM_NOW = 2;
    static final int MTIM = 4;
    static final int MTIM_NOW = 8;

    private Timestamps() {}

    /**
     * Sets the access and modification times as {@code fstflags} says; {@code _NOW} means the
     * virtual wall-clock time {@code now}. Asking for a time and {@code _NOW} together, or for an
     * unknown flag, is {@code EINVAL}. The change time becomes {@code now}.
     */
    static void set(Inode inode, long accessTime, long modifyTime, int fstflags, long now) {
        if ((fstflags & ~0xF) != 0
                || (fstflags & (ATIM | ATIM_NOW)) == (ATIM | ATIM_NOW)
                || (fstflags & (MTIM | MTIM_NOW)) == (MTIM | MTIM_NOW)) {
            throw new ErrnoException(Errno.EINVAL);
        }
        if ((fstflags & ATIM) != 0) {
            inode.accessTime = accessTime;
        } else if ((fstflags & ATIM_NOW) != 0) {
            inode.accessTime = now;
        }
        if ((fstflags & MTIM) != 0) {
            inode.modifyTime = modifyTime;
        } else if ((fstflags & MTIM_NOW) != 0) {
            inode.modifyTime = now;
        }
        inode.changeTime = now;
    }
}
