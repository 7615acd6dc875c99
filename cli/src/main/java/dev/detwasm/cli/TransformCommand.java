package dev.detwasm.cli;

import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.ProgramLoader;
import dev.detwasm.transform.Pass;
import dev.detwasm.transform.Rewriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detwasm transform}: rewrites a module with transform passes and writes the result, for
 * other hosts (e.g. {@code atomics-to-imports} for one without an atomics hook) or to look at
 * what detwasm runs. The passes are the Guice map of {@link Pass}es by name, so a plugin's pass
 * is offered here too.
 */
@Command(
        name = "transform",
        description = "Rewrite IN with the given passes, in order, and write the module to OUT.",
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class TransformCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--pass",
            paramLabel = "NAME",
            required = true,
            description = "A pass to apply (repeatable, applied in order): fuel (step counting"
                    + " for --max-steps, --preempt-every and --clock steps), shared-access"
                    + " (scheduling points at plain loads and stores, for --preempt-at memory),"
                    + " atomics-to-imports (memory.atomic.wait/notify as calls of detwasm.atomic_*"
                    + " imports), wide-addresses (accesses at 2 GiB and above through"
                    + " detwasm.wide_access, for memories larger than 2 GiB).")
    List<String> passNames = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "IN", description = "A .wasm binary or WAT text.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.wasm", description = "Where to write the result.")
    Path out;

    private final Map<String, Pass> passes;
    private final ProgramLoader loader;

    @Inject
    TransformCommand(Map<String, Pass> passes, ProgramLoader loader) {
        this.passes = Map.copyOf(passes);
        this.loader = loader;
    }

    @Override
    public Integer call() throws LoadException, IOException {
        List<Pass> chosen = new ArrayList<>();
        for (String name : passNames) {
            Pass pass = passes.get(name);
            if (pass == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown pass '" + name + "'; expected one of "
                                + String.join(", ", new TreeSet<>(passes.keySet())));
            }
            chosen.add(pass);
        }
        byte[] module = loader.binary(in);
        try {
            module = Rewriter.rewrite(module, chosen);
        } catch (RuntimeException e) {
            throw new LoadException(in + ": " + ProgramLoader.oneLine(e.getMessage()));
        }
        Files.write(out, module);
        return 0;
    }
}
