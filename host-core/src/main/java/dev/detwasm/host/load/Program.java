package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.LinkedModule;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.Engine;
import dev.detwasm.host.debug.GuestLocations;
import dev.detwasm.transform.Pass;
import dev.detwasm.transform.OffsetMap;
import dev.detwasm.transform.Rewriter;
import dev.detwasm.transform.Rewritten;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed and validated module, ready to run any number of times on either engine. The AOT
 * compilation happens once, on first use, and the resulting factory is shared by every
 * instance of every run (it is thread-safe).
 *
 * <p>A program loaded through the compile cache may hold its module without function bodies
 * ({@link ModuleDeclarations}) when the cached classes interpret none: {@link #module()} then
 * has placeholders for bodies, and the bodies are parsed only when a run asks for them
 * ({@link #moduleToInstantiate(Engine)} for the interpreter).
 */
public final class Program {
    private final String name;
    // Every section; its function bodies are placeholders until `withBodies` is parsed.
    private final WasmModule module;
    private WasmModule withBodies;
    // What runs ask of the module on every run, worked out once: the module never changes.
    private final Optional<MemoryImport> importedMemory;
    private final Optional<MemoryLimits> definedMemory;
    private final List<FunctionImport> functionImports;
    // Import module to names, in import order: every run's host modules ask for theirs.
    private final Map<String, List<String>> importedFunctionNames;
    private final Set<String> exportedFunctions;
    private final Set<String> exportedGlobals;
    private final byte[] binary;
    private final Map<List<String>, Program> transformed = new HashMap<>();
    // At most two: the module the compiled machines were made for, and the one with bodies.
    private final Map<WasmModule, LinkedModule> linked = new IdentityHashMap<>();
    private final Optional<CompiledModuleCache> cache;
    // The cache's classes for this module, read at load, until they are defined. While a
    // program has them, its module is known valid only from the cache's word (parsed without
    // validation).
    private CompiledClasses cached;
    private boolean validated;
    private final InterpreterFallback fallback;
    private Function<Instance, Machine> compiled;
    // The module the compiled machines were made for: their instances are built of it.
    private WasmModule compiledFor;
    private String compileWarning;
    private GuestLocations locations;
    // Made by transform passes from this program, whose DWARF describes the code through
    // offsets: null when the module is run as it was loaded.
    private Program rewrittenFrom;
    private OffsetMap offsets;

    /**
     * @param cached the compile cache's classes for the module, which was then parsed without
     *     validation (and, when they interpret no function, without its bodies); null when it
     *     was parsed whole and validated
     * @param fallback what the AOT compiler does about a function too large for a JVM method
     *     (it runs interpreted): say so on stderr (WARN) or not (SILENT)
     * @param binary the module's bytes: what passes rewrite, its debug sections, and what
     *     the compile cache keeps its classes for
     */
    Program(
            String name,
            WasmModule module,
            Optional<CompiledModuleCache> cache,
            CompiledClasses cached,
            InterpreterFallback fallback,
            byte[] binary) {
        this.name = name;
        this.binary = binary.clone();
        this.module = module;
        this.withBodies = cached != null && cached.interpreted().isEmpty() ? null : module;
        this.cache = cache;
        this.cached = cached;
        this.validated = cached == null;
        this.fallback = fallback;
        List<Import> imports = imports(module);
        this.importedMemory =
                imports.stream()
                        .filter(MemoryImport.class::isInstance)
                        .map(MemoryImport.class::cast)
                        .findFirst();
        this.definedMemory =
                module.memorySection()
                        .filter(s -> s.memoryCount() > 0)
                        .map(s -> s.getMemory(0).limits());
        this.functionImports =
                imports.stream()
                        .filter(i -> i.importType() == ExternalType.FUNCTION)
                        .map(FunctionImport.class::cast)
                        .toList();
        this.importedFunctionNames =
                functionImports.stream()
                        .collect(Collectors.groupingBy(
                                FunctionImport::module,
                                Collectors.mapping(FunctionImport::name,
                                        Collectors.collectingAndThen(
                                                Collectors.toCollection(LinkedHashSet::new),
                                                List::copyOf))));
        Set<String> exported = new HashSet<>();
        Set<String> globals = new HashSet<>();
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var e = exports.getExport(i);
            if (e.exportType() == ExternalType.FUNCTION) {
                exported.add(e.name());
            } else if (e.exportType() == ExternalType.GLOBAL) {
                globals.add(e.name());
            }
        }
        this.exportedFunctions = Set.copyOf(exported);
        this.exportedGlobals = Set.copyOf(globals);
    }

    /** The name the module was loaded under (its file name), for messages. */
    public String name() {
        return name;
    }

    /**
     * The module's sections, for what they declare (imports, exports, types, memory, names);
     * its function bodies may be placeholders: build instances of {@link
     * #moduleToInstantiate(Engine)}.
     */
    public WasmModule module() {
        return module;
    }

    /**
     * The module to build instances of for the machines of {@link #machineFactory(Engine)
     * machineFactory(engine)}: with its function bodies, unless every function runs compiled.
     */
    public synchronized WasmModule moduleToInstantiate(Engine engine) throws LoadException {
        if (engine == Engine.INTERPRETER) {
            return withBodies();
        }
        machineFactory(engine);
        return compiledFor;
    }

    /**
     * {@link #moduleToInstantiate(Engine) moduleToInstantiate(engine)}, ready to build instances
     * of with imports resolved in import order: made once per module and shared by every run.
     *
     * @throws LoadException when Chicory would refuse to instantiate it (a module the compile
     *     cache vouched for but is not valid)
     */
    public synchronized LinkedModule linkedModule(Engine engine) throws LoadException {
        WasmModule instantiated = moduleToInstantiate(engine);
        LinkedModule made = linked.get(instantiated);
        if (made == null) {
            try {
                made = new LinkedModule(instantiated);
            } catch (InvalidException e) {
                throw new LoadException(name + ": " + ProgramLoader.oneLine(e.getMessage()), e);
            }
            linked.put(instantiated, made);
        }
        return made;
    }

    private WasmModule withBodies() throws LoadException {
        if (withBodies == null) {
            // Parsed and validated: the cache vouched for bytes whose classes it then held, and
            // its classes may have failed to load.
            withBodies = ProgramLoader.parse(name, binary, true);
            validated = true;
        }
        return withBodies;
    }

    /** The wasm binary (WAT text compiled). */
    public byte[] binary() {
        return binary.clone();
    }

    /**
     * This program rewritten by {@code passes} in one rewrite (so each sees the original
     * function indices); itself when there are none. Made once per list of passes and kept, so
     * every run with the same passes shares its compilation.
     *
     * @throws LoadException when the rewriter cannot read the module (one line, as it said it)
     */
    public synchronized Program transformed(List<Pass> passes) throws LoadException {
        if (passes.isEmpty()) {
            return this;
        }
        List<String> names = passes.stream().map(Pass::name).toList();
        Program done = transformed.get(names);
        if (done == null) {
            Rewritten rewritten;
            try {
                rewritten = Rewriter.rewriteWithOffsets(binary, passes);
            } catch (RuntimeException e) {
                throw new LoadException(
                        name + ": " + String.join(", ", names) + ": "
                                + ProgramLoader.oneLine(e.getMessage()),
                        e);
            }
            byte[] bytes = rewritten.wasm();
            done = new Program(
                    name, ProgramLoader.parse(name, bytes, true), cache, null, fallback, bytes);
            done.rewrittenFrom = this;
            done.offsets = rewritten.offsets();
            transformed.put(names, done);
        }
        return done;
    }

    /** Whether the module exports a global named {@code exportName}. */
    public boolean exportsGlobal(String exportName) {
        return exportedGlobals.contains(exportName);
    }

    /**
     * Function names and source lines, read from the module's name section and DWARF on first
     * use (only explained runs ask). A rewritten program's lines are its original's, through
     * the rewrite's offset map.
     */
    public synchronized GuestLocations locations() {
        if (locations == null) {
            locations =
                    rewrittenFrom == null
                            ? new GuestLocations(binary, module.nameSection())
                            : new GuestLocations(
                                    rewrittenFrom.binary, rewrittenFrom.module.nameSection(),
                                    offsets);
        }
        return locations;
    }

    /**
     * The machine factory for {@code engine}, compiling on first use (or loading the compiled
     * classes from the cache, when there is one and it holds this module).
     */
    public synchronized Function<Instance, Machine> machineFactory(Engine engine)
            throws LoadException {
        if (engine == Engine.INTERPRETER) {
            return InterpreterMachine::new;
        }
        if (compiled == null) {
            try {
                compiled = compile();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // The parser accepted the module, so the compiler is at fault: interpret what
                // it fails on (AotCompilation), without the cache.
                AotCompilation compilation = AotCompilation.of(name, withBodies());
                compiled = compilation.factory();
                compiledFor = withBodies();
                compileWarning = compilation.warning();
            }
        }
        return compiled;
    }

    /**
     * The one-line warning of an AOT compilation that left functions to the interpreter, the
     * first time it is asked for; empty after that, and when there is none.
     */
    public synchronized Optional<String> takeCompileWarning() {
        String warning = compileWarning;
        compileWarning = null;
        return Optional.ofNullable(warning);
    }

    private Function<Instance, Machine> compile() throws LoadException {
        CompiledClasses classes =
                cached != null ? cached : cache.map(c -> c.classes(binary)).orElse(null);
        cached = null;
        if (classes != null) {
            WasmModule module = classes.interpreted().isEmpty() ? this.module : withBodies();
            try {
                Function<Instance, Machine> factory = classes.define(module);
                compiledFor = module;
                return factory;
            } catch (RuntimeException | LinkageError e) {
                // An entry that passed its checksum but does not load (say, written by a build
                // that emitted other classes under the same versions): drop it and compile
                // anew, after the validation its presence let the loader skip.
                cache.get().evict(binary);
            }
        }
        WasmModule module = withBodies();
        if (!validated) {
            ProgramLoader.parse(name, binary, true);
            validated = true;
        }
        var result = UninterruptibleCollector.compile(
                Compiler.builder(module).withInterpreterFallback(fallback));
        cache.ifPresent(c -> c.put(binary, CompiledClasses.of(result)));
        compiledFor = module;
        return UninterruptibleCollector.machines(module, result);
    }

    /** The memory the module imports as {@code env.memory}, if any. */
    public Optional<MemoryImport> importedMemory() {
        return importedMemory;
    }

    /** The limits of the module's own memory, if it defines one. */
    public Optional<MemoryLimits> definedMemory() {
        return definedMemory;
    }

    /** The function imports, in import order. */
    public List<FunctionImport> functionImports() {
        return functionImports;
    }

    public boolean importsFunction(String importModule, String importName) {
        return importedFunctionNames.getOrDefault(importModule, List.of()).contains(importName);
    }

    /**
     * The names of the functions imported from {@code importModule}, in import order, each once
     * (a module may import one function under several indices).
     */
    public List<String> importedFunctions(String importModule) {
        return importedFunctionNames.getOrDefault(importModule, List.of());
    }

    public boolean exportsFunction(String exportName) {
        return exportedFunctions.contains(exportName);
    }

    private static List<Import> imports(WasmModule module) {
        var section = module.importSection();
        List<Import> result = new ArrayList<>(section.importCount());
        for (int i = 0; i < section.importCount(); i++) {
            result.add(section.getImport(i));
        }
        return result;
    }
}
