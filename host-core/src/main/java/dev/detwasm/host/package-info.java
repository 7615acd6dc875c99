/**
 * The embedding of Chicory: loading a module ({@code .wasm} or {@code .wat}), compiling it
 * once, and running it as one deterministic program of one or more guest threads over one
 * memory. The SPI the other modules plug into lives in {@link dev.detwasm.host.spi}.
 */
package dev.detwasm.host;
