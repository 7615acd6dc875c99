package dev.detwasm.wasi;

/** An open directory; a preopen also has the name the guest sees it under. */
final class OpenDirectory extends Descriptor {
    final DirectoryInode inode;
    /** The guest path of a preopened mount, or null for a directory the guest opened. */
    final String preopenName;

    OpenDirectory(
            DirectoryInode inode, long rightsBase, long rightsInheriting, String preopenName) {
        super(rightsBase, rightsInheriting, 0);
        this.inode = inode;
        this.preopenName = preopenName;
    }

    @Override
    int filetype() {
        return Filetype.DIRECTORY;
    }
}
