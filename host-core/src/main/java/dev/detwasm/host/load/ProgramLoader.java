package dev.detwasm.host.load;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a module from a file. Whether it is a binary or WAT text is decided by its content (the
 * {@code \0asm} magic), never by its extension.
 */
public final class ProgramLoader {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    public Program load(Path file) throws LoadException {
        return load(file.getFileName().toString(), read(file));
    }

    /**
     * The wasm binary in {@code file}, WAT text compiled, not parsed further: for tools that
     * read the binary themselves.
     */
    public byte[] binary(Path file) throws LoadException {
        String name = file.getFileName().toString();
        byte[] bytes = read(file);
        return isBinary(bytes) ? bytes : fromText(name, bytes);
    }

    private static byte[] read(Path file) throws LoadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LoadException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new LoadException(file + ": permission denied");
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage());
        }
        return bytes;
    }

    /** Loads from memory; {@code name} is used in messages. */
    public Program load(String name, byte[] bytes) throws LoadException {
        byte[] binary = isBinary(bytes) ? bytes : fromText(name, bytes);
        return new Program(name, binary, parse(name, binary));
    }

    private static boolean isBinary(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] fromText(String name, byte[] bytes) throws LoadException {
        if (!looksLikeText(bytes)) {
            throw new LoadException(name + ": not a wasm module (no \\0asm magic) nor WAT text");
        }
        return WatCompiler.compile(name, bytes);
    }

    /** WAT is text whose first meaningful character opens an s-expression or a comment. */
    private static boolean looksLikeText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            return b == '(' || b == ';';
        }
        return false;
    }

    static WasmModule parse(String name, byte[] binary) throws LoadException {
        try {
            return Parser.parse(binary);
        } catch (ChicoryException e) {
            throw new LoadException(name + ": invalid module: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The parser reports truncated input with index and buffer exceptions.
            throw new LoadException(name + ": invalid module: truncated or malformed binary");
        }
    }

    /** The first line of an exception's message, for a one-line error. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "malformed";
        }
        return message.strip().lines().findFirst().orElse("malformed");
    }
}
