package dev.detwasm.cli;

import dev.detwasm.host.RunConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --clock}: {@code idle} (0: time moves only when every thread is blocked), {@code
 * steps} ({@link RunConfig#DEFAULT_NS_PER_STEP} ns per step) or {@code steps=NS}.
 */
final class ClockConverter implements ITypeConverter<Long> {
    static final String IDLE = "idle";
    static final String STEPS = "steps";

    @Override
    public Long convert(String value) {
        if (value.equals(IDLE)) {
            return 0L;
        }
        if (value.equals(STEPS)) {
            return RunConfig.DEFAULT_NS_PER_STEP;
        }
        if (value.startsWith(STEPS + "=")) {
            try {
                long ns = Long.parseLong(value.substring(STEPS.length() + 1));
                if (ns > 0 && ns <= RunConfig.MAX_NS_PER_STEP) {
                    return ns;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TypeConversionException("expected idle, steps or steps=NS (NS from 1 to "
                + RunConfig.MAX_NS_PER_STEP + " nanoseconds per step), got '" + value + "'");
    }
}
