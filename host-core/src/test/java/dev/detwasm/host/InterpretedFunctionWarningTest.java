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
    /** (i32.const 1, drop) pairs: about 2 bytes of JVM bytecode each, past the 64 KiB limit. */
    private static final int PAIRS = 50_000;

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
            loader.load("big.wasm", bigFunctionModule()).machineFactory(Engine.AOT);
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** A module with one function, {@code () -> ()}, of {@link #PAIRS} constant-and-drops. */
    private static byte[] bigFunctionModule() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0); // no locals
        for (int i = 0; i < PAIRS; i++) {
            body.write(0x41); // i32.const
            body.write(1);
            body.write(0x1A); // drop
        }
        body.write(0x0B); // end
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(1); // one body
        leb(code, body.size());
        code.writeBytes(body.toByteArray());

        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(module, 1, new byte[] {1, 0x60, 0, 0}); // type 0: () -> ()
        section(module, 3, new byte[] {1, 0}); // function 0 has type 0
        section(module, 10, code.toByteArray());
        return module.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] payload) {
        out.write(id);
        leb(out, payload.length);
        out.writeBytes(payload);
    }

    private static void leb(ByteArrayOutputStream out, int value) {
        int v = value;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
    }
}
