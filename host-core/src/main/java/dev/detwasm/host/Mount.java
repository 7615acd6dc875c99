package dev.detwasm.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory preopened for the guest at {@code guestPath}. Its content is read into the
 * in-memory overlay; the guest's writes never reach {@code hostPath}.
 */
public record Mount(Path hostPath, String guestPath) {
    public Mount {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(guestPath, "guestPath");
    }

    /**
     * Parses wasmtime's syntax: {@code HOST::GUEST}, or {@code HOST} alone, which uses HOST as
     * written for the guest path.
     */
    public static Mount parse(String spec) {
        int sep = spec.indexOf("::");
        if (sep < 0) {
            return new Mount(Path.of(spec), spec);
        }
        String host = spec.substring(0, sep);
        String guest = spec.substring(sep + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new IllegalArgumentException("expected HOST::GUEST, got '" + spec + "'");
        }
        return new Mount(Path.of(host), guest);
    }
}
