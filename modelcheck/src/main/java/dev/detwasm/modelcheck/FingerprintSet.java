package dev.detwasm.modelcheck;

/**
 * A set of {@link TraceFingerprint}s in two flat arrays (open addressing): 16 bytes a slot
 * instead of about 80 for a {@code HashSet} entry, so counting the distinct traces of millions
 * of runs costs tens of megabytes, not hundreds.
 */
final class FingerprintSet {
    private static final double LOAD = 0.75;

    /** Slots whose two halves are both 0 are empty; a fingerprint of two 0 halves is moved. */
    private long[] lows = new long[1024];
    private long[] highs = new long[1024];
    private int size;

    /** @return whether {@code fingerprint} was not in the set yet */
    boolean add(TraceFingerprint fingerprint) {
        return add(fingerprint.low(), fingerprint.high() ^ fingerprint.length() * 0x9E3779B97F4A7C15L);
    }

    /** Adds a 128-bit value given as two halves; @return whether it was new */
    boolean add(long low, long high) {
        if (low == 0 && high == 0) {
            high = 1;
        }
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
        while (lows[slot] != 0 || highs[slot] != 0) {
            if (lows[slot] == low && highs[slot] == high) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        lows[slot] = low;
        highs[slot] = high;
        size++;
        return true;
    }

    private void grow() {
        long[] oldLows = lows;
        long[] oldHighs = highs;
        lows = new long[oldLows.length * 2];
        highs = new long[oldLows.length * 2];
        size = 0;
        for (int i = 0; i < oldLows.length; i++) {
            if (oldLows[i] != 0 || oldHighs[i] != 0) {
                insert(oldLows[i], oldHighs[i]);
            }
        }
    }
}
