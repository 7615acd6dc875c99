package dev.detwasm.bench.modelcheck;

import com.google.inject.Guice;
import dev.detwasm.host.HostCoreModule;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.modelcheck.CheckReport;
import dev.detwasm.modelcheck.CheckSettings;
import dev.detwasm.modelcheck.ModelCheckModule;
import dev.detwasm.modelcheck.ModelChecker;
import dev.detwasm.modelcheck.ProgressListener;
import dev.detwasm.modelcheck.ReproductionCommand;
import dev.detwasm.scheduler.SchedulerModule;
import dev.detwasm.wasi.WasiPreview1Module;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code detwasm check} as the CLI makes it: {@link ModelChecker#check} wired by the product's
 * Guice modules, built once per trial. The JMH state the model-checking benchmarks share; each
 * names its program, run configuration and settings ({@link #use}) in its own setup.
 */
@State(Scope.Benchmark)
public class ModelCheckerState {
    private ModelChecker checker;
    private Program program;
    private RunConfig config;
    private CheckSettings settings;
    private ReproductionCommand reproduction;

    @Setup
    public void setUp() {
        checker =
                Guice.createInjector(
                                new HostCoreModule(),
                                new SchedulerModule(),
                                new WasiPreview1Module(),
                                new ModelCheckModule())
                        .getInstance(ModelChecker.class);
    }

    /** What {@link #check} explores; returns its first exploration, for the caller to check. */
    CheckReport use(Program program, RunConfig config, CheckSettings settings)
            throws LoadException {
        this.program = program;
        this.config = config;
        this.settings = settings;
        this.reproduction = new ReproductionCommand(program.name(), config, null);
        return check();
    }

    /** One whole exploration. */
    CheckReport check() throws LoadException {
        return checker.check(program, config, settings, reproduction, ProgressListener.NONE);
    }
}
