package dev.detwasm.bench.transform;

import dev.detwasm.bench.Guests;
import dev.detwasm.transform.Pass;
import dev.detwasm.transform.Passes;
import dev.detwasm.transform.Rewriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rewriter's throughput on the largest Go fixture (found under {@code testdata/go} of the
 * working directory, the repository root, or of its parent when run from {@code bench/} as
 * the smoke test does): decode, the passes, encode. {@code none} is the
 * baseline (every section and instruction decoded, the bytes copied back); MB/s is the
 * module's size over the time per rewrite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RewriterBenchmark {
    @Param({"none", "fuel", "atomics-to-imports", "shared-access", "all"})
    public String passes;

    private byte[] wasm;
    private List<Pass> selected;

    @Setup
    public void setUp() throws IOException {
        Path go = Guests.testdata().resolve("go");
        try (Stream<Path> files = Files.list(go)) {
            Path largest = files.filter(p -> p.toString().endsWith(".wasm"))
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow(() -> new IOException("no Go fixture under testdata/go (run from the repository root)"));
            wasm = Files.readAllBytes(largest);
        }
        selected = switch (passes) {
            case "none" -> List.of();
            case "all" -> Passes.all();
            default -> List.of(Passes.named(passes).orElseThrow());
        };
    }

    @Benchmark
    public byte[] rewrite() {
        return Rewriter.rewrite(wasm, selected);
    }
}
