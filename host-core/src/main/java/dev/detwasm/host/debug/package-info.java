/**
 * Where guest code is: wasm function names from the name section, source lines from DWARF
 * {@code .debug_line}, and the guest call stack of a thread at a scheduling point. Read only
 * when a run is explained, never on the model checker's explored runs.
 */
package dev.detwasm.host.debug;
