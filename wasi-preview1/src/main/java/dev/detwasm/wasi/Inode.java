package dev.detwasm.wasi;

/**
 * A node of one run's file system: a file, a directory or a symbolic link, with synthetic
 * metadata. Times are virtual wall-clock nanoseconds: nodes from a mount carry the run's start
 * instant; the guest's changes carry the virtual time at which it made them. Reads do not
 * update the access time (as with {@code noatime}); only {@code *_set_times} does. Public as
 * the currency of {@link FileTree}; what a node holds stays this package's.
 */
public abstract sealed class Inode permits FileInode, DirectoryInode, SymlinkInode {
    final long ino;
    long accessTime;
    long modifyTime;
    long changeTime;
    /** Directory entries naming this node (hard links). */
    long links = 1;

    Inode(long ino, long time) {
        this.ino = ino;
        this.accessTime = time;
        this.modifyTime = time;
        this.changeTime = time;
    }

    abstract int filetype();

    abstract long size();

    /** The {@code nlink} that {@code filestat} reports. */
    long linkCount() {
        return links;
    }

    /** The content changed at {@code now}. */
    void modified(long now) {
        modifyTime = now;
        changeTime = now;
    }
}
