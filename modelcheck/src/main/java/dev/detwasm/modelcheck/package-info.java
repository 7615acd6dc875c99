/**
 * The model checker: systematic exploration of a program's tree of decisions.
 *
 * <p>A run is a path in a tree whose nodes are decisions of more than one option ({@code
 * schedule}, {@code select}, {@code wake}). The {@link dev.detwasm.modelcheck.Explorer} makes
 * runs through a {@link dev.detwasm.modelcheck.RunExecutor} (the real one wraps host-core's
 * {@code Runner}; tests use synthetic trees), lets a {@link dev.detwasm.modelcheck.Strategy}
 * (dfs, bfs, random, pct: one class each) choose which runs, applies the {@link
 * dev.detwasm.modelcheck.Branching} rules and {@link dev.detwasm.modelcheck.Limits}, and hands
 * the runs in exploration order to {@link dev.detwasm.modelcheck.Findings}, which builds the
 * {@link dev.detwasm.modelcheck.CheckReport} that the text, JSON and JUnit reports render.
 */
package dev.detwasm.modelcheck;
