package dev.detwasm.modelcheck;

import java.time.Duration;

/** Hears about an exploration as it goes, e.g. to draw a progress line on a terminal. */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE =
            new ProgressListener() {
                @Override
                public void progress(long runs, long failures, Duration elapsed) {}

                @Override
                public void finished() {}
            };

    /**
     * Another run took its place in the exploration order. Called under the explorer's lock:
     * keep it short.
     */
    void progress(long runs, long failures, Duration elapsed);

    /** The exploration is over. */
    void finished();
}
