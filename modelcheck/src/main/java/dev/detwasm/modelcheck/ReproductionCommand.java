package dev.detwasm.modelcheck;

import dev.detwasm.host.Engine;
import dev.detwasm.host.Mount;
import dev.detwasm.host.PreemptAt;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.TraceText;
import dev.detwasm.host.spi.DecisionKind;
import dev.detwasm.host.spi.Termination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code detwasm run} command that makes one explored run again: the options of the
 * checked run (those that change what a run does; the explorer's own are left out) and the
 * run's whole trace, which decides every decision so no schedule policy is needed. The step
 * budget is named only for a run that ran out of it: a run that ended before its budget ends
 * the same way without one.
 *
 * <p>In the seed's form ({@link #seedForm}, for {@code detwasm MODULE --model-check}) it is
 * {@code detwasm MODULE [--env K=V]... --trace C1,C2 [ARGS]}, whose trace lists only the
 * {@code model_checker_select} choices, as the seed printed it: the flat form replays them
 * under fifo, which is what a select-only check does with every other decision.
 */
public final class ReproductionCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private final List<String> moduleFlags;
    private final String module;
    private final RunConfig config;
    private final String stdinFile;
    private final List<String> hostOptions;
    private final boolean seedForm;

    /**
     * @param module the module as the user named it
     * @param config the checked run's options
     * @param stdinFile the file the guest's stdin came from, or null when it came from
     *     detwasm's own stdin (the command then says that the same input is needed)
     */
    public ReproductionCommand(String module, RunConfig config, String stdinFile) {
        this(List.of(), List.of(), module, config, stdinFile);
    }

    /**
     * The same, for a module named with flags that say what it is ({@code --python
     * SCRIPT}); {@code config} is the run as the user gave it, before those flags expand it.
     */
    public ReproductionCommand(
            List<String> moduleFlags, String module, RunConfig config, String stdinFile) {
        this(List.of(), moduleFlags, module, config, stdinFile);
    }

    /**
     * The same, after options that shape the host rather than the run, such as {@code
     * --plugin PATH}, put first as given.
     */
    public ReproductionCommand(
            List<String> hostOptions,
            List<String> moduleFlags,
            String module,
            RunConfig config,
            String stdinFile) {
        this(hostOptions, moduleFlags, module, config, stdinFile, false);
    }

    private ReproductionCommand(
            List<String> hostOptions,
            List<String> moduleFlags,
            String module,
            RunConfig config,
            String stdinFile,
            boolean seedForm) {
        this.hostOptions = List.copyOf(hostOptions);
        this.moduleFlags = List.copyOf(moduleFlags);
        this.module = module;
        this.config = config;
        this.stdinFile = stdinFile;
        this.seedForm = seedForm;
    }

    /**
     * Commands in the seed's flat form, for a check that branches on select decisions only;
     * options the flat form does not take (--stdin, --max-steps, --max-memory) never differ
     * from their defaults there, since the flat form passes them to the guest.
     */
    public static ReproductionCommand seedForm(String module, RunConfig config) {
        return new ReproductionCommand(List.of(), List.of(), module, config, null, true);
    }

    /**
     * The command that makes {@code run} again: {@link #forRun(Termination, List)}, or the
     * seed's form.
     */
    public String forRun(RunOutcome run) {
        if (!seedForm) {
            return forRun(run.termination(), run.trace());
        }
        List<Integer> selects = new ArrayList<>();
        for (int i = 0; i < run.trace().size(); i++) {
            if (run.decisionKinds().get(i) == DecisionKind.SELECT) {
                selects.add(run.trace().get(i));
            }
        }
        List<String> words = new ArrayList<>(List.of("detwasm", module));
        options(words);
        if (!selects.isEmpty()) {
            words.add("--trace");
            words.add(TraceText.format(selects));
        }
        if (argsLookLikeFlags()) {
            words.add("--");
        }
        return line(words);
    }

    /**
     * The command that makes {@code run} again, given a prefix of its trace after which every
     * choice is fifo's: {@link #forRun(Termination, List)} with the prefix, or the seed's form,
     * which lists every select choice of the run.
     */
    public String forRun(RunOutcome run, List<Integer> prefix) {
        return seedForm ? forRun(run) : forRun(run.termination(), prefix);
    }

    /** The command that replays {@code trace}, ready to paste into a POSIX shell. */
    public String forTrace(List<Integer> trace) {
        return command(trace, false);
    }

    /** The command that makes the run that ended with {@code ending} along {@code trace}. */
    public String forRun(Termination ending, List<Integer> trace) {
        return command(trace, ending.kind() == Termination.Kind.STEP_BUDGET);
    }

    private String command(List<Integer> trace, boolean withBudget) {
        List<String> words = new ArrayList<>(List.of("detwasm", "run"));
        words.addAll(hostOptions);
        options(words);
        if (withBudget && config.maxSteps() != 0) {
            words.add("--max-steps");
            words.add(String.valueOf(config.maxSteps()));
        }
        if (config.preemptEvery() != 0) {
            words.add("--preempt-every");
            words.add(String.valueOf(config.preemptEvery()));
        }
        if (config.nsPerStep() != 0) {
            words.add("--clock");
            words.add(config.nsPerStep() == RunConfig.DEFAULT_NS_PER_STEP
                    ? "steps" : "steps=" + config.nsPerStep());
        }
        if (config.preemptAt() != PreemptAt.SYNC) {
            words.add("--preempt-at");
            words.add(config.preemptAt().cliName());
        }
        if (config.maxMemoryPages() != RunConfig.MAX_MEMORY_UNSET) {
            words.add("--max-memory");
            words.add(String.valueOf(config.maxMemoryPages()));
        }
        if (stdinFile != null) {
            words.add("--stdin");
            words.add(stdinFile);
        }
        if (!trace.isEmpty()) {
            words.add("--trace");
            words.add(TraceText.format(trace));
        }
        words.addAll(moduleFlags);
        if (module.startsWith("-") || argsLookLikeFlags()) {
            words.add("--");
        }
        words.add(module);
        return line(words);
    }

    /** The options both forms share: those of the run the flat form takes too. */
    private void options(List<String> words) {
        if (config.engine() != Engine.AOT) {
            words.add("--engine");
            words.add(config.engine().cliName());
        }
        for (Map.Entry<String, String> e : config.env().entrySet()) {
            words.add("--env");
            words.add(e.getKey() + "=" + e.getValue());
        }
        for (Mount m : config.mounts()) {
            words.add("--dir");
            words.add(m.hostPath() + "::" + m.guestPath());
        }
        if (!config.argv0().equals(RunConfig.DEFAULT_ARGV0)) {
            words.add("--argv0");
            words.add(config.argv0());
        }
        if (config.seed() != 0) {
            words.add("--seed");
            words.add(String.valueOf(config.seed()));
        }
    }

    private boolean argsLookLikeFlags() {
        return config.args().stream().anyMatch(a -> a.startsWith("-"));
    }

    /** {@code words}, then the guest's arguments, as one shell line. */
    private String line(List<String> words) {
        words.addAll(config.args());
        String command = words.stream().map(ReproductionCommand::quote).collect(
                Collectors.joining(" "));
        boolean needsInput = stdinFile == null && config.stdin().length > 0;
        return needsInput ? command + "  # with the same stdin as the check" : command;
    }

    /** {@code word} as one POSIX shell word. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
