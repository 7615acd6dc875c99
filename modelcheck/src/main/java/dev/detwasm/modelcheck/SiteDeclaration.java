package dev.detwasm.modelcheck;

/**
 * A {@code must_reach} site the user declared with {@code --must-reach FILE:LINE[:COLUMN]}.
 *
 * <p>Why declarations: a site exists for the tool only when a run calls {@code
 * wasi.must_reach_underlying(file, line, column)}, so a site that no run reaches is invisible.
 * Finding sites in the module instead (file names in data segments, constant arguments at call
 * sites) depends on how the compiler laid out the code and would report phantom or missing
 * sites. So the report lists every site reached in at least one run, and the user states the
 * sites that must be reached; a declared site that no run reached is reported and fails the
 * check.
 *
 * <p>A reached site {@code F:L:C} matches a declaration {@code D:L} or {@code D:L:C} when F is D
 * or ends with {@code /D}: {@code counter.c:12} matches {@code /src/counter.c:12:5}.
 *
 * @param text the declaration as written
 * @param file its file part
 * @param line its line
 * @param column its column, or 0 for any column
 */
public record SiteDeclaration(String text, String file, int line, int column) {

    /**
     * Parses {@code FILE:LINE} or {@code FILE:LINE:COLUMN}.
     *
     * @throws IllegalArgumentException when {@code text} is neither
     */
    public static SiteDeclaration parse(String text) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length >= 3 && isNumber(parts[parts.length - 1])
                    && isNumber(parts[parts.length - 2])) {
                return new SiteDeclaration(
                        text,
                        join(parts, parts.length - 2),
                        Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1]));
            }
            if (parts.length >= 2 && isNumber(parts[parts.length - 1])) {
                return new SiteDeclaration(
                        text,
                        join(parts, parts.length - 1),
                        Integer.parseInt(parts[parts.length - 1]),
                        0);
            }
        } catch (NumberFormatException e) {
            // a number too large: reported below like any other malformed declaration
        }
        throw new IllegalArgumentException(
                "--must-reach expects FILE:LINE or FILE:LINE:COLUMN, got '" + text + "'");
    }

    /** Whether a reached site, {@code FILE:LINE:COLUMN} as the WASI module reports it, is this. */
    public boolean matches(String site) {
        int lastColon = site.lastIndexOf(':');
        int lineColon = lastColon <= 0 ? -1 : site.lastIndexOf(':', lastColon - 1);
        if (lineColon <= 0) {
            return false;
        }
        String siteFile = site.substring(0, lineColon);
        String siteLine = site.substring(lineColon + 1, lastColon);
        String siteColumn = site.substring(lastColon + 1);
        return (siteFile.equals(file) || siteFile.endsWith("/" + file))
                && siteLine.equals(String.valueOf(line))
                && (column == 0 || siteColumn.equals(String.valueOf(column)));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static String join(String[] parts, int count) {
        String file = String.join(":", java.util.Arrays.asList(parts).subList(0, count));
        if (file.isEmpty()) {
            throw new IllegalArgumentException("--must-reach: the file part is empty");
        }
        return file;
    }
}
