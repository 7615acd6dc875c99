package dev.detwasm.wasi;

import java.util.List;

/**
 * One run's in-memory file system, as the {@code fd_*} and {@code path_*} functions use it:
 * the mounts' roots, the time that stamps the guest's changes, and the nodes the guest
 * creates. Made per run by the bound {@link FileTrees}; the default is an overlay of the
 * mounts' images ({@link OverlayTrees}). A replacement usually decorates the default's tree,
 * or makes nodes with the public constructors of {@link FileInode}, {@link DirectoryInode}
 * and {@link SymlinkInode}. Nothing the guest does reaches the host's file system either way.
 */
public interface FileTree {

    /** The root directory of each mount, in mount order (preopened as fds 3, 4, ...). */
    List<DirectoryInode> roots();

    /** The virtual wall-clock time in nanoseconds that stamps a change the guest makes now. */
    long now();

    /** The timestamps of everything read from mounts, and of stdio. */
    long startTime();

    /** A new empty file, for {@code path_open} with {@code O_CREAT}. */
    FileInode newFile();

    /** A new empty directory, for {@code path_create_directory}. */
    DirectoryInode newDirectory();

    /** A new symbolic link to {@code target}, for {@code path_symlink}. */
    SymlinkInode newSymlink(String target);
}
