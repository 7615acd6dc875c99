package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The guest's output streams through and only a bounded prefix and a digest stay in memory. */
class GuestOutputTest {

    @Test
    void echoesEverythingAndKeepsAPrefixLengthAndDigest() throws Exception {
        var echo = new ByteArrayOutputStream();
        GuestOutput output = new GuestOutput(echo, null, 100);
        byte[] all = new byte[10_000];
        new Random(1).nextBytes(all);
        for (int at = 0; at < all.length; at += 333) {
            output.writeStdout(all, at, Math.min(333, all.length - at));
        }
        KeptOutput kept = output.stdout();
        assertArrayEquals(all, echo.toByteArray());
        assertArrayEquals(Arrays.copyOf(all, 100), kept.prefix());
        assertEquals(10_000, kept.length());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(all), kept.sha256());
        assertFalse(kept.complete());
        assertEquals(KeptOutput.of(new byte[0]), output.stderr());
    }

    @Test
    void aShortStreamIsKeptWhole() {
        GuestOutput output = GuestOutput.captured();
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        output.writeStderr(hello, 0, hello.length);
        assertTrue(output.stderr().complete());
        assertEquals(KeptOutput.of(hello), output.stderr());
    }

    @Test
    void aWholeStreamsDigestIsComputedWhenAskedForAndAgreesWithAGivenOne() throws Exception {
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(hello);
        KeptOutput computed = KeptOutput.of(hello);
        KeptOutput given = new KeptOutput(hello, hello.length, sha);
        assertArrayEquals(sha, computed.sha256());
        assertEquals(given, computed);
        assertEquals(computed, given);
        assertEquals(given.hashCode(), computed.hashCode());
        assertTrue(computed.sameBytes(given));
        assertEquals(given.toString(), computed.toString());
    }

    @Test
    void aStreamThatOutgrowsTheLimitInTheMiddleOfAWriteIsDigestedWhole() throws Exception {
        GuestOutput output = GuestOutput.captured(4);
        byte[] all = {1, 2, 3, 4, 5, 6};
        output.writeStdout(all, 0, 3);
        output.writeStdout(all, 3, 3);
        KeptOutput kept = output.stdout();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(all), kept.sha256());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, kept.prefix());
        assertEquals(6, kept.length());
        assertFalse(kept.sameBytes(KeptOutput.of(Arrays.copyOf(all, 4))));
    }

    @Test
    void keepingNothingStillTellsStreamsApart() {
        GuestOutput a = GuestOutput.captured(0);
        GuestOutput b = GuestOutput.captured(0);
        a.writeStdout(new byte[] {1, 2, 3}, 0, 3);
        b.writeStdout(new byte[] {1, 2, 4}, 0, 3);
        assertEquals(0, a.stdout().prefix().length);
        assertFalse(a.stdout().sameBytes(b.stdout()));
        assertEquals(-1, a.stdout().firstDifference(b.stdout()));
    }

    @Test
    void theFirstDifferenceIsFoundInTheKeptPrefixesOrAtTheEndOfTheShorterStream() {
        KeptOutput abc = KeptOutput.of("abc".getBytes(StandardCharsets.UTF_8));
        KeptOutput abd = KeptOutput.of("abd".getBytes(StandardCharsets.UTF_8));
        KeptOutput ab = KeptOutput.of("ab".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, abc.firstDifference(abd));
        assertEquals(2, abc.firstDifference(ab));
        assertEquals(-1, abc.firstDifference(abc));
        assertTrue(abc.sameBytes(KeptOutput.of("abc".getBytes(StandardCharsets.UTF_8))));
    }
}
