package dev.detwasm.modelcheck;

import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.spi.DecisionSource;

/**
 * Executes the program under exploration once, letting {@code source} make every decision of
 * more than one option. The explorer knows runs only through this interface, so strategies are
 * tested on synthetic decision trees without a wasm engine.
 *
 * <p>Implementations must be safe to call from several threads at once ({@code --jobs}).
 */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Runs once.
     *
     * @throws LoadException when the program cannot run at all (its imports do not link); the
     *     exploration ends
     */
    RunOutcome execute(DecisionSource source) throws LoadException;
}
