package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.load.CompiledModuleCache;
import dev.detwasm.host.load.ProgramLoader;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process: run, replay, verify, events, check and the flat form. */
class CommandsTest {
    private static String module() throws URISyntaxException {
        return Path.of(CommandsTest.class.getResource("select.wat").toURI()).toString();
    }

    @Test
    void runTakesOption0AndPrintsItsTrace() throws Exception {
        assertEquals(
                new CliRun(0, "ok\n", "detwasm: trace: 0,0\n"),
                CliRun.of("run", "--print-trace", module()));
    }

    @Test
    void aTraceReplaysTheFailingRun() throws Exception {
        assertEquals(new CliRun(1, "", ""), CliRun.of("run", "--trace", "1,1", module()));
        assertEquals(new CliRun(0, "ok\n", ""), CliRun.of("run", "--trace", "1,0", module()));
    }

    @Test
    void aTraceChoiceOutOfRangeIsAUsageError() throws Exception {
        assertEquals(
                new CliRun(
                        64,
                        "",
                        "detwasm: trace does not fit the program: decision 0 (select) has 2"
                                + " options, the trace says 2\n"),
                CliRun.of("run", "--trace", "2", module()));
    }

    @Test
    void verifyComparesFourRuns() throws Exception {
        assertEquals(
                new CliRun(
                        1,
                        "",
                        "detwasm: verify: 4 runs identical (2 per engine): 6 events, 2 decisions,"
                                + " exit 1\n"),
                CliRun.of("run", "--verify", "--trace", "1,1", module()));
    }

    @Test
    void eventsAreWrittenToAFile(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.txt");
        CliRun.of("run", "--events", events.toString(), "--trace", "1,1", module());
        assertEquals(
                List.of(
                        "t0 decision select 2 -> 1",
                        "t0 wasi model_checker_select(n=2) -> 1",
                        "t0 decision select 2 -> 1",
                        "t0 wasi model_checker_select(n=2) -> 1",
                        "t0 wasi proc_exit(rval=1)",
                        "t0 end exit 1"),
                Files.readAllLines(events, StandardCharsets.UTF_8));
    }

    @Test
    void checkFindsTheFailingRunAndItsReproductionReproduces() throws Exception {
        CliRun check = CliRun.of("check", "--strategy", "bfs", module());
        assertEquals(73, check.exitCode(), check.stdout());
        assertTrue(check.stdout().contains("runs: 4 "), check.stdout());
        Matcher repro = Pattern.compile("detwasm run [^\\n]*--trace '?([0-9*,]+)'?").matcher(check.stdout());
        assertTrue(repro.find(), check.stdout());
        assertEquals("1,1", repro.group(1));
        assertEquals(new CliRun(1, "", ""), CliRun.of("run", "--trace", repro.group(1), module()));
    }

    @Test
    void checkIsTheSameWithTwoJobs() throws Exception {
        String one = CliRun.of("check", "--strategy", "dfs", module()).stdout();
        String two = CliRun.of("check", "--strategy", "dfs", "--jobs", "2", module()).stdout();
        assertEquals(withoutTiming(one), withoutTiming(two).replace("2 jobs", "1 job"));
    }

    @Test
    void theSeedsFlatFormRunsAndModelChecks() throws Exception {
        assertEquals(new CliRun(0, "ok\n", ""), CliRun.of(module()));
        assertEquals(new CliRun(1, "", ""), CliRun.of(module(), "--trace", "1,1"));
        CliRun check = CliRun.of(module(), "--model-check");
        assertEquals(73, check.exitCode(), check.stdout());
        assertTrue(check.stdout().contains("strategy bfs"), check.stdout());
        assertTrue(check.stdout().contains("runs: 4 "), check.stdout());
    }

    @Test
    void runsFillTheCompileCacheUnlessToldNotTo(@TempDir Path dir) throws Exception {
        // A module of its own (its data names the temporary directory), so no run made it before.
        Path module = dir.resolve("m.wat");
        Files.writeString(module, "(module (memory 1) (data (i32.const 0) \"" + dir
                + "\") (func (export \"_start\")))");
        var cache = new CompiledModuleCache(Path.of(System.getenv("DETWASM_CACHE")));
        byte[] wasm = new ProgramLoader().binary(module);

        assertEquals(new CliRun(0, "", ""), CliRun.of("run", "--no-cache", module.toString()));
        assertFalse(cache.contains(wasm));
        assertEquals(new CliRun(0, "", ""), CliRun.of("run", module.toString()));
        assertTrue(cache.contains(wasm));
        assertEquals(new CliRun(0, "", ""), CliRun.of("run", module.toString()));
        assertEquals(
                new CliRun(0, "", ""),
                CliRun.of("run", "--engine", "interpreter", module.toString()));
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("detwasm "), version.stdout());
        CliRun help = CliRun.of("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--trace-wasi"), help.stdout());
        assertTrue(CliRun.of("--help").stdout().contains("Exit codes:"));
    }

    @Test
    void everyHelpEndsWithExamplesThenExitCodes() {
        for (String[] command : new String[][] {{"--help"}, {"run", "--help"}, {"check", "--help"}}) {
            String help = CliRun.of(command).stdout();
            int examples = help.indexOf("\nExamples:\n");
            int exitCodes = help.indexOf("\nExit codes:\n");
            assertTrue(examples > 0 && exitCodes > examples, help);
            long shown = help.substring(examples, exitCodes).lines()
                    .filter(l -> l.startsWith("  detwasm ")).count();
            assertTrue(shown >= 2 && shown <= 3, help);
            String codes = help.substring(exitCodes + 1).stripTrailing();
            assertTrue(codes.contains("internal error in detwasm") && !codes.contains("\n\n"),
                    help);
        }
    }

    private static String withoutTiming(String report) {
        return report.replaceAll("(?m)^time: .*$", "time");
    }
}
