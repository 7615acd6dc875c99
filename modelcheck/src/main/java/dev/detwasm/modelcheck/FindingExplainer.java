package dev.detwasm.modelcheck;

import dev.detwasm.host.GuestOutput;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.RunResult;
import dev.detwasm.host.Runner;
import dev.detwasm.host.decide.FifoPolicy;
import dev.detwasm.host.decide.ReplayTrace;
import dev.detwasm.host.explain.ExplainedRun;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a failing run into what a person reads: minimizes it ({@link Minimizer}), then replays
 * the minimized run with its steps recorded ({@link Runner#explain}). Costs at most the budget's
 * replays plus one, per failing run; the exploration itself records nothing.
 */
public final class FindingExplainer {
    private final Runner runner;

    @Inject
    public FindingExplainer(Runner runner) {
        this.runner = runner;
    }

    public ExplainedFinding explain(
            Program program,
            RunConfig config,
            ReproductionCommand reproduction,
            FailingRun failure,
            Set<DecisionKind> kinds,
            MinimizeBudget budget)
            throws LoadException {
        Minimized minimized =
                new Minimizer(runner, program, config, kinds)
                        .minimize(failure.trace(), failure.termination(), budget);
        // a minimized trace lists every decision of the run, of every kind
        Set<DecisionKind> every = EnumSet.allOf(DecisionKind.class);
        RunConfig.Builder replay =
                config.toBuilder().trace(minimized.trace()).traceKinds(every).traceWasi(false);
        if (failure.termination().kind() != Termination.Kind.STEP_BUDGET
                && config.preemptEvery() == 0
                && config.preemptAt() == PreemptAt.SYNC) {
            // The budget adds no decisions and the run ends within it: replay the module as
            // built, so the explanation has its source lines (the fuel pass moves code).
            replay.maxSteps(0);
        }
        ExplainedRun explained =
                runner.explain(
                        program,
                        replay.build(),
                        GuestOutput.captured(),
                        new PrintStream(OutputStream.nullOutputStream()),
                        new ReplayTrace(minimized.trace(), every, new FifoPolicy()));
        RunResult run = explained.result();
        FailingRun shown =
                new FailingRun(
                        failure.run(),
                        failure.occurrences(),
                        failure.firstRun(),
                        failure.foundBy(),
                        minimized.preemptions(),
                        run.termination(),
                        run.trapFunction(),
                        minimized.trace(),
                        reproduction.forRun(RunOutcome.of(run, List.of()), minimized.trace()),
                        run.stdout(),
                        run.stderr());
        return new ExplainedFinding(failure, shown, minimized, explained.explanation());
    }

    /** The failing runs a text report shows in full, explained, in the report's order. */
    public List<ExplainedFinding> explainShown(
            Program program,
            RunConfig config,
            ReproductionCommand reproduction,
            CheckReport report,
            MinimizeBudget budget)
            throws LoadException {
        List<FailingRun> failures = report.failures();
        List<ExplainedFinding> result = new ArrayList<>();
        for (FailingRun failure :
                failures.subList(0, Math.min(failures.size(), TextReport.MAX_FAILURES_SHOWN))) {
            result.add(explain(
                    program, config, reproduction, failure, report.settings().decisions(), budget));
        }
        return result;
    }
}
