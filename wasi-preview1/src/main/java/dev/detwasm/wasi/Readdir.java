package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fd_readdir}. Entries come as {@code .}, {@code ..}, then the names in byte order; the
 * cookie of an entry is its index, and each {@code dirent} ({@code d_next} u64, {@code d_ino}
 * u64, {@code d_namlen} u32, {@code d_type} u8, then the name without NUL) carries the cookie of
 * the entry after it. Entries from {@code cookie} on are packed into the buffer and the last one
 * is cut off where the buffer ends: a full buffer tells wasi-libc to look again from the last
 * whole entry with a larger buffer. {@code ..} of a mount's root is the root itself.
 */
final class Readdir {
    private static final int DIRENT = 24;

    private final FdTable fds;

    Readdir(FdTable fds) {
        this.fds = fds;
    }

    int readdir(GuestMemory memory, int fd, int buf, int bufLen, long cookie, int usedPtr) {
        if (!(fds.get(fd) instanceof OpenDirectory dir)) {
            throw new ErrnoException(Errno.ENOTDIR);
        }
        dir.require(Rights.FD_READDIR);
        long capacity = Integer.toUnsignedLong(bufLen);
        memory.check(buf, capacity);
        memory.check(usedPtr, 4);
        int used = 0;
        long index = 0;
        for (Map.Entry<String, Inode> entry : entries(dir.inode)) {
            if (used == capacity) {
                break;
            }
            if (index++ < cookie || cookie < 0) {
                continue;
            }
            byte[] dirent = dirent(entry.getKey(), entry.getValue(), index);
            int n = (int) Math.min(dirent.length, capacity - used);
            memory.writeBytes(buf + used, dirent, 0, n);
            used += n;
        }
        memory.writeI32(usedPtr, used);
        return Errno.SUCCESS;
    }

    private static Iterable<Map.Entry<String, Inode>> entries(DirectoryInode directory) {
        return () -> Stream.concat(
                        Stream.of(Map.entry(".", (Inode) directory),
                                Map.entry("..", (Inode) directory.parent)),
                        directory.list().entrySet().stream())
                .iterator();
    }

    private static byte[] dirent(String name, Inode node, long next) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer dirent = ByteBuffer.allocate(DIRENT + bytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        dirent.putLong(next).putLong(node.ino).putInt(bytes.length).put((byte) node.filetype());
        dirent.position(DIRENT);
        dirent.put(bytes);
        return dirent.array();
    }
}
