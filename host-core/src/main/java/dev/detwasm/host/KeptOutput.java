package dev.detwasm.host;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a run keeps of one of the guest's output streams: its length, its SHA-256 and its first
 * bytes up to a limit. Enough to compare two runs byte for byte ({@code --verify}, the model
 * checker's distinct outcomes) and to show the output in a report, at a memory cost that does
 * not grow with the output.
 *
 * @param prefix the first {@code min(length, limit)} bytes
 * @param length how many bytes the guest wrote
 * @param sha256 the SHA-256 of all of them
 */
public record KeptOutput(byte[] prefix, long length, byte[] sha256) {

    public KeptOutput {
        prefix = prefix.clone();
        sha256 = sha256.clone();
    }

    /** The whole of {@code bytes}, as a run that wrote exactly them would keep it. */
    public static KeptOutput of(byte[] bytes) {
        Recorder recorder = new Recorder(bytes.length);
        recorder.write(bytes, 0, bytes.length);
        return recorder.kept();
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Whether {@link #prefix()} is all the guest wrote. */
    public boolean complete() {
        return prefix.length == length;
    }

    /** Same length and digest: the two streams are (up to SHA-256) the same bytes. */
    public boolean sameBytes(KeptOutput other) {
        return length == other.length && Arrays.equals(sha256, other.sha256);
    }

    /**
     * The offset of the first byte where the two streams differ, or -1 when the kept prefixes do
     * not show it (the streams are equal, or differ only past what was kept).
     */
    public long firstDifference(KeptOutput other) {
        int common = Math.min(prefix.length, other.prefix.length);
        int mismatch = Arrays.mismatch(prefix, 0, common, other.prefix, 0, common);
        if (mismatch >= 0) {
            return mismatch;
        }
        boolean oneEndsThere =
                complete() && prefix.length == common
                        || other.complete() && other.prefix.length == common;
        return length != other.length && oneEndsThere ? common : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeptOutput k
                && length == k.length
                && Arrays.equals(sha256, k.sha256)
                && Arrays.equals(prefix, k.prefix);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return length + " bytes, sha256 " + HexFormat.of().formatHex(sha256);
    }

    /** Receives a stream's bytes as they are written and keeps what {@link KeptOutput} holds. */
    static final class Recorder {
        /**
         * Cloned for each stream: looking the algorithm up among the providers, twice per run,
         * cost more than a model checker's run spends on its output.
         */
        private static final MessageDigest SHA_256 = sha256();

        private final int limit;
        private final MessageDigest digest;
        private byte[] prefix = new byte[0];
        private int kept;
        private long length;

        Recorder(int limit) {
            this.limit = limit;
            this.digest = copy(SHA_256);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private static MessageDigest copy(MessageDigest digest) {
            try {
                return (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
            }
        }

        void write(byte[] bytes, int offset, int count) {
            digest.update(bytes, offset, count);
            length += count;
            int take = Math.min(count, limit - kept);
            if (take > 0) {
                if (kept + take > prefix.length) {
                    int grown = Math.max(kept + take, 2 * prefix.length);
                    prefix = Arrays.copyOf(prefix, Math.min(limit, grown));
                }
                System.arraycopy(bytes, offset, prefix, kept, take);
                kept += take;
            }
        }

        KeptOutput kept() {
            return new KeptOutput(Arrays.copyOf(prefix, kept), length, copy(digest).digest());
        }
    }
}
