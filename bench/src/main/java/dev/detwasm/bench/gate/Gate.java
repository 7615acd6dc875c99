package dev.detwasm.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a run's ratios (the medians, when there are several runs) with the baseline's: a
 * benchmark regresses when its ratio to the reference grew by more than {@code tolerance}
 * times, and, when it was measured again, grew that much again. Benchmarks the baseline does
 * not know, or marks noisy, are reported, not judged; so are baseline entries the run did not
 * measure.
 */
public final class Gate {
    private Gate() {}

    /**
     * One benchmark's line of the verdict: {@code again} is its ratio when measured a second
     * time (null if it was not), {@code noisy} why the baseline does not judge it (null if it
     * does).
     */
    public record Row(String id, Double now, Double before, String noisy, Double again, double tolerance) {
        /** now / before: above 1 is slower than the baseline. */
        public double change() {
            return now / before;
        }

        /** Judged, and slower than the tolerance on the first measurement. */
        public boolean over() {
            return now != null && before != null && noisy == null && change() > tolerance;
        }

        public boolean regressed() {
            return over() && (again == null || again / before > tolerance);
        }

        String render() {
            if (before == null) {
                return String.format(Locale.ROOT, "  new       %-60s ratio %.4g (not in the baseline)", id, now);
            }
            if (now == null) {
                return String.format(Locale.ROOT, "  missing   %-60s (in the baseline, not measured)", id);
            }
            String line = String.format(
                    Locale.ROOT,
                    "  %-9s %-60s ratio %.4g, baseline %.4g: %.2fx",
                    noisy != null ? "noisy" : regressed() ? "SLOWER" : "ok",
                    id,
                    now,
                    before,
                    change());
            if (again != null) {
                line += String.format(Locale.ROOT, ", measured again %.2fx", again / before);
            }
            return noisy != null ? line + " (not judged: " + noisy + ")" : line;
        }
    }

    public record Verdict(List<Row> rows, double tolerance) {
        public List<Row> regressions() {
            return rows.stream().filter(Row::regressed).toList();
        }

        public List<Row> over() {
            return rows.stream().filter(Row::over).toList();
        }

        public boolean passed() {
            return regressions().isEmpty();
        }

        /**
         * The same verdict with the ratios of a second run for the benchmarks the first found
         * slower: those are judged on both.
         */
        public Verdict measuredAgain(Map<String, Double> again) {
            return new Verdict(rows.stream()
                    .map(r -> r.over()
                            ? new Row(r.id(), r.now(), r.before(), r.noisy(), again.get(r.id()), r.tolerance())
                            : r)
                    .toList(), tolerance);
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            for (Row row : rows) {
                out.append(row.render()).append('\n');
            }
            long noisy = rows.stream().filter(r -> r.noisy() != null && r.now() != null).count();
            if (noisy > 0) {
                out.append(String.format(Locale.ROOT,
                        "bench: %d benchmark(s) too noisy in this mode to judge (marked noisy above;"
                                + " bench/baseline.json says why)%n", noisy));
            }
            List<Row> slower = regressions();
            out.append(slower.isEmpty()
                    ? String.format(Locale.ROOT, "bench: no benchmark slower than %.2fx its baseline%n", tolerance)
                    : String.format(Locale.ROOT, "bench: %d benchmark(s) slower than %.2fx their baseline: %s%n",
                            slower.size(), tolerance, String.join(", ", slower.stream().map(Row::id).toList())));
            return out.toString();
        }
    }

    public static Verdict compare(List<List<Score>> runs, Baseline baseline, double tolerance) {
        Map<String, Double> now = Spread.of(runs, baseline.reference()).medians();
        List<Row> rows = new ArrayList<>();
        now.forEach((id, ratio) -> rows.add(new Row(
                id, ratio, baseline.ratios().get(id), baseline.noisy().get(id), null, tolerance)));
        baseline.ratios().forEach((id, ratio) -> {
            if (!now.containsKey(id)) {
                rows.add(new Row(id, null, ratio, baseline.noisy().get(id), null, tolerance));
            }
        });
        return new Verdict(rows, tolerance);
    }
}
