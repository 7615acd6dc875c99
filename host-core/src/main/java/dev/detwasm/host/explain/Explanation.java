package dev.detwasm.host.explain;

import dev.detwasm.host.debug.GuestFrame;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's account, step by step, and every thread's state when it ended.
 *
 * @param threads the number of guest threads the run started
 * @param steps what the threads did, in the order they did it
 * @param finalStacks each thread's guest call stack when the run ended (threads that had exited
 *     have none)
 * @param blocked the threads that were blocked when the run ended
 * @param lines whether the module had source lines to give
 * @param warning a debug section that could not be read, if any
 */
public record Explanation(
        int threads,
        List<Step> steps,
        Map<Integer, List<GuestFrame>> finalStacks,
        List<BlockedThread> blocked,
        boolean lines,
        Optional<String> warning) {

    public Explanation {
        steps = List.copyOf(steps);
        finalStacks = java.util.Collections.unmodifiableMap(new TreeMap<>(finalStacks));
        blocked = List.copyOf(blocked);
    }
}
