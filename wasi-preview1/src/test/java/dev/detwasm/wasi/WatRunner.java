package dev.detwasm.wasi;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.scheduler.SchedulerModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs WAT programs end to end: host-core's loader and runner, the real scheduler, and this
 * module's host modules, all wired by Guice as the CLI wires them.
 */
final class WatRunner {
    private final Injector injector;
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    WatRunner() {
        this(Modules.EMPTY_MODULE);
    }

    /** A runner whose WASI bindings {@code overrides} replaces, as a plugin does. */
    WatRunner(Module overrides) {
        injector = Guice.createInjector(new HostCoreModule(), new SchedulerModule(),
                Modules.override(new WasiPreview1Module()).with(overrides));
    }

    /** What one run produced, with the diagnostics ({@code --trace-wasi}) it printed. */
    record Outcome(RunResult result, String diagnostics) {
        int exitCode() {
            return result.exitCode();
        }

        String stdout() {
            return new String(result.stdout(), StandardCharsets.UTF_8);
        }

        String stderr() {
            return new String(result.stderr(), StandardCharsets.UTF_8);
        }
    }

    Injector injector() {
        return injector;
    }

    Outcome run(String wat, RunConfig config) {
        diagnostics.reset();
        try (PrintStream out = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
            var program = new ProgramLoader().load("t.wat", wat.getBytes(StandardCharsets.UTF_8));
            RunResult result = injector.getInstance(Runner.class)
                    .run(program, config, GuestOutput.captured(), out);
            return new Outcome(result, diagnostics.toString(StandardCharsets.UTF_8));
        } catch (LoadException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }
}
