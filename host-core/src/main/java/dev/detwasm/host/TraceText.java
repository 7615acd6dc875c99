package dev.detwasm.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a trace: choices separated by commas, {@code 1,0,2}. A run of one choice
 * repeated may be written {@code C*N} (N times C), as threaded programs under fifo make
 * thousands of 0 decisions: {@code 0*4000,1,0*12}. Both forms parse; {@link #format} writes
 * runs of four or more compressed.
 */
public final class TraceText {
    private static final int SHORTEST_RUN = 4;

    private TraceText() {}

    public static String format(List<Integer> trace) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < trace.size()) {
            int choice = trace.get(i);
            int run = 1;
            while (i + run < trace.size() && trace.get(i + run) == choice) {
                run++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            if (run >= SHORTEST_RUN) {
                out.append(choice).append('*').append(run);
                i += run;
            } else {
                out.append(choice);
                i++;
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException naming the bad entry */
    public static List<Integer> parse(String text) {
        List<Integer> trace = new ArrayList<>();
        if (text.isBlank()) {
            return trace;
        }
        for (String entry : text.split(",", -1)) {
            String e = entry.strip();
            int star = e.indexOf('*');
            int choice = number(star < 0 ? e : e.substring(0, star), entry);
            int times = star < 0 ? 1 : number(e.substring(star + 1), entry);
            if (times < 1) {
                throw new IllegalArgumentException("bad trace entry '" + entry + "': count < 1");
            }
            for (int k = 0; k < times; k++) {
                trace.add(choice);
            }
        }
        return trace;
    }

    private static int number(String digits, String entry) {
        try {
            int n = Integer.parseInt(digits);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad trace entry '" + entry + "': expected C or C*N with non-negative integers");
        }
    }
}
