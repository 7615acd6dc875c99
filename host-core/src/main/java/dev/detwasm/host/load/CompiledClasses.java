package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

/**
 * The classes the AOT compiler made of a module, as a compile-cache entry keeps them: a jar of
 * the class files and a properties file naming the main class and the functions the compiled
 * code leaves to the interpreter (those too large for a JVM method). Only those functions ever
 * need their parsed bodies: a module whose compiled code interprets none runs without them.
 *
 * @param mainClass the machine's class, the one constructed per instance
 * @param classes every class file, by binary name, the main class among them
 * @param interpreted the indices of the functions the compiled code interprets
 */
record CompiledClasses(String mainClass, Map<String, byte[]> classes, Set<Integer> interpreted) {
    private static final String PROPERTIES = "wasm-module.properties";
    private static final String MAIN_CLASS = "mainClass";
    private static final String INTERPRETED = "interpretedFunctions";

    static CompiledClasses of(CompilerResult result) {
        return new CompiledClasses(
                result.collector().mainClassName(),
                result.classBytes(),
                Set.copyOf(result.interpretedFunctions()));
    }

    /** The machine factory for instances of {@code module}, the module these classes were made of. */
    Function<Instance, Machine> define(WasmModule module) {
        var collector = new ClassLoadingCollector();
        collector.putMainClass(mainClass, classes.get(mainClass));
        for (var entry : classes.entrySet()) {
            if (!entry.getKey().equals(mainClass)) {
                collector.put(entry.getKey(), entry.getValue());
            }
        }
        return new MachineFactory(module, collector.machineFactory());
    }

    byte[] toJar() {
        var properties = new Properties();
        properties.setProperty(MAIN_CLASS, mainClass);
        StringBuilder indices = new StringBuilder();
        for (int index : new TreeSet<>(interpreted)) {
            indices.append(indices.isEmpty() ? "" : ",").append(index);
        }
        properties.setProperty(INTERPRETED, indices.toString());
        var bytes = new ByteArrayOutputStream();
        try (var jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry(PROPERTIES));
            properties.store(jar, null);
            jar.closeEntry();
            for (var entry : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The classes in {@code jar}, or null when it is not a jar {@link #toJar()} wrote. */
    static CompiledClasses fromJar(byte[] jar) {
        Properties properties = null;
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (var in = new JarInputStream(new ByteArrayInputStream(jar))) {
            JarEntry entry;
            while ((entry = in.getNextJarEntry()) != null) {
                String name = entry.getName();
                if (name.equals(PROPERTIES)) {
                    properties = new Properties();
                    properties.load(in);
                } else if (name.endsWith(".class")) {
                    String binaryName = name.substring(0, name.length() - ".class".length());
                    classes.put(binaryName.replace('/', '.'), in.readAllBytes());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (properties == null) {
            return null;
        }
        String main = properties.getProperty(MAIN_CLASS);
        String indices = properties.getProperty(INTERPRETED);
        if (main == null || indices == null || !classes.containsKey(main)) {
            return null;
        }
        Set<Integer> interpreted = new TreeSet<>();
        try {
            for (String index : indices.isEmpty() ? new String[0] : indices.split(",")) {
                interpreted.add(Integer.parseInt(index));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new CompiledClasses(main, classes, Set.copyOf(interpreted));
    }
}
