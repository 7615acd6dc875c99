package dev.detwasm.wasi;

import java.util.Objects;

/**
 * A symbolic link in a {@link MountImage}. It is resolved inside the overlay, never on the
 * host: a target that would leave the mount is refused when followed.
 *
 * @param target the link's text, as {@code readlink} shows it
 */
public record ImageSymlink(String target) implements ImageNode {
    public ImageSymlink {
        Objects.requireNonNull(target, "target");
    }
}
