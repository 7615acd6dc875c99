package dev.detwasm.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a run's ratios with the baseline's: a benchmark regresses when its ratio to the
 * reference grew by more than {@code tolerance} times. Benchmarks the baseline does not know
 * are reported, not judged; so are baseline entries the run did not measure.
 */
public final class Gate {
    private Gate() {}

    /** One benchmark's line of the verdict. */
    public record Row(String id, Double now, Double before, boolean regressed) {
        /** now / before: above 1 is slower than the baseline. */
        public double change() {
            return now / before;
        }

        String render() {
            if (before == null) {
                return String.format(Locale.ROOT, "  new       %-60s ratio %.4g (not in the baseline)", id, now);
            }
            if (now == null) {
                return String.format(Locale.ROOT, "  missing   %-60s (in the baseline, not measured)", id);
            }
            return String.format(
                    Locale.ROOT,
                    "  %-9s %-60s ratio %.4g, baseline %.4g: %.2fx",
                    regressed ? "SLOWER" : "ok",
                    id,
                    now,
                    before,
                    change());
        }
    }

    public record Verdict(List<Row> rows, double tolerance) {
        public List<Row> regressions() {
            return rows.stream().filter(Row::regressed).toList();
        }

        public boolean passed() {
            return regressions().isEmpty();
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            for (Row row : rows) {
                out.append(row.render()).append('\n');
            }
            List<Row> slower = regressions();
            out.append(slower.isEmpty()
                    ? String.format(Locale.ROOT, "bench: no benchmark slower than %.2fx its baseline%n", tolerance)
                    : String.format(Locale.ROOT, "bench: %d benchmark(s) slower than %.2fx their baseline: %s%n",
                            slower.size(), tolerance, String.join(", ", slower.stream().map(Row::id).toList())));
            return out.toString();
        }
    }

    public static Verdict compare(List<Score> scores, Baseline baseline, double tolerance) {
        Baseline now = Baseline.of(scores, baseline.reference(), "");
        List<Row> rows = new ArrayList<>();
        now.ratios().forEach((id, ratio) -> {
            Double before = baseline.ratios().get(id);
            rows.add(new Row(id, ratio, before, before != null && ratio / before > tolerance));
        });
        baseline.ratios().forEach((id, ratio) -> {
            if (!now.ratios().containsKey(id)) {
                rows.add(new Row(id, null, ratio, false));
            }
        });
        return new Verdict(rows, tolerance);
    }
}
