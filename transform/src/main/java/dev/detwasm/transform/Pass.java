package dev.detwasm.transform;

import java.util.List;

/**
 * One rewrite of a wasm module. A pass reads the decoded {@link Module} and records its edits
 * there; the {@link Rewriter} applies every pass of a rewrite to the same decoded module and
 * encodes it once, so each pass sees the original instructions and original function indices,
 * whatever the passes before it added.
 */
public interface Pass {

    /** The name users select the pass by ({@code detwasm transform --pass NAME}). */
    String name();

    /** Records this pass's edits in {@code module}. */
    void rewrite(Module module);

    /** This pass alone: {@code Rewriter.rewrite(module, List.of(this))}. */
    default byte[] apply(byte[] module) {
        return Rewriter.rewrite(module, List.of(this));
    }
}
