package dev.detwasm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the versions Maven wrote into {@code version.properties} at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = properties();
        return new String[] {
            "detwasm " + p.getProperty("version", "unknown")
                    + " (Chicory " + p.getProperty("chicory", "unknown") + ", Java "
                    + Runtime.version() + ")"
        };
    }

    /**
     * The detwasm and Chicory versions, {@code 0.1.0, Chicory 1.7.5}: what a check's runs depend
     * on (the JVM's version does not change a run).
     */
    static String versions() throws IOException {
        Properties p = properties();
        return p.getProperty("version", "unknown") + ", Chicory "
                + p.getProperty("chicory", "unknown");
    }

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }
}
