package dev.detwasm.wasi;

import dev.detwasm.host.Mount;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a host directory recursively into a {@link MountImage}: directories, regular files by
 * size and modification time (their content is read when a run first reads it, see {@link
 * ImageFile}), and symbolic links as links (their text, never followed on the host). This
 * walk is the snapshot a run is held to: a file that changes afterwards fails the run that reads
 * it, rather than showing it different bytes.
 * Other kinds of file (devices, sockets, pipes) are left out. Host metadata (owners, modes,
 * times, inode numbers) is not read at all: the guest sees synthetic values.
 *
 * <p>Each directory is read once per instance and the image is kept, keyed by its absolute
 * path, so the many runs of a model check share one image and see the same content even if
 * the host directory changes meanwhile. Thread-safe.
 */
public final class HostMountLoader implements MountLoader {
    private final Map<Path, MountImage> cache = new ConcurrentHashMap<>();

    @Override
    public MountImage load(Mount mount) {
        Path root = mount.hostPath().toAbsolutePath().normalize();
        return cache.computeIfAbsent(root, r -> read(mount, r));
    }

    private static MountImage read(Mount mount, Path root) {
        if (!Files.isDirectory(root)) {
            throw new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath() + ": "
                    + (Files.exists(root) ? "not a directory" : "no such directory"));
        }
        try {
            return new MountImage(readDirectory(root, root));
        } catch (AccessDeniedException e) {
            throw new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath() + ": cannot read "
                    + e.getFile() + ": permission denied");
        } catch (IOException e) {
            throw new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath() + ": cannot read: "
                    + e.getMessage());
        }
    }

    private static ImageDirectory readDirectory(Path root, Path directory) throws IOException {
        Map<String, ImageNode> entries = new HashMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                ImageNode node = readNode(root, entry);
                if (node != null) {
                    entries.put(entry.getFileName().toString(), node);
                }
            }
        }
        return new ImageDirectory(entries);
    }

    private static ImageNode readNode(Path root, Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(
                    path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // removed while we were reading
        }
        if (attributes.isSymbolicLink()) {
            return new ImageSymlink(guestTarget(root, path, Files.readSymbolicLink(path)));
        }
        if (attributes.isDirectory()) {
            return readDirectory(root, path);
        }
        if (attributes.isRegularFile()) {
            return ImageFile.onHost(path, attributes);
        }
        return null;
    }

    /**
     * A host link's text as the guest sees it: an absolute target inside the mount becomes the
     * same place relative to the link, so no host path reaches the guest; an absolute one outside
     * stays absolute, which the guest can neither follow nor read ({@code ENOTCAPABLE}).
     */
    static String guestTarget(Path root, Path link, Path target) {
        if (!target.isAbsolute()) {
            return target.toString();
        }
        Path normalized = target.normalize();
        if (!normalized.startsWith(root)) {
            return target.toString();
        }
        String relative = link.getParent().relativize(normalized).toString();
        return relative.isEmpty() ? "." : relative;
    }
}
