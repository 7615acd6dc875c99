package dev.detwasm.host;

import java.util.Locale;

/** How guest code executes: compiled to JVM bytecode once per program, or interpreted. */
public enum Engine {
    AOT,
    INTERPRETER;

    /** The name used on the command line and in reports. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
