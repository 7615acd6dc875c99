package dev.detwasm.transform;

/**
 * One rewrite of a wasm binary. A pass decodes what it needs, rewrites it, re-encodes the
 * module and remaps every index it shifted, so the result validates whenever the input did.
 */
public interface Pass {

    /** The name users select the pass by ({@code detwasm transform --pass NAME}). */
    String name();

    /** Returns the rewritten module; never modifies {@code module}. */
    byte[] apply(byte[] module);
}
