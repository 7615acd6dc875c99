package com.dylibso.chicory.runtime;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TagSection;
import com.dylibso.chicory.wasm.types.TagType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * detwasm's: builds instances of one module whose imports the host has already resolved, in
 * import order, without {@link Instance.Builder#build()}'s per-instance work. That method
 * matches every import against every value by name, building a {@code module.name} string per
 * import and streaming over all of them per import, and recomputes the module's exports and
 * function types: about a sixth of a model-checking run's time, three times per run of a program
 * with two threads. What depends only on the module is computed here once; an instance costs
 * what its constructor costs.
 *
 * <p>It lives in Chicory's package because {@link Instance}'s constructor is package-private
 * (docs/upstream.md). The caller must pass import values exactly as {@code build()} maps them:
 * per kind, in import order, one per import of that kind, with the types the imports declare
 * (detwasm's {@code Linker} checks functions, its {@code Run} the memory). Instances are made
 * as {@code Instance.builder(module).withStart(false)} makes them: initialized, not started.
 * Thread-safe: it only reads what it computed.
 */
public final class LinkedModule {
    private final WasmModule module;
    private final Map<String, Export> exports;
    private final Global[] globals;
    private final DataSegment[] dataSegments;
    private final FunctionBody[] functions;
    private final FunctionType[] types;
    private final Element[] elements;
    private final int[] functionTypes;
    private final Table[] tables;
    private final TagType[] tags;
    private final MemoryLimits[] memories;

    /**
     * @throws InvalidException where {@code build()} would: a function import of an unknown
     *     type, an export of an unknown index, or two exports of one name
     */
    public LinkedModule(WasmModule module) {
        this.module = module;
        this.globals = module.globalSection().globals();
        this.dataSegments = module.dataSection().dataSegments();
        this.functions = module.codeSection().functionBodies();
        this.types = module.typeSection().types();
        this.elements = module.elementSection().elements();
        var imports = module.importSection();
        int functionImports = imports.count(ExternalType.FUNCTION);
        int[] types = new int[functionImports + module.functionSection().functionCount()];
        int next = 0;
        for (int i = 0; i < imports.importCount(); i++) {
            Import imp = imports.getImport(i);
            if (imp instanceof FunctionImport function) {
                if (function.typeIndex() >= module.typeSection().subTypeCount()) {
                    throw new InvalidException("unknown type");
                }
                types[next++] = function.typeIndex();
            }
        }
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            types[next++] = module.functionSection().getFunctionType(i);
        }
        this.functionTypes = types;
        this.tables = new Table[module.tableSection().tableCount()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = module.tableSection().getTable(i);
        }
        this.tags = module.tagSection().map(TagSection::types).orElse(null);
        int memoryCount = module.memorySection().map(MemorySection::memoryCount).orElse(0);
        this.memories = new MemoryLimits[memoryCount];
        for (int i = 0; i < memoryCount; i++) {
            memories[i] = module.memorySection().get().getMemory(i).limits();
        }
        this.exports = exports(module, functionImports);
    }

    private static Map<String, Export> exports(WasmModule module, int functionImports) {
        var section = module.exportSection();
        var imports = module.importSection();
        Map<String, Export> exports = new HashMap<>();
        for (int i = 0; i < section.exportCount(); i++) {
            Export e = section.getExport(i);
            if (exports.put(e.name(), e) != null) {
                throw new InvalidException("duplicate export name " + e.name());
            }
            int defined =
                    switch (e.exportType()) {
                        case FUNCTION -> module.functionSection().functionCount() + functionImports;
                        case GLOBAL -> module.globalSection().globalCount()
                                + imports.count(ExternalType.GLOBAL);
                        case TABLE -> module.tableSection().tableCount()
                                + imports.count(ExternalType.TABLE);
                        case MEMORY -> module.memorySection()
                                        .map(MemorySection::memoryCount).orElse(0)
                                + imports.count(ExternalType.MEMORY);
                        default -> Integer.MAX_VALUE;
                    };
            if (e.index() >= defined) {
                throw new InvalidException(
                        "unknown " + e.exportType().name().toLowerCase(java.util.Locale.ROOT)
                                + " " + e.index());
            }
        }
        return Map.copyOf(exports);
    }

    /**
     * A new instance, initialized (globals, tables, data and element segments), not started.
     *
     * @param imports the resolved import values, per kind in import order
     * @param memoryFactory makes each memory the module defines, from its declared limits
     */
    public Instance instantiate(
            ImportValues imports,
            Function<Instance, Machine> machineFactory,
            Function<MemoryLimits, Memory> memoryFactory) {
        Memory[] defined = new Memory[memories.length];
        for (int i = 0; i < defined.length; i++) {
            defined[i] = memoryFactory.apply(memories[i]);
        }
        // The constructor clones every array it is given but the data segments, which data.drop
        // overwrites in place: each instance gets its own copy of those.
        return new Instance(
                module,
                globals,
                defined,
                dataSegments.clone(),
                functions,
                types,
                functionTypes,
                imports,
                tables,
                elements,
                tags,
                exports,
                machineFactory,
                null,
                null,
                true,
                false,
                null);
    }
}
