package dev.detwasm.bench.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The regression gate's judge, which {@code bench/compare} runs on the JSON of the JMH run it
 * made: {@code Compare RESULT.json --baseline FILE [--tolerance X] [--measured TEXT]
 * [--results PAGE] [--update-baseline]}. Prints one line per benchmark and exits 1 when one is
 * slower than the tolerance allows, 2 on bad arguments or unreadable files.
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
        Path result = null;
        Path baselineFile = null;
        Path page = null;
        String measured = "";
        double tolerance = DEFAULT_TOLERANCE;
        boolean update = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--baseline" -> baselineFile = Path.of(args[++i]);
                    case "--tolerance" -> tolerance = Double.parseDouble(args[++i]);
                    case "--results" -> page = Path.of(args[++i]);
                    case "--measured" -> measured = args[++i];
                    case "--update-baseline" -> update = true;
                    default -> result = Path.of(args[i]);
                }
            }
            if (result == null || baselineFile == null || !(tolerance >= 1)) {
                System.err.println("bench: usage: Compare RESULT.json --baseline FILE"
                        + " [--tolerance X>=1] [--measured TEXT] [--results PAGE] [--update-baseline]");
                return 2;
            }
            List<Score> scores = JmhResults.read(result);
            Baseline baseline = update && !java.nio.file.Files.exists(baselineFile)
                    ? new Baseline(REFERENCE, measured, java.util.Map.of())
                    : Baseline.read(baselineFile);
            Gate.Verdict verdict = Gate.compare(scores, baseline, tolerance);
            System.out.print(verdict.render());
            if (page != null) {
                ResultsPage.update(page, scores, baseline, measured);
            }
            if (update) {
                Baseline.of(scores, baseline.reference(), measured).write(baselineFile);
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
