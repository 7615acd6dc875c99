package dev.detwasm.wasi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A regular file: the {@link ImageFile} it was mounted from (shared with other runs, never
 * written), overlaid with this run's writes in chunks of up to {@value #CHUNK} bytes. A chunk is
 * copied from the image on its first write, so writing to a large mounted file costs the chunks
 * written, not the file; a chunk holds only as many bytes as have been written or mounted in it
 * (the rest read as zeros), so a small file stays small. Sizes and positions are longs: files
 * beyond 2 GiB work.
 */
public final class FileInode extends Inode {
    /**
     * The largest file the overlay holds (4 TiB): beyond it writes fail with {@code EFBIG}, and
     * with {@code ENOSPC} when the host's heap cannot hold the chunks written.
     */
    static final long MAX_SIZE = 1L << 42;

    static final int CHUNK = 1 << 16;

    private static final ImageFile EMPTY = ImageFile.of(new byte[0]);

    private final ImageFile image;
    /** Bytes of the image at or after this offset read as zeros (the file was cut there). */
    private long imageLimit;
    private final Map<Long, byte[]> chunks = new HashMap<>();
    private long size;

    FileInode(long ino, long time, ImageFile image) {
        super(ino, time);
        this.image = image;
        this.imageLimit = image.size();
        this.size = image.size();
    }

    /** An empty file with inode number {@code ino}, its times all {@code time}. */
    public FileInode(long ino, long time) {
        this(ino, time, EMPTY);
    }

    @Override
    int filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override
    long size() {
        return size;
    }

    /** Copies up to {@code length} bytes from {@code position}; 0 at or after the end. */
    int read(long position, byte[] into, int offset, int length) {
        if (position >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - position);
        for (int done = 0; done < n; ) {
            long at = position + done;
            int inChunk = (int) (at % CHUNK);
            int take = Math.min(n - done, CHUNK - inChunk);
            byte[] chunk = chunks.get(at / CHUNK);
            if (chunk != null) {
                int held = Math.max(0, Math.min(take, chunk.length - inChunk));
                System.arraycopy(chunk, inChunk, into, offset + done, held);
                Arrays.fill(into, offset + done + held, offset + done + take, (byte) 0);
            } else {
                fromImage(at, into, offset + done, take);
            }
            done += take;
        }
        return n;
    }

    /** Writes at {@code position}, filling any gap before it with zeros. */
    void write(long position, byte[] from, int offset, int length, long now) {
        long end = position + length;
        if (end > MAX_SIZE || position < 0) {
            throw new ErrnoException(Errno.EFBIG);
        }
        for (int done = 0; done < length; ) {
            long at = position + done;
            int inChunk = (int) (at % CHUNK);
            int take = Math.min(length - done, CHUNK - inChunk);
            System.arraycopy(from, offset + done, writable(at / CHUNK, inChunk + take), inChunk,
                    take);
            done += take;
        }
        size = Math.max(size, end);
        modified(now);
    }

    /** Cuts or extends (with zeros) to {@code newSize}. */
    void truncate(long newSize, long now) {
        if (newSize > MAX_SIZE || newSize < 0) {
            throw new ErrnoException(Errno.EFBIG);
        }
        if (newSize < size) {
            imageLimit = Math.min(imageLimit, newSize);
            for (Iterator<Long> it = chunks.keySet().iterator(); it.hasNext(); ) {
                if (it.next() * CHUNK >= newSize) {
                    it.remove();
                }
            }
            byte[] last = chunks.get(newSize / CHUNK);
            int cut = (int) (newSize % CHUNK);
            if (last != null && cut < last.length) {
                Arrays.fill(last, cut, last.length, (byte) 0);
            }
        }
        size = newSize;
        modified(now);
    }

    /** Reads image bytes, zeros past {@link #imageLimit}. */
    private void fromImage(long at, byte[] into, int offset, int length) {
        int fromImage = (int) Math.max(0, Math.min(length, imageLimit - at));
        if (fromImage > 0) {
            image.read(at, into, offset, fromImage);
        }
        Arrays.fill(into, offset + fromImage, offset + length, (byte) 0);
    }

    /** The chunk {@code index}, holding at least its first {@code end} bytes. */
    private byte[] writable(long index, int end) {
        byte[] chunk = chunks.get(index);
        if (chunk != null && chunk.length >= end) {
            return chunk;
        }
        int mounted = (int) Math.max(0, Math.min(CHUNK, imageLimit - index * CHUNK));
        int held = chunk == null ? 0 : chunk.length;
        int length = Math.min(CHUNK, Math.max(Math.max(end, mounted), Math.max(16, 2 * held)));
        byte[] grown;
        try {
            grown = new byte[length];
        } catch (OutOfMemoryError e) {
            // The overlay lives in the host's heap: when that is full, the disk is.
            throw new ErrnoException(Errno.ENOSPC);
        }
        if (chunk == null) {
            fromImage(index * CHUNK, grown, 0, length);
        } else {
            System.arraycopy(chunk, 0, grown, 0, held);
        }
        chunks.put(index, grown);
        return grown;
    }
}
