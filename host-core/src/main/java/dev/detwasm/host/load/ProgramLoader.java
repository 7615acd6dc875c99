package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.InterpreterFallback;
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
    private final InterpreterFallback fallback;

    /** A loader whose programs compile in memory only. */
    public ProgramLoader() {
        this(Optional.empty());
    }

    /**
     * A loader whose programs keep their AOT compilation in {@code cache}, when present. Their
     * compilation is silent: a function too large for a JVM method runs interpreted without a
     * word (CPython has hundreds; Chicory would print a line for each).
     */
    public ProgramLoader(Optional<CompiledModuleCache> cache) {
        this(cache, InterpreterFallback.SILENT);
    }

    private ProgramLoader(Optional<CompiledModuleCache> cache, InterpreterFallback fallback) {
        this.cache = cache;
        this.fallback = fallback;
    }

    /** This loader without its compile cache. */
    public ProgramLoader withoutCache() {
        return new ProgramLoader(Optional.empty(), fallback);
    }

    /**
     * This loader, but its programs' compilation prints Chicory's line ("Warning: using
     * interpreted mode for WASM function index N") on stderr for each such function.
     */
    public ProgramLoader warningInterpretedFunctions() {
        return new ProgramLoader(cache, InterpreterFallback.WARN);
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
     * without validating it again, unless validation would leave hints its execution reads; and
     * when the entry's compiled code interprets no function, without its function bodies (a
     * large module's bodies are most of its loading time and memory), until a run asks for them.
     */
    public Program load(String name, byte[] bytes) throws LoadException {
        byte[] binary = isBinary(bytes) ? bytes : fromText(name, bytes);
        CompiledClasses compiled = cache.map(c -> c.classes(binary)).orElse(null);
        if (compiled != null && compiled.interpreted().isEmpty()) {
            return new Program(
                    name, ModuleDeclarations.parse(name, binary), cache, compiled, fallback,
                    binary);
        }
        if (compiled != null) {
            WasmModule module = parse(name, binary, false);
            if (!ValidatorHints.needed(module)) {
                return new Program(name, module, cache, compiled, fallback, binary);
            }
        }
        return new Program(name, parse(name, binary, true), cache, null, fallback, binary);
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
        WasmModule module;
        try {
            module = Parser.builder().withValidation(validate).build()
                    .parse(() -> new ByteArrayInputStream(binary));
        } catch (ChicoryException e) {
            throw new LoadException(name + ": invalid module: " + oneLine(e.getMessage()));
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            // The parser reports truncated input with index and buffer exceptions, some malformed
            // code with its own assertions (when they are enabled), deep nesting by overflowing.
            throw new LoadException(name + ": invalid module: truncated or malformed binary");
        }
        String badName = Utf8Names.firstInvalid(binary);
        if (badName != null) {
            throw new LoadException(name + ": invalid module: " + badName);
        }
        return module;
    }

    /** The first line of an exception's message, for a one-line error. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "malformed";
        }
        return message.strip().lines().findFirst().orElse("malformed");
    }
}
