/**
 * A WebAssembly binary rewriter: bytes in, bytes out, no runtime dependency. {@link
 * dev.detwasm.transform.Rewriter} decodes a {@link dev.detwasm.transform.Module}, each {@link
 * dev.detwasm.transform.Pass} records its edits, and the module is encoded once; {@link
 * dev.detwasm.transform.Passes} lists the built-in passes by name. {@link
 * dev.detwasm.transform.Builtins} is the contract with the host that runs the output.
 */
package dev.detwasm.transform;
