package dev.detwasm.transform;

/**
 * The bytes given to the rewriter are not a wasm module it can read: truncated, sections out
 * of order, a bad LEB128, a count beyond the end, an unknown opcode or section, or a feature
 * the rewriter does not support. The message is one line naming the byte offset.
 */
public final class MalformedModuleException extends RuntimeException {
    private final int offset;

    public MalformedModuleException(int offset, String problem) {
        super("malformed wasm module at byte offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** The offset in the input of the byte where reading failed. */
    public int offset() {
        return offset;
    }
}
