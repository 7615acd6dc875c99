package dev.detwasm.wasi;

import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A regular file's content in a {@link MountImage}: bytes in memory, or a host file read when a
 * run first reads it. A host file is known by the size and modification time it had when the
 * mount was loaded; a read that finds either changed fails the run ({@code HostError}, exit 64),
 * so every run sees the same bytes or none. Small host files are kept in memory once read, for
 * the many runs of a model check; larger ones are read at the position asked, every time, so a
 * file of any size (beyond 2 GiB too) costs no memory. Thread-safe.
 */
public final class ImageFile implements ImageNode {
    /** Host files up to this size are kept in memory once read. */
    static final int KEEP_LIMIT = 1 << 20;

    private final long size;
    private final Path host;
    private final FileTime modified;
    private volatile byte[] content;

    private ImageFile(long size, Path host, FileTime modified, byte[] content) {
        this.size = size;
        this.host = host;
        this.modified = modified;
        this.content = content;
    }

    /** A file holding a copy of {@code content}. */
    public static ImageFile of(byte[] content) {
        return new ImageFile(content.length, null, null, content.clone());
    }

    /** The host file {@code path} as {@code attributes} describe it now; read later. */
    static ImageFile onHost(Path path, BasicFileAttributes attributes) {
        return new ImageFile(attributes.size(), path, attributes.lastModifiedTime(), null);
    }

    public long size() {
        return size;
    }

    /**
     * Copies up to {@code length} bytes from {@code position} (within the size) into {@code into}.
     *
     * @return how many bytes were copied: all asked for that lie before the end
     */
    int read(long position, byte[] into, int offset, int length) {
        int n = (int) Math.max(0, Math.min(length, size - position));
        if (n == 0) {
            return 0;
        }
        byte[] kept = content != null || size > KEEP_LIMIT ? content : keep();
        if (kept != null) {
            System.arraycopy(kept, (int) position, into, offset, n);
        } else {
            readHost(position, ByteBuffer.wrap(into, offset, n));
        }
        return n;
    }

    private synchronized byte[] keep() {
        if (content == null) {
            byte[] bytes = new byte[(int) size];
            readHost(0, ByteBuffer.wrap(bytes));
            content = bytes;
        }
        return content;
    }

    private void readHost(long position, ByteBuffer into) {
        try (FileChannel channel = FileChannel.open(host, StandardOpenOption.READ)) {
            checkUnchanged();
            while (into.hasRemaining()) {
                int n = channel.read(into, position);
                if (n < 0) {
                    throw HostChange.during(host);
                }
                position += n;
            }
            checkUnchanged();
        } catch (java.nio.file.NoSuchFileException e) {
            throw HostChange.during(host);
        } catch (IOException e) {
            throw new HostError(ExitCodes.USAGE, "--dir: cannot read " + host + ": "
                    + e.getMessage());
        }
    }

    private void checkUnchanged() throws IOException {
        BasicFileAttributes now =
                Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (now.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw HostChange.during(host);
        }
    }
}
