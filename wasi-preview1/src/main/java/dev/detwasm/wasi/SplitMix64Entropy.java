package dev.detwasm.wasi;

/**
 * The default {@link Entropy}: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", 2014), written out here so that its output never depends on
 * the JDK. The state starts at the seed; each step adds {@code 0x9E3779B97F4A7C15} and mixes:
 *
 * <pre>
 * z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 * z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 * z =  z ^ (z >>> 31)
 * </pre>
 *
 * Each 64-bit output gives eight bytes, least significant first. Bytes left over from a word
 * are used by the next request, so the stream does not depend on how the guest splits its
 * requests: two {@code random_get} of 4 bytes see the same bytes as one of 8. Not
 * cryptographically secure, which a reproducible sandbox cannot be anyway.
 */
public final class SplitMix64Entropy implements Entropy {

    @Override
    public EntropyStream open(long seed) {
        return new Stream(seed);
    }

    /** SplitMix64's next output for {@code state}, which the caller has already advanced. */
    static long mix(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Stream implements EntropyStream {
        private long state;
        private long word;
        private int bytesLeft;

        Stream(long seed) {
            this.state = seed;
        }

        @Override
        public void nextBytes(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytesLeft == 0) {
                    state += 0x9E3779B97F4A7C15L;
                    word = mix(state);
                    bytesLeft = 8;
                }
                bytes[i] = (byte) word;
                word >>>= 8;
                bytesLeft--;
            }
        }
    }
}
