package dev.detwasm.cli;

import dev.detwasm.modelcheck.CheckSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A non-negative count, or {@code none} for no limit ({@link CheckSettings#UNLIMITED}). */
final class LimitConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value.equalsIgnoreCase("none")) {
            return CheckSettings.UNLIMITED;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException(
                "expected a non-negative number or 'none', got '" + value + "'");
    }
}
