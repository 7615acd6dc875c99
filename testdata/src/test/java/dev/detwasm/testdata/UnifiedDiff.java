package dev.detwasm.testdata;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} prints it: hunks with three lines of context,
 * and "\ No newline at end of file" where a text does not end with one.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";
    /** Beyond this many line pairs the actual text is cut, to bound the quadratic table. */
    private static final long MAX_CELLS = 10_000_000;

    private enum Op {
        KEEP,
        DELETE,
        INSERT
    }

    /** One line of the edit script; {@code a} and {@code b} index the line in each text. */
    private record Edit(Op op, int a, int b) {}

    private UnifiedDiff() {}

    /** The diff from {@code expected} to {@code actual}, or "" when they are equal. */
    static String diff(String expectedName, String expected, String actualName, String actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        String note = "";
        if ((long) (a.size() + 1) * (b.size() + 1) > MAX_CELLS) {
            int keep = (int) (MAX_CELLS / (a.size() + 1)) - 1;
            note = "(" + actualName + " has " + b.size() + " lines; the diff shows the first "
                    + keep + ")\n";
            b = b.subList(0, keep);
        }
        List<Edit> edits = editScript(a, b);
        if (note.isEmpty() && edits.stream().allMatch(e -> e.op() == Op.KEEP)) {
            return "";
        }
        StringBuilder out = new StringBuilder(note);
        out.append("--- ").append(expectedName).append('\n');
        out.append("+++ ").append(actualName).append('\n');
        int start = 0;
        while (start < edits.size()) {
            int firstChange = nextChange(edits, start);
            if (firstChange < 0) {
                break;
            }
            int from = Math.max(start, firstChange - CONTEXT);
            int to = hunkEnd(edits, firstChange);
            appendHunk(out, edits.subList(from, to), a, b);
            start = to;
        }
        return out.toString();
    }

    /** The lines of {@code text}, each with its "\n" if it has one. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** A shortest edit script, from the longest common subsequence. */
    private static List<Edit> editScript(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(Op.KEEP, i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit(Op.DELETE, i++, j));
            } else {
                edits.add(new Edit(Op.INSERT, i, j++));
            }
        }
        return edits;
    }

    private static int nextChange(List<Edit> edits, int from) {
        for (int k = from; k < edits.size(); k++) {
            if (edits.get(k).op() != Op.KEEP) {
                return k;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the hunk that starts changing at {@code firstChange}. */
    private static int hunkEnd(List<Edit> edits, int firstChange) {
        int end = firstChange;
        int unchanged = 0;
        for (int k = firstChange; k < edits.size(); k++) {
            if (edits.get(k).op() == Op.KEEP) {
                unchanged++;
                if (unchanged > 2 * CONTEXT) {
                    break;
                }
            } else {
                unchanged = 0;
                end = k + 1;
            }
        }
        return Math.min(edits.size(), end + CONTEXT);
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b) {
        int aCount = 0;
        int bCount = 0;
        for (Edit e : hunk) {
            aCount += e.op() == Op.INSERT ? 0 : 1;
            bCount += e.op() == Op.DELETE ? 0 : 1;
        }
        Edit first = hunk.get(0);
        out.append("@@ -").append(range(first.a(), aCount))
                .append(" +").append(range(first.b(), bCount)).append(" @@\n");
        for (Edit e : hunk) {
            switch (e.op()) {
                case KEEP -> appendLine(out, ' ', a.get(e.a()));
                case DELETE -> appendLine(out, '-', a.get(e.a()));
                case INSERT -> appendLine(out, '+', b.get(e.b()));
            }
        }
    }

    /** diff's notation: "start,count", 1-based; an empty range names the line before it. */
    private static String range(int start, int count) {
        return count == 0 ? start + ",0" : (start + 1) + "," + count;
    }

    private static void appendLine(StringBuilder out, char prefix, String line) {
        out.append(prefix).append(line);
        if (!line.endsWith("\n")) {
            out.append('\n').append(NO_NEWLINE).append('\n');
        }
    }
}
