package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compiles a module with Chicory's AOT compiler. When the compiler fails on a valid module (a
 * compiler bug: the parser has accepted the module), the functions it fails on are found by
 * bisection and left to the interpreter, the rest compiled; {@link #warning()} names them. Both
 * engines are deterministic and agree, so the run is the same, only slower in those functions.
 */
final class AotCompilation {
    /** More failing functions than this and the compiler is not trusted with the module. */
    private static final int MAX_INTERPRETED = 8;

    private final Function<Instance, Machine> factory;
    private final String warning;

    private AotCompilation(Function<Instance, Machine> factory, String warning) {
        this.factory = factory;
        this.warning = warning;
    }

    Function<Instance, Machine> factory() {
        return factory;
    }

    /** One line naming the functions left to the interpreter, or null when there are none. */
    String warning() {
        return warning;
    }

    /**
     * @throws HostError (internal error, 74) when the compiler fails on too many functions
     */
    static AotCompilation of(String name, WasmModule module) {
        Throwable failure;
        try {
            return new AotCompilation(compile(module, Set.of()), null);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // A compiler that fails on a valid module is a bug (see docs/upstream.md); find where.
            failure = e;
        }
        Throwable firstFailure = failure;
        int first = module.importSection().count(ExternalType.FUNCTION);
        int end = first + module.functionSection().functionCount();
        Set<Integer> interpreted = new TreeSet<>();
        while (failure != null) {
            if (interpreted.size() == MAX_INTERPRETED) {
                throw new HostError(ExitCodes.INTERNAL, name + ": internal error: the AOT compiler"
                        + " fails on more"
                        + " than " + MAX_INTERPRETED + " functions (" + oneLine(failure)
                        + "); run it with --engine interpreter");
            }
            interpreted.add(firstFailing(module, interpreted, first, end));
            failure = attempt(module, interpreted);
        }
        StringBuilder names = new StringBuilder();
        for (int index : interpreted) {
            names.append(names.isEmpty() ? "" : ", ").append(describe(module, index));
        }
        return new AotCompilation(compile(module, interpreted),
                name + ": the AOT compiler failed on " + names + " (" + oneLine(firstFailure)
                        + "); interpreting " + (interpreted.size() == 1 ? "it" : "them"));
    }

    /**
     * The lowest function index {@code k} such that compiling every function below {@code k}
     * (those in {@code interpreted} excepted) fails while compiling those below {@code k - 1}
     * does not: function {@code k - 1} is one the compiler fails on.
     */
    private static int firstFailing(WasmModule module, Set<Integer> interpreted, int first,
            int end) {
        int good = first;
        int bad = end;
        while (bad - good > 1) {
            int middle = (good + bad) >>> 1;
            if (attempt(module, compiledBelow(interpreted, middle, end)) == null) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return bad - 1;
    }

    private static Set<Integer> compiledBelow(Set<Integer> interpreted, int below, int end) {
        Set<Integer> result = new TreeSet<>(interpreted);
        for (int i = below; i < end; i++) {
            result.add(i);
        }
        return result;
    }

    private static Throwable attempt(WasmModule module, Set<Integer> interpreted) {
        try {
            compile(module, interpreted);
            return null;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return e;
        }
    }

    private static Function<Instance, Machine> compile(WasmModule module, Set<Integer> interpreted) {
        return UninterruptibleCollector.machines(module, UninterruptibleCollector.compile(
                Compiler.builder(module).withInterpretedFunctions(interpreted)));
    }

    private static String describe(WasmModule module, int index) {
        var names = module.nameSection();
        String name = names == null ? null : names.nameOfFunction(index);
        return "function " + index + (name == null ? "" : " (" + name + ")");
    }

    private static String oneLine(Throwable e) {
        return e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + ProgramLoader.oneLine(e.getMessage()));
    }
}
