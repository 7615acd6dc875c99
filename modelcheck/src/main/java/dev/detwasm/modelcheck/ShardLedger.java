package dev.detwasm.modelcheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.Termination;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What a shard's report carries for {@code detwasm merge}: one line per run it owns, enough to
 * put the run in its place in the whole exploration and to count it as one process would
 * ({@link ShardMerge}). A run's line is {@code LEAF NUMBER ENDING PREEMPTIONS FLAGS CHILDREN
 * TRACE BRANCHES SITES}: the strategy (leaf of the portfolio) that made it, its number in that
 * strategy's sequence (-1 for dfs and bfs, whose order the merge works out from the traces), its
 * ending (an index into {@code endings}, which keeps each distinct ending and output once),
 * preemptions, {@code c} when {@code --max-decisions} cut it and {@code p} when the preemption
 * bound pruned it, how many runs branch off it after its last non-zero choice (what a dfs or bfs
 * leaves pending), its trace, its branching decisions as {@code OPTIONS.CHOICE} (for the
 * coverage that ends an exploration early; {@code -} once the shard's tree outgrew {@link
 * CoverageTree#MAX_NODES}) and the {@code must_reach} sites it reached (indexes into {@code
 * sites}).
 */
public final class ShardLedger {
    private final Shard shard;
    private final List<Leaf> leaves = new ArrayList<>();
    private final Map<List<Object>, Integer> endings = new LinkedHashMap<>();
    private final List<RunOutcome> endingRuns = new ArrayList<>();
    private final Map<String, Integer> sites = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final CoverageTree coverage = new CoverageTree();
    private final Function<RunOutcome, String> command;
    /** Per leaf and failure signature, the simplest failing run so far in the leaf's order. */
    private final Map<List<Object>, ExploredRun> simplest = new HashMap<>();
    /** Failure signatures in the order this shard found them. */
    private final Map<FailureSignature, Integer> signatures = new HashMap<>();
    /**
     * Each failing run that was the simplest of its signature in its leaf when it was made: the
     * merge's simplest run of a signature is one of these, wherever one process stops.
     */
    private final List<ExploredRun> showable = new ArrayList<>();
    private final List<ExplainedFinding> explained = new ArrayList<>();

    ShardLedger(Shard shard, Function<RunOutcome, String> command) {
        this.shard = shard;
        this.command = command;
    }

    /**
     * A strategy of the exploration, as the merge orders its runs.
     *
     * @param origin its name in reports
     * @param order {@code dfs}, {@code bfs}, or {@code number} (random and pct: by run number)
     * @param stride how many runs of the whole exploration one run of it takes (a portfolio's
     *     turns)
     * @param offset the place of its first run in the whole exploration
     * @param finished whether it made every run of its part (dfs and bfs: the shard's subtrees
     *     are exhausted)
     */
    record Leaf(String origin, String order, long stride, long offset, boolean finished) {}

    public Shard shard() {
        return shard;
    }

    void leaves(List<Leaf> all) {
        leaves.clear();
        leaves.addAll(all);
    }

    /** Records an owned run of leaf {@code leaf}, numbered {@code number} (-1 for dfs, bfs). */
    void add(int leaf, long number, ExploredRun run) {
        RunOutcome o = run.outcome();
        Termination t = o.termination();
        List<Object> key = List.of(t.kind(), t.exitCode(), t.thread(), t.message(), o.location(),
                ByteBuffer.wrap(o.stdout()), ByteBuffer.wrap(o.stderr()));
        Integer ending = endings.get(key);
        if (ending == null) {
            ending = endings.size();
            endings.put(key, ending);
            endingRuns.add(o);
        }
        coverage.add(run.steps());
        if (o.failed()) {
            FailureSignature signature = FailureSignature.of(o);
            signatures.putIfAbsent(signature, signatures.size());
            List<Object> leafSignature = List.of(leaf, signature);
            ExploredRun before = simplest.get(leafSignature);
            if (before == null || Findings.simpler(run, before)) {
                simplest.put(leafSignature, run);
                showable.add(run);
            }
        }
        StringJoiner siteIds = new StringJoiner(",");
        for (String site : new LinkedHashSet<>(o.reachedSites())) {
            siteIds.add(String.valueOf(sites.computeIfAbsent(site, s -> sites.size())));
        }
        lines.add(leaf + " " + number + " " + ending + " " + run.preemptions() + " "
                + flags(run) + " " + children(run.steps()) + " " + dash(TraceText.format(
                        o.trace())) + " " + branches(run.steps()) + " " + dash(siteIds.toString()));
    }

