package dev.detwasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.HostModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the host modules offer one run, by import name. An import two modules offer is
 * an error naming both, unless one declares that it {@link HostModule#replaces replaces} the
 * other: install order never decides silently which one a guest gets.
 */
final class OfferedImports {
    /**
     * An import's name, as a key without building a string per host function. Its equals and
     * hashCode are written out: a record's generated ones are bootstrapped on first use, which
     * spins method handles at every process's start (about 5 ms of a hello world).
     */
    private record Name(String module, String name) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Name other && module.equals(other.module)
                    && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return 31 * module.hashCode() + name.hashCode();
        }
    }

    private record Offer(HostModule owner, HostFunction function) {}

    private final Map<Name, Offer> offers = new HashMap<>();

    /** Adds what {@code owner} offers. */
    void add(HostModule owner, List<HostFunction> functions) throws LoadException {
        for (HostFunction f : functions) {
            Name name = new Name(f.module(), f.name());
            Offer existing = offers.get(name);
            if (existing == null || existing.owner() == owner
                    || owner.replaces().contains(existing.owner().name())) {
                offers.put(name, new Offer(owner, f));
            } else if (!existing.owner().replaces().contains(owner.name())) {
                // named in a fixed order: the set of host modules has none
                String a = describe(existing.owner());
                String b = describe(owner);
                throw new LoadException(
                        "host modules " + (a.compareTo(b) < 0 ? a + " and " + b : b + " and " + a)
                                + " both offer import " + f.module() + "." + f.name()
                                + ": install one through Modules.override or declare that it"
                                + " replaces the other");
            }
        }
    }

    /** The function offered as {@code module.name}, or null. */
    HostFunction get(String module, String name) {
        Offer offer = offers.get(new Name(module, name));
        return offer == null ? null : offer.function();
    }

    private static String describe(HostModule module) {
        String type = module.getClass().getName();
        return module.name().equals(type) ? type : module.name() + " (" + type + ")";
    }
}
