package dev.detwasm.wat;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns WAT text into a wasm binary by running wabt's {@code wat2wasm} (shipped, compiled to
 * JVM bytecode, in Chicory's wabt artifact) with {@code --enable-threads}: Chicory's own
 * {@code Wat2Wasm} rejects atomics. The text goes in on stdin and the binary comes out on
 * stdout, so no file system is involved. Chicory's WASI is not deterministic, which does not
 * matter here: it only turns text into bytes. In a module of its own so that embedding
 * detwasm's core does not bring wabt along unless WAT is loaded.
 */
public final class WatCompiler {
    private static final class Holder {
        static final WasmModule WAT2WASM = Wat2WasmModule.load();
    }

    private WatCompiler() {}

    /** @throws WatException with wat2wasm's first error line when the text does not compile */
    public static byte[] compile(byte[] watText) throws WatException {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        WasiOptions options =
                WasiOptions.builder()
                        .withStdin(new ByteArrayInputStream(watText))
                        .withStdout(stdout)
                        .withStderr(stderr)
                        .withArguments(
                                List.of("wat2wasm", "-", "--enable-threads", "--output=-"))
                        .build();
        int exitCode = 0;
        try (var wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(Holder.WAT2WASM)
                    .withMachineFactory(Wat2WasmModule::create)
                    .withImportValues(
                            ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .build();
        } catch (WasiExitException e) {
            exitCode = e.exitCode();
        }
        if (exitCode != 0 || stdout.size() == 0) {
            throw new WatException(firstError(stderr.toString(StandardCharsets.UTF_8)));
        }
        return stdout.toByteArray();
    }

    /** wat2wasm names the input "-" and colours its output; the first line says where and what. */
    private static String firstError(String stderr) {
        String plain = stderr.replaceAll("\u001B\\[[;0-9]*m", "");
        String line = plain.strip().lines().findFirst().orElse("not valid WAT text");
        return line.startsWith("-:") ? line.substring(2) : line;
    }
}
