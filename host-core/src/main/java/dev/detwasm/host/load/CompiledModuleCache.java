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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * The AOT compiler's output kept on disk between processes, one file per compiled module, so a
 * module is compiled once per machine rather than once per process. Entries live in a directory
 * named for the detwasm and Chicory versions (either changes what the compiler emits); an
 * entry's name is the hash of the module's bytes, as Chicory's parser computed it.
 *
 * <p>Every failure is a miss, never an error: a missing, truncated or corrupt entry (each file
 * carries the CRC-32C of its content, checked on read) is deleted and rebuilt, and an entry
 * that cannot be written is simply not kept. Writes go to a temporary file that is then renamed
 * over the entry, so a concurrent reader sees the whole entry or none.
 *
 * <p>An entry's content is a jar of {@link CompiledClasses}; the magic line names its format
 * ({@code -2}: the jar says which functions the compiled code interprets; {@code -3}: the code
 * does not poll the interrupt flag, {@link UninterruptibleCollector}, and the checksum is a
 * CRC-32C), so entries of an older format are misses too. The checksum guards against
 * truncation and corruption (writes are atomic renames, so never against a concurrent writer):
 * a CRC, which the JVM computes with one instruction per 8 bytes even before the JIT has
 * compiled anything, where a SHA-256 of the content cost a cached run milliseconds of
 * interpretation at start-up.
 */
public final class CompiledModuleCache {
    private static final byte[] MAGIC = "detwasm-aot-3\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_LENGTH = Integer.BYTES;

    private final Path directory;

    /** A cache under {@code root}, in the subdirectory for this build's versions. */
    public CompiledModuleCache(Path root) {
        this.directory = root.resolve(versionTag());
    }

    /** The directory holding this build's entries. */
    public Path directory() {
        return directory;
    }

    /** The content of the entry for {@code key}, or null when there is none intact. */
    public byte[] get(String key) {
        Path entry = entry(key);
        byte[] file;
        try {
            file = Files.readAllBytes(entry);
        } catch (IOException e) {
            return null;
        }
        byte[] content = contentOf(file);
        if (content == null) {
            evict(key);
        }
        return content;
    }

    /** Keeps {@code data} as the entry for {@code key}, unless there is one already. */
    public void putIfAbsent(String key, byte[] data) {
        Path entry = entry(key);
        if (Files.exists(entry)) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "entry", ".tmp");
            Files.write(temporary, withHeader(data));
            move(temporary, entry);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
        }
    }

    /**
     * The compiled classes kept for {@code key}, or null when there are none usable (an entry
     * that is not a jar of compiled classes is removed).
     */
    CompiledClasses classes(String key) {
        byte[] content = get(key);
        if (content == null) {
            return null;
        }
        CompiledClasses classes = CompiledClasses.fromJar(content);
        if (classes == null) {
            evict(key);
        }
        return classes;
    }

    void put(String key, CompiledClasses classes) {
        putIfAbsent(key, classes.toJar());
    }

    /** Whether there is an entry for {@code key} (it may still turn out unreadable). */
    public boolean contains(String key) {
        return Files.isRegularFile(entry(key));
    }

    /**
     * The key Chicory's parser gives a module of these bytes ({@link
     * com.dylibso.chicory.wasm.WasmModule#digest()}), computed without parsing them.
     */
    public static String keyOf(byte[] moduleBytes) {
        return "sha-256:" + Base64.getEncoder().encodeToString(sha256(moduleBytes));
    }

    /** Removes the entry for {@code key}: its content could not be used. */
    public void evict(String key) {
        deleteQuietly(entry(key));
    }

    private Path entry(String key) {
        return directory.resolve(HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8))) + ".jar");
    }

    private static byte[] withHeader(byte[] data) {
        return ByteBuffer.allocate(MAGIC.length + CHECKSUM_LENGTH + data.length)
                .put(MAGIC)
                .putInt(crc32c(data, 0, data.length))
                .put(data)
                .array();
    }

    /** The content of an entry file, or null when it is not one written whole by this class. */
    private static byte[] contentOf(byte[] file) {
        int start = MAGIC.length + CHECKSUM_LENGTH;
        if (file.length < start || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        boolean intact = ByteBuffer.wrap(file).getInt(MAGIC.length)
                == crc32c(file, start, file.length - start);
        return intact ? Arrays.copyOfRange(file, start, file.length) : null;
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
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
