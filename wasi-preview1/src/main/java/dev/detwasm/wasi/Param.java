package dev.detwasm.wasi;

import com.dylibso.chicory.wasm.types.ValType;

/**
 * One parameter of a host function built with {@link WasiFunctionTable}: its wasm type, and how
 * {@code --trace-wasi} shows it.
 *
 * @param name the spec's name, shown in traces
 * @param type the wasm type in the function's signature
 * @param format how the value is shown
 */
public record Param(String name, ValType type, Format format) {

    /** How a value is shown in a trace line. */
    public enum Format {
        /** Signed decimal. */
        DECIMAL,
        /** Hexadecimal: pointers and flags. */
        HEX,
        /** A pointer to UTF-8 text whose length is the next parameter: hex and the quoted text. */
        TEXT
    }

    public static Param i32(String name) {
        return new Param(name, ValType.I32, Format.DECIMAL);
    }

    public static Param i64(String name) {
        return new Param(name, ValType.I64, Format.DECIMAL);
    }

    public static Param ptr(String name) {
        return new Param(name, ValType.I32, Format.HEX);
    }

    public static Param flags(String name) {
        return new Param(name, ValType.I32, Format.HEX);
    }

    public static Param flags64(String name) {
        return new Param(name, ValType.I64, Format.HEX);
    }

    /** A pointer to a path or other text; the parameter after it must be its length. */
    public static Param text(String name) {
        return new Param(name, ValType.I32, Format.TEXT);
    }
}
