package dev.detwasm.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void changedLineWithContext() {
        String expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String actual = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals(
                """
                --- expected
                +++ actual
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """,
                UnifiedDiff.diff("expected", expected, "actual", actual));
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String actual = "A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n";
        assertEquals(
                """
                --- x
                +++ y
                @@ -1,4 +1,4 @@
                -a
                +A
                 b
                 c
                 d
                @@ -7,4 +7,4 @@
                 g
                 h
                 i
                -j
                +J
                """,
                UnifiedDiff.diff("x", expected, "y", actual));
    }

    @Test
    void insertionIntoEmptyText() {
        assertEquals(
                """
                --- x
                +++ y
                @@ -0,0 +1,2 @@
                +new
                +lines
                """,
                UnifiedDiff.diff("x", "", "y", "new\nlines\n"));
    }

    @Test
    void missingFinalNewlineIsShown() {
        assertEquals(
                """
                --- x
                +++ y
                @@ -1,2 +1,2 @@
                 same
                -last
                +last
                \\ No newline at end of file
                """,
                UnifiedDiff.diff("x", "same\nlast\n", "y", "same\nlast"));
    }
}
