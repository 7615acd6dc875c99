package dev.detwasm.wasi;

/**
 * The source of the guest's randomness ({@code random_get}). Bound in {@link
 * WasiPreview1Module} to {@link SplitMix64Entropy}; override the binding to use another
 * generator. It must be a pure function of the seed: the same seed gives the same bytes.
 */
public interface Entropy {

    /** A fresh stream for one run, seeded with the run's {@code --seed}. */
    EntropyStream open(long seed);
}
