package dev.detwasm.modelcheck;

import java.util.List;

/**
 * One of {@code count} processes that share an exploration ({@code check --shard K/N}): it owns
 * run n of a sampling strategy when n mod N is K - 1, and a subtree of a systematic one when its
 * key (the choices at the first {@link #splitDepth} branching decisions) hashes to K - 1.
 *
 * @param index K, from 1
 * @param count N
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("--shard K/N needs N >= 1, got " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "--shard K/N needs 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** {@code K/N}, as the command line writes it. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new NumberFormatException();
            }
            return new Shard(
                    Integer.parseInt(text.substring(0, slash)),
                    Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--shard takes K/N with whole numbers, e.g. 2/4, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** Whether run {@code number} of a sampling strategy is this shard's. */
    boolean ownsNumber(long number) {
        return number % count == index - 1;
    }

    /** Whether the subtree of a systematic strategy with this key is this shard's. */
    boolean ownsKey(List<Integer> key) {
        long h = 0x243F6A8885A308D3L;
        for (int choice : key) {
            h = RunSeed.mix(h + choice + 1);
        }
        return Long.remainderUnsigned(RunSeed.mix(h + key.size()), count) == index - 1;
    }

    /**
     * How many branching decisions make a subtree's key: deep enough that the keys outnumber the
     * shards several times over, so that hashing them balances the shards; each shard makes the
     * runs above that depth itself, to find its subtrees.
     */
    int splitDepth() {
        return 4 + (32 - Integer.numberOfLeadingZeros(count - 1));
    }
}
