package dev.detwasm.wasi;

import dev.detwasm.host.memory.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves guest paths inside the overlay, relative to the directory of a descriptor, which is
 * also the path's boundary: like wasmtime, a path can never leave the directory it starts from.
 * An absolute path, a {@code ..} above the start, or a symbolic link whose target does either,
 * is {@link Errno#ENOTCAPABLE}. {@code ..} goes to the directory the walk came from, so it is
 * resolved physically, after symbolic links, as POSIX does.
 *
 * <p>Paths are UTF-8 ({@code EILSEQ} otherwise) without NUL ({@code EINVAL}), at most {@value
 * #MAX_PATH} bytes with components of at most {@value #MAX_NAME} ({@code ENAMETOOLONG}). At most
 * {@value #MAX_LINKS} symbolic links are followed in one walk ({@code ELOOP}).
 */
final class PathWalk {
    static final int MAX_PATH = 4096;
    static final int MAX_NAME = 255;
    static final int MAX_LINKS = 40;

    private PathWalk() {}

    /** Reads a path argument from guest memory and checks it. */
    static String read(GuestMemory memory, int ptr, int length) {
        if (Integer.toUnsignedLong(length) > MAX_PATH) {
            memory.check(ptr, Integer.toUnsignedLong(length));
            throw new ErrnoException(Errno.ENAMETOOLONG);
        }
        byte[] bytes = memory.readBytes(ptr, length);
        int component = 0;
        for (byte b : bytes) {
            if (b == 0) {
                throw new ErrnoException(Errno.EINVAL);
            }
            component = b == '/' ? 0 : component + 1;
            if (component > MAX_NAME) {
                throw new ErrnoException(Errno.ENAMETOOLONG);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ErrnoException(Errno.EILSEQ);
        }
    }

    /**
     * Walks {@code path} from {@code start}. Symbolic links in the middle are always followed;
     * the last one only when {@code followLast}, or when the path ends with {@code /}.
     */
    static Lookup walk(DirectoryInode start, String path, boolean followLast) {
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT);
        }
        boolean directoryOnly = path.endsWith("/");
        Deque<DirectoryInode> stack = new ArrayDeque<>();
        stack.push(start);
        Deque<String> pending = new ArrayDeque<>();
        pushComponents(pending, path);
        int links = 0;
        while (!pending.isEmpty()) {
            String component = pending.poll();
            boolean last = pending.isEmpty();
            if (component.equals("..")) {
                if (stack.size() == 1) {
                    throw new ErrnoException(Errno.ENOTCAPABLE);
                }
                stack.pop();
                continue;
            }
            if (component.equals(".")) {
                continue;
            }
            DirectoryInode directory = stack.peek();
            Inode node = directory.get(component);
            if (node instanceof SymlinkInode link && (!last || followLast || directoryOnly)) {
                if (++links > MAX_LINKS) {
                    throw new ErrnoException(Errno.ELOOP);
                }
                if (link.target.isEmpty()) {
                    throw new ErrnoException(Errno.ENOENT);
                }
                pushComponents(pending, link.target);
                continue;
            }
            if (last) {
                if (directoryOnly && node != null && !(node instanceof DirectoryInode)) {
                    throw new ErrnoException(Errno.ENOTDIR);
                }
                return new Lookup(directory, component, node, directoryOnly);
            }
            if (node == null) {
                throw new ErrnoException(Errno.ENOENT);
            }
            if (!(node instanceof DirectoryInode child)) {
                throw new ErrnoException(Errno.ENOTDIR);
            }
            stack.push(child);
        }
        // The path ended in "." or "..": it names the directory reached, not an entry.
        return new Lookup(null, null, stack.peek(), true);
    }

    /** Puts the components of {@code path} in front of {@code pending}, in order. */
    private static void pushComponents(Deque<String> pending, String path) {
        if (path.startsWith("/")) {
            throw new ErrnoException(Errno.ENOTCAPABLE);
        }
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                pending.push(parts[i]);
            }
        }
    }
}
