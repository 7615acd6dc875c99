package dev.detwasm.host;

import java.util.List;
import java.util.Locale;

/**
 * One-line, engine-independent descriptions of guest traps. The two engines word some traps
 * differently (AOT adds the address of an out-of-bounds access, the interpreter does not), and
 * the message is part of the deterministic result, so such traps are reduced to their common
 * part.
 */
final class TrapMessages {
    /** Traps whose wording one engine extends with details such as an address or index. */
    private static final List<String> DETAILED =
            List.of("out of bounds memory access", "uninitialized element", "undefined element");

    private TrapMessages() {}

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        message = message.strip().lines().findFirst().orElse(message);
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.startsWith("trapped on ")) {
            message = message.substring("trapped on ".length());
        }
        for (String common : DETAILED) {
            if (message.startsWith(common)) {
                return common;
            }
        }
        return message;
    }
}
