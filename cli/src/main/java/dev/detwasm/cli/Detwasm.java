package dev.detwasm.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.detwasm.embed.Sandbox;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code detwasm}: the top-level command. Exit codes are decided here and only here: the
 * guest's own code for a normal run, otherwise one of {@link ExitCodes}, each with one line on
 * stderr and never a Java stack trace.
 */
@Command(
        name = "detwasm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deterministic WebAssembly sandbox and concurrency model checker.",
            "The seed's flat form is accepted too: detwasm MODULE [--env K=V] [--trace-wasi]"
                    + " [--trace C1,C2] [--mapdir HOST] [--model-check] [ARGS]"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  detwasm run --dir data::/data prog.wasm",
            "  detwasm check --strategy pct --max-runs 5000 racy.wasm",
            "  detwasm run --explain --trace '0*4,1' racy.wasm"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "N:the guest's exit code (run)",
            "64:usage error (bad flag, value or trace)",
            "65:the module could not be loaded or linked",
            "70:a guest thread trapped",
            "71:deadlock: every thread blocked, no timer pending",
            "72:step budget exhausted",
            "73:check found a failing run, or --verify found a difference",
            "74:internal error in detwasm",
            "75:check --require-exhaustive: no failure found, but the exploration was cut short"
        })
public final class Detwasm {
    /**
     * The subcommands, by name, in the order help lists them. Building one costs picocli's
     * reflection and Guice's construction of the command (a tenth of a second when the JVM is
     * cold), so a command line naming one builds only that one; help and usage errors, which
     * list or name the others, build them all.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Class<?> command : List.of(RunCommand.class, CheckCommand.class, MergeCommand.class,
                TransformCommand.class, CommandLine.HelpCommand.class)) {
            commands.put(command.getAnnotation(Command.class).name(), command);
        }
        return Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        SignalExit.install(System.out, System.err);
        InputStream stdin = Terminal.isInteractive() ? InputStream.nullInputStream() : System.in;
        int code = execute(args, stdin, System.out, System.err, CommandStart.ofJvm(),
                CarrierParallelism.ofProcess());
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line {@code args} (what follows {@code detwasm}) in-process. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return execute(args, in, out, err, CommandStart.at(Instant.now()), CarrierParallelism.shared());
    }

    /** Runs {@code args} with the given start and carriers: a process's, or in-process ones. */
    static int execute(
            String[] args, InputStream in, PrintStream out, PrintStream err, CommandStart start,
            CarrierParallelism carriers) {
        CliStreams streams = new CliStreams(in, out, err);
        List<String> argv = FlatForm.rewrite(List.of(args), SUBCOMMANDS.keySet());
        String named = argv.isEmpty() ? "" : argv.get(0);
        boolean one = SUBCOMMANDS.containsKey(named) && !named.equals("help");
        // run wires no model checker; a usage error, which looks at every command, wires all.
        boolean runOnly = named.equals("run");
        Supplier<GuiceFactory> everything =
                () -> new GuiceFactory(injector(streams, start, carriers, Sandbox.defaultModules()));
        GuiceFactory factory;
        try {
            factory = runOnly
                    ? new GuiceFactory(injector(streams, start, carriers, Sandbox.runModules()))
                    : everything.get();
        } catch (RuntimeException e) {
            err.println("detwasm: internal error: " + e);
            return ExitCodes.INTERNAL;
        }
        CommandLine cli = commandLine(factory, one ? Set.of(named) : SUBCOMMANDS.keySet(), out, err);
        cli.setParameterExceptionHandler((e, rest) -> usageError(
                e, commandLine(runOnly ? everything.get() : factory,
                        SUBCOMMANDS.keySet(), out, err)));
        try {
            return cli.execute(argv.toArray(String[]::new));
        } catch (OutOfMemoryError e) {
            err.println("detwasm: out of memory (give the JVM more with"
                    + " DETWASM_JAVA_OPTS=-Xmx...)");
            return ExitCodes.INTERNAL;
        } catch (Error e) {
            // picocli hands only exceptions to the handler; an error is still one line.
            return failure(e, err);
        }
    }

    private static Injector injector(
            CliStreams streams, CommandStart start, CarrierParallelism carriers,
            List<Module> wiring) {
        return Guice.createInjector(new CliModule(streams, start, carriers, wiring));
    }

    /** The command line with the subcommands {@code names} (picocli would build all). */
    private static CommandLine commandLine(
            GuiceFactory factory, Set<String> names, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(Detwasm.class, factory);
        for (String name : names) {
            cli.addSubcommand(name, new CommandLine(SUBCOMMANDS.get(name), factory));
        }
        examplesBeforeExitCodes(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setStopAtPositional(true);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, err));
        return cli;
    }

    /** Every command's help ends with its examples, then its exit codes. */
    private static void examplesBeforeExitCodes(CommandLine cli) {
        List<String> keys = new java.util.ArrayList<>(cli.getHelpSectionKeys());
        List<String> footer =
                List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
                        CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
        keys.removeAll(footer);
        keys.addAll(
                keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING),
                footer);
        cli.setHelpSectionKeys(keys);
        for (CommandLine sub : cli.getSubcommands().values()) {
            examplesBeforeExitCodes(sub);
        }
    }

    /** Reports a usage error; {@code all} is the command line with every subcommand. */
    private static int usageError(CommandLine.ParameterException e, CommandLine all) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(
                "detwasm: " + e.getMessage() + elsewhere(e, all) + " (see '"
                        + cmd.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    /** Names the sibling command that takes an option this one does not, if one does. */
    private static String elsewhere(CommandLine.ParameterException e, CommandLine all) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
                || e.getCommandLine().getParent() == null) {
            return "";
        }
        for (String arg : unmatched.getUnmatched()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            for (CommandLine sibling : all.getSubcommands().values()) {
                if (sibling.getCommandSpec().findOption(name) != null) {
                    return "; " + name + " is an option of '"
                            + sibling.getCommandSpec().qualifiedName() + "'";
                }
            }
        }
        return "";
    }

    private static int failure(Throwable e, PrintStream err) {
        if (e instanceof LoadException) {
            err.println("detwasm: " + e.getMessage());
            return ExitCodes.LOAD_ERROR;
        }
        if (e instanceof HostError host) {
            err.println("detwasm: " + host.getMessage());
            return host.exitCode();
        }
        if (e instanceof java.io.IOException) {
            err.println("detwasm: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("detwasm: internal error: " + e);
        if (System.getenv("DETWASM_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }
}
