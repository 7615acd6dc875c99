package dev.detwasm.wasi;

import dev.detwasm.host.spi.GuestThreads;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's in-memory file system: a tree per mount, started from the mount's shared image and
 * changed only in memory. Inode numbers are synthetic: mount {@code i}'s nodes are numbered
 * after those of the mounts before it, in the image's depth-first order starting at 1; nodes the
 * guest creates take the next numbers, in creation order. Stdio has inode 0.
 */
final class Overlay {
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
            long base = nextIno;
            roots.add((DirectoryInode) fromImage(image, base, image.root()));
            nextIno += image.size();
        }
    }

    /** The root of each mount, in mount order. */
    List<DirectoryInode> roots() {
        return roots;
    }

    /** The virtual wall-clock time, for timestamps. */
    long now() {
        return clocks.read(VirtualClocks.REALTIME, threads.now());
    }

    /** The run's start instant: the timestamps of everything read from mounts. */
    long startTime() {
        return startTime;
    }

    FileInode newFile() {
        return new FileInode(nextIno++, now());
    }

    DirectoryInode newDirectory() {
        return new DirectoryInode(nextIno++, now());
    }

    SymlinkInode newSymlink(String target) {
        return new SymlinkInode(nextIno++, now(), target);
    }

    private Inode fromImage(MountImage image, long base, ImageNode node) {
        long ino = base + image.number(node);
        return switch (node) {
            case ImageFile file -> new FileInode(ino, startTime, file);
            case ImageSymlink link -> new SymlinkInode(ino, startTime, link.target());
            case ImageDirectory directory -> new DirectoryInode(
                    ino, startTime, directory, child -> fromImage(image, base, child));
        };
    }
}