    /**
     * The failing runs the merge may show, as failures to explain: those of the first {@value
     * TextReport#MAX_FAILURES_SHOWN} signatures this shard found (one process explains its first
     * that many).
     */
    public List<FailingRun> showable() {
        List<FailingRun> runs = new ArrayList<>();
        for (ExploredRun run : showable) {
            RunOutcome o = run.outcome();
            if (signatures.get(FailureSignature.of(o)) < TextReport.MAX_FAILURES_SHOWN) {
                runs.add(new FailingRun(run.index(), 1, run.index(), run.origin(),
                        run.preemptions(), o.termination(), o.location(), o.trace(),
                        command.apply(o), o.stdout(), o.stderr()));
            }
        }
        return runs;
    }

    /** The accounts of {@link #showable}, in its order, for the report. */
    public void explained(List<ExplainedFinding> accounts) {
        explained.clear();
        explained.addAll(accounts);
    }

    private static String flags(ExploredRun run) {
        String flags = (run.cut() ? "c" : "") + (run.pruned() ? "p" : "");
        return dash(flags);
    }

    /** The runs a dfs or bfs finds from this one: its options not taken after its prefix. */
    private static long children(List<Step> steps) {
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).choice() != 0) {
                last = i;
            }
        }
        long children = 0;
        for (int i = last + 1; i < steps.size(); i++) {
            children += steps.get(i).allowed().length - 1;
        }
        return children;
    }

    private String branches(List<Step> steps) {
        if (coverage.dropped()) {
            return "-";
        }
        StringJoiner text = new StringJoiner(",");
        for (Step step : steps) {
            if (step.allowed().length > 1) {
                text.add(step.allowed().length + "." + step.choice());
            }
        }
        return dash(text.toString());
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    /** Adds the ledger to a report's JSON as its {@code shard} object. */
    void addTo(ObjectNode root) {
        ObjectNode node = root.putObject("shard");
        node.put("index", shard.index());
        node.put("count", shard.count());
        node.put("coverage", !coverage.dropped());
        ArrayNode leafNodes = node.putArray("leaves");
        for (Leaf leaf : leaves) {
            ObjectNode l = leafNodes.addObject();
            l.put("origin", leaf.origin());
            l.put("order", leaf.order());
            l.put("stride", leaf.stride());
            l.put("offset", leaf.offset());
            l.put("finished", leaf.finished());
        }
        ArrayNode endingNodes = node.putArray("endings");
        Base64.Encoder base64 = Base64.getEncoder();
        for (RunOutcome o : endingRuns) {
            Termination t = o.termination();
            ObjectNode e = endingNodes.addObject();
            e.put("kind", t.kind().cliName());
            e.put("exit_code", t.exitCode());
            e.put("thread", t.thread());
            e.put("message", t.message());
            e.put("location", o.location());
            e.put("stdout", base64.encodeToString(o.stdout()));
            e.put("stderr", base64.encodeToString(o.stderr()));
        }
        ArrayNode siteNodes = node.putArray("sites");
        sites.keySet().forEach(siteNodes::add);
        ArrayNode failing = node.putArray("failing");
        int shown = 0;
        for (FailingRun f : showable()) {
            ObjectNode entry = failing.addObject();
            ArrayNode trace = entry.putArray("trace");
            f.trace().forEach(trace::add);
            entry.put("command", f.command());
            if (shown < explained.size()) {
                ExplanationJson.add(entry, explained.get(shown++));
            }
        }
        ArrayNode runNodes = node.putArray("runs");
        lines.forEach(runNodes::add);
    }
}
