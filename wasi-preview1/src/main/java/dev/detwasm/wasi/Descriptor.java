package dev.detwasm.wasi;

/**
 * What a file descriptor refers to, with its rights and {@code fdflags}. Shared by every guest
 * thread of the run.
 */
abstract sealed class Descriptor permits StdinDescriptor, OutputDescriptor, OpenFile, OpenDirectory {
    static final int APPEND = 1;
    static final int DSYNC = 2;
    static final int NONBLOCK = 4;
    static final int RSYNC = 8;
    static final int SYNC = 16;

    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    abstract int filetype();

    /** Fails with {@code ENOTCAPABLE} unless this descriptor has all of {@code rights}. */
    void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new ErrnoException(Errno.ENOTCAPABLE);
        }
    }
}
