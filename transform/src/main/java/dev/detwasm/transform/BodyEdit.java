package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes the passes make to one function body, anchored at the offsets of its original
 * instructions: code inserted before an instruction, an instruction replaced, locals added.
 * Several passes may edit the same body; at one offset, insertions keep the order in which they
 * were made and come before a replacement. The original instructions keep their meaning (the
 * rewriter remaps their function indices); inserted code is written as given, so it must use
 * final indices (those {@link Module#addFunctionImport} and {@link Module#addGlobal} return).
 */
public final class BodyEdit {
    record Edit(int offset, boolean replaces, byte[] code) {}

    private final int firstNewLocal;
    private final ByteWriter newLocalTypes = new ByteWriter(8);
    private final List<Edit> edits = new ArrayList<>();
    private final Set<Integer> replaced = new HashSet<>();
    private boolean sorted = true;

    BodyEdit(int firstNewLocal) {
        this.firstNewLocal = firstNewLocal;
    }

    /** Adds a local of {@code valueType} (a {@link FuncType} constant) and returns its index. */
    public int addLocal(byte valueType) {
        newLocalTypes.u8(valueType);
        return firstNewLocal + newLocalTypes.size() - 1;
    }

    /** Inserts {@code code} before the original instruction that starts at {@code offset}. */
    public void insertBefore(int offset, byte[] code) {
        add(new Edit(offset, false, code));
    }

    /** Replaces the original instruction that starts at {@code offset} by {@code code}. */
    public void replace(int offset, byte[] code) {
        replaced.add(offset);
        add(new Edit(offset, true, code));
    }

    /** Whether a pass replaced the original instruction at {@code offset} already. */
    public boolean replaced(int offset) {
        return replaced.contains(offset);
    }

    private void add(Edit edit) {
        if (!edits.isEmpty() && compare(edits.getLast(), edit) > 0) {
            sorted = false;
        }
        edits.add(edit);
    }

    private static int compare(Edit a, Edit b) {
        int c = Integer.compare(a.offset(), b.offset());
        return c != 0 ? c : Boolean.compare(a.replaces(), b.replaces());
    }

    List<Edit> edits() {
        if (!sorted) {
            edits.sort(Comparator.comparingInt(Edit::offset).thenComparing(Edit::replaces));
            sorted = true;
        }
        return edits;
    }

    byte[] newLocalTypes() {
        return newLocalTypes.toByteArray();
    }
}
