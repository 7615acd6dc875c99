package dev.detwasm.host.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * The AOT compiler's output kept on disk between processes, one file per compiled module, so a
 * module is compiled once per machine rather than once per process. Entries live in a directory
 * named for the detwasm and Chicory versions (either changes what the compiler emits).
 *
 * <p>An entry is named for the module's length and CRC-32C ({@link #nameOf}) and holds the
 * module's bytes beside the compiled classes: only an entry whose bytes equal the module's is a
 * hit. So correctness never rests on the name (a CRC is no cryptographic hash: two modules with
 * one name only evict each other), and a cached run hashes nothing: the SHA-256 key this
 * replaced was computed on every cached run, interpreted at start-up (the cached 2.5 MB Go
 * program took 0.93x the CPU without it), where the JVM computes a CRC-32C with one
 * instruction per 8 bytes even in the interpreter and the comparison is an array mismatch.
 * An entry is one Java array, so a module and classes together past 2 GiB are not kept.
 *
 * <p>Every failure is a miss, never an error: a missing, truncated or corrupt entry (each file
 * carries the CRC-32C of its content, checked on read) is deleted and rebuilt, and an entry
 * that cannot be written is simply not kept. Writes go to a temporary file that is then renamed
 * over the entry, so a concurrent reader sees the whole entry or none.
 *
 * <p>An entry's content is a jar of {@link CompiledClasses}; the magic line names its format
 * ({@code -2}: the jar says which functions the compiled code interprets; {@code -3}: the code
 * does not poll the interrupt flag, {@link UninterruptibleCollector}, and the checksum is a
 * CRC-32C; {@code -4}: named by CRC-32C and holding the module), so entries of an older format
 * are misses too. The checksum guards against truncation and corruption (writes are atomic
 * renames, so never against a concurrent writer).
 */
public final class CompiledModuleCache {
    private static final byte[] MAGIC = "detwasm-aot-4\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_LENGTH = Integer.BYTES;
    /** Where the module's length is, and the checksummed rest of the file begins. */
    private static final int CHECKED_FROM = MAGIC.length + CHECKSUM_LENGTH;
    /** Magic, checksum and the module's length. */
    private static final int HEADER_LENGTH = CHECKED_FROM + Integer.BYTES;
    /** An entry is one Java array; a module and its classes larger than that are not kept. */
    private static final long MAX_ENTRY = Integer.MAX_VALUE - 8;

    private final Path directory;

    /** A cache under {@code root}, in the subdirectory for this build's versions. */
    public CompiledModuleCache(Path root) {
        this.directory = root.resolve(versionTag());
    }

    /** The directory holding this build's entries. */
    public Path directory() {
        return directory;
    }

    /** The content kept for {@code module}, or null when there is none intact. */
    public byte[] get(byte[] module) {
        Path entry = entry(module);
        byte[] file;
        try {
            file = Files.readAllBytes(entry);
        } catch (IOException e) {
            return null;
        }
        int length = moduleLength(file);
        if (length < 0) {
            deleteQuietly(entry);
            return null;
        }
        int data = HEADER_LENGTH + length;
        // Another module of the same name: a miss, and its entry stays until this one replaces it.
        if (length != module.length
                || !Arrays.equals(file, HEADER_LENGTH, data, module, 0, length)) {
            return null;
        }
        return Arrays.copyOfRange(file, data, file.length);
    }

    /** Keeps {@code data} for {@code module}, unless that module's entry is there already. */
    public void putIfAbsent(byte[] module, byte[] data) {
        Path entry = entry(module);
        if (HEADER_LENGTH + (long) module.length + data.length > MAX_ENTRY || get(module) != null) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "entry", ".tmp");
            Files.write(temporary, entryFile(module, data));
            move(temporary, entry);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
        }
    }

    /**
     * The compiled classes kept for {@code module}, or null when there are none usable (an
     * entry that is not a jar of compiled classes is removed).
     */
    CompiledClasses classes(byte[] module) {
        byte[] content = get(module);
        if (content == null) {
            return null;
        }
        CompiledClasses classes = CompiledClasses.fromJar(content);
        if (classes == null) {
            evict(module);
        }
        return classes;
    }

    void put(byte[] module, CompiledClasses classes) {
        putIfAbsent(module, classes.toJar());
    }

    /** Whether there is an entry for {@code module} whose classes it would use. */
    public boolean contains(byte[] module) {
        return get(module) != null;
    }

    /** The name of {@code module}'s entry: its length and CRC-32C. */
    public static String nameOf(byte[] module) {
        // Not String.format: its first use (Formatter's parser) cost a cached run 7 ms of start-up.
        return HexFormat.of().toHexDigits(crc32c(module, 0, module.length)) + "-" + module.length;
    }

    /** Removes the entry for {@code module}: its content could not be used. */
    public void evict(byte[] module) {
        deleteQuietly(entry(module));
    }

    private Path entry(byte[] module) {
        return directory.resolve(nameOf(module) + ".entry");
    }

    /** MAGIC, the checksum of the rest, the module's length and bytes, then {@code data}. */
    private static byte[] entryFile(byte[] module, byte[] data) {
        ByteBuffer file = ByteBuffer.allocate(HEADER_LENGTH + module.length + data.length)
                .put(MAGIC)
                .putInt(0)
                .putInt(module.length)
                .put(module)
                .put(data);
        byte[] bytes = file.array();
        return file.putInt(MAGIC.length, crc32c(bytes, CHECKED_FROM, bytes.length - CHECKED_FROM))
                .array();
    }

    /**
     * The length of the module an entry file holds, or -1 when the file is not an entry written
     * whole by this class, in this format.
     */
    private static int moduleLength(byte[] file) {
        if (file.length < HEADER_LENGTH
                || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(file);
        int length = header.getInt(CHECKED_FROM);
        boolean intact = header.getInt(MAGIC.length)
                == crc32c(file, CHECKED_FROM, file.length - CHECKED_FROM);
        return intact && length >= 0 && length <= file.length - HEADER_LENGTH ? length : -1;
    }

    private static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Another process may hold or have removed it; the next run tries again.
        }
    }

    /** {@code detwasm-VERSION_chicory-VERSION}, from the properties Maven wrote at build time. */
    static String versionTag() {
        Properties p = new Properties();
        try (InputStream in = CompiledModuleCache.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "detwasm-" + p.getProperty("detwasm", "unknown")
                + "_chicory-" + p.getProperty("chicory", "unknown");
    }
}
