package dev.detwasm.wasi;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A directory: entries by name in byte order. A directory from a mount builds its entries from
 * its image on first use, so a run pays only for the directories it visits.
 */
public final class DirectoryInode extends Inode {
    /** What {@code filestat} reports as a directory's size, as ext4 does. */
    static final long SIZE = 4096;

    /** The directory holding this one; a mount's root is its own parent. */
    DirectoryInode parent = this;

    private TreeMap<String, Inode> entries;
    private ImageDirectory image;
    private Function<ImageNode, Inode> fromImage;

    /** An empty directory with inode number {@code ino}, its times all {@code time}. */
    public DirectoryInode(long ino, long time) {
        super(ino, time);
        this.entries = new TreeMap<>(NameOrder.INSTANCE);
    }

    DirectoryInode(
            long ino, long time, ImageDirectory image, Function<ImageNode, Inode> fromImage) {
        super(ino, time);
        this.image = image;
        this.fromImage = fromImage;
    }

    @Override
    int filetype() {
        return Filetype.DIRECTORY;
    }

    @Override
    long size() {
        return SIZE;
    }

    /** Two links (its name and {@code .}) plus the {@code ..} of each subdirectory. */
    @Override
    long linkCount() {
        return 2 + entries().values().stream().filter(DirectoryInode.class::isInstance).count();
    }

    Inode get(String name) {
        return entries().get(name);
    }

    /** Adds or replaces the entry {@code name}. */
    void put(String name, Inode node, long now) {
        entries().put(name, node);
        adopt(node);
        modified(now);
    }

    void remove(String name, long now) {
        entries().remove(name);
        modified(now);
    }

    boolean isEmpty() {
        return entries().isEmpty();
    }

    /** The entries, in byte order of their names; read-only. */
    SortedMap<String, Inode> list() {
        return Collections.unmodifiableSortedMap(entries());
    }

    private TreeMap<String, Inode> entries() {
        if (entries == null) {
            entries = new TreeMap<>(NameOrder.INSTANCE);
            image.entries().forEach((name, node) -> {
                Inode child = fromImage.apply(node);
                entries.put(name, child);
                adopt(child);
            });
            image = null;
            fromImage = null;
        }
        return entries;
    }

    private void adopt(Inode node) {
        if (node instanceof DirectoryInode directory) {
            directory.parent = this;
        }
    }
}
