package dev.detwasm.wasi;

/**
 * Where a path led in the overlay.
 *
 * @param parent the directory holding the last component; null when the path ends in {@code
 *     .} or {@code ..} (it then names {@code node} itself, which has no entry to change)
 * @param name the last component, or null as for {@code parent}
 * @param node what the name refers to, or null when nothing has that name yet
 * @param directoryOnly the path ended with {@code /}, so it can only name a directory
 */
record Lookup(DirectoryInode parent, String name, Inode node, boolean directoryOnly) {

    /** Whether the path names an entry that could be created, removed or renamed. */
    boolean hasEntry() {
        return name != null;
    }
}
