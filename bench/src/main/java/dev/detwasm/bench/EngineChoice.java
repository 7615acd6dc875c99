package dev.detwasm.bench;

import dev.detwasm.host.Engine;
import java.util.Locale;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code engine} parameter of every benchmark that runs one guest on either engine: a JMH
 * state the benchmarks' own setups take, so that the parameter, its values and its meaning are
 * written once. Read interpreter/aot of the same benchmark.
 */
@State(Scope.Benchmark)
public class EngineChoice {
    /** {@code aot} (compiled to JVM bytecode once, in setup) or {@code interpreter}. */
    @Param({"aot", "interpreter"})
    public String engine;

    public Engine engine() {
        return Engine.valueOf(engine.toUpperCase(Locale.ROOT));
    }
}
