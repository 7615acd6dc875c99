package dev.detwasm.modelcheck;

/**
 * A set of {@link TraceFingerprint}s in two flat arrays (open addressing): 16 bytes a slot
 * instead of about 80 for a {@code HashSet} entry, so counting the distinct traces of millions
 * of runs costs tens of megabytes, not hundreds.
 */
final class FingerprintSet {
    private static final double LOAD = 0.6;

    private long[] lows = new long[1024];
    private long[] highs = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** @return whether {@code fingerprint} was not in the set yet */
    boolean add(TraceFingerprint fingerprint) {
        long low = fingerprint.low();
        long high = fingerprint.high() ^ fingerprint.length() * 0x9E3779B97F4A7C15L;
        if (size + 1 > lows.length * LOAD) {
            grow();
        }
        return insert(low, high);
    }

    int size() {
        return size;
    }

    private boolean insert(long low, long high) {
        int mask = lows.length - 1;
        int slot = (int) (low ^ (low >>> 32)) & mask;
        while (used[slot]) {
            if (lows[slot] == low && highs[slot] == high) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        lows[slot] = low;
        highs[slot] = high;
        size++;
        return true;
    }

    private void grow() {
        long[] oldLows = lows;
        long[] oldHighs = highs;
        boolean[] oldUsed = used;
        lows = new long[oldLows.length * 2];
        highs = new long[oldLows.length * 2];
        used = new boolean[oldLows.length * 2];
        size = 0;
        for (int i = 0; i < oldLows.length; i++) {
            if (oldUsed[i]) {
                insert(oldLows[i], oldHighs[i]);
            }
        }
    }
}
