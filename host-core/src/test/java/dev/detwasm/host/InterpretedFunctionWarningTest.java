package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.load.ProgramLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A function too large for one JVM method runs interpreted under the AOT engine. Chicory says so
 * on {@code System.err} unless told to be silent: detwasm keeps it silent unless asked
 * ({@code --warn-interpreted}), since a Python interpreter has hundreds of such functions.
 */
class InterpretedFunctionWarningTest {
    @Test
    void silentByDefault() throws Exception {
        assertEquals("", stderrOfCompiling(new ProgramLoader()));
    }

    @Test
    void warnsWhenAsked() throws Exception {
        assertEquals("Warning: using interpreted mode for WASM function index: 0\n",
                stderrOfCompiling(new ProgramLoader().warningInterpretedFunctions()));
    }

    private static String stderrOfCompiling(ProgramLoader loader) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            loader.load("big.wasm", BigFunctionModule.bytes()).machineFactory(Engine.AOT);
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
