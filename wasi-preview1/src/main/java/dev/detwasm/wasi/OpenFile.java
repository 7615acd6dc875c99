package dev.detwasm.wasi;

/** An open regular file and its position. */
final class OpenFile extends Descriptor {
    final FileInode inode;
    long position;

    OpenFile(FileInode inode, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.inode = inode;
    }

    @Override
    int filetype() {
        return Filetype.REGULAR_FILE;
    }
}
