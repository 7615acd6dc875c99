package dev.detwasm.cli;

import dev.detwasm.host.RunConfig;
import dev.detwasm.host.SchedulePolicy;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.DecisionKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code run} that fix how one run's decisions are taken and watched: the
 * schedule policy, a trace to replay (and the kinds of decision it lists) and the WASI call log. {@code check} takes none of them,
 * since it decides schedules itself and makes many runs.
 */
public final class ReplayOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--schedule",
            paramLabel = "fifo|random|NAME",
            description = "Which runnable thread goes next when no trace decides: fifo (default)"
                    + " never preempts; random picks at every scheduling point, from --seed;"
                    + " a plugin may add others.")
    String schedule = SchedulePolicy.FIFO;

    @Option(
            names = "--trace",
            paramLabel = "C1,C2,...",
            description = "Replay these decisions (as printed by --print-trace or by check;"
                    + " C*N repeats C N times); after the last one the schedule policy decides.")
    String trace = "";

    @Option(
            names = "--decisions",
            paramLabel = "KINDS",
            split = ",",
            converter = DecisionKindsConverter.class,
            description = "The kinds of decision --trace lists, a comma list of schedule, select,"
                    + " wake and timer (default: all), as check's --decisions: the trace of a check"
                    + " with --decisions select lists only model_checker_select choices. The"
                    + " other kinds follow --schedule.")
    List<DecisionKind> decisions = new ArrayList<>(EnumSet.allOf(DecisionKind.class));

    @Option(
            names = "--trace-wasi",
            description = "Log every WASI call with its arguments and result to stderr.")
    boolean traceWasi;

    /** Adds these options to {@code config}. */
    RunConfig.Builder applyTo(RunConfig.Builder config) {
        try {
            return config.schedule(schedule).trace(TraceText.parse(trace))
                    .traceKinds(Set.copyOf(decisions)).traceWasi(traceWasi);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trace: " + e.getMessage());
        }
    }
}
