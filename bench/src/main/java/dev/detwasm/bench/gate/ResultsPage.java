package dev.detwasm.bench.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's figures into {@code bench/RESULTS.md}, between two markers, and leaves the rest
 * of the page (the narrative) as it is. The markers are added at the end the first time.
 */
public final class ResultsPage {
    static final String BEGIN = "<!-- bench/compare: generated from the JMH JSON, begin -->";
    static final String END = "<!-- bench/compare: generated from the JMH JSON, end -->";

    private ResultsPage() {}

    public static void update(Path page, List<Score> scores, Baseline baseline, String measured)
            throws IOException {
        String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        String section = BEGIN + "\n" + table(scores, baseline, measured) + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }

    static String table(List<Score> scores, Baseline baseline, String measured) {
        Baseline now = Baseline.of(scores, baseline.reference(), measured);
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(measured).append(".\n\n");
        out.append("| benchmark | best iteration | unit | ratio to `")
                .append(baseline.reference())
                .append("` | baseline ratio | change |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Score s : scores) {
            Double ratio = now.ratios().get(s.id());
            Double before = baseline.ratios().get(s.id());
            out.append(String.format(Locale.ROOT, "| `%s` | %.4g | %s | %s | %s | %s |%n",
                    s.id(), s.score(), s.unit(),
                    ratio == null ? "reference" : String.format(Locale.ROOT, "%.4g", ratio),
                    before == null ? "" : String.format(Locale.ROOT, "%.4g", before),
                    ratio == null || before == null ? "" : String.format(Locale.ROOT, "%.2fx", ratio / before)));
        }
        return out.toString();
    }
}
