package dev.detwasm.host.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that the names of a wasm binary (import module and field names, export names, custom
 * section names) are valid UTF-8, as the spec requires. Chicory decodes them leniently, turning
 * bad bytes into U+FFFD, so the check reads the binary itself; it runs after Chicory has parsed
 * the module, so the sections are known to be well formed.
 */
final class Utf8Names {
    private static final int CUSTOM = 0;
    private static final int IMPORT = 2;
    private static final int EXPORT = 7;

    private final byte[] bytes;
    private int at;

    private Utf8Names(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @return a description of the first name that is not UTF-8, or null when all are */
    static String firstInvalid(byte[] binary) {
        try {
            return new Utf8Names(binary).scan();
        } catch (ArrayIndexOutOfBoundsException e) {
            return "a name runs past the end of its section";
        }
    }

    private String scan() {
        at = 8;
        while (at < bytes.length) {
            int id = bytes[at++] & 0xFF;
            long size = leb();
            int end = (int) (at + size);
            String invalid = switch (id) {
                case CUSTOM -> name("custom section name");
                case IMPORT -> imports();
                case EXPORT -> exports();
                default -> null;
            };
            if (invalid != null) {
                return invalid;
            }
            at = end;
        }
        return null;
    }

    private String imports() {
        long count = leb();
        for (long i = 0; i < count; i++) {
            String invalid = name("import module name");
            if (invalid == null) {
                invalid = name("import name");
            }
            if (invalid != null) {
                return invalid;
            }
            int kind = bytes[at++] & 0xFF;
            switch (kind) {
                case 0x00 -> leb(); // function: type index
                case 0x01 -> { // table: reference type, limits
                    valueType();
                    limits();
                }
                case 0x02 -> limits(); // memory
                case 0x03 -> { // global: value type, mutability
                    valueType();
                    at++;
                }
                case 0x04 -> { // tag: attribute, type index
                    at++;
                    leb();
                }
                default -> {
                    return null; // Chicory accepted it; nothing more we can read safely
                }
            }
        }
        return null;
    }

    private String exports() {
        long count = leb();
        for (long i = 0; i < count; i++) {
            String invalid = name("export name");
            if (invalid != null) {
                return invalid;
            }
            at++; // kind
            leb(); // index
        }
        return null;
    }

    private String name(String what) {
        int length = (int) leb();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, at, length));
        } catch (CharacterCodingException e) {
            return what + " at byte " + at + " is not valid UTF-8";
        }
        at += length;
        return null;
    }

    private void valueType() {
        int type = bytes[at++] & 0xFF;
        if (type == 0x63 || type == 0x64) {
            leb(); // a typed reference's heap type (an s33; skipping it needs no sign)
        }
    }

    private void limits() {
        int flags = bytes[at++] & 0xFF;
        leb();
        if ((flags & 1) != 0) {
            leb();
        }
    }

    private long leb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = bytes[at++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }
}
