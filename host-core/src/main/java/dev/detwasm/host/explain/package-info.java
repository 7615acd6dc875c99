/**
 * Explained runs: a failing run replayed with every step of every thread recorded (operation,
 * guest call stack), and the text that shows it as one column per thread.
 */
package dev.detwasm.host.explain;
