package dev.detwasm.host;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.NameCustomSection;

/** How messages name a wasm function: by the name section when it has one, else by index. */
final class FunctionNames {
    private final NameCustomSection names;

    FunctionNames(WasmModule module) {
        this.names = module.nameSection();
    }

    /** {@code "NAME (function N)"} or {@code "function N"}. */
    String describe(int index) {
        String name = names == null ? null : names.nameOfFunction(index);
        return name == null ? "function " + index : name + " (function " + index + ")";
    }
}
