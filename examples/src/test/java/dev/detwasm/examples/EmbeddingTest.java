package dev.detwasm.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.embed.Sandbox;
import dev.detwasm.examples.clock.StartInstantClockModule;
import dev.detwasm.examples.hostlog.HostLogModule;
import dev.detwasm.examples.strategy.RotateStrategyModule;
import dev.detwasm.host.Engine;
import dev.detwasm.host.RunResult;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.FailingRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The embedding API as a JUnit user would use it, with the example plugins. */
class EmbeddingTest {
    static final Path LOST_UPDATE = Path.of("wat/lost_update.wat");
    static final Path HOST_LOG = Path.of("wat/host_log.wat");
    static final Path CLOCK = Path.of("../testdata/wat/clock.wasm");

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void modelCheckingWithThePluginStrategyFindsTheLostUpdate(Engine engine) throws Exception {
        Sandbox sandbox = Sandbox.builder(LOST_UPDATE)
                .withEngine(engine)
                .withModules(new RotateStrategyModule())
                .withStrategy("rotate")
                .build();
        CheckReport report = sandbox.check();
        assertEquals(report.runs(), sandbox.check().runs(), "the same exploration twice");
        assertEquals(3, report.runs());
        assertEquals(1, report.failures().size());
        FailingRun failure = report.failures().get(0);
        assertEquals("exit 1 in thread 0", failure.description());
        assertEquals("counter=1\n", text(failure.stdout()));
        assertTrue(failure.command().startsWith("detwasm run "), failure.command());
        assertTrue(failure.command().contains(" --trace "), failure.command());
        assertTrue(failure.command().endsWith(" wat/lost_update.wat"), failure.command());

        RunResult replay = Sandbox.builder(LOST_UPDATE)
                .withEngine(engine)
                .withTrace(failure.trace())
                .build()
                .run();
        assertEquals(1, replay.exitCode());
        assertArrayEquals(failure.stdout(), replay.stdout());
        assertEquals(failure.trace(), replay.trace());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyFailureDfsFindsLosesAnUpdate(Engine engine) throws Exception {
        CheckReport report = Sandbox.builder(LOST_UPDATE).withEngine(engine).build().check();
        assertTrue(report.exhaustive() || !report.failures().isEmpty());
        assertTrue(!report.failures().isEmpty());
        for (FailingRun failure : report.failures()) {
            assertEquals("counter=1\n", text(failure.stdout()), failure.command());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theClockPluginStartsTheClocksAtItsInstant(Engine engine) throws Exception {
        Instant incident = Instant.parse("2020-02-02T20:20:20.5Z");
        Sandbox sandbox = Sandbox.builder(CLOCK)
                .withEngine(engine)
                .withModules(new StartInstantClockModule(incident))
                .build();
        for (int i = 0; i < 2; i++) {
            List<String> lines = text(sandbox.run().stdout()).lines().toList();
            assertEquals("realtime  = 1580674820500000000", lines.get(0));
            assertEquals("monotonic = 1580674820500000000", lines.get(1));
            // an hour's sleep later, as without the plugin
            assertEquals("realtime  = 1580678420500000000", lines.get(4));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theHostFunctionPluginLogsAndReturnsEfaultForABadPointer(Engine engine)
            throws Exception {
        Sandbox sandbox = Sandbox.builder(HOST_LOG)
                .withEngine(engine)
                .withModules(new HostLogModule())
                .build();
        for (int i = 0; i < 2; i++) {
            RunResult result = sandbox.run();
            assertEquals("host_log: hello from the guest\n", text(result.stdout()));
            assertEquals(21, result.exitCode());
        }
    }
}
