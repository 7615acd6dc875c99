package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;

/**
 * Writes a WASI {@code filestat} (64 bytes: dev, ino, filetype, nlink, size, atim, mtim, ctim).
 * Every node is on device 0.
 */
final class Filestat {
    static final int SIZE = 64;

    private Filestat() {}

    static void write(GuestMemory memory, int ptr, Inode inode) {
        write(memory, ptr, inode.ino, inode.filetype(), inode.linkCount(), inode.size(),
                inode.accessTime,
                inode.modifyTime, inode.changeTime);
    }

    static void write(GuestMemory memory, int ptr, long ino, int filetype, long links, long size,
            long accessTime, long modifyTime, long changeTime) {
        memory.check(ptr, SIZE);
        memory.writeI64(ptr, 0);
        memory.writeI64(ptr + 8, ino);
        memory.writeI64(ptr + 16, filetype);
        memory.writeI64(ptr + 24, links);
        memory.writeI64(ptr + 32, size);
        memory.writeI64(ptr + 40, accessTime);
        memory.writeI64(ptr + 48, modifyTime);
        memory.writeI64(ptr + 56, changeTime);
    }
}
