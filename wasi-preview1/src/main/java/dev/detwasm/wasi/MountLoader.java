package dev.detwasm.wasi;

import dev.detwasm.host.Mount;

/**
 * Turns a {@code --dir} mount into the image the guest's file system starts from. Bound in
 * {@link WasiPreview1Module} to {@link HostMountLoader}; override the binding to serve mounts
 * from elsewhere (a test fixture, an archive).
 */
public interface MountLoader {

    /**
     * @throws dev.detwasm.host.spi.HostError when the mount cannot be read; its message is the
     *     one line the user sees
     */
    MountImage load(Mount mount);
}
