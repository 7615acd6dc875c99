package dev.detwasm.host.load;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a module from a file. Whether it is a binary or WAT text is decided by its content (the
 * {@code \0asm} magic), never by its extension.
 */
public final class ProgramLoader {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private final Optional<CompiledModuleCache> cache;

    /** A loader whose programs compile in memory only. */
    public ProgramLoader() {
        this(Optional.empty());
    }

    /** A loader whose programs keep their AOT compilation in {@code cache}, when present. */
    public ProgramLoader(Optional<CompiledModuleCache> cache) {
        this.cache = cache;
    }

    /** This loader without its compile cache. */
    public ProgramLoader withoutCache() {
        return new ProgramLoader();
    }

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

    /**
     * Loads from memory; {@code name} is used in messages. When the compile cache holds these
     * bytes they were valid when the entry was written, by this Chicory: the module is parsed
     * without validating it again, unless validation would leave hints its execution reads.
     */
    public Program load(String name, byte[] bytes) throws LoadException {
        byte[] binary = isBinary(bytes) ? bytes : fromText(name, bytes);
        if (cache.isPresent() && cache.get().contains(CompiledModuleCache.keyOf(binary))) {
            WasmModule module = parse(name, binary, false);
            if (!ValidatorHints.needed(module)) {
                return new Program(name, binary, module, cache, binary);
            }
        }
        return new Program(name, binary, parse(name, binary, true), cache, null);
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
        try {
            return WatText.compile(name, bytes);
        } catch (NoClassDefFoundError e) {
            throw new LoadException(name + ": WAT text needs the dev.detwasm:wat artifact on the"
                    + " class path (wasm binaries load without it)");
        }
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

    static WasmModule parse(String name, byte[] binary, boolean validate) throws LoadException {
        try {
            return Parser.builder().withValidation(validate).build().parse(() -> new ByteArrayInputStream(binary));
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
