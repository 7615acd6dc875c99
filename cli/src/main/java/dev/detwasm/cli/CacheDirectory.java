package dev.detwasm.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where detwasm keeps what it computes once per machine (compiled modules): {@code
 * $DETWASM_CACHE} when set ({@code off} for nowhere), else {@code $XDG_CACHE_HOME/detwasm}
 * (the XDG base directory rule: only an absolute path counts), else {@code
 * ~/.cache/detwasm}. The launcher applies the same rule to the JVM's own archive.
 */
final class CacheDirectory {
    static final String VARIABLE = "DETWASM_CACHE";
    static final String OFF = "off";

    private CacheDirectory() {}

    static Optional<Path> of(Map<String, String> env) {
        String chosen = env.get(VARIABLE);
        if (chosen != null && !chosen.isEmpty()) {
            return chosen.equals(OFF) ? Optional.empty() : Optional.of(Path.of(chosen));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "detwasm"));
        }
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            return Optional.of(Path.of(home, ".cache", "detwasm"));
        }
        return Optional.empty();
    }
}
