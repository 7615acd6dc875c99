package dev.detwasm.host;

import java.io.ByteArrayOutputStream;

/**
 * A module whose one function is too large for a JVM method, so the AOT engine leaves it to the
 * interpreter: {@code _start}, {@code () -> ()}, of constant-and-drop pairs.
 */
final class BigFunctionModule {
    /** (i32.const 1, drop) pairs: about 2 bytes of JVM bytecode each, past the 64 KiB limit. */
    private static final int PAIRS = 50_000;

    private BigFunctionModule() {}

    static byte[] bytes() {
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
        // function 0 exported as "_start"
        section(module, 7, new byte[] {1, 6, '_', 's', 't', 'a', 'r', 't', 0, 0});
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
