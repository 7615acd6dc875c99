package dev.detwasm.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive number of steps, or {@code none} (0). */
final class StepsConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.equalsIgnoreCase("none")) {
            return 0L;
        }
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException(
                "expected a positive number of steps or 'none', got '" + value + "'");
    }
}
