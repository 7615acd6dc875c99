package dev.detwasm.wasi;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The immutable content of one mount, read once and shared by every run. Each node has a number
 * in depth-first order (the root is 0, entries in byte order) from which a run derives its
 * synthetic inode numbers, so they do not depend on the order in which the guest visits files.
 */
public final class MountImage {
    private final ImageDirectory root;
    private final Map<ImageNode, Integer> numbers = new IdentityHashMap<>();

    public MountImage(ImageDirectory root) {
        this.root = root;
        assignNumbers(root);
    }

    public ImageDirectory root() {
        return root;
    }

    /** How many nodes the image has, the root included. */
    public int size() {
        return numbers.size();
    }

    /** The node's number; a node that occurs twice (a hard link) has one number. */
    int number(ImageNode node) {
        return numbers.get(node);
    }

    private void assignNumbers(ImageNode node) {
        if (numbers.putIfAbsent(node, numbers.size()) == null
                && node instanceof ImageDirectory directory) {
            directory.entries().values().forEach(this::assignNumbers);
        }
    }
}
