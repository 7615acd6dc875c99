package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import java.nio.charset.StandardCharsets;

/**
 * The {@code fd_*} functions except {@code fd_readdir}. Checks come in a fixed order: the
 * descriptor exists ({@code EBADF}); the operation makes sense for its type ({@code EISDIR} for
 * data operations on a directory, {@code ESPIPE} for positioned operations on stdio); the
 * descriptor has the rights ({@code ENOTCAPABLE}); the guest's buffers lie in memory ({@code
 * EFAULT}), all before anything changes.
 */
final class FdOperations {
    private static final int WHENCE_SET = 0;
    private static final int WHENCE_CUR = 1;
    private static final int WHENCE_END = 2;
    private static final int MAX_ADVICE = 5;

    private final FdTable fds;
    private final FileTree fs;

    FdOperations(FdTable fds, FileTree fs) {
        this.fds = fds;
        this.fs = fs;
    }

    int read(GuestMemory memory, int fd, int iovs, int iovsLen, int nreadPtr) {
        Descriptor d = dataDescriptor(fd, Rights.FD_READ);
        Iovecs buffers = Iovecs.read(memory, iovs, iovsLen);
        memory.check(nreadPtr, 4);
        int n;
        byte[] bytes;
        if (d instanceof StdinDescriptor stdin) {
            bytes = new byte[Math.min(buffers.total(), stdin.available())];
            n = stdin.read(bytes, 0, bytes.length);
        } else {
            OpenFile file = (OpenFile) d;
            bytes = new byte[(int) Math.min(buffers.total(), remaining(file.inode, file.position))];
            n = file.inode.read(file.position, bytes, 0, bytes.length);
            file.position += n;
        }
        buffers.scatter(memory, bytes, n);
        memory.writeI32(nreadPtr, n);
        return Errno.SUCCESS;
    }

    int pread(GuestMemory memory, int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        OpenFile file = positionedFile(fd, Rights.FD_READ | Rights.FD_SEEK);
        requireOffset(offset);
        Iovecs buffers = Iovecs.read(memory, iovs, iovsLen);
        memory.check(nreadPtr, 4);
        byte[] bytes = new byte[(int) Math.min(buffers.total(), remaining(file.inode, offset))];
        int n = file.inode.read(offset, bytes, 0, bytes.length);
        buffers.scatter(memory, bytes, n);
        memory.writeI32(nreadPtr, n);
        return Errno.SUCCESS;
    }

    int write(GuestMemory memory, int fd, int iovs, int iovsLen, int nwrittenPtr) {
        Descriptor d = dataDescriptor(fd, Rights.FD_WRITE);
        Iovecs buffers = Iovecs.read(memory, iovs, iovsLen);
        memory.check(nwrittenPtr, 4);
        byte[] bytes = buffers.gather(memory);
        if (d instanceof OutputDescriptor out) {
            out.write(bytes, 0, bytes.length);
        } else {
            OpenFile file = (OpenFile) d;
            if ((file.fdflags & Descriptor.APPEND) != 0) {
                file.position = file.inode.size();
            }
            file.inode.write(file.position, bytes, 0, bytes.length, fs.now());
            file.position += bytes.length;
        }
        memory.writeI32(nwrittenPtr, bytes.length);
        return Errno.SUCCESS;
    }

    /** Writes at {@code offset} whatever the descriptor's position and {@code APPEND} flag. */
    int pwrite(GuestMemory memory, int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        OpenFile file = positionedFile(fd, Rights.FD_WRITE | Rights.FD_SEEK);
        requireOffset(offset);
        Iovecs buffers = Iovecs.read(memory, iovs, iovsLen);
        memory.check(nwrittenPtr, 4);
        byte[] bytes = buffers.gather(memory);
        file.inode.write(offset, bytes, 0, bytes.length, fs.now());
        memory.writeI32(nwrittenPtr, bytes.length);
        return Errno.SUCCESS;
    }

    /** {@code (CUR, 0)} only asks for the position, so it needs {@code FD_TELL} alone. */
    int seek(GuestMemory memory, int fd, long offset, int whence, int newOffsetPtr) {
        boolean tellOnly = whence == WHENCE_CUR && offset == 0;
        OpenFile file = positionedFile(fd, tellOnly ? Rights.FD_TELL : Rights.FD_SEEK);
        long base = switch (whence) {
            case WHENCE_SET -> 0;
            case WHENCE_CUR -> file.position;
            case WHENCE_END -> file.inode.size();
            default -> throw new ErrnoException(Errno.EINVAL);
        };
        memory.check(newOffsetPtr, 8);
        long position = base + offset;
        if (position < 0 || (offset > 0 && position < base)) {
            throw new ErrnoException(Errno.EINVAL);
        }
        file.position = position;
        memory.writeI64(newOffsetPtr, position);
        return Errno.SUCCESS;
    }

    int tell(GuestMemory memory, int fd, int offsetPtr) {
        OpenFile file = positionedFile(fd, Rights.FD_TELL);
        memory.writeI64(offsetPtr, file.position);
        return Errno.SUCCESS;
    }

    int close(int fd) {
        fds.close(fd);
        return Errno.SUCCESS;
    }

    int renumber(int from, int to) {
        fds.renumber(from, to);
        return Errno.SUCCESS;
    }

    /** {@code fdstat}: filetype u8 @0, flags u16 @2, rights_base u64 @8, inheriting u64 @16. */
    int fdstatGet(GuestMemory memory, int fd, int ptr) {
        Descriptor d = fds.get(fd);
        memory.check(ptr, 24);
        memory.writeI64(ptr, 0);
        memory.writeU8(ptr, (byte) d.filetype());
        memory.writeU16(ptr + 2, (short) d.fdflags);
        memory.writeI64(ptr + 8, d.rightsBase);
        memory.writeI64(ptr + 16, d.rightsInheriting);
        return Errno.SUCCESS;
    }

