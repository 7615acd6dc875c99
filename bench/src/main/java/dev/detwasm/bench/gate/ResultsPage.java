package dev.detwasm.bench.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's figures into {@code bench/RESULTS.md}, between two markers, and leaves the rest
 * of the page (the narrative) as it is. The markers are added at the end the first time.
 */
public final class ResultsPage {
    static final String BEGIN = "<!-- bench/compare: generated from the JMH JSON, begin -->";
    static final String END = "<!-- bench/compare: generated from the JMH JSON, end -->";

    private ResultsPage() {}

    public static void update(Path page, List<List<Score>> runs, Baseline baseline, String measured)
            throws IOException {
        String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        String section = BEGIN + "\n" + table(runs, baseline, measured) + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }

    /** One row per benchmark of the last run, with the ratios of every run. */
    static String table(List<List<Score>> runs, Baseline baseline, String measured) {
        Map<String, List<Double>> ratios = Spread.of(runs, baseline.reference()).ratios();
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(measured)
                .append("; the figures are the last run's, the ratios every run's.\n\n");
        out.append("| benchmark | best iteration | unit | CPU per op | ratio to `")
                .append(baseline.reference())
                .append("` (median) | ratios of the runs | spread | baseline ratio | change |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Score s : runs.get(runs.size() - 1)) {
            List<Double> r = ratios.get(s.id());
            Double before = baseline.ratios().get(s.id());
            double median = r == null ? Double.NaN : Spread.median(r);
            out.append(String.format(Locale.ROOT, "| `%s` | %.4g | %s | %.4g us | %s | %s | %s | %s | %s |%n",
                    s.id(), s.score(), s.unit(), s.cpuSeconds() * 1e6,
                    r == null ? "reference" : String.format(Locale.ROOT, "%.4g", median),
                    r == null ? "" : String.join(" ", r.stream()
                            .map(x -> String.format(Locale.ROOT, "%.4g", x)).toList()),
                    r == null ? "" : String.format(Locale.ROOT, "%.2fx", Spread.range(r)),
                    before == null ? "" : String.format(Locale.ROOT, "%.4g", before)
                            + (baseline.noisy().containsKey(s.id()) ? " (noisy)" : ""),
                    r == null || before == null ? "" : String.format(Locale.ROOT, "%.2fx", median / before)));
        }
        return out.toString();
    }
}
