package dev.detwasm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The seed's flat command line, {@code detwasm MODULE [flags] [ARGS]}, rewritten into the
 * subcommand form. Recognised flags may appear anywhere; every other argument after MODULE
 * goes to the guest, and {@code --} ends the flags. As in the seed, a trace lists the choices
 * of {@code model_checker_select} calls only, under the fifo schedule: the run is a {@code run
 * --decisions select}. {@code --model-check} turns it into a {@code check} with the seed's
 * choices, BFS over select decisions under the fifo schedule, whose reproduction commands are
 * in this flat form.
 */
final class FlatForm {
    private static final Set<String> FLAGS_WITH_VALUE =
            Set.of("--env", "--trace", "--mapdir", "--dir", "--seed", "--engine", "--argv0");
    private static final Set<String> FLAGS = Set.of("--trace-wasi");
    private static final String MODEL_CHECK = "--model-check";

    private FlatForm() {}

    /** Returns {@code args} unchanged unless they are in the flat form. */
    static List<String> rewrite(List<String> args, Set<String> subcommands) {
        if (args.isEmpty() || subcommands.contains(args.get(0)) || isTopLevelOption(args.get(0))) {
            return args;
        }
        List<String> flags = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        boolean modelCheck = false;
        boolean flagsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flagsEnded) {
                positional.add(arg);
            } else if (arg.equals("--")) {
                flagsEnded = true;
            } else if (arg.equals(MODEL_CHECK)) {
                modelCheck = true;
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (FLAGS_WITH_VALUE.contains(name)) {
                flags.add(arg);
                if (!arg.contains("=") && i + 1 < args.size()) {
                    flags.add(args.get(++i));
                }
            } else {
                positional.add(arg);
            }
        }
        List<String> result = new ArrayList<>();
        if (modelCheck) {
            result.addAll(List.of("check", "--strategy", "bfs", "--decisions", "select",
                    CheckCommand.FLAT_REPRODUCTION));
        } else {
            result.addAll(List.of("run", "--decisions", "select"));
        }
        result.addAll(flags);
        result.add("--");
        result.addAll(positional);
        return result;
    }

    private static boolean isTopLevelOption(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V")
                || arg.equals("--version");
    }
}
