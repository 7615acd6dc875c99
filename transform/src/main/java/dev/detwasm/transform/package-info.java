/**
 * A WebAssembly binary rewriter: bytes in, bytes out, no runtime dependency. Each rewrite is a
 * {@link dev.detwasm.transform.Pass}; the passes the design names (atomic wait/notify to
 * imported host builtins, fuel metering at function entries and loop headers, shared-access
 * points) will be implemented here. Until they are, the module holds only this contract.
 */
package dev.detwasm.transform;
