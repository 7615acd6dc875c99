package dev.detwasm.wasi;

import dev.detwasm.host.RunConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link GuestArguments}: {@code --argv0} (default {@code /main.wasm}) then the
 * arguments after MODULE; the {@code --env} variables in the order given, nothing of the host's.
 */
public final class ConfiguredArguments implements GuestArguments {
    @Override
    public List<String> argv(RunConfig config) {
        List<String> argv = new ArrayList<>(config.args().size() + 1);
        argv.add(config.argv0());
        argv.addAll(config.args());
        return argv;
    }

    @Override
    public List<String> environ(RunConfig config) {
        return config.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
