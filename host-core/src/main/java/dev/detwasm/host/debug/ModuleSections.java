package dev.detwasm.host.debug;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The layout of a wasm binary as DWARF needs it: where the code section's payload starts (DWARF
 * addresses count from there) and the bytes of each custom section by name. The module has been
 * validated by the time this runs; an overrun still only ends the scan.
 */
final class ModuleSections {
    private static final int CODE = 10;
    private static final int CUSTOM = 0;
    private static final int HEADER = 8;

    private int codeStart = -1;
    private final Map<String, byte[]> custom = new HashMap<>();

    ModuleSections(byte[] wasm) {
        int[] at = {HEADER};
        try {
            while (at[0] < wasm.length) {
                int id = wasm[at[0]++] & 0xff;
                int size = (int) leb(wasm, at);
                int payload = at[0];
                int end = payload + size;
                if (size < 0 || end > wasm.length) {
                    return;
                }
                if (id == CODE) {
                    codeStart = payload;
                } else if (id == CUSTOM) {
                    int nameLength = (int) leb(wasm, at);
                    String name = new String(wasm, at[0], nameLength, StandardCharsets.UTF_8);
                    int content = at[0] + nameLength;
                    byte[] bytes = new byte[end - content];
                    System.arraycopy(wasm, content, bytes, 0, bytes.length);
                    custom.putIfAbsent(name, bytes);
                }
                at[0] = end;
            }
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            // a truncated trailing section: keep what was read
        }
    }

    /** The file offset of the code section's payload, or -1 when the module has no code. */
    int codeStart() {
        return codeStart;
    }

    /** The content of the custom section {@code name} (after its name), or null. */
    byte[] custom(String name) {
        return custom.get(name);
    }

    private static long leb(byte[] bytes, int[] at) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[at[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0 || shift > 28) {
                return result;
            }
        }
    }
}
