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
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a host directory into a {@link MountImage} as runs visit it: each directory is listed
 * when a run first uses it, regular files are known by size and modification time (their
 * content is read when a run first reads it, see {@link ImageFile}), and symbolic links as links
 * (their text, never followed on the host). What was seen is kept: a directory whose
 * modification time differs, when it is listed, from what its parent's listing (or the mount,
 * for the root) saw fails the run that lists it, as a changed file fails the run that reads it,
 * rather than showing it other entries.
 * Other kinds of file (devices, sockets, pipes) are left out. Host metadata (owners, modes,
 * times, inode numbers) is not read at all: the guest sees synthetic values.
 *
 * <p>Each mount's image is kept, keyed by its absolute path, so the many runs of a model check
 * share one image and see the same content even if the host directory changes meanwhile.
 * Thread-safe.
 */
public final class HostMountLoader implements MountLoader {
    private final Map<Path, MountImage> cache = new ConcurrentHashMap<>();

    @Override
    public MountImage load(Mount mount) {
        Path root = mount.hostPath().toAbsolutePath().normalize();
        return cache.computeIfAbsent(root, r -> new MountImage(new Reader(mount, r).rootDirectory()));
    }

    /** Reads the directories of one mount. */
    private record Reader(Mount mount, Path root) {
        ImageDirectory rootDirectory() {
            try {
                BasicFileAttributes attributes = Files.readAttributes(root,
                        BasicFileAttributes.class);
                if (attributes.isDirectory()) {
                    return directory(root, attributes.lastModifiedTime());
                }
            } catch (NoSuchFileException e) {
                throw new HostError(ExitCodes.USAGE,
                        "--dir " + mount.hostPath() + ": no such directory");
            } catch (IOException e) {
                throw cannotRead(e);
            }
            throw new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath() + ": not a directory");
        }

        private ImageDirectory directory(Path directory, FileTime modified) {
            return ImageDirectory.lazy(() -> list(directory, modified));
        }

        private Map<String, ImageNode> list(Path directory, FileTime modified) {
            try {
                checkUnchanged(directory, modified);
                Map<String, ImageNode> entries = new HashMap<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                    for (Path entry : stream) {
                        ImageNode node = node(entry);
                        if (node != null) {
                            entries.put(entry.getFileName().toString(), node);
                        }
                    }
                }
                checkUnchanged(directory, modified);
                return entries;
            } catch (NoSuchFileException e) {
                throw HostChange.during(directory);
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }

        private static void checkUnchanged(Path directory, FileTime modified) throws IOException {
            FileTime now = Files.readAttributes(directory, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
            if (!now.equals(modified)) {
                throw HostChange.during(directory);
            }
        }

        private ImageNode node(Path path) throws IOException {
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
                return directory(path, attributes.lastModifiedTime());
            }
            if (attributes.isRegularFile()) {
                return ImageFile.onHost(path, attributes);
            }
            return null;
        }

        private HostError cannotRead(IOException e) {
            if (e instanceof AccessDeniedException denied) {
                return new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath()
                        + ": cannot read " + denied.getFile() + ": permission denied");
            }
            return new HostError(ExitCodes.USAGE, "--dir " + mount.hostPath() + ": cannot read: "
                    + e.getMessage());
        }
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
