package dev.detwasm.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks, before anything runs, that every import of a module is something the host offers
 * with the right type, so that a mismatch is one clear load error instead of a failure deep
 * inside instantiation; and picks the host functions the module imports, in import order.
 * Chicory matches each import against every function it is given, by name, for every guest
 * thread's instance: given only these, in this order, it finds each at once.
 */
final class Linker {
    static final String MEMORY_MODULE = "env";
    static final String MEMORY_NAME = "memory";

    private Linker() {}

    /** @return the host functions {@code program} imports, in import order */
    static List<HostFunction> link(
            Program program, OfferedImports offered, int maxMemoryPages)
            throws LoadException {
        List<HostFunction> imported = new ArrayList<>(program.functionImports().size());
        var section = program.module().importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            String id = imp.module() + "." + imp.name();
            if (imp instanceof FunctionImport fi) {
                HostFunction f = offered.get(imp.module(), imp.name());
                if (f == null) {
                    throw new LoadException(program.name() + ": unknown import " + id);
                }
                FunctionType wanted = program.module().typeSection().getType(fi.typeIndex());
                if (!wanted.equals(f.functionType())) {
                    throw new LoadException(
                            program.name() + ": import " + id + " has type " + show(wanted)
                                    + " but the host provides " + show(f.functionType()));
                }
                imported.add(f);
            } else if (imp instanceof MemoryImport mi) {
                if (!imp.module().equals(MEMORY_MODULE) || !imp.name().equals(MEMORY_NAME)) {
                    throw new LoadException(
                            program.name() + ": unknown memory import " + id
                                    + " (only env.memory is provided)");
                }
                checkLimits(program, mi.limits(), maxMemoryPages);
            } else {
                throw new LoadException(
                        program.name() + ": unknown import " + id + " ("
                                + imp.importType().name().toLowerCase(java.util.Locale.ROOT)
                                + " imports are not provided)");
            }
        }
        if (program.definedMemory().isPresent()) {
            checkLimits(program, program.definedMemory().get(), maxMemoryPages);
        }
        boolean spawns =
                offered.get("wasi", "thread-spawn") != null
                        && program.importsFunction("wasi", "thread-spawn");
        if (spawns && program.importedMemory().map(m -> !m.limits().shared()).orElse(true)
                && program.definedMemory().map(m -> !m.shared()).orElse(true)) {
            throw new LoadException(
                    program.name() + ": imports wasi.thread-spawn but has no shared memory"
                            + " for its threads to share");
        }
        if (!program.exportsFunction("_start")) {
            throw new LoadException(program.name() + ": exports no _start function");
        }
        return imported;
    }

    private static void checkLimits(Program program, MemoryLimits limits, int maxMemoryPages)
            throws LoadException {
        if (limits.initialPages() > maxMemoryPages) {
            throw new LoadException(
                    program.name() + ": memory needs " + limits.initialPages()
                            + " pages, above the limit of " + maxMemoryPages);
        }
        if (limits.shared() && limits.maximumPages() > maxMemoryPages) {
            throw new LoadException(
                    program.name() + ": shared memory maximum of " + limits.maximumPages()
                            + " pages is above the limit of " + maxMemoryPages);
        }
    }

    static String show(FunctionType type) {
        return "(" + join(type.params()) + ") -> (" + join(type.returns()) + ")";
    }

    private static String join(List<ValType> types) {
        return types.stream()
                .map(t -> t.toString().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
