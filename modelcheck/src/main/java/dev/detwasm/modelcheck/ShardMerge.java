package dev.detwasm.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.DecisionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code detwasm merge}: the report one process would have written, from the JSON reports of
 * the N shards of an exploration ({@code check --shard K/N}). Puts every run the shards own in
 * its place in the whole exploration (random and pct by run number; dfs by preemptions, then
 * trace; bfs by non-zero choices, then trace with 0 last; a portfolio's turns), goes through
 * them as one process would, stopping where it would (the run budget, a dfs or bfs with nothing
 * left, the tree covered), and gathers them with the same {@link Findings}. A failure's command
 * and account come from the shard that made its simplest run.
 */
public final class ShardMerge {

    private ShardMerge() {}

    /**
     * The merged report, as {@link CheckReport} and as JSON text.
     *
     * @param jobs how many workers the shards had together
     */
    public record Merged(CheckReport report, String json, int jobs) {}

    /**
     * Merges the reports, named {@code names} in messages.
     *
     * @throws IllegalArgumentException with one line saying why, when the reports are not the
     *     shards of one exploration, or lack what the merge needs
     */
    public static Merged merge(List<JsonNode> reports, List<String> names) {
        List<ShardReport> shards = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            shards.add(ShardReport.of(reports.get(i), names.get(i)));
        }
        checkOneExploration(shards);
        ShardReport first = shards.get(0);
        CheckSettings settings = settings(first.json());

        List<Leaf> leaves = new ArrayList<>();
        for (JsonNode leaf : first.shard().get("leaves")) {
            leaves.add(new Leaf(leaf.get("origin").asText(), leaf.get("order").asText(),
                    leaf.get("stride").asLong(), leaf.get("offset").asLong()));
        }
        for (ShardReport shard : shards) {
            for (int i = 0; i < leaves.size(); i++) {
                Leaf leaf = leaves.get(i);
                leaf.finishedEverywhere &= shard.shard().get("leaves").get(i).get("finished")
                        .asBoolean();
            }
            for (ShardReport.Run run : shard.runs()) {
                leaves.get(run.leaf()).runs.add(run);
            }
        }
        TreeMap<Long, ShardReport.Run> slots = new TreeMap<>();
        for (Leaf leaf : leaves) {
            leaf.place(slots);
        }
        boolean coverageKnown =
                shards.stream().allMatch(s -> s.shard().get("coverage").asBoolean());
        boolean timeLimited = shards.stream().anyMatch(s -> s.bounded("time-limit"));
        boolean interrupted = shards.stream().anyMatch(s -> s.bounded("interrupt"));
        long maxRuns = settings.limits().maxRuns();

        Map<List<Integer>, JsonNode> failureNodes = new HashMap<>();
        for (ShardReport shard : shards) {
            for (JsonNode failure : shard.shard().get("failing")) {
                failureNodes.putIfAbsent(ints(failure.get("trace")), failure);
            }
        }
        Findings findings = new Findings(outcome -> {
            JsonNode node = failureNodes.get(outcome.trace());
            if (node == null) {
                throw new IllegalArgumentException(
                        "cannot show a failure as one process would: no shard's report has"
                                + " the command of its simplest run ("
                                + TraceText.format(outcome.trace()) + ")");
            }
            return node.get("command").asText();
        });
        CoverageTree coverage = new CoverageTree();
        Set<Bound> bounds = EnumSet.noneOf(Bound.class);
        long children = 0;
        long j = 0;
        while (!(coverageKnown && coverage.complete()) && !leafExhausted(leaves)) {
            if (j >= maxRuns) {
                bounds.add(Bound.MAX_RUNS);
                break;
            }
            ShardReport.Run run = slots.get(j);
            if (run == null) {
                if (timeLimited || interrupted) {
                    bounds.add(timeLimited ? Bound.TIME_LIMIT : Bound.INTERRUPTED);
                    break;
                }
                throw new IllegalArgumentException("the reports lack run #" + j
                        + " of the exploration: a shard stopped before its part was made");
            }
            Leaf leaf = leaves.get(run.leaf());
            findings.accept(new ExploredRun(j, run.outcome(), List.of(), run.cut(), run.pruned(),
                    run.preemptions(), leaf.origin));
            coverage.add(run.branches());
            leaf.made++;
            children += run.children();
            if (run.cut()) {
                bounds.add(Bound.MAX_DECISIONS);
            }
            if (run.pruned()) {
                bounds.add(Bound.PREEMPTION_BOUND);
            }
            j++;
        }
        boolean systematic = leaves.size() == 1 && !leaves.get(0).order.equals("number");
        long frontier = systematic ? 1 + children - j : Strategy.UNKNOWN;
        Duration elapsed = Duration.ZERO;
        int jobs = 0;
        boolean cutOff = false;
        for (ShardReport shard : shards) {
            Duration took = Duration.ofNanos(
                    (long) (shard.json().get("timing").get("seconds").asDouble() * 1e9));
            elapsed = took.compareTo(elapsed) > 0 ? took : elapsed;
            jobs += shard.json().get("timing").get("jobs").asInt();
            cutOff |= shard.json().get("cut_off").asBoolean();
        }
        CheckReport report = findings.report(first.json().get("module").asText(), settings,
                new Exploration(j, bounds, frontier, elapsed, cutOff));
        JsonReport json = new JsonReport();
        ObjectNode root = json.toJson(report, jobs);
        ArrayNode failures = (ArrayNode) root.get("failures");
        for (int i = 0; i < Math.min(failures.size(), TextReport.MAX_FAILURES_SHOWN); i++) {
            ObjectNode failure = (ObjectNode) failures.get(i);
            JsonNode found = failureNodes.get(ints(failure.get("trace")));
            if (found.has("explanation")) {
                failure.set("minimized", found.get("minimized"));
                failure.set("explanation", found.get("explanation"));
            }
        }
        return new Merged(report, json.text(root), jobs);
    }

    /** Whether a dfs or bfs whose every shard finished has made all its runs. */
    private static boolean leafExhausted(List<Leaf> leaves) {
        for (Leaf leaf : leaves) {
            if (!leaf.order.equals("number") && leaf.finishedEverywhere
                    && leaf.made == leaf.runs.size()) {
                return true;
            }
        }
        return false;
    }

    private static void checkOneExploration(List<ShardReport> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no reports to merge");
        }
        ShardReport first = shards.get(0);
        int count = first.shard().get("count").asInt();
        ShardReport[] byIndex = new ShardReport[count + 1];
        for (ShardReport s : shards) {
            if (!s.json().get("module").equals(first.json().get("module"))
                    || !s.shard().get("module_sha256").equals(first.shard().get("module_sha256"))) {
                throw new IllegalArgumentException("reports of different modules: " + first.name()
                        + " checked " + first.json().get("module").asText() + ", " + s.name()
                        + " checked " + s.json().get("module").asText()
                        + " (or a module with other bytes)");
            }
            for (String field : ShardReport.SHARED) {
                if (!s.shard().get(field).equals(first.shard().get(field))) {
                    throw new IllegalArgumentException("reports of different " + what(field)
                            + ": " + first.name() + " has " + first.shard().get(field) + ", "
                            + s.name() + " has " + s.shard().get(field));
                }
            }
            if (!s.json().get("must_reach").get("declared")
                    .equals(first.json().get("must_reach").get("declared"))) {
                throw new IllegalArgumentException("reports of different flags: " + first.name()
                        + " and " + s.name() + " declare different --must-reach sites");
            }
            first.json().get("settings").fieldNames().forEachRemaining(field -> {
                if (!s.json().get("settings").get(field).equals(first.json().get("settings")
                        .get(field))) {
                    throw new IllegalArgumentException("reports of different flags: "
                            + first.name() + " has " + field + " " + first.json().get("settings")
                                    .get(field) + ", " + s.name() + " has "
                            + s.json().get("settings").get(field));
                }
            });
            if (s.shard().get("count").asInt() != count) {
                throw new IllegalArgumentException("reports of different shard layouts: "
                        + first.name() + " is one of " + count + ", " + s.name() + " one of "
                        + s.shard().get("count").asInt());
            }
            int index = s.shard().get("index").asInt();
            if (byIndex[index] != null) {
                throw new IllegalArgumentException(s.name() + " and " + byIndex[index].name()
                        + " are both shard " + index + "/" + count);
            }
            byIndex[index] = s;
        }
        for (int k = 1; k <= count; k++) {
            if (byIndex[k] == null) {
                throw new IllegalArgumentException(
                        "shard " + k + "/" + count + " is missing: merge needs all " + count
                                + " shards' reports");
            }
        }
    }

    private static String what(String field) {
        return switch (field) {
            case "detwasm" -> "detwasm versions";
            case "run" -> "run options (seed, engine, env, dirs, arguments)";
            default -> field;
        };
    }

    /** The settings a report describes. */
    static CheckSettings settings(JsonNode root) {
        JsonNode s = root.get("settings");
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        for (JsonNode kind : s.get("decisions")) {
            for (DecisionKind k : DecisionKind.values()) {
                if (k.cliName().equals(kind.asText())) {
                    kinds.add(k);
                }
            }
        }
        List<String> mustReach = new ArrayList<>();
        root.get("must_reach").get("declared").forEach(site -> mustReach.add(site.asText()));
        return CheckSettings.builder()
                .strategy(s.get("strategy").asText())
                .decisions(kinds)
                .maxRuns(limit(s.get("max_runs")))
                .maxDecisions(limit(s.get("max_decisions")))
                .preemptionBound(limit(s.get("preemption_bound")))
                .timeLimit(CheckSettings.durationOf(s.get("time_limit").asText()))
                .strategyOptions(texts(s.get("strategy_options")))
                .requireExhaustive(s.get("require_exhaustive").asBoolean())
                .mustReach(mustReach)
                .build();
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> texts = new TreeMap<>();
        object.fields().forEachRemaining(
                field -> texts.put(field.getKey(), field.getValue().asText()));
        return texts;
    }

    private static long limit(JsonNode value) {
        return value.isNull() ? CheckSettings.UNLIMITED : value.asLong();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list;
    }

    /** A strategy of the exploration and the runs the shards made of it. */
    private static final class Leaf {
        private final String origin;
        private final String order;
        private final long stride;
        private final long offset;
        private final List<ShardReport.Run> runs = new ArrayList<>();
        private boolean finishedEverywhere = true;
        private long made;

        Leaf(String origin, String order, long stride, long offset) {
            this.origin = origin;
            this.order = order;
            this.stride = stride;
            this.offset = offset;
        }

        /** Puts each run at its place in the whole exploration. */
        void place(TreeMap<Long, ShardReport.Run> slots) {
            Comparator<ShardReport.Run> inOrder = switch (order) {
                case "dfs" -> Comparator.<ShardReport.Run>comparingInt(r -> r.preemptions())
                        .thenComparing((a, b) -> compare(a.trace(), b.trace(), false));
                case "bfs" -> Comparator.<ShardReport.Run>comparingLong(r -> nonZero(r.trace()))
                        .thenComparing((a, b) -> compare(a.trace(), b.trace(), true));
                default -> Comparator.comparingLong(r -> r.number());
            };
            runs.sort(inOrder);
            for (int p = 0; p < runs.size(); p++) {
                ShardReport.Run run = runs.get(p);
                long position = order.equals("number") ? run.number() : p;
                if (slots.put(stride * position + offset, run) != null) {
                    throw new IllegalArgumentException("two reports hold run "
                            + (stride * position + offset) + " of the exploration");
                }
            }
        }

        private static long nonZero(List<Integer> trace) {
            return trace.stream().filter(c -> c != 0).count();
        }

        /** Traces in lexicographic order; with {@code zeroLast}, 0 after every other choice. */
        private static int compare(List<Integer> a, List<Integer> b, boolean zeroLast) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int x = a.get(i);
                int y = b.get(i);
                if (x != y) {
                    if (zeroLast && (x == 0 || y == 0)) {
                        return x == 0 ? 1 : -1;
                    }
                    return Integer.compare(x, y);
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }
}
