package dev.detwasm.cli;

import com.dylibso.chicory.runtime.HostFunction;
import com.google.inject.AbstractModule;
import dev.detwasm.host.spi.HostModule;
import dev.detwasm.host.spi.HostModules;
import dev.detwasm.host.spi.RunContext;
import dev.detwasm.wasi.Entropy;
import dev.detwasm.wasi.Param;
import dev.detwasm.wasi.Preview1HostModule;
import dev.detwasm.wasi.WasiFunctionTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Plugins for {@link PluginTest}, named with {@code --plugin-module TestPlugins$NAME}. */
public final class TestPlugins {
    private TestPlugins() {}

    /** Offers its own {@code fd_write}, which writes "LOUD" however much the guest wrote. */
    static final class LoudFdWrite implements HostModule {
        private final Set<String> replaces;

        LoudFdWrite(Set<String> replaces) {
            this.replaces = replaces;
        }

        @Override
        public String name() {
            return "loud";
        }

        @Override
        public Set<String> replaces() {
            return replaces;
        }

        @Override
        public List<HostFunction> functions(RunContext run) {
            byte[] loud = "LOUD\n".getBytes(StandardCharsets.UTF_8);
            return new WasiFunctionTable(Preview1HostModule.MODULE, run)
                    .errno("fd_write", (m, a) -> {
                        run.output().writeStdout(loud, 0, loud.length);
                        return 0;
                    }, Param.i32("fd"), Param.ptr("iovs"), Param.i32("iovs_len"),
                            Param.ptr("nwritten"))
                    .functions();
        }
    }

    /** Adds {@link LoudFdWrite} without saying it replaces anything: a conflict. */
    public static final class ConflictingModule extends AbstractModule {
        @Override
        protected void configure() {
            HostModules.add(binder(), "loud").toInstance(new LoudFdWrite(Set.of()));
        }
    }

    /** Adds {@link LoudFdWrite} declaring that it replaces wasi_snapshot_preview1's imports. */
    public static final class ReplacingModule extends AbstractModule {
        @Override
        protected void configure() {
            HostModules.add(binder(), "loud")
                    .toInstance(new LoudFdWrite(Set.of(Preview1HostModule.MODULE)));
        }
    }

    /** Binds the entropy to zeros. */
    public static final class ZeroEntropyModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Entropy.class).toInstance(seed -> (bytes, offset, length) ->
                    Arrays.fill(bytes, offset, offset + length, (byte) 0));
        }
    }

    /** Binds the entropy to ones: installed with {@link ZeroEntropyModule}, a conflict. */
    public static final class OnesEntropyModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(Entropy.class).toInstance(seed -> (bytes, offset, length) ->
                    Arrays.fill(bytes, offset, offset + length, (byte) 1));
        }
    }

    /** Not a Guice module. */
    public static final class NotAModule {}
}
