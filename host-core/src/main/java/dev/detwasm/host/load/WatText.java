package dev.detwasm.host.load;

import dev.detwasm.wat.WatCompiler;
import dev.detwasm.wat.WatException;

/**
 * The one class that refers to the optional wat module, so that {@link ProgramLoader} loads
 * without it and only WAT text needs it.
 */
final class WatText {
    private WatText() {}

    static byte[] compile(String name, byte[] text) throws LoadException {
        try {
            return WatCompiler.compile(text);
        } catch (WatException e) {
            throw new LoadException(name + ": " + e.getMessage());
        }
    }
}
