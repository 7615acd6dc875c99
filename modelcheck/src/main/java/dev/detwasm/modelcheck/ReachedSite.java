package dev.detwasm.modelcheck;

/**
 * A {@code must_reach} site that at least one run reached.
 *
 * @param site {@code FILE:LINE:COLUMN} as the WASI module reports it
 * @param runs how many runs reached it
 * @param firstRun the index of the first of them in exploration order
 */
public record ReachedSite(String site, long runs, long firstRun) {}
