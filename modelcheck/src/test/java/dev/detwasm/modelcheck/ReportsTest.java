package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.debug.GuestFrame;
import dev.detwasm.host.explain.Explanation;
import dev.detwasm.host.explain.Step;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.Termination;
import dev.detwasm.scheduler.SchedulerModule;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportsTest {
    private final ModelChecker checker =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new ModelCheckModule()).getInstance(ModelChecker.class);

    /** Two selects; [1,1] exits 1; every run reaches a.c:3, runs starting with 1 reach a.c:9. */
    private final SyntheticTree tree =
            new SyntheticTree(
                    path -> path.size() < 2 ? Decision.select(0, 2) : null,
                    path -> path.equals(List.of(1, 1)),
                    path -> path.get(0) == 1
                            ? List.of("/src/a.c:3:1", "/src/a.c:9:5", "/src/a.c:3:1")
                            : List.of("/src/a.c:3:1"));

    private CheckReport check() throws Exception {
        return checker.explore(
                "p.wasm", tree, 0,
                CheckSettings.builder().strategy("bfs").mustReach(List.of("a.c:9", "a.c:12"))
                        .build(),
                new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                ProgressListener.NONE);
    }

    @Test
    void theTextSummaryTellsEverythingButTheTiming() throws Exception {
        assertEquals(
                """
                check p.wasm: strategy bfs, decisions schedule,select,wake,timer, preemption bound 2
                runs: 4 (4 distinct), outcomes: 4, failing runs: 1 (1 distinct)
                exploration: exhaustive

                outcomes:
                  1. exit 0, 1 run, first run #0 (trace 0,0), stdout "[0, 0]\\n"
                  2. exit 0, 1 run, first run #2 (trace 0,1), stdout "[0, 1]\\n"
                  3. exit 0, 1 run, first run #1 (trace 1,0), stdout "[1, 0]\\n"
                  4. exit 1, 1 run, first run #3 (trace 1,1), stdout "[1, 1]\\n"

                failure 1: exit 1 in thread 0
                  1 run, first run #3 (found by bfs); simplest: run #3, 0 preemptions, 2 decisions
                  trace: 1,1
                  reproduce: detwasm run --trace 1,1 p.wasm
                  stdout:
                    | [1, 1]
                  stderr: (empty)

                must_reach: 2 sites reached, 1 of 2 declared not reached
                  reached /src/a.c:3:1 in 4 runs (first run #0)
                  reached /src/a.c:9:5 in 2 runs (first run #1)
                  NOT REACHED a.c:12 (declared with --must-reach)
                """,
                TextReport.summary(check()));
    }

    @Test
    void theTimingLineFollowsTheSummaryAndTheVerdictEndsTheReport() throws Exception {
        CheckReport report = check();
        String text = TextReport.render(report, 2);
        assertTrue(text.startsWith(TextReport.summary(report) + "\ntime: "), text);
        assertTrue(text.endsWith(" s, 2 jobs, " + String.format(java.util.Locale.ROOT, "%.1f",
                report.runsPerSecond()) + " runs/s\n"
                + "FAILED: 1 failing run of 4, 1 distinct failure; the first at run #3, found by"
                + " bfs\n"), text);
    }

    @Test
    void aFailureOrAnUnreachedDeclaredSiteFailsTheCheck() throws Exception {
        CheckReport report = check();
        assertTrue(report.failed());
        assertEquals(ExitCodes.FAILURE_FOUND, report.exitCode());
        CheckReport clean =
                checker.explore("p.wasm", SyntheticTree.uniform(2, 2), 0,
                        CheckSettings.builder().build(),
                        new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                        ProgressListener.NONE);
        assertEquals(0, clean.exitCode());
    }

    @Test
    void aBoundedExplorationNamesItsBoundsWithTheirValues() throws Exception {
        CheckReport report =
                checker.explore("p.wasm", new SyntheticThreads(new int[] {3, 3}, -1), 0,
                        CheckSettings.builder().maxRuns(3).preemptionBound(1).build(),
                        new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                        ProgressListener.NONE);
        assertEquals("bounded by max-runs 3, preemption-bound 1", TextReport.completeness(report));
    }

    private CheckReport cutShort(boolean requireExhaustive) throws Exception {
        return checker.explore("p.wasm", new SyntheticThreads(new int[] {3, 3}, -1), 0,
                CheckSettings.builder().strategy("dfs").maxRuns(3).preemptionBound(1)
                        .requireExhaustive(requireExhaustive).build(),
                new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                ProgressListener.NONE);
    }

    @Test
    void aCutShortExplorationWithoutFailureSaysSoLast() throws Exception {
        CheckReport report = cutShort(false);
        String text = TextReport.render(report, 1);
        assertTrue(text.endsWith("\nno failure found in 3 runs, but NOT exhaustive: cut short by"
                + " max-runs 3 (at least " + report.frontier()
                + (report.frontier() == 1 ? " run" : " runs") + " left unexplored),"
                + " preemption-bound 1 (runs with more preemptions not made); runs not made may"
                + " fail\n"), text);
        assertTrue(report.frontier() > 0);
        assertEquals(0, report.exitCode());
        JsonNode json = new ObjectMapper().readTree(new JsonReport().render(report, 1));
        assertFalse(json.get("exhaustive").asBoolean());
        assertEquals(report.frontier(), json.get("frontier").asLong());
        assertEquals(TextReport.verdict(report), json.get("verdict").asText());
    }

    @Test
    void requireExhaustiveFailsACutShortExplorationWithItsOwnCode() throws Exception {
        CheckReport report = cutShort(true);
        assertEquals(ExitCodes.NOT_EXHAUSTIVE, report.exitCode());
        assertEquals(75, report.exitCode());
        Document xml = parse(new JunitReport().render(report));
        Element exploration = (Element) xml.getElementsByTagName("testcase").item(0);
        Element failure = (Element) exploration.getElementsByTagName("failure").item(0);
        assertEquals("not-exhaustive", failure.getAttribute("type"));
        assertEquals(TextReport.verdict(report), failure.getAttribute("message"));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("1", suite.getAttribute("failures"));
        NodeList properties = suite.getElementsByTagName("property");
        assertEquals("exhaustive", ((Element) properties.item(0)).getAttribute("name"));
        assertEquals("false", ((Element) properties.item(0)).getAttribute("value"));
        assertEquals("max-runs,preemption-bound",
                ((Element) properties.item(1)).getAttribute("value"));
    }

    @Test
    void anExhaustiveExplorationWithoutFailureSaysItMadeEveryRun() throws Exception {
        CheckReport report =
                checker.explore("p.wasm", SyntheticTree.uniform(2, 2), 0,
                        CheckSettings.builder().requireExhaustive(true).build(),
                        new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                        ProgressListener.NONE);
        assertEquals("no failure in " + report.runs() + " runs, exhaustive: every run of the tree"
                + " of decisions was made", TextReport.verdict(report));
        assertEquals(0, report.exitCode());
    }

    @Test
    void theTextShowsTheFirstFailuresAndTheJsonAllOfThem() throws Exception {
        SyntheticTree tree = SyntheticTree.uniform(5, 2);
        RunExecutor everyRunItsOwnExitCode =
                source -> {
                    RunOutcome o = tree.execute(source);
                    int code = 1;
                    for (int choice : o.trace()) {
                        code = 2 * code + choice;
                    }
                    return new RunOutcome(Termination.exit(0, code - 31), o.stdout(), o.stderr(),
                            o.trace(), o.decisionKinds(), o.reachedSites(), "");
                };
        CheckReport failing =
                checker.explore("p.wasm", everyRunItsOwnExitCode, 0,
                        CheckSettings.builder().strategy("dfs").build(),
                        new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                        ProgressListener.NONE);
        String text = TextReport.summary(failing);
        assertTrue(text.contains("\nfailure 20: exit 20 in thread 0\n"), text);
        assertFalse(text.contains("\nfailure 21: "), text);
        assertTrue(text.contains("\n... and 12 more distinct failures: --report FILE.json"
                + " lists them all\n"), text);
        assertEquals(32, new ObjectMapper().readTree(new JsonReport().render(failing, 1))
                .get("failures").size());
    }

    @Test
    void theJsonReportHasEveryFinding() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReport().render(check(), 3));
        assertEquals(2, json.get("format").asInt());
        assertEquals("p.wasm", json.get("module").asText());
        assertEquals("bfs", json.at("/settings/strategy").asText());
        assertEquals("[\"schedule\",\"select\",\"wake\",\"timer\"]",
                json.at("/settings/decisions").toString());
        assertEquals(10000, json.at("/settings/max_runs").asLong());
        assertTrue(json.at("/settings/max_decisions").isNull());
        assertEquals(2, json.at("/settings/preemption_bound").asInt());
        assertEquals(4, json.get("runs").asInt());
        assertEquals(4, json.get("distinct_runs").asInt());
        assertTrue(json.get("exhaustive").asBoolean());
        assertEquals(0, json.get("bounded_by").size());
        assertTrue(json.get("failed").asBoolean());
        assertEquals(73, json.get("exit_code").asInt());
        assertTrue(json.get("frontier").isNumber());
        assertEquals("FAILED: 1 failing run of 4, 1 distinct failure; the first at run #3, found"
                + " by bfs", json.get("verdict").asText());
        assertEquals(4, json.get("outcomes").size());
        assertEquals("[1, 1]\n", json.at("/outcomes/3/stdout").asText());
        assertEquals(1, json.get("failing_runs").asInt());
        JsonNode failure = json.at("/failures/0");
        assertEquals(3, failure.get("run").asInt());
        assertEquals(1, failure.get("runs").asInt());
        assertEquals(3, failure.get("first_run").asInt());
        assertEquals("bfs", failure.get("found_by").asText());
        assertEquals(0, failure.get("preemptions").asInt());
        assertEquals("exit", failure.get("kind").asText());
        assertEquals(1, failure.get("exit_code").asInt());
        assertEquals("[1,1]", failure.get("trace").toString());
        assertEquals("detwasm run --trace 1,1 p.wasm", failure.get("command").asText());
        assertEquals("[1, 1]\n", failure.get("stdout").asText());
        assertEquals("", failure.get("stderr").asText());
        assertEquals("/src/a.c:9:5", json.at("/must_reach/reached/1/site").asText());
        assertEquals(2, json.at("/must_reach/reached/1/runs").asInt());
        assertEquals("[\"a.c:9\",\"a.c:12\"]", json.at("/must_reach/declared").toString());
        assertEquals("[\"a.c:12\"]", json.at("/must_reach/unreached").toString());
        assertEquals(3, json.at("/timing/jobs").asInt());
        assertTrue(json.at("/timing/seconds").isNumber());
    }

    /**
     * The explanation of a long failing run (a Python program's has hundreds of thousands of
     * steps) is as long in JSON as in the text: its first and last rows and how many are
     * between; the whole run's rows made an out-of-memory.
     */
    @Test
    void aLongExplanationKeepsTheRowsTheTextShows() throws Exception {
        CheckReport report = check();
        FailingRun found = report.failures().get(0);
        List<GuestFrame> stack = List.of(new GuestFrame(7, "deposit", Optional.empty(), false));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            steps.add(new Step(i % 2, Step.Kind.WASI, "sched_yield() -> 0", stack));
        }
        Explanation explanation = new Explanation(2, steps, Map.of(1, stack), List.of(), false,
                Optional.empty());
        ExplainedFinding explained = new ExplainedFinding(found, found,
                new Minimized(found.trace(), 0, 2, 0, 2, 1, false), explanation);
        JsonNode json = new ObjectMapper().readTree(
                new JsonReport().render(report, 1, List.of(explained)));
        JsonNode e = json.at("/failures/0/explanation");
        assertEquals(300_000, e.get("total_steps").asInt());
        assertEquals(0, e.get("steps_without_lines").asInt());
        assertEquals(40, e.get("steps").size());
        assertEquals(1, e.at("/steps/0/step").asInt());
        assertEquals("wasi", e.at("/steps/0/kind").asText());
        assertEquals("deposit", e.at("/steps/0/stack/0/name").asText());
        assertEquals(300_000 - 200, e.get("rows_skipped").asInt());
        assertEquals(160, e.get("tail").size());
        assertEquals(300_000, e.at("/tail/159/step").asInt());
        assertEquals(1, e.at("/tail/159/thread").asInt());
        assertEquals("deposit", e.at("/final_stacks/t1/0/name").asText());
    }

    @Test
    void theJunitReportIsValidJunitXml() throws Exception {
        Document xml = parse(new JunitReport().render(check()));
        Element suites = xml.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("detwasm check p.wasm", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        assertEquals("exploration", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
        Element failingRun = (Element) cases.item(1);
        assertEquals("failure 1: exit in thread 0", failingRun.getAttribute("name"));
        Element failure = (Element) failingRun.getElementsByTagName("failure").item(0);
        assertEquals("exit", failure.getAttribute("type"));
        assertEquals("exit 1 in thread 0", failure.getAttribute("message"));
        assertEquals("trace: 1,1\nreproduce: detwasm run --trace 1,1 p.wasm\n",
                failure.getTextContent());
        assertEquals("[1, 1]\n",
                failingRun.getElementsByTagName("system-out").item(0).getTextContent());
        assertEquals("must_reach a.c:9", ((Element) cases.item(2)).getAttribute("name"));
        assertEquals(0, ((Element) cases.item(2)).getElementsByTagName("failure").getLength());
        assertEquals("must_reach a.c:12", ((Element) cases.item(3)).getAttribute("name"));
        assertEquals("no run of 4 reached a.c:12",
                ((Element) ((Element) cases.item(3)).getElementsByTagName("failure").item(0))
                        .getAttribute("message"));
    }

    @Test
    void theJunitReportCarriesAnyGuestOutput() throws Exception {
        RunExecutor binary =
                source -> new RunOutcome(Termination.trap(1, "unreachable"),
                        new byte[] {'a', 1, 0, (byte) 0xff, '<', '&', '\n'}, new byte[] {27, '['},
                        List.of(), List.of(), List.of(), "");
        CheckReport report =
                checker.explore("p.wasm", binary, 0, CheckSettings.builder().build(),
                        new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                        ProgressListener.NONE);
        Document xml = parse(new JunitReport().render(report));
        Element out = (Element) xml.getElementsByTagName("system-out").item(1);
        assertEquals("a\ufffd\ufffd\ufffd<&\n", out.getTextContent());
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("trap", failure.getAttribute("type"));
        assertEquals("trap in thread 1: unreachable", failure.getAttribute("message"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
    }
}
