package dev.detwasm.modelcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteDeclarationTest {

    @Test
    void parsesFileLineAndOptionalColumn() {
        assertEquals(new SiteDeclaration("a.c:12", "a.c", 12, 0), SiteDeclaration.parse("a.c:12"));
        assertEquals(new SiteDeclaration("src/a.c:12:5", "src/a.c", 12, 5),
                SiteDeclaration.parse("src/a.c:12:5"));
        assertEquals(new SiteDeclaration("C:/x/a.c:3", "C:/x/a.c", 3, 0),
                SiteDeclaration.parse("C:/x/a.c:3"));
    }

    @Test
    void rejectsWhatIsNotASite() {
        for (String bad : List.of("a.c", "a.c:", ":12", "a.c:x", "a.c:99999999999")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> SiteDeclaration.parse(bad));
            assertTrue(e.getMessage().startsWith("--must-reach"), e.getMessage());
        }
    }

    @Test
    void matchesReachedSitesByPathSuffixLineAndColumn() {
        SiteDeclaration anyColumn = SiteDeclaration.parse("counter.c:12");
        assertTrue(anyColumn.matches("/src/counter.c:12:5"));
        assertTrue(anyColumn.matches("counter.c:12:1"));
        assertFalse(anyColumn.matches("/src/mycounter.c:12:5"));
        assertFalse(anyColumn.matches("/src/counter.c:120:5"));
        SiteDeclaration column = SiteDeclaration.parse("src/counter.c:12:5");
        assertTrue(column.matches("/work/src/counter.c:12:5"));
        assertFalse(column.matches("/work/src/counter.c:12:6"));
        assertFalse(column.matches("garbage"));
    }
}
