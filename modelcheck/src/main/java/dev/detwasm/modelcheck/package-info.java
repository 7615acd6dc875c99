/**
 * The model checker: systematic exploration of a program's tree of decisions.
 *
 * <p>A run is a path in a tree whose nodes are decisions of more than one option ({@code
 * schedule}, {@code select}, {@code wake}). The {@link dev.detwasm.modelcheck.Explorer} makes
 * runs through a {@link dev.detwasm.modelcheck.RunExecutor} (the real one, {@link
 * dev.detwasm.modelcheck.ProgramExecutor}, wraps host-core's {@code Runner} around a program
 * compiled once; tests use synthetic trees), lets a {@link dev.detwasm.modelcheck.Strategy}
 * (dfs, bfs, random, pct: one class each, bound by name in {@link
 * dev.detwasm.modelcheck.ModelCheckModule}) choose which runs, applies the {@link
 * dev.detwasm.modelcheck.Branching} rules and {@link dev.detwasm.modelcheck.Limits}, and hands
 * the runs in exploration order to {@link dev.detwasm.modelcheck.Findings}, which builds the
 * {@link dev.detwasm.modelcheck.CheckReport} that the text, JSON and JUnit reports render.
 *
 * <p>Decisions that do not branch ({@code --decisions} leaves their kind out, or the run is
 * past {@code --max-decisions}) take option 0, what fifo does, and stay in the run's trace, so
 * every trace replays with {@code detwasm run --trace}. Leaving a kind out chooses a smaller
 * tree; it is not a bound. The bounds that can make an exploration non-exhaustive are max-runs,
 * max-decisions, the preemption bound, the time limit and stop-on-first, and the report names
 * those that actually cut something. The preemption bound applies to every strategy: an option
 * that would exceed it is never taken.
 *
 * <p>Determinism with {@code --jobs}: the strategy's state only ever evolves in its own order
 * (runs made ahead wait for their turn), and random and pct derive run k's choices from the
 * seed and k (pct's estimate of the run length changes only between fixed batches of runs), so
 * any number of workers gives the same runs, indexes, failures and reports.
 *
 * <p>{@code must_reach}: sites are reported as reached when some run reaches them; sites the
 * user declares with {@code --must-reach} and no run reached fail the check (see {@link
 * dev.detwasm.modelcheck.SiteDeclaration} for why sites are not discovered in the module).
 */
package dev.detwasm.modelcheck;
