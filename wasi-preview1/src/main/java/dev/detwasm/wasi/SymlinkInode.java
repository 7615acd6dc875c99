package dev.detwasm.wasi;

import java.nio.charset.StandardCharsets;

/** A symbolic link: its text, resolved inside the overlay when followed. */
public final class SymlinkInode extends Inode {
    final String target;

    /** A link to {@code target} with inode number {@code ino}, its times all {@code time}. */
    public SymlinkInode(long ino, long time, String target) {
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
