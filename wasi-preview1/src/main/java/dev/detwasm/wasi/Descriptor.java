package dev.detwasm.wasi;

/**
 * What a file descriptor refers to, with its rights and {@code fdflags}. Shared by every guest
 * thread of the run.
 */
abstract sealed class Descriptor
        permits StdinDescriptor, OutputDescriptor, OpenFile, OpenDirectory {
    /** {@code fdflags.append}: every write goes to the end of the file. */
    static final int APPEND = 1;
    /** {@code fdflags.nonblock}: stored and reported; nothing here ever blocks anyway. */
    static final int NONBLOCK = 4;
    /** The five {@code fdflags}: append, dsync, nonblock, rsync, sync. */
    static final int FDFLAGS = 0x1F;

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
