package dev.detwasm.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration such as {@code 30s}, {@code 5m}, {@code 1h30m} or {@code 250ms}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (part.find() && part.start() == end) {
                long n = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            default -> Duration.ofHours(n);
                        });
                end = part.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            end = -1;
        }
        if (end <= 0 || end != text.length() || total.isZero()) {
            throw new TypeConversionException(
                    "expected a duration such as 30s, 5m, 1h30m or 500ms, got '" + value + "'");
        }
        return total;
    }
}
