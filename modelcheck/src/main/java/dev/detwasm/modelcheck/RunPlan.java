package dev.detwasm.modelcheck;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A run a strategy wants made: how to make its branching decisions. */
@FunctionalInterface
public interface RunPlan {

    /** A fresh chooser for one execution of this plan. */
    Chooser chooser();

    /** The first {@code limit} of {@code plans}, for {@link Strategy#upcoming}. */
    static List<RunPlan> first(Iterable<? extends RunPlan> plans, int limit) {
        List<RunPlan> result = new ArrayList<>();
        Iterator<? extends RunPlan> it = plans.iterator();
        while (result.size() < limit && it.hasNext()) {
            result.add(it.next());
        }
        return result;
    }
}
