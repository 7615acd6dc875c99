package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.Decision;
import dev.detwasm.scheduler.SchedulerModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an exploration keeps per run is bounded: failing runs beyond a cap are only counted. */
class BoundedFindingsTest {
    private final ModelChecker checker =
            Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                    new ModelCheckModule()).getInstance(ModelChecker.class);

    @Test
    void failingRunsBeyondTheCapAreCountedNotKept() throws Exception {
        // 11 binary selects, every run fails: 2048 distinct failing runs.
        CheckReport report = checker.explore("p.wasm",
                new SyntheticTree(path -> path.size() < 11 ? Decision.select(0, 2) : null,
                        path -> true),
                0, CheckSettings.builder().build(),
                new ReproductionCommand("p.wasm", RunConfig.builder().build(), null),
                ProgressListener.NONE);
        assertEquals(2048, report.runs());
        assertEquals(2048, report.distinctRuns());
        assertEquals(2048, report.failingRuns());
        assertEquals(2048, report.distinctFailures());
        assertEquals(Findings.MAX_KEPT_FAILURES, report.failures().size());
        assertEquals(0, report.failures().get(0).run());
        String text = TextReport.summary(report);
        assertTrue(text.contains("failing runs: 2048 (2048 distinct)"), text);
        // Each run prints its own choices: 2048 outcomes, the first 1000 kept.
        assertEquals(2048, report.distinctOutcomes());
        assertEquals(Findings.MAX_KEPT_OUTCOMES, report.outcomes().size());
        assertTrue(text.contains("outcomes: 2048,"), text);
        assertTrue(text.contains("  ... and 1048 more, only counted\n"), text);
        assertTrue(text.contains("more distinct failing runs: --report FILE.json lists the first"
                + " 1000\n"), text);
    }

    @Test
    void theFingerprintSetCountsDistinctTracesAcrossGrowth() {
        FingerprintSet set = new FingerprintSet();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(set.add(TraceFingerprint.of(List.of(i, i % 7))));
        }
        for (int i = 0; i < 100_000; i += 3) {
            assertFalse(set.add(TraceFingerprint.of(List.of(i, i % 7))));
        }
        List<Integer> longer = new ArrayList<>(List.of(1, 2));
        longer.add(0);
        assertTrue(set.add(TraceFingerprint.of(longer)));
        assertEquals(100_001, set.size());
    }
}
