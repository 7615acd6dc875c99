/**
 * The cooperative, deterministic scheduler of guest threads: run queue, virtual clock and
 * timers, wait queues keyed by a number, spawn and exit, deadlock detection, and the baton
 * hand-off between the Java threads that carry guest threads. Knows nothing of WASI; bind it
 * with {@link dev.detwasm.scheduler.SchedulerModule}.
 */
package dev.detwasm.scheduler;
