package dev.detwasm.wasi;

import dev.detwasm.host.spi.RunContext;
import java.util.List;

/**
 * Makes each run's {@link FileTree} from its mounts' images (what the bound {@link
 * MountLoader} read). Bound in {@link WasiPreview1Module} to {@link OverlayTrees}; override the
 * binding to number nodes or stamp times another way.
 */
public interface FileTrees {

    /** The file system of {@code run}, its mounts' images in mount order. */
    FileTree open(List<MountImage> mounts, RunContext run);
}
