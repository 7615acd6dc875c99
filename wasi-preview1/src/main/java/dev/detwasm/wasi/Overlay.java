package dev.detwasm.wasi;

import dev.detwasm.host.spi.GuestThreads;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's in-memory file system: a tree per mount, started from the mount's shared image and
 * changed only in memory. Inode numbers are synthetic and count from 1 in the order the run
 * meets nodes: the mounts' roots in mount order, then a directory's entries, in byte order of
 * their names, when the run first uses that directory, and each node the guest creates when it
 * is created. A run's numbers are therefore as deterministic as the run itself, and no mount is
 * walked whole. Stdio has inode 0. The default {@link FileTree} ({@link OverlayTrees}).
 */
final class Overlay implements FileTree {
    private final VirtualClocks clocks;
    private final GuestThreads threads;
    private final long startTime;
    private final List<DirectoryInode> roots = new ArrayList<>();
    private long nextIno = 1;

    Overlay(List<MountImage> images, VirtualClocks clocks, GuestThreads threads) {
        this.clocks = clocks;
        this.threads = threads;
        this.startTime = clocks.read(VirtualClocks.REALTIME, 0);
        for (MountImage image : images) {
            roots.add((DirectoryInode) fromImage(image.root()));
        }
    }

    @Override
    public List<DirectoryInode> roots() {
        return roots;
    }

    @Override
    public long now() {
        return clocks.read(VirtualClocks.REALTIME, threads.now());
    }

    @Override
    public long startTime() {
        return startTime;
    }

    @Override
    public FileInode newFile() {
        return new FileInode(nextIno++, now());
    }

    @Override
    public DirectoryInode newDirectory() {
        return new DirectoryInode(nextIno++, now());
    }

    @Override
    public SymlinkInode newSymlink(String target) {
        return new SymlinkInode(nextIno++, now(), target);
    }

    private Inode fromImage(ImageNode node) {
        long ino = nextIno++;
        return switch (node) {
            case ImageFile file -> new FileInode(ino, startTime, file);
            case ImageSymlink link -> new SymlinkInode(ino, startTime, link.target());
            case ImageDirectory directory -> new DirectoryInode(
                    ino, startTime, directory, this::fromImage);
        };
    }
}
