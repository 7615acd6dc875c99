package dev.detwasm.host.debug;

/** A source position from DWARF: the file as the compiler recorded it, 1-based line. */
public record SourceLine(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
