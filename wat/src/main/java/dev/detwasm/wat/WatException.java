package dev.detwasm.wat;

/** WAT text that does not compile; the message is wat2wasm's first error line. */
public final class WatException extends Exception {
    private static final long serialVersionUID = 1L;

    WatException(String message) {
        super(message);
    }
}
