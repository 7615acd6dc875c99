package dev.detwasm.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code fixtures.txt}: one fixture per line, {@code <lang>/<name>[@<variant>] <kind>
 * [detwasm run flags] [-- guest args]}, words separated by spaces, {@code #} comments.
 */
final class Manifest {
    static final String FILE_NAME = "fixtures.txt";
    /** The Python scripts' manifest: the same format, language {@code py}. */
    static final String PYTHON_FILE_NAME = "py/fixtures.txt";
    static final List<String> LANGUAGES = List.of("c", "cpp", "go", "wat");

    private static final Pattern ID =
            Pattern.compile("(c|cpp|go|wat|py)/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)?)?");

    private Manifest() {}

    /** The fixtures of the manifest in {@code testdata}, in file order. */
    static List<Fixture> load(Path testdata) throws IOException {
        return parse(Files.readAllLines(testdata.resolve(FILE_NAME)));
    }

    /** The Python fixtures, run with {@code --python}, in file order. */
    static List<Fixture> loadPython(Path testdata) throws IOException {
        return parse(Files.readAllLines(testdata.resolve(PYTHON_FILE_NAME)));
    }

    static List<Fixture> parse(List<String> lines) {
        List<Fixture> fixtures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Fixture fixture = parseLine(line, n + 1);
            if (!ids.add(fixture.id())) {
                throw new IllegalArgumentException(
                        FILE_NAME + ":" + (n + 1) + ": duplicate fixture " + fixture.id());
            }
            fixtures.add(fixture);
        }
        return fixtures;
    }

    private static Fixture parseLine(String line, int lineNumber) {
        List<String> words = Arrays.asList(line.split("\\s+"));
        String where = FILE_NAME + ":" + lineNumber + ": ";
        if (words.size() < 2) {
            throw new IllegalArgumentException(where + "expected '<lang>/<name> <kind> ...'");
        }
        Matcher id = ID.matcher(words.get(0));
        if (!id.matches()) {
            throw new IllegalArgumentException(
                    where + "bad fixture id '" + words.get(0) + "', expected <lang>/<name>[@<variant>]");
        }
        Fixture.Kind kind;
        try {
            kind = Fixture.Kind.valueOf(words.get(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + "bad kind '" + words.get(1) + "', expected single, threads or check");
        }
        List<String> rest = words.subList(2, words.size());
        int separator = rest.indexOf("--");
        List<String> flags = separator < 0 ? rest : rest.subList(0, separator);
        List<String> guestArgs = separator < 0 ? List.of() : rest.subList(separator + 1, rest.size());
        return new Fixture(words.get(0), id.group(1), id.group(2), kind, flags, guestArgs);
    }
}
