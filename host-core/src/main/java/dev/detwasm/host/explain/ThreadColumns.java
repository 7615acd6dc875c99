package dev.detwasm.host.explain;

import dev.detwasm.host.debug.GuestFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders an {@link Explanation} as text: one column per thread, one row per step (the
 * operation, then the function and source line it was made from), then every thread's state at
 * the end: what each blocked thread waits on and the call that brought it there, and each live
 * thread's call stack. Long runs show their first and last steps.
 */
public final class ThreadColumns {
    /** Widest a column gets; longer operations wrap. */
    static final int COLUMN_WIDTH = 40;
    static final int HEAD_ROWS = 40;
    static final int TAIL_ROWS = 160;

    private ThreadColumns() {}

    public static String render(Explanation explanation) {
        StringBuilder out = new StringBuilder();
        int threads = explanation.threads();
        List<Integer> shown = shown(explanation);
        List<Row> rows = rows(explanation, shown);
        Window window = window(explanation, rows, shown.size());
        int hidden = window.withoutLines();
        if (hidden > 0) {
            out.append("(").append(hidden).append(hidden == 1 ? " step" : " steps")
                    .append(" of code without source lines, such as libc's locks, not shown)\n");
        }
        int stepWidth = Math.max(4, String.valueOf(explanation.steps().size()).length());
        int[] widths = widths(explanation, rows);
        StringBuilder header = new StringBuilder(pad("step", stepWidth));
        for (int t = 0; t < threads; t++) {
            header.append(" | ").append(pad("t" + t, widths[t]));
        }
        out.append(trimEnd(header)).append('\n');
        out.append(rule(stepWidth, widths)).append('\n');
        for (Row row : window.head()) {
            row(out, row, explanation, stepWidth, widths);
        }
        if (window.skipped() > 0) {
            out.append(pad("", stepWidth)).append(" | ... ").append(window.skipped())
                    .append(window.skipped() == 1 ? " step" : " steps").append(" not shown\n");
        }
        for (Row row : window.tail()) {
            row(out, row, explanation, stepWidth, widths);
        }
        atTheEnd(out, explanation);
        return out.toString();
    }

    /**
     * The rows a report shows of a run's steps: the first {@value #HEAD_ROWS} and the last
     * {@value #TAIL_ROWS} of {@link #rows}, the rows between them skipped; a run of a few
     * hundred thousand steps (an interpreter's) shows as much as a short one.
     *
     * @param head the first rows
     * @param skipped how many rows are left out between head and tail
     * @param tail the last rows
     * @param withoutLines how many steps are left out as code without source lines
     */
    public record Window(List<Row> head, int skipped, List<Row> tail, int withoutLines) {
        public Window {
            head = List.copyOf(head);
            tail = List.copyOf(tail);
        }
    }

    /** What {@link #render} shows of {@code explanation}'s steps. */
    public static Window window(Explanation explanation) {
        List<Integer> shown = shown(explanation);
        return window(explanation, rows(explanation, shown), shown.size());
    }

    private static Window window(Explanation explanation, List<Row> rows, int shown) {
        int withoutLines = explanation.steps().size() - shown;
        if (rows.size() <= HEAD_ROWS + TAIL_ROWS) {
            return new Window(rows, 0, List.of(), withoutLines);
        }
        return new Window(rows.subList(0, HEAD_ROWS), rows.size() - HEAD_ROWS - TAIL_ROWS,
                rows.subList(rows.size() - TAIL_ROWS, rows.size()), withoutLines);
    }

