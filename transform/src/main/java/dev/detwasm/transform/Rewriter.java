package dev.detwasm.transform;

import java.util.List;

/** Bytes in, bytes out: decodes a module once, lets each pass edit it, encodes it once. */
public final class Rewriter {
    private Rewriter() {}

    /**
     * Applies {@code passes} in order. With no pass the output is the input, byte for byte.
     *
     * @throws MalformedModuleException if {@code wasm} cannot be decoded or a pass finds it
     *     inconsistent (one line naming the byte offset)
     */
    public static byte[] rewrite(byte[] wasm, List<? extends Pass> passes) {
        return rewriteWithOffsets(wasm, passes).wasm();
    }

    /**
     * {@link #rewrite}, also telling where the output's code came from in {@code wasm} (for
     * the input's DWARF to describe the output).
     */
    public static Rewritten rewriteWithOffsets(byte[] wasm, List<? extends Pass> passes) {
        Module module = Module.decode(wasm);
        for (Pass pass : passes) {
            pass.rewrite(module);
        }
        return module.encodeWithOffsets();
    }
}
