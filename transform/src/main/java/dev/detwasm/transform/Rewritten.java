package dev.detwasm.transform;

/**
 * A rewrite's output: the module's bytes, and where their code came from in the input.
 *
 * @param wasm the rewritten module
 * @param offsets the output's code offsets translated to the input's
 */
public record Rewritten(byte[] wasm, OffsetMap offsets) {}
