package dev.detwasm.transform;

import java.util.List;
import java.util.Optional;

/** The built-in passes, by name (the CLI binds each in a Guice {@code MapBinder}). */
public final class Passes {
    private Passes() {}

    /** A fresh instance of every built-in pass, in the order a combined rewrite runs them. */
    public static List<Pass> all() {
        return List.of(new FuelPass(), new AtomicsToImportsPass(), new SharedAccessPass(),
                new WideAddressPass());
    }

    public static Optional<Pass> named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
