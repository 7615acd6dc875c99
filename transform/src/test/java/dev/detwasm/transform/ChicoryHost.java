package dev.detwasm.transform;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.MemoryImport;
import java.util.Map;

/**
 * Instantiates a module with Chicory's interpreter: the {@code detwasm} builtins from
 * {@code builtins} by name, every other imported function a stub returning zeros, imported
 * memories fresh. The start function is not run.
 */
final class ChicoryHost {
    private ChicoryHost() {}

    static Instance instantiate(byte[] wasm, Map<String, WasmFunctionHandle> builtins) {
        WasmModule module = Parser.parse(wasm);
        ImportValues.Builder imports = ImportValues.builder();
        module.importSection().stream().forEach(i -> {
            if (i instanceof FunctionImport f) {
                var type = module.typeSection().getType(f.typeIndex());
                WasmFunctionHandle handle = i.module().equals(Builtins.MODULE) && builtins.containsKey(i.name())
                        ? builtins.get(i.name())
                        : (instance, args) -> new long[type.returns().size()];
                imports.addFunction(new HostFunction(i.module(), i.name(), type, handle));
            } else if (i instanceof MemoryImport m) {
                imports.addMemory(new ImportMemory(i.module(), i.name(), new ByteArrayMemory(m.limits())));
            }
        });
        // Globals, tables and data are initialised; the start function is not run (in C threads
        // modules it is __wasm_init_memory, whose atomics need detwasm's memory, not a stub).
        return Instance.builder(module).withImportValues(imports.build()).withInitialize(false).build().initialize(false);
    }
}
