package dev.detwasm.cli;

import com.google.inject.Module;
import dev.detwasm.host.spi.ExitCodes;
import dev.detwasm.host.spi.HostError;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * The Guice modules of {@code --plugin} jars: those each jar lists for {@link ServiceLoader}
 * ({@code META-INF/services/com.google.inject.Module}), or, with {@code --plugin-module}, the
 * classes named there. A jar that cannot be read is a usage error (64); a jar without a module,
 * a class that is not a Guice module or cannot be made, a load error (65): one line each.
 */
final class PluginJars {
    private static final String SERVICES = "META-INF/services/" + Module.class.getName();

    private PluginJars() {}

    static List<Module> load(List<Path> jars, List<String> moduleClasses) {
        if (jars.isEmpty() && moduleClasses.isEmpty()) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            boolean listsModules = listsModules(jar);
            if (!listsModules && moduleClasses.isEmpty()) {
                throw new HostError(ExitCodes.LOAD_ERROR, "--plugin " + jar
                        + ": no Guice module listed in " + SERVICES
                        + " (or name one with --plugin-module CLASS)");
            }
            urls.add(url(jar));
        }
        ClassLoader loader = new URLClassLoader(
                "detwasm-plugins", urls.toArray(URL[]::new), PluginJars.class.getClassLoader());
        return moduleClasses.isEmpty() ? listed(loader) : named(loader, moduleClasses);
    }

    /** Whether {@code jar} lists modules for {@link ServiceLoader}; errors when unreadable. */
    private static boolean listsModules(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new HostError(ExitCodes.USAGE, "--plugin " + jar + ": no such file");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(SERVICES) != null;
        } catch (IOException e) {
            throw new HostError(ExitCodes.LOAD_ERROR,
                    "--plugin " + jar + ": not a jar file (" + e.getMessage() + ")");
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new HostError(ExitCodes.USAGE, "--plugin " + jar + ": " + e.getMessage());
        }
    }

    /** The modules the jars list, in jar order. */
    private static List<Module> listed(ClassLoader loader) {
        try {
            List<Module> modules = new ArrayList<>();
            ServiceLoader.load(Module.class, loader).forEach(modules::add);
            return modules;
        } catch (ServiceConfigurationError e) {
            throw new HostError(ExitCodes.LOAD_ERROR, "--plugin: " + firstLine(e));
        }
    }

    private static List<Module> named(ClassLoader loader, List<String> classNames) {
        List<Module> modules = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new HostError(ExitCodes.USAGE,
                        "--plugin-module " + name + ": no such class in the --plugin jars");
            }
            if (!Module.class.isAssignableFrom(type)) {
                throw new HostError(ExitCodes.LOAD_ERROR, "--plugin-module " + name
                        + ": not a Guice module (does not implement " + Module.class.getName()
                        + ")");
            }
            try {
                modules.add((Module) type.getConstructor().newInstance());
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
                throw new HostError(ExitCodes.LOAD_ERROR, "--plugin-module " + name
                        + ": cannot be made (it needs a public constructor without arguments)");
            } catch (InvocationTargetException e) {
                throw new HostError(ExitCodes.LOAD_ERROR, "--plugin-module " + name
                        + ": its constructor failed: " + e.getCause());
            }
        }
        return modules;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
