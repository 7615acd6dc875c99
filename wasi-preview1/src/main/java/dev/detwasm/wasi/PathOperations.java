package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import java.nio.charset.StandardCharsets;

/**
 * The {@code path_*} functions, over the overlay. A path is resolved from the directory of its
 * descriptor, which needs the operation's {@code PATH_*} right (see {@link PathWalk} for how
 * paths resolve and what they may not do). Errors follow POSIX: a missing name {@code ENOENT},
 * an existing one where a new one is needed {@code EEXIST}, a file where a directory is needed
 * {@code ENOTDIR} and the reverse {@code EISDIR}, a non-empty directory {@code ENOTEMPTY}.
 * Hard links are supported for files and symbolic links; a directory cannot be linked ({@code
 * EPERM}). A new link or symbolic link whose path ends with a slash is {@code ENOENT} (or {@code
 * EEXIST} when the name exists), as a slash asks for a directory. Symbolic links are stored as
 * written, but the guest may not create one with an absolute target ({@code EPERM}, as wasmtime):
 * it could only point outside every mount. Following a link that leaves the start directory is
 * {@code ENOTCAPABLE}, and so is reading one whose target is absolute (only a host link can be,
 * and its text would be a host path).
 */
final class PathOperations {
    private static final int SYMLINK_FOLLOW = 1;
    private static final int O_CREAT = 1;
    private static final int O_DIRECTORY = 2;
    private static final int O_EXCL = 4;
    private static final int O_TRUNC = 8;

    private final FdTable fds;
    private final FileTree fs;

    PathOperations(FdTable fds, FileTree fs) {
        this.fds = fds;
        this.fs = fs;
    }

