package dev.detwasm.modelcheck;

/**
 * Which runs of its sequence a sampling strategy (random, pct) makes, by number: all of them,
 * or under {@code --shard} the shard's own below the run budget, and those every shard makes
 * because later runs depend on them (pct's first runs, which fix its estimate of run length).
 */
@FunctionalInterface
interface RunNumbers {
    RunNumbers ALL = from -> from;

    /** The first run number at or after {@code from} to make, or -1 when there is none. */
    long next(long from);

    /**
     * The runs below {@code budget} that {@code shard} owns, and every run below {@code shared}
     * and {@code budget}.
     */
    static RunNumbers of(Shard shard, long budget, long shared) {
        return from -> {
            long n = from;
            if (n >= shared) {
                n += Math.floorMod(shard.index() - 1 - n, (long) shard.count());
            }
            return n < budget ? n : -1;
        };
    }
}
