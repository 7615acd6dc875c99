package dev.detwasm.wasi;

import java.util.Objects;

/**
 * The immutable content of one mount, shared by every run: a directory tree whose directories
 * may be read from the host only when a run first visits them ({@link ImageDirectory#lazy}).
 * A run numbers the nodes it meets itself ({@link Overlay}), so nothing here needs the whole
 * tree.
 */
public final class MountImage {
    private final ImageDirectory root;

    public MountImage(ImageDirectory root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public ImageDirectory root() {
        return root;
    }
}
