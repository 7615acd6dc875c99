package dev.detwasm.wasi;

import java.util.Collections;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The {@code must_reach} sites reached by the runs of one injector: {@code
 * wasi.must_reach_underlying(file, line, column)} adds {@code "file:line:column"}. Bound as a
 * singleton in {@link WasiPreview1Module}, so the model checker injects the same instance, reads
 * {@link #reached()} after exploring and compares it with the sites the program declares. Each
 * run also logs the sites it reaches as {@code must_reach} events. Thread-safe: parallel workers
 * add to it at once.
 */
public final class MustReachSites {
    private final SortedSet<String> reached = new ConcurrentSkipListSet<>();

    public void add(String site) {
        reached.add(site);
    }

    /** The sites reached so far, sorted; a live read-only view. */
    public SortedSet<String> reached() {
        return Collections.unmodifiableSortedSet(reached);
    }

    /** Forgets every site, e.g. before checking another program with the same injector. */
    public void clear() {
        reached.clear();
    }
}
