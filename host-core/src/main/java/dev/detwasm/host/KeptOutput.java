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
 * <p>While the kept bytes are the whole stream, the digest is computed only when something asks
 * for it: a plain {@code run} never does, and the JDK's first SHA-256 (its security providers
 * set up) was 2% of a cached run's wall time.
 */
public final class KeptOutput {
    private final byte[] prefix;
    private final long length;
    private volatile byte[] sha256;

    /**
     * @param prefix the first {@code min(length, limit)} bytes
     * @param length how many bytes the guest wrote
     * @param sha256 the SHA-256 of all of them
     */
    public KeptOutput(byte[] prefix, long length, byte[] sha256) {
        this.prefix = prefix.clone();
        this.length = length;
        this.sha256 = sha256.clone();
    }

    /** All of a stream, {@code whole}, which it owns; its digest is computed when asked for. */
    private KeptOutput(byte[] whole) {
        this.prefix = whole;
        this.length = whole.length;
    }

    /** The whole of {@code bytes}, as a run that wrote exactly them would keep it. */
    public static KeptOutput of(byte[] bytes) {
        return new KeptOutput(bytes.clone());
    }

    /** The first {@code min(length, limit)} bytes. */
    public byte[] prefix() {
        return prefix.clone();
    }

    /** How many bytes the guest wrote. */
    public long length() {
        return length;
    }

    /** The SHA-256 of all the bytes the guest wrote. */
    public byte[] sha256() {
        return digest().clone();
    }

    private byte[] digest() {
        byte[] digest = sha256;
        if (digest == null) {
            digest = Recorder.newDigest().digest(prefix);
            sha256 = digest;
        }
        return digest;
    }

    /** Whether {@link #prefix()} is all the guest wrote. */
    public boolean complete() {
        return prefix.length == length;
    }

    /** Same length and digest: the two streams are (up to SHA-256) the same bytes. */
    public boolean sameBytes(KeptOutput other) {
        if (length != other.length) {
            return false;
        }
        return complete() && other.complete()
                ? Arrays.equals(prefix, other.prefix)
                : Arrays.equals(digest(), other.digest());
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

    /** Same length, prefix and digest (a whole stream's digest follows from its bytes). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KeptOutput k
                && length == k.length
                && Arrays.equals(prefix, k.prefix)
                && (complete() || Arrays.equals(digest(), k.digest()));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + Arrays.hashCode(digest());
    }

    @Override
    public String toString() {
        return length + " bytes, sha256 " + HexFormat.of().formatHex(digest());
    }

    /** Receives a stream's bytes as they are written and keeps what {@link KeptOutput} holds. */
    static final class Recorder {
        private final int limit;
        private byte[] prefix = new byte[0];
        private int kept;
        private long length;
        /** Started when the stream outgrows the limit: until then the prefix is all of it. */
        private MessageDigest digest;

        Recorder(int limit) {
            this.limit = limit;
        }

        /**
         * A fresh SHA-256, cloned: looking the algorithm up among the providers, twice per run,
         * cost more than a model checker's run spends on its output.
         */
        static MessageDigest newDigest() {
            return copy(Prototype.SHA_256);
        }

        private static MessageDigest copy(MessageDigest digest) {
            try {
                return (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
            }
        }

        void write(byte[] bytes, int offset, int count) {
            if (digest == null && length + count > limit) {
                digest = newDigest();
                digest.update(prefix, 0, kept);
            }
            if (digest != null) {
                digest.update(bytes, offset, count);
            }
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
            byte[] bytes = Arrays.copyOf(prefix, kept);
            return digest == null
                    ? new KeptOutput(bytes)
                    : new KeptOutput(bytes, length, copy(digest).digest());
        }

        /** Looked up on first use only. */
        private static final class Prototype {
            static final MessageDigest SHA_256 = lookUp();

            private static MessageDigest lookUp() {
                try {
                    return MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("every JDK has SHA-256", e);
                }
            }
        }
    }
}
