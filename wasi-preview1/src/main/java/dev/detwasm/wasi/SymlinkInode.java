package dev.detwasm.wasi;

import java.nio.charset.StandardCharsets;

/** A symbolic link: its text, resolved inside the overlay when followed. */
final class SymlinkInode extends Inode {
    final String target;

    SymlinkInode(long ino, long time, String target) {
        super(ino, time);
        this.target = target;
    }

    @Override
    int filetype() {
        return Filetype.SYMBOLIC_LINK;
    }

    @Override
    long size() {
        return target.getBytes(StandardCharsets.UTF_8).length;
    }
}
