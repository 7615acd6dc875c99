package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The default {@link FileTrees}: each run gets a fresh overlay of the mounts' images, with
 * synthetic inode numbers in the order the run meets nodes and the virtual clocks' time.
 */
public final class OverlayTrees implements FileTrees {
    private final VirtualClocks clocks;

    @Inject
    public OverlayTrees(VirtualClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public FileTree open(List<MountImage> mounts, RunContext run) {
        return new Overlay(mounts, clocks, run.threads());
    }
}
