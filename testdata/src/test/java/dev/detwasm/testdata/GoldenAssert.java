package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-for-byte comparisons that explain a mismatch with a unified diff. */
final class GoldenAssert {
    private GoldenAssert() {}

    /**
     * Fails unless {@code actual} is {@code expected}, byte for byte, showing the diff from
     * {@code expectedName} to {@code actualName} and then {@code context}.
     */
    static void assertSameBytes(
            String expectedName, byte[] expected, String actualName, byte[] actual, String context) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        String diff = UnifiedDiff.diff(
                expectedName, new String(expected, StandardCharsets.UTF_8),
                actualName, new String(actual, StandardCharsets.UTF_8));
        fail(actualName + " differs from " + expectedName + ":\n"
                + (diff.isEmpty() ? "(the bytes differ but decode to the same text)\n" : diff)
                + context);
    }

    /** The same for texts. */
    static void assertSameText(
            String expectedName, String expected, String actualName, String actual, String context) {
        assertSameBytes(
                expectedName, expected.getBytes(StandardCharsets.UTF_8),
                actualName, actual.getBytes(StandardCharsets.UTF_8), context);
    }
}
