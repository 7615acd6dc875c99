package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheDirectoryTest {
    @Test
    void detwasmCacheWinsThenXdgThenHome() {
        assertEquals(
                Optional.of(Path.of("/c")),
                CacheDirectory.of(Map.of("DETWASM_CACHE", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(
                Optional.of(Path.of("/x/detwasm")),
                CacheDirectory.of(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(
                Optional.of(Path.of("/h/.cache/detwasm")),
                CacheDirectory.of(Map.of("HOME", "/h")));
    }

    @Test
    void offTurnsItOffAndARelativeXdgPathIsIgnored() {
        assertEquals(Optional.empty(), CacheDirectory.of(Map.of("DETWASM_CACHE", "off", "HOME", "/h")));
        assertEquals(
                Optional.of(Path.of("/h/.cache/detwasm")),
                CacheDirectory.of(Map.of("XDG_CACHE_HOME", "rel", "HOME", "/h")));
        assertEquals(Optional.empty(), CacheDirectory.of(Map.of()));
    }
}
