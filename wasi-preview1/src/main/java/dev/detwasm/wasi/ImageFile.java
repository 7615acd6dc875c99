package dev.detwasm.wasi;

/** A regular file's content in a {@link MountImage}. */
public final class ImageFile implements ImageNode {
    private final byte[] content;

    ImageFile(byte[] content) {
        this.content = content;
    }

    /** A file holding a copy of {@code content}. */
    public static ImageFile of(byte[] content) {
        return new ImageFile(content.clone());
    }

    public int size() {
        return content.length;
    }

    /** The content itself, not a copy: runs share it until they write. */
    byte[] content() {
        return content;
    }
}
