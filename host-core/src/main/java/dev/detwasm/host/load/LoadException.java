package dev.detwasm.host.load;

/** The module could not be read, parsed, validated, compiled or linked. One line for users. */
public final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