    /**
     * The indices of the steps worth a row: all of them, except that when the module has source
     * lines, memory operations and notifies made in code without lines (libc's internals: locks,
     * thread start-up and exit) are left out.
     */
    static List<Integer> shown(Explanation explanation) {
        List<Integer> shown = new ArrayList<>();
        List<Step> steps = explanation.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            boolean internal = s.kind() == Step.Kind.MEMORY || s.kind() == Step.Kind.NOTIFY;
            if (!explanation.lines() || !internal || !s.withoutLines()) {
                shown.add(i);
            }
        }
        return shown;
    }

    /**
     * Rows for the {@code shown} steps (indices from {@link #shown}). Memory operations on an address no other thread touches in the
     * run (a lock only this thread takes, its own bookkeeping) cannot race: two or more of them
     * in a row by one thread fold into one line naming the functions they happened in. Those on
     * shared addresses are where races are, and each keeps its row.
     */
    private static List<Row> rows(Explanation explanation, List<Integer> shown) {
        List<Step> steps = explanation.steps();
        Map<Long, Set<Integer>> threadsOf = new HashMap<>();
        for (Step step : steps) {
            if (step.address() >= 0) {
                threadsOf.computeIfAbsent(step.address(), a -> new HashSet<>()).add(step.thread());
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < shown.size()) {
            Step first = steps.get(shown.get(i));
            int end = i;
            while (end < shown.size()
                    && privateMemory(steps.get(shown.get(end)), threadsOf)
                    && steps.get(shown.get(end)).thread() == first.thread()) {
                end++;
            }
            if (end - i >= 2) {
                Set<String> functions = new LinkedHashSet<>();
                for (int k = i; k < end; k++) {
                    steps.get(shown.get(k)).where().ifPresent(f -> functions.add(f.name()));
                }
                rows.add(new Row(-1, new Step(first.thread(), Step.Kind.MEMORY,
                        "(" + (end - i) + " atomic operations on addresses only t"
                                + first.thread() + " uses"
                                + (functions.isEmpty() ? "" : ", in " + names(functions)) + ")",
                        List.of()), end - i));
                i = end;
            } else {
                rows.add(new Row(shown.get(i)));
                i++;
            }
        }
        return rows;
    }

    private static boolean privateMemory(Step step, Map<Long, Set<Integer>> threadsOf) {
        return step.kind() == Step.Kind.MEMORY
                && (step.address() < 0 || threadsOf.get(step.address()).size() == 1);
    }

    private static String names(Set<String> functions) {
        List<String> list = new ArrayList<>(functions);
        String shown = String.join(", ", list.subList(0, Math.min(3, list.size())));
        return list.size() > 3 ? shown + ", ..." : shown;
    }

    /**
     * A row: the step at {@code index} (from 0), or (index -1) a line standing for {@code count}
     * folded steps.
     */
    public record Row(int index, Step folded, int count) {
        Row(int index) {
            this(index, null, 1);
        }

        /** The step shown: the explanation's, or the line standing for the folded ones. */
        public Step step(Explanation explanation) {
            return index < 0 ? folded : explanation.steps().get(index);
        }
    }

    private static void row(
            StringBuilder out, Row row, Explanation explanation, int stepWidth, int[] widths) {
        String number = row.index() < 0 ? "" : String.valueOf(row.index() + 1);
        Step step = row.step(explanation);
        List<String> cell = cell(step, widths[step.thread()]);
        for (int line = 0; line < cell.size(); line++) {
            StringBuilder text = new StringBuilder();
            text.append(pad(line == 0 ? number : "", stepWidth));
            for (int t = 0; t < widths.length; t++) {
                text.append(" | ").append(pad(t == step.thread() ? cell.get(line) : "", widths[t]));
            }
            out.append(trimEnd(text)).append('\n');
        }
    }

    private static List<String> cell(Step step, int width) {
        List<String> lines = new ArrayList<>(wrap(step.operation(), width));
        step.where().ifPresent(f -> lines.addAll(wrap("  " + f, width)));
        return lines;
    }

    private static int[] widths(Explanation explanation, List<Row> rows) {
        int[] widths = new int[explanation.threads()];
        for (int t = 0; t < widths.length; t++) {
            widths[t] = ("t" + t).length();
        }
        for (Row row : rows) {
            Step step = row.step(explanation);
            if (step.thread() >= widths.length) {
                continue;
            }
            int w = step.operation().length();
            w = Math.max(w, step.where().map(f -> f.toString().length() + 2).orElse(0));
            widths[step.thread()] = Math.min(COLUMN_WIDTH, Math.max(widths[step.thread()], w));
        }
        return widths;
    }

    private static void atTheEnd(StringBuilder out, Explanation explanation) {
        out.append("at the end:\n");
        List<Integer> described = new ArrayList<>();
        for (BlockedThread blocked : explanation.blocked()) {
            described.add(blocked.thread());
            String where = blocked.describeWhere();
            out.append("  t").append(blocked.thread()).append(" waits on ")
                    .append(blocked.waitsOn()).append(where.isEmpty() ? "" : " in " + where)
                    .append('\n');
            stack(out, blocked.stack());
        }
        for (Map.Entry<Integer, List<GuestFrame>> entry : explanation.finalStacks().entrySet()) {
            if (!described.contains(entry.getKey())) {
                out.append("  t").append(entry.getKey()).append(" was in:\n");
                stack(out, entry.getValue());
                described.add(entry.getKey());
            }
        }
        for (int t = 0; t < explanation.threads(); t++) {
            if (!described.contains(t)) {
                out.append("  t").append(t).append(" had ended\n");
            }
        }
        if (!explanation.lines()) {
            out.append("(no source lines: the module has no DWARF line tables; build it with -g)\n");
        }
    }

    private static void stack(StringBuilder out, List<GuestFrame> frames) {
        for (GuestFrame frame : frames) {
            out.append("      ").append(frame).append('\n');
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= width / 2) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = "  " + rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static String rule(int stepWidth, int[] widths) {
        StringBuilder rule = new StringBuilder("-".repeat(stepWidth));
        for (int w : widths) {
            rule.append("-+-").append("-".repeat(w));
        }
        return rule.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String trimEnd(StringBuilder s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
