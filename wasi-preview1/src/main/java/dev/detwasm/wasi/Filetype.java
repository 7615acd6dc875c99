package dev.detwasm.wasi;

/** WASI {@code filetype} values. */
final class Filetype {
    static final int CHARACTER_DEVICE = 2;
    static final int DIRECTORY = 3;
    static final int REGULAR_FILE = 4;
    static final int SYMBOLIC_LINK = 7;

    private Filetype() {}
}
