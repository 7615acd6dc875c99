package dev.detwasm.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The regression gate's judge, which {@code bench/compare} runs on the JSON of the JMH runs it
 * made: {@code Compare RESULT.json... --baseline FILE [--tolerance X] [--measured TEXT]
 * [--results PAGE] [--update-baseline] [--again RESULT.json]}. With several results it takes
 * each benchmark's median ratio; {@code --again} is a second run of the same suite, made because
 * the first found benchmarks slower: only those slower in both fail. Prints one line per
 * benchmark and exits 1 when one is slower than the tolerance allows, 2 on bad arguments or
 * unreadable files.
 */
public final class Compare {
    public static final double DEFAULT_TOLERANCE = 1.5;
    /** The yardstick a new baseline is measured against. */
    public static final String REFERENCE = "ReferenceBenchmark.work";

    private Compare() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<Path> results = new ArrayList<>();
        Path baselineFile = null;
        Path page = null;
        String measured = "";
        double tolerance = DEFAULT_TOLERANCE;
        boolean update = false;
        Path again = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--baseline" -> baselineFile = Path.of(args[++i]);
                    case "--tolerance" -> tolerance = Double.parseDouble(args[++i]);
                    case "--results" -> page = Path.of(args[++i]);
                    case "--measured" -> measured = args[++i];
                    case "--update-baseline" -> update = true;
                    case "--again" -> again = Path.of(args[++i]);
                    default -> results.add(Path.of(args[i]));
                }
            }
            if (results.isEmpty() || baselineFile == null || !(tolerance >= 1)) {
                System.err.println("bench: usage: Compare RESULT.json... --baseline FILE [--tolerance X>=1]"
                        + " [--measured TEXT] [--results PAGE] [--update-baseline] [--again RESULT.json]");
                return 2;
            }
            List<List<Score>> runs = new ArrayList<>();
            for (Path result : results) {
                runs.add(JmhResults.read(result));
            }
            Baseline baseline = update && !Files.exists(baselineFile)
                    ? new Baseline(REFERENCE, measured, Map.of(), Map.of())
                    : Baseline.read(baselineFile);
            Gate.Verdict verdict = Gate.compare(runs, baseline, tolerance);
            if (again != null) {
                verdict = verdict.measuredAgain(Spread.ratiosOf(JmhResults.read(again), baseline.reference()));
            }
            System.out.print(verdict.render());
            if (page != null) {
                ResultsPage.update(page, runs, baseline, measured);
            }
            if (update) {
                Baseline.of(runs, baseline.reference(), measured, tolerance).write(baselineFile);
                System.out.println("bench: wrote the baseline " + baselineFile);
                return 0;
            }
            return verdict.passed() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
    }
}
