package dev.detwasm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * host-core as an embedder gets it, without the optional wat module (nor wabt and Chicory's
 * WASI): wasm binaries load, WAT text is one clear load error.
 */
class WithoutWatTest {
    private static final String WAT = "(module (func (export \"_start\")))";

    /** This test's class path without the wat module, wabt and Chicory's WASI. */
    private static ClassLoader withoutWat() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            boolean wat = e.contains("/wat/target/") || e.contains("/dev/detwasm/wat/")
                    || e.contains("/com/dylibso/chicory/wabt/")
                    || e.contains("/com/dylibso/chicory/wasi/");
            if (!wat) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Object load(ClassLoader loader, byte[] bytes) throws Throwable {
        Class<?> type = Class.forName("dev.detwasm.host.load.ProgramLoader", true, loader);
        Method load = type.getMethod("load", String.class, byte[].class);
        try {
            return load.invoke(type.getConstructor().newInstance(), "t.wat", bytes);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void watTextIsALoadErrorNamingTheMissingArtifact() throws Exception {
        ClassLoader loader = withoutWat();
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("dev.detwasm.wat.WatCompiler", false, loader));
        Throwable e = assertThrows(Throwable.class,
                () -> load(loader, WAT.getBytes(StandardCharsets.UTF_8)));
        assertEquals("dev.detwasm.host.load.LoadException", e.getClass().getName());
        assertEquals("t.wat: WAT text needs the dev.detwasm:wat artifact on the class path"
                + " (wasm binaries load without it)", e.getMessage());
    }

    @Test
    void binariesLoadWithoutIt() throws Throwable {
        byte[] binary = ProgramLoaderTest.binaryOf(WAT);
        Object program = load(withoutWat(), binary);
        assertEquals("dev.detwasm.host.load.Program", program.getClass().getName());
    }
}
