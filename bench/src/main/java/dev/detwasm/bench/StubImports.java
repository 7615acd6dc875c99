package dev.detwasm.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.detwasm.host.load.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports that satisfy any module's function imports with functions of the declared type that
 * return zeros, plus a given memory for its memory import: enough to build an {@link
 * com.dylibso.chicory.runtime.Instance} of a module whose code is never run, or whose run
 * calls only the imports that {@code real} provides.
 */
public final class StubImports {
    private StubImports() {}

    /**
     * @param real functions to use instead of stubs, matched by module and name
     * @param memory the memory for the module's memory import; null when it has none
     */
    public static ImportValues of(Program program, List<HostFunction> real, Memory memory) {
        List<HostFunction> functions = new ArrayList<>();
        for (FunctionImport imp : program.functionImports()) {
            HostFunction given =
                    real.stream()
                            .filter(f -> f.module().equals(imp.module())
                                    && f.name().equals(imp.name()))
                            .findFirst()
                            .orElse(null);
            if (given != null) {
                functions.add(given);
                continue;
            }
            FunctionType type = program.module().typeSection().getType(imp.typeIndex());
            int results = type.returns().size();
            functions.add(
                    new HostFunction(
                            imp.module(), imp.name(), type, (instance, args) -> new long[results]));
        }
        var builder = ImportValues.builder().withFunctions(new ArrayList<>(functions));
        program.importedMemory()
                .ifPresent(m -> builder.addMemory(new ImportMemory(m.module(), m.name(), memory)));
        return builder.build();
    }
}
