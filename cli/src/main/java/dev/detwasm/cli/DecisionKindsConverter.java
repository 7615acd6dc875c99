package dev.detwasm.cli;

import dev.detwasm.host.spi.DecisionKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One kind of decision by its command-line name, for {@code --decisions} of run and check. */
final class DecisionKindsConverter implements ITypeConverter<DecisionKind> {
    @Override
    public DecisionKind convert(String value) {
        for (DecisionKind kind : DecisionKind.values()) {
            if (kind.cliName().equals(value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new TypeConversionException(
                "unknown decision kind '" + value + "'; expected one of "
                        + Arrays.stream(DecisionKind.values()).map(DecisionKind::cliName)
                                .collect(Collectors.joining(", ")));
    }
}
