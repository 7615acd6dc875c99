package dev.detwasm.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detwasm.modelcheck.JunitReport;
import dev.detwasm.modelcheck.ShardMerge;
import dev.detwasm.modelcheck.TextReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detwasm merge}: combines the JSON reports of the shards of one exploration ({@code
 * check --shard K/N}) into the report one process would have written, and exits as that check
 * would have.
 */
@Command(
        name = "merge",
        description = {
            "Combine the JSON reports of the N shards of one check (check --shard K/N --report"
                    + " FILE.json) into the report one process would have written: the same"
                    + " runs, outcomes, failures with their simplest runs, must_reach coverage"
                    + " and verdict. Prints the text report; --report writes the JSON, identical"
                    + " to one process's apart from timing.",
            "Refuses reports of different modules, flags, run options or detwasm versions, a"
                    + " missing or repeated shard, and reports that are not shards' reports."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  for k in 1 2 3; do detwasm check --shard $k/3 --report s$k.json prog.wasm & done;"
                    + " wait",
            "  detwasm merge --report all.json s1.json s2.json s3.json",
            "      three processes share one exploration; merge reports it as one"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no run failed and every --must-reach site was reached",
            "64:usage error, or reports that cannot be merged (one line says why)",
            "73:a run failed, or a --must-reach site was not reached",
            "74:internal error in detwasm",
            "75:--require-exhaustive, no failure found, but a bound cut the exploration short"
        })
public final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "SHARD.json",
            arity = "1..*",
            description = "The shards' reports, one per shard, in any order.")
    List<Path> reports = new ArrayList<>();

    @Option(
            names = "--report",
            paramLabel = "FILE.json",
            description = "Also write the merged report as JSON to FILE.json.")
    Path jsonFile;

    @Option(
            names = "--junit",
            paramLabel = "FILE.xml",
            description = "Also write the merged report as JUnit XML to FILE.xml.")
    Path junitFile;

    private final CliStreams streams;

    @Inject
    MergeCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : reports) {
            try {
                nodes.add(mapper.readTree(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (NoSuchFileException e) {
                throw usage("no such report: " + file);
            } catch (JacksonException e) {
                throw usage(file + " is not JSON: " + e.getOriginalMessage());
            }
            names.add(file.toString());
        }
        ShardMerge.Merged merged;
        try {
            merged = ShardMerge.merge(nodes, names);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        streams.out().print(TextReport.render(merged.report(), merged.jobs(), List.of()));
        streams.out().flush();
        if (jsonFile != null) {
            Files.writeString(jsonFile, merged.json(), StandardCharsets.UTF_8);
        }
        if (junitFile != null) {
            new JunitReport().write(merged.report(), junitFile);
        }
        return merged.report().exitCode();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
