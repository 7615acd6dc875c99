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
        TEXT,
        /** A pointer the call writes a u32 to (a count, an fd): hex and the value after the call. */
        OUT_U32,
        /** A pointer the call writes a u64 to (a time, an offset): hex and the value after. */
        OUT_U64,
        /**
         * A pointer to the iovecs of a write, whose count is the next parameter: hex, the count,
         * the bytes they hold and the first of them quoted.
         */
        IOVECS,
        /**
         * poll_oneoff's subscriptions, whose count is the parameter after the next: hex and each
         * subscription (a clock's timeout in ns, or the fd waited on).
         */
        SUBSCRIPTIONS
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

    /** A pointer to a u32 the call writes. */
    static Param out32(String name) {
        return new Param(name, ValType.I32, Format.OUT_U32);
    }

    /** A pointer to a u64 the call writes. */
    static Param out64(String name) {
        return new Param(name, ValType.I32, Format.OUT_U64);
    }

    /** A pointer to iovecs; the parameter after it must be their count. */
    static Param iovecs(String name) {
        return new Param(name, ValType.I32, Format.IOVECS);
    }

    /** poll_oneoff's {@code in}; the parameter two after it must be the count. */
    static Param subscriptions(String name) {
        return new Param(name, ValType.I32, Format.SUBSCRIPTIONS);
    }

    /** A pointer to a path or other text; the parameter after it must be its length. */
    public static Param text(String name) {
        return new Param(name, ValType.I32, Format.TEXT);
    }
}
