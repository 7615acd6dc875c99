package dev.detwasm.modelcheck;

import java.util.List;

/**
 * A 128-bit fingerprint of a trace, to count distinct runs without keeping every trace (a
 * threaded program makes thousands of decisions per run). Two independent 64-bit polynomial
 * hashes; for a million distinct traces the chance of any collision is below 10^-26.
 */
record TraceFingerprint(long low, long high, int length) {
    private static final long MULTIPLIER_LOW = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER_HIGH = 0xC2B2AE3D27D4EB4FL;

    static TraceFingerprint of(List<Integer> trace) {
        long low = 0x243F6A8885A308D3L;
        long high = 0x13198A2E03707344L;
        for (int choice : trace) {
            low = (low ^ choice) * MULTIPLIER_LOW;
            high = (high + choice + 1) * MULTIPLIER_HIGH;
            high ^= high >>> 29;
        }
        return new TraceFingerprint(low, high, trace.size());
    }
}
