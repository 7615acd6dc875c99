package dev.detwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.detwasm.host.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --plugin} and {@code --plugin-module}: what a plugin changes, and one line with its
 * exit code for each way a plugin can be broken. The plugin classes are on the test class path,
 * so the jars here only list them (or nothing).
 */
class PluginTest {
    @TempDir Path dir;

    private static String module() throws Exception {
        return Path.of(PluginTest.class.getResource("select.wat").toURI()).toString();
    }

    /** A jar whose service list for Guice modules is {@code services}, or that has none. */
    private Path jar(String name, String services) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String plugin(String simpleName) {
        return TestPlugins.class.getName() + "$" + simpleName;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostModuleThatReplacesTheDefaultsImportWins(Engine engine) throws Exception {
        Path jar = jar("replacing.jar", plugin("ReplacingModule") + "\n");
        for (int i = 0; i < 2; i++) {
            CliRun r = CliRun.of("run", "--engine", engine.cliName(), "--plugin", jar.toString(),
                    module());
            assertEquals(new CliRun(0, "LOUD\n", ""), r);
        }
    }

    @Test
    void aDuplicateImportWithoutOverrideIsOneLineNamingBothModules() throws Exception {
        Path jar = jar("conflicting.jar", "# a comment\n" + plugin("ConflictingModule") + "\n");
        CliRun r = CliRun.of("run", "--plugin", jar.toString(), module());
        assertEquals(new CliRun(65, "", "detwasm: host modules loud (" + plugin("LoudFdWrite")
                + ") and wasi_snapshot_preview1 (dev.detwasm.wasi.Preview1HostModule) both offer import wasi_snapshot_preview1.fd_write: install one through"
                + " Modules.override or declare that it replaces the other\n"), r);
    }

    @Test
    void pluginModulePicksOneByName() throws Exception {
        Path jar = jar("several.jar", plugin("ConflictingModule") + "\n");
        CliRun r = CliRun.of("run", "--plugin", jar.toString(),
                "--plugin-module", plugin("ReplacingModule"), module());
        assertEquals(new CliRun(0, "LOUD\n", ""), r);
    }

    @Test
    void aMissingJarIsAUsageError() throws Exception {
        CliRun r = CliRun.of("run", "--plugin", dir.resolve("nowhere.jar").toString(), module());
        assertEquals(new CliRun(64, "", "detwasm: --plugin " + dir.resolve("nowhere.jar")
                + ": no such file\n"), r);
    }

    @Test
    void aFileThatIsNotAJarIsALoadError() throws Exception {
        Path notJar = Files.writeString(dir.resolve("plugin.jar"), "not a zip");
        CliRun r = CliRun.of("run", "--plugin", notJar.toString(), module());
        assertEquals(65, r.exitCode());
        assertTrue(r.stderr().startsWith("detwasm: --plugin " + notJar + ": not a jar file ("),
                r.stderr());
        assertEquals(1, r.stderr().lines().count());
    }

    @Test
    void aJarWithoutModulesIsALoadError() throws Exception {
        Path jar = jar("empty.jar", null);
        CliRun r = CliRun.of("check", "--plugin", jar.toString(), module());
        assertEquals(new CliRun(65, "", "detwasm: --plugin " + jar + ": no Guice module listed in"
                + " META-INF/services/com.google.inject.Module (or name one with --plugin-module"
                + " CLASS)\n"), r);
    }

    @Test
    void aListedClassThatIsNotAModuleIsALoadError() throws Exception {
        Path jar = jar("wrong.jar", plugin("NotAModule") + "\n");
        CliRun r = CliRun.of("run", "--plugin", jar.toString(), module());
        assertEquals(65, r.exitCode());
        assertTrue(r.stderr().startsWith("detwasm: --plugin: com.google.inject.Module: "),
                r.stderr());
        assertEquals(1, r.stderr().lines().count());
    }

    @Test
    void aNamedClassThatIsNotAModuleIsALoadError() throws Exception {
        CliRun r = CliRun.of("run", "--plugin", jar("empty.jar", null).toString(),
                "--plugin-module", plugin("NotAModule"), module());
        assertEquals(new CliRun(65, "", "detwasm: --plugin-module " + plugin("NotAModule")
                + ": not a Guice module (does not implement com.google.inject.Module)\n"), r);
    }

    @Test
    void anUnknownClassIsAUsageError() throws Exception {
        CliRun r = CliRun.of("run", "--plugin", jar("empty.jar", null).toString(),
                "--plugin-module", "com.example.Nothing", module());
        assertEquals(new CliRun(64, "", "detwasm: --plugin-module com.example.Nothing: no such"
                + " class in the --plugin jars\n"), r);
    }

    @Test
    void twoPluginsBindingOneKeyIsALoadError() throws Exception {
        Path jar = jar("both.jar",
                plugin("ZeroEntropyModule") + "\n" + plugin("OnesEntropyModule") + "\n");
        CliRun r = CliRun.of("run", "--plugin", jar.toString(), module());
        assertEquals(65, r.exitCode());
        assertTrue(r.stderr().startsWith("detwasm: the Guice modules do not fit together: "),
                r.stderr());
        assertTrue(r.stderr().contains("Entropy"), r.stderr());
        assertEquals(1, r.stderr().lines().count());
    }
}
