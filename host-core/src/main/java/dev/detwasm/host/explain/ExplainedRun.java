package dev.detwasm.host.explain;

import dev.detwasm.host.RunResult;

/** A run and its account. */
public record ExplainedRun(RunResult result, Explanation explanation) {}
