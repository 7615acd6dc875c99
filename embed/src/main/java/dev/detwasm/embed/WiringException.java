package dev.detwasm.embed;

import com.google.inject.CreationException;
import com.google.inject.spi.Message;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;

/**
 * The Guice modules of a sandbox do not fit together, e.g. two plugins bind the same key. Its
 * message is one line: the first of Guice's errors, without the source listing Guice adds.
 */
public final class WiringException extends HostError {
    private static final long serialVersionUID = 1L;

    WiringException(CreationException e) {
        super(ExitCodes.LOAD_ERROR, "the Guice modules do not fit together: " + firstError(e));
    }

    private static String firstError(CreationException e) {
        Message first = e.getErrorMessages().iterator().next();
        return first.getMessage().strip().lines().findFirst().orElse("");
    }
}
