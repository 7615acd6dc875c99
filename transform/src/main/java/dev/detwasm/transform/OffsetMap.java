package dev.detwasm.transform;

import java.util.Arrays;

/**
 * Where the code of a rewritten module came from: a file offset in the function bodies of the
 * output, translated to the file offset in the input that describes it. An original
 * instruction maps to itself wherever it moved (inserted code before it and index renumbering
 * shift it); code a pass inserted before an instruction, or put in its place, maps to that
 * instruction. So a debugger's view of the input (DWARF line tables, which count from the
 * input's code section) applies to the output: a thread stopped in the {@code fuel} check of a
 * loop header is on the loop's first line, one stopped at an access point on the access's line.
 *
 * <p>Plain data: ascending output offsets where a stretch starts, the input offset each maps
 * to, and whether the stretch is copied input (later offsets advance with it) or inserted code
 * (every offset in it maps to its anchor); and the function imports the passes added, which
 * shift the input's defined functions.
 */
public final class OffsetMap {
    private final int[] rewritten;
    private final int[] original;
    private final boolean[] inserted;
    private final int importedFunctions;
    private final int addedFunctions;

    private OffsetMap(
            int[] rewritten, int[] original, boolean[] inserted, int importedFunctions,
            int addedFunctions) {
        this.rewritten = rewritten;
        this.original = original;
        this.inserted = inserted;
        this.importedFunctions = importedFunctions;
        this.addedFunctions = addedFunctions;
    }

    /** The input's index of the output's function {@code index}; -1 for a builtin a pass imported. */
    public int originalFunction(int index) {
        if (index < importedFunctions) {
            return index;
        }
        return index < importedFunctions + addedFunctions ? -1 : index - addedFunctions;
    }

    /**
     * The input offset that output offset {@code at} stands for, or -1 when {@code at} comes
     * before the code section.
     */
    public int original(int at) {
        int i = Arrays.binarySearch(rewritten, at);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return -1;
        }
        return inserted[i] ? original[i] : original[i] + (at - rewritten[i]);
    }

    /**
     * Records stretches while the encoder writes one piece (a body, the code section), at
     * offsets in that piece's own writer; {@link #append} moves a finished piece to its place in
     * the enclosing one.
     */
    static final class Builder {
        private int[] rewritten = new int[64];
        private int[] original = new int[64];
        private boolean[] inserted = new boolean[64];
        private int size;

        /** Copied input from {@code from} on, written at {@code at}. */
        void copied(int at, int from) {
            int last = size - 1;
            // Recorded only when it does not follow from the stretch before.
            if (last < 0 || inserted[last] || rewritten[last] - original[last] != at - from) {
                add(at, from, false);
            }
        }

        /** Code written at {@code at} that stands for the input instruction at {@code anchor}. */
        void inserted(int at, int anchor) {
            add(at, anchor, true);
        }

        /** Adds {@code piece}'s stretches, its offset 0 being {@code at} here. */
        void append(Builder piece, int at) {
            for (int i = 0; i < piece.size; i++) {
                add(piece.rewritten[i] + at, piece.original[i], piece.inserted[i]);
            }
        }

        void clear() {
            size = 0;
        }

        private void add(int at, int from, boolean insert) {
            if (size > 0 && rewritten[size - 1] == at) {
                size--; // the stretch before is empty: this one says what is there
            }
            if (size == rewritten.length) {
                rewritten = Arrays.copyOf(rewritten, size * 2);
                original = Arrays.copyOf(original, size * 2);
                inserted = Arrays.copyOf(inserted, size * 2);
            }
            rewritten[size] = at;
            original[size] = from;
            inserted[size] = insert;
            size++;
        }

        /**
         * @param importedFunctions the input's function imports
         * @param addedFunctions the function imports the passes added after them
         */
        OffsetMap build(int importedFunctions, int addedFunctions) {
            return new OffsetMap(
                    Arrays.copyOf(rewritten, size), Arrays.copyOf(original, size),
                    Arrays.copyOf(inserted, size), importedFunctions, addedFunctions);
        }
    }
}
