package dev.detwasm.wasi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A directory in a {@link MountImage}: its entries, by name in byte order. */
public final class ImageDirectory implements ImageNode {
    private final SortedMap<String, ImageNode> entries;

    /**
     * @param entries the entries by name; a name is non-empty, not {@code .} or {@code ..}, and
     *     has no {@code /} or NUL
     */
    public ImageDirectory(Map<String, ImageNode> entries) {
        TreeMap<String, ImageNode> sorted = new TreeMap<>(NameOrder.INSTANCE);
        entries.forEach((name, node) -> {
            if (name.isEmpty() || name.equals(".") || name.equals("..")
                    || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a file name: '" + name + "'");
            }
            sorted.put(name, Objects.requireNonNull(node, name));
        });
        this.entries = Collections.unmodifiableSortedMap(sorted);
    }

    public SortedMap<String, ImageNode> entries() {
        return entries;
    }
}