    int fdstatSetFlags(int fd, int flags) {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~Descriptor.FDFLAGS) != 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        d.fdflags = flags;
        return Errno.SUCCESS;
    }

    /** Rights can only be dropped, never gained. */
    int fdstatSetRights(int fd, long base, long inheriting) {
        Descriptor d = fds.get(fd);
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
            throw new ErrnoException(Errno.ENOTCAPABLE);
        }
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    /** Stdio reports an unknown file type (a stream, not a terminal) with inode 0, size 0 and the run's start instant. */
    int filestatGet(GuestMemory memory, int fd, int ptr) {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_GET);
        switch (d) {
            case OpenFile file -> Filestat.write(memory, ptr, file.inode);
            case OpenDirectory dir -> Filestat.write(memory, ptr, dir.inode);
            default -> Filestat.write(memory, ptr, 0, d.filetype(), 1, 0, fs.startTime(),
                    fs.startTime(), fs.startTime());
        }
        return Errno.SUCCESS;
    }

    int filestatSetSize(int fd, long size) {
        OpenFile file = file(fd, Rights.FD_FILESTAT_SET_SIZE);
        requireOffset(size);
        file.inode.truncate(size, fs.now());
        return Errno.SUCCESS;
    }

    int filestatSetTimes(int fd, long accessTime, long modifyTime, int fstflags) {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        Inode inode = switch (d) {
            case OpenFile file -> file.inode;
            case OpenDirectory dir -> dir.inode;
            default -> throw new ErrnoException(Errno.EBADF);
        };
        Timestamps.set(inode, accessTime, modifyTime, fstflags, fs.now());
        return Errno.SUCCESS;
    }

    /** Advice is accepted and ignored: everything is in memory. */
    int advise(int fd, long offset, long length, int advice) {
        Descriptor d = fds.get(fd);
        if (d instanceof StdinDescriptor || d instanceof OutputDescriptor) {
            throw new ErrnoException(Errno.ESPIPE);
        }
        d.require(Rights.FD_ADVISE);
        if (advice < 0 || advice > MAX_ADVICE || offset < 0 || length < 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        return Errno.SUCCESS;
    }

    /** Extends the file to {@code offset + length} if it is shorter. */
    int allocate(int fd, long offset, long length) {
        OpenFile file = file(fd, Rights.FD_ALLOCATE);
        if (offset < 0 || length <= 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        long end = offset + length;
        if (end < 0) {
            throw new ErrnoException(Errno.EFBIG);
        }
        if (end > file.inode.size()) {
            file.inode.truncate(end, fs.now());
        }
        return Errno.SUCCESS;
    }

    /** Nothing to flush: the overlay is memory. Still checks the descriptor and its rights. */
    int sync(int fd, long right) {
        fds.get(fd).require(right);
        return Errno.SUCCESS;
    }

    /** {@code prestat}: tag u8 @0 (0, a directory), name length u32 @4. */
    int prestatGet(GuestMemory memory, int fd, int ptr) {
        byte[] name = preopenName(fd);
        memory.check(ptr, 8);
        memory.writeI32(ptr, 0);
        memory.writeI32(ptr + 4, name.length);
        return Errno.SUCCESS;
    }

    /** Writes the name without a NUL; a buffer shorter than it is {@code ENAMETOOLONG}. */
    int prestatDirName(GuestMemory memory, int fd, int path, int pathLen) {
        byte[] name = preopenName(fd);
        if (Integer.toUnsignedLong(pathLen) < name.length) {
            throw new ErrnoException(Errno.ENAMETOOLONG);
        }
        memory.writeBytes(path, name);
        return Errno.SUCCESS;
    }

    /** Only preopens have a prestat; any other number is {@code EBADF}, as wasi-libc expects. */
    private byte[] preopenName(int fd) {
        if (fds.isOpen(fd) && fds.get(fd) instanceof OpenDirectory dir && dir.preopenName != null) {
            return dir.preopenName.getBytes(StandardCharsets.UTF_8);
        }
        throw new ErrnoException(Errno.EBADF);
    }

    /** A descriptor that carries data: stdio or a file, not a directory. */
    private Descriptor dataDescriptor(int fd, long rights) {
        Descriptor d = fds.get(fd);
        if (d instanceof OpenDirectory) {
            throw new ErrnoException(Errno.EISDIR);
        }
        d.require(rights);
        return d;
    }

    /** A file, for operations that need a position: stdio is {@code ESPIPE}. */
    private OpenFile positionedFile(int fd, long rights) {
        Descriptor d = dataDescriptor(fd, 0);
        if (!(d instanceof OpenFile file)) {
            throw new ErrnoException(Errno.ESPIPE);
        }
        file.require(rights);
        return file;
    }

    /** A regular file: a directory is {@code EISDIR}, stdio {@code EINVAL}. */
    private OpenFile file(int fd, long rights) {
        Descriptor d = dataDescriptor(fd, 0);
        if (!(d instanceof OpenFile file)) {
            throw new ErrnoException(Errno.EINVAL);
        }
        file.require(rights);
        return file;
    }

    private static long remaining(FileInode inode, long position) {
        return Math.max(0, inode.size() - position);
    }

    /** Offsets are unsigned 64-bit in the ABI; beyond {@code Long.MAX_VALUE} they are invalid. */
    private static void requireOffset(long offset) {
        if (offset < 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
    }
}
