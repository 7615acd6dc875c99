package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list of strings laid out as C does for {@code argv} and {@code environ}: NUL-terminated
 * UTF-8 strings in one buffer, and an array of pointers to them. Serves the {@code *_sizes_get}
 * and {@code *_get} pairs.
 */
final class CStringList {
    private final byte[][] strings;
    private final int bufferSize;

    CStringList(List<String> values) {
        strings = new byte[values.size()][];
        int size = 0;
        for (int i = 0; i < strings.length; i++) {
            strings[i] = (values.get(i) + "\0").getBytes(StandardCharsets.UTF_8);
            size += strings[i].length;
        }
        bufferSize = size;
    }

    /** Writes the number of strings to {@code countPtr} and the buffer size to {@code sizePtr}. */
    int sizesGet(GuestMemory memory, int countPtr, int sizePtr) {
        memory.check(countPtr, 4);
        memory.check(sizePtr, 4);
        memory.writeI32(countPtr, strings.length);
        memory.writeI32(sizePtr, bufferSize);
        return Errno.SUCCESS;
    }

    /** Writes the pointers to {@code pointersPtr} and the strings to {@code bufferPtr}. */
    int get(GuestMemory memory, int pointersPtr, int bufferPtr) {
        memory.check(pointersPtr, 4L * strings.length);
        memory.check(bufferPtr, bufferSize);
        int at = bufferPtr;
        for (int i = 0; i < strings.length; i++) {
            memory.writeI32(pointersPtr + 4 * i, at);
            memory.writeBytes(at, strings[i]);
            at += strings[i].length;
        }
        return Errno.SUCCESS;
    }
}
