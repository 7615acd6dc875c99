package dev.detwasm.host;

import java.util.Locale;

/** One-line, engine-independent descriptions of guest traps. */
final class TrapMessages {
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
        return message;
    }
}
