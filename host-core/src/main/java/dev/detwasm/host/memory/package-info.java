/**
 * Guest memory: the {@link com.dylibso.chicory.runtime.Memory} every guest thread's instance
 * shares, whose atomics are scheduling points, and the bounds-checked view host functions use.
 */
package dev.detwasm.host.memory;
