package dev.detwasm.modelcheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detwasm.host.debug.GuestFrame;
import dev.detwasm.host.explain.BlockedThread;
import dev.detwasm.host.explain.Explanation;
import dev.detwasm.host.explain.Step;
import dev.detwasm.host.explain.ThreadColumns;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of an explained failing run: what the text report shows, as data. Its steps are
 * the text's rows ({@link ThreadColumns#window}): {@code steps} the first, {@code tail} the last,
 * {@code rows_skipped} between them, with {@code total_steps} and {@code steps_without_lines}
 * (left out as libc's internals) beside them, so that a run of a few hundred thousand steps
 * (a Python program's) makes a report of the same size as a short one.
 */
final class ExplanationJson {
    private ExplanationJson() {}

    static void add(ObjectNode failure, ExplainedFinding finding) {
        Minimized m = finding.minimized();
        ObjectNode minimized = failure.putObject("minimized");
        ArrayNode trace = minimized.putArray("trace");
        m.trace().forEach(trace::add);
        minimized.put("command", finding.shown().command());
        minimized.put("description", finding.shown().description());
        minimized.put("preemptions", m.preemptions());
        minimized.put("decisions", m.decisions());
        minimized.put("original_preemptions", m.originalPreemptions());
        minimized.put("original_decisions", m.originalDecisions());
        minimized.put("replays", m.replays());
        minimized.put("cut_short", m.cutShort());

        Explanation e = finding.explanation();
        ObjectNode explanation = failure.putObject("explanation");
        explanation.put("threads", e.threads());
        explanation.put("source_lines", e.lines());
        e.warning().ifPresent(w -> explanation.put("warning", w));
        ThreadColumns.Window window = ThreadColumns.window(e);
        explanation.put("total_steps", e.steps().size());
        explanation.put("steps_without_lines", window.withoutLines());
        ArrayNode steps = explanation.putArray("steps");
        window.head().forEach(row -> step(steps, row, e));
        explanation.put("rows_skipped", window.skipped());
        ArrayNode tail = explanation.putArray("tail");
        window.tail().forEach(row -> step(tail, row, e));
        ArrayNode blocked = explanation.putArray("blocked");
        for (BlockedThread b : e.blocked()) {
            ObjectNode node = blocked.addObject();
            node.put("thread", b.thread());
            node.put("waits_on", b.waitsOn());
            node.put("where", b.describeWhere());
            stack(node.putArray("stack"), b.stack());
        }
        ObjectNode stacks = explanation.putObject("final_stacks");
        for (Map.Entry<Integer, List<GuestFrame>> entry : e.finalStacks().entrySet()) {
            stack(stacks.putArray("t" + entry.getKey()), entry.getValue());
        }
    }

    /**
     * A row: a step, numbered from 1 as in the text, or the steps folded into it ({@code
     * folded}: how many; no number).
     */
    private static void step(ArrayNode out, ThreadColumns.Row row, Explanation e) {
        Step step = row.step(e);
        ObjectNode node = out.addObject();
        if (row.index() >= 0) {
            node.put("step", row.index() + 1);
        } else {
            node.putNull("step");
            node.put("folded", row.count());
        }
        node.put("thread", step.thread());
        node.put("kind", step.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("operation", step.operation());
        stack(node.putArray("stack"), step.stack());
    }

    private static void stack(ArrayNode out, List<GuestFrame> frames) {
        for (GuestFrame f : frames) {
            ObjectNode node = out.addObject();
            node.put("function", f.function());
            node.put("name", f.name());
            if (f.line().isPresent()) {
                node.put("file", f.line().get().file());
                node.put("line", f.line().get().line());
            }
            node.put("imported", f.imported());
        }
    }
}
