package dev.detwasm.wasi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A directory in a {@link MountImage}: its entries, by name in byte order. The entries are given
 * up front, or read by a {@link Supplier} the first time anyone asks for them and kept from then
 * on, so a mount of a large host tree costs only the directories runs visit. Thread-safe.
 */
public final class ImageDirectory implements ImageNode {
    private Supplier<Map<String, ImageNode>> reader;
    private volatile SortedMap<String, ImageNode> entries;

    /**
     * @param entries the entries by name; a name is non-empty, not {@code .} or {@code ..}, and
     *     has no {@code /} or NUL
     */
    public ImageDirectory(Map<String, ImageNode> entries) {
        this.entries = sorted(entries);
    }

    private ImageDirectory(Supplier<Map<String, ImageNode>> reader) {
        this.reader = reader;
    }

    /**
     * A directory whose entries {@code reader} gives (under the same rules as the constructor's)
     * when they are first needed; it is called at most once.
     */
    public static ImageDirectory lazy(Supplier<Map<String, ImageNode>> reader) {
        return new ImageDirectory(Objects.requireNonNull(reader, "reader"));
    }

    public SortedMap<String, ImageNode> entries() {
        SortedMap<String, ImageNode> read = entries;
        return read != null ? read : read();
    }

    private synchronized SortedMap<String, ImageNode> read() {
        if (entries == null) {
            entries = sorted(reader.get());
            reader = null;
        }
        return entries;
    }

    private static SortedMap<String, ImageNode> sorted(Map<String, ImageNode> entries) {
        TreeMap<String, ImageNode> sorted = new TreeMap<>(NameOrder.INSTANCE);
        entries.forEach((name, node) -> {
            if (name.isEmpty() || name.equals(".") || name.equals("..")
                    || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a file name: '" + name + "'");
            }
            sorted.put(name, Objects.requireNonNull(node, name));
        });
        return Collections.unmodifiableSortedMap(sorted);
    }
}
