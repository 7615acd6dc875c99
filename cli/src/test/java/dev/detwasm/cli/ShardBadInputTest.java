package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad --shard, and reports merge cannot combine: exit 64 with one line (issue 16). */
class ShardBadInputTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--shard 0/3 --report r.json | needs 1 <= K <= N, got 0/3",
        "--shard 4/3 --report r.json | needs 1 <= K <= N, got 4/3",
        "--shard 1/0 --report r.json | needs N >= 1, got 0",
        "--shard two --report r.json | takes K/N with whole numbers",
        "--shard 1/2 | --shard needs --report FILE.json",
        "--shard 1/2 --report r.json --stop-on-first | --stop-on-first cannot be sharded",
        "--shard 1/2 --report r.json --max-runs none | --max-runs none needs --strategy dfs"
    })
    void aBadShardIsAUsageError(String flags, String message) throws Exception {
        String[] words = (flags.replace("r.json", dir.resolve("r.json").toString()) + " "
                + module("select.wat")).split(" ");
        String[] args = new String[words.length + 1];
        args[0] = "check";
        System.arraycopy(words, 0, args, 1, words.length);
        assertOneLineUsageError(CliRun.of(args), message);
    }

    @Test
    void mergeRefusesWhatIsNotOneExplorationsShards() throws Exception {
        Path a = shard("select.wat", 1);
        Path b = shard("select.wat", 2);
        Path other = shard("selects.wat", 2);
        Path notJson = Files.writeString(dir.resolve("bad.json"), "{ \"format\": ");
        Path whole = dir.resolve("whole.json");
        CliRun.of("check", "--report", whole.toString(), module("select.wat"));

        assertOneLineUsageError(merge(a, notJson), "bad.json is not JSON");
        assertOneLineUsageError(merge(a, dir.resolve("none.json")), "no such report");
        assertOneLineUsageError(merge(a, whole), "is not a shard's report");
        assertOneLineUsageError(merge(a, other), "reports of different modules");
        assertOneLineUsageError(merge(a), "shard 2/2 is missing");
        assertOneLineUsageError(merge(a, a), "are both shard 1/2");
        assertEquals(73, merge(b, a).exitCode(), "a run of select.wat fails");
    }

    private Path shard(String module, int k) throws Exception {
        Path report = dir.resolve(module + k + ".json");
        CliRun run = CliRun.of("check", "--shard", k + "/2", "--report", report.toString(),
                module(module));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 73, run.stderr());
        return report;
    }

    private static CliRun merge(Path... reports) {
        String[] args = new String[reports.length + 1];
        args[0] = "merge";
        for (int i = 0; i < reports.length; i++) {
            args[i + 1] = reports[i].toString();
        }
        return CliRun.of(args);
    }

    private static void assertOneLineUsageError(CliRun run, String message) {
        assertEquals(64, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("detwasm: ") && run.stderr().contains(message),
                run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
    }

    private static String module(String name) throws Exception {
        return Path.of(ShardBadInputTest.class.getResource(name).toURI()).toString();
    }
}