    /**
     * Opens or creates. The new descriptor's rights are those asked for, cut down to what the
     * directory may hand on and what the file type allows; asking to write a directory is {@code
     * EISDIR}; a symbolic link that is not followed is {@code ELOOP}.
     */
    int open(GuestMemory memory, int dirFd, int lookupFlags, int pathPtr, int pathLen, int oflags,
            long rightsBase, long rightsInheriting, int fdflags, int fdPtr) {
        OpenDirectory dir = directory(dirFd, Rights.PATH_OPEN);
        boolean create = (oflags & O_CREAT) != 0;
        boolean exclusive = create && (oflags & O_EXCL) != 0;
        boolean truncate = (oflags & O_TRUNC) != 0;
        if ((oflags & ~0xF) != 0 || (fdflags & ~Descriptor.FDFLAGS) != 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        String path = PathWalk.read(memory, pathPtr, pathLen);
        memory.check(fdPtr, 4);
        Lookup found = PathWalk.walk(dir.inode, path, follow(lookupFlags) && !exclusive);
        Inode node = found.node();
        if (node == null) {
            if (!create) {
                throw new ErrnoException(Errno.ENOENT);
            }
            if ((oflags & O_DIRECTORY) != 0) {
                throw new ErrnoException(Errno.EINVAL);
            }
            if (found.directoryOnly()) {
                throw new ErrnoException(Errno.EISDIR);
            }
            node = fs.newFile();
            found.parent().put(found.name(), node, fs.now());
        } else if (exclusive) {
            throw new ErrnoException(Errno.EEXIST);
        }
        long inherited = rightsBase & dir.rightsInheriting;
        Descriptor opened = switch (node) {
            case SymlinkInode link -> throw new ErrnoException(Errno.ELOOP);
            case DirectoryInode directory -> {
                if (truncate || (rightsBase & Rights.FD_WRITE) != 0) {
                    throw new ErrnoException(Errno.EISDIR);
                }
                yield new OpenDirectory(directory, inherited & Rights.DIRECTORY,
                        rightsInheriting & dir.rightsInheriting, null);
            }
            case FileInode file -> {
                if ((oflags & O_DIRECTORY) != 0) {
                    throw new ErrnoException(Errno.ENOTDIR);
                }
                if (truncate) {
                    file.truncate(0, fs.now());
                }
                yield new OpenFile(file, inherited & Rights.FILE,
                        rightsInheriting & dir.rightsInheriting, fdflags);
            }
        };
        memory.writeI32(fdPtr, fds.add(opened));
        return Errno.SUCCESS;
    }

    int createDirectory(GuestMemory memory, int dirFd, int pathPtr, int pathLen) {
        Lookup found = walk(memory, dirFd, Rights.PATH_CREATE_DIRECTORY, pathPtr, pathLen, false);
        requireNew(found);
        found.parent().put(found.name(), fs.newDirectory(), fs.now());
        return Errno.SUCCESS;
    }

    int removeDirectory(GuestMemory memory, int dirFd, int pathPtr, int pathLen) {
        Lookup found = walk(memory, dirFd, Rights.PATH_REMOVE_DIRECTORY, pathPtr, pathLen, false);
        if (!found.hasEntry()) {
            throw new ErrnoException(Errno.EINVAL);
        }
        if (!(existing(found) instanceof DirectoryInode directory)) {
            throw new ErrnoException(Errno.ENOTDIR);
        }
        if (!directory.isEmpty()) {
            throw new ErrnoException(Errno.ENOTEMPTY);
        }
        found.parent().remove(found.name(), fs.now());
        return Errno.SUCCESS;
    }

    int unlinkFile(GuestMemory memory, int dirFd, int pathPtr, int pathLen) {
        Lookup found = walk(memory, dirFd, Rights.PATH_UNLINK_FILE, pathPtr, pathLen, false);
        Inode node = existing(found);
        if (!found.hasEntry() || node instanceof DirectoryInode) {
            throw new ErrnoException(Errno.EISDIR);
        }
        found.parent().remove(found.name(), fs.now());
        node.links--;
        node.changeTime = fs.now();
        return Errno.SUCCESS;
    }

    /**
     * Renames, replacing what the new name held when POSIX allows it: a file by a file, an
     * empty directory by a directory. A directory cannot move into itself ({@code EINVAL}).
     * Paths ending in {@code .} or {@code ..} are {@code EBUSY}.
     */
    int rename(GuestMemory memory, int oldFd, int oldPtr, int oldLen, int newFd, int newPtr,
            int newLen) {
        Lookup from = walk(memory, oldFd, Rights.PATH_RENAME_SOURCE, oldPtr, oldLen, false);
        Lookup to = walk(memory, newFd, Rights.PATH_RENAME_TARGET, newPtr, newLen, false);
        if (!from.hasEntry() || !to.hasEntry()) {
            throw new ErrnoException(Errno.EBUSY);
        }
        Inode moved = existing(from);
        Inode replaced = to.node();
        if (moved == replaced) {
            return Errno.SUCCESS;
        }
        if (moved instanceof DirectoryInode directory) {
            if (replaced != null && !(replaced instanceof DirectoryInode)) {
                throw new ErrnoException(Errno.ENOTDIR);
            }
            if (replaced instanceof DirectoryInode target && !target.isEmpty()) {
                throw new ErrnoException(Errno.ENOTEMPTY);
            }
            if (isWithin(to.parent(), directory)) {
                throw new ErrnoException(Errno.EINVAL);
            }
        } else {
            if (replaced instanceof DirectoryInode) {
                throw new ErrnoException(Errno.EISDIR);
            }
            if (to.directoryOnly() || from.directoryOnly()) {
                throw new ErrnoException(Errno.ENOTDIR);
            }
        }
        long now = fs.now();
        to.parent().put(to.name(), moved, now);
        from.parent().remove(from.name(), now);
        moved.changeTime = now;
        if (replaced != null) {
            replaced.links--;
            replaced.changeTime = now;
        }
        return Errno.SUCCESS;
    }

    int symlink(GuestMemory memory, int targetPtr, int targetLen, int dirFd, int pathPtr,
            int pathLen) {
        String target = PathWalk.read(memory, targetPtr, targetLen);
        Lookup found = walk(memory, dirFd, Rights.PATH_SYMLINK, pathPtr, pathLen, false);
        requireNew(found);
        if (target.isEmpty() || found.directoryOnly()) {
            throw new ErrnoException(Errno.ENOENT);
        }
        if (target.startsWith("/")) {
            throw new ErrnoException(Errno.EPERM);
        }
        found.parent().put(found.name(), fs.newSymlink(target), fs.now());
        return Errno.SUCCESS;
    }

    /** Copies the link's text, cut to the buffer as POSIX {@code readlink} does. */
    int readlink(GuestMemory memory, int dirFd, int pathPtr, int pathLen, int buf, int bufLen,
            int usedPtr) {
        Lookup found = walk(memory, dirFd, Rights.PATH_READLINK, pathPtr, pathLen, false);
        if (!(existing(found) instanceof SymlinkInode link)) {
            throw new ErrnoException(Errno.EINVAL);
        }
        if (link.target.startsWith("/")) {
            throw new ErrnoException(Errno.ENOTCAPABLE);
        }
        memory.check(buf, Integer.toUnsignedLong(bufLen));
        memory.check(usedPtr, 4);
        byte[] text = link.target.getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(text.length, Integer.toUnsignedLong(bufLen));
        memory.writeBytes(buf, text, 0, n);
        memory.writeI32(usedPtr, n);
        return Errno.SUCCESS;
    }

    int link(GuestMemory memory, int oldFd, int oldFlags, int oldPtr, int oldLen, int newFd,
            int newPtr, int newLen) {
        Lookup from = walk(memory, oldFd, Rights.PATH_LINK_SOURCE, oldPtr, oldLen,
                follow(oldFlags));
        Lookup to = walk(memory, newFd, Rights.PATH_LINK_TARGET, newPtr, newLen, false);
        Inode node = existing(from);
        if (node instanceof DirectoryInode) {
            throw new ErrnoException(Errno.EPERM);
        }
        requireNew(to);
        if (to.directoryOnly()) {
            throw new ErrnoException(Errno.ENOENT);
        }
        long now = fs.now();
        to.parent().put(to.name(), node, now);
        node.links++;
        node.changeTime = now;
        return Errno.SUCCESS;
    }

    int filestatGet(GuestMemory memory, int dirFd, int flags, int pathPtr, int pathLen, int buf) {
        Lookup found = walk(memory, dirFd, Rights.PATH_FILESTAT_GET, pathPtr, pathLen,
                follow(flags));
        Filestat.write(memory, buf, existing(found));
        return Errno.SUCCESS;
    }

    int filestatSetTimes(GuestMemory memory, int dirFd, int flags, int pathPtr, int pathLen,
            long accessTime, long modifyTime, int fstflags) {
        Lookup found = walk(memory, dirFd, Rights.PATH_FILESTAT_SET_TIMES, pathPtr, pathLen,
                follow(flags));
        Timestamps.set(existing(found), accessTime, modifyTime, fstflags, fs.now());
        return Errno.SUCCESS;
    }

    /** The directory behind {@code fd}, which must have {@code right}. */
    private OpenDirectory directory(int fd, long right) {
        if (!(fds.get(fd) instanceof OpenDirectory dir)) {
            throw new ErrnoException(Errno.ENOTDIR);
        }
        dir.require(right);
        return dir;
    }

    private Lookup walk(GuestMemory memory, int dirFd, long right, int pathPtr, int pathLen,
            boolean followLast) {
        OpenDirectory dir = directory(dirFd, right);
        return PathWalk.walk(dir.inode, PathWalk.read(memory, pathPtr, pathLen), followLast);
    }

    private static boolean follow(int lookupFlags) {
        if ((lookupFlags & ~SYMLINK_FOLLOW) != 0) {
            throw new ErrnoException(Errno.EINVAL);
        }
        return lookupFlags == SYMLINK_FOLLOW;
    }

    private static Inode existing(Lookup found) {
        if (found.node() == null) {
            throw new ErrnoException(Errno.ENOENT);
        }
        return found.node();
    }

    private static void requireNew(Lookup found) {
        if (found.node() != null) {
            throw new ErrnoException(Errno.EEXIST);
        }
    }

    /** Whether {@code directory} is {@code ancestor} or lies below it. */
    private static boolean isWithin(DirectoryInode directory, DirectoryInode ancestor) {
        for (DirectoryInode d = directory; ; d = d.parent) {
            if (d == ancestor) {
                return true;
            }
            if (d.parent == d) {
                return false;
            }
        }
    }
}
