package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed and validated module, ready to run any number of times on either engine. The AOT
 * compilation happens once, on first use, and the resulting factory is shared by every
 * instance of every run (it is thread-safe).
 */
public final class Program {
    private final String name;
    private final WasmModule module;
    private Function<Instance, Machine> compiled;

    Program(String name, WasmModule module) {
        this.name = name;
        this.module = module;
    }

    /** The name the module was loaded under (its file name), for messages. */
    public String name() {
        return name;
    }

    public WasmModule module() {
        return module;
    }

    /** The machine factory for {@code engine}, compiling on first use. */
    public synchronized Function<Instance, Machine> machineFactory(Engine engine)
            throws LoadException {
        if (engine == Engine.INTERPRETER) {
            return InterpreterMachine::new;
        }
        if (compiled == null) {
            try {
                compiled = MachineFactoryCompiler.compile(module);
            } catch (RuntimeException e) {
                throw new LoadException(name + ": AOT compilation failed: " + e.getMessage(), e);
            }
        }
        return compiled;
    }

    /** The memory the module imports as {@code env.memory}, if any. */
    public Optional<MemoryImport> importedMemory() {
        for (Import i : imports()) {
            if (i instanceof MemoryImport m) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The limits of the module's own memory, if it defines one. */
    public Optional<MemoryLimits> definedMemory() {
        return module.memorySection()
                .filter(s -> s.memoryCount() > 0)
                .map(s -> s.getMemory(0).limits());
    }

    public List<FunctionImport> functionImports() {
        List<FunctionImport> result = new ArrayList<>();
        for (Import i : imports()) {
            if (i.importType() == ExternalType.FUNCTION) {
                result.add((FunctionImport) i);
            }
        }
        return result;
    }

    public boolean exportsFunction(String exportName) {
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var e = exports.getExport(i);
            if (e.name().equals(exportName) && e.exportType() == ExternalType.FUNCTION) {
                return true;
            }
        }
        return false;
    }

    private List<Import> imports() {
        var section = module.importSection();
        List<Import> result = new ArrayList<>(section.importCount());
        for (int i = 0; i < section.importCount(); i++) {
            result.add(section.getImport(i));
        }
        return result;
    }
}
