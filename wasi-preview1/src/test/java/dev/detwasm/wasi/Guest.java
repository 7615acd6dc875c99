package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.memory.GuestMemory;
import dev.detwasm.host.spi.HostModule;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls host functions as a guest would: a real Chicory instance with one page of memory, a
 * {@link FakeRun}, and helpers to lay out arguments in guest memory.
 */
final class Guest {
    /** A module with one page of memory and nothing else. */
    private static final byte[] ONE_PAGE = {
        0, 'a', 's', 'm', 1, 0, 0, 0, // magic, version
        5, 3, 1, 0, 1 // memory section: one memory, no maximum, 1 page
    };

    /** Where tests put their scratch data; below it lie the argument structures. */
    static final int SCRATCH = 0x1000;

    /** The first address past the memory. */
    static final int END = 0x10000;

    final FakeRun run;
    final GuestMemory memory;
    private final Instance instance;
    private final Map<String, HostFunction> functions = new HashMap<>();

    Guest(FakeRun run, HostModule... modules) {
        this.run = run;
        this.instance = Instance.builder(Parser.parse(ONE_PAGE)).build();
        this.memory = new GuestMemory(instance.memory());
        for (HostModule module : modules) {
            for (HostFunction f : module.functions(run)) {
                functions.put(f.name(), f);
            }
        }
    }

    /** A guest of {@code wasi_snapshot_preview1} with the default bindings. */
    static Guest preview1(RunConfig config) {
        return preview1(new FakeRun(config), new HostMountLoader());
    }

    static Guest preview1(FakeRun run, MountLoader loader) {
        FixedEpochClocks clocks = new FixedEpochClocks();
        return new Guest(run, new Preview1HostModule(clocks, new SplitMix64Entropy(), loader,
                new ConfiguredArguments(), new ConfiguredStdin(), new RunStdioOutput(),
                new OverlayTrees(clocks)));
    }

    /** Calls {@code name} and returns its i32 result. */
    int call(String name, long... args) {
        long[] result = functions.get(name).handle().apply(instance, args);
        return (int) result[0];
    }

    /** Calls a function without results. */
    void callVoid(String name, long... args) {
        long[] result = functions.get(name).handle().apply(instance, args);
        assertEquals(0, result.length);
    }

    HostFunction function(String name) {
        return functions.get(name);
    }

    int functionCount() {
        return functions.size();
    }

    /** Writes {@code text} as UTF-8 at {@code address}; returns its length in bytes. */
    int put(int address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        memory.writeBytes(address, bytes);
        return bytes.length;
    }

    String string(int address, int length) {
        return memory.readString(address, length);
    }

    int i32(int address) {
        return memory.readI32(address);
    }

    long i64(int address) {
        return memory.readI64(address);
    }

    /** Writes one iovec {@code (buf, len)} at {@code address}. */
    void iovec(int address, int buf, int len) {
        memory.writeI32(address, buf);
        memory.writeI32(address + 4, len);
    }

    /** Writes {@code text} to {@code fd} through one iovec; returns the errno. */
    int write(int fd, String text) {
        int len = put(SCRATCH + 0x100, text);
        iovec(SCRATCH, SCRATCH + 0x100, len);
        return call("fd_write", fd, SCRATCH, 1, SCRATCH + 8);
    }

    /** Reads up to {@code max} bytes from {@code fd} through one iovec. */
    String read(int fd, int max) {
        iovec(SCRATCH, SCRATCH + 0x100, max);
        assertEquals(Errno.SUCCESS, call("fd_read", fd, SCRATCH, 1, SCRATCH + 8));
        return string(SCRATCH + 0x100, i32(SCRATCH + 8));
    }

    /**
     * Opens {@code path} under directory {@code dirFd}; returns the new fd, or minus the errno.
     */
    int open(int dirFd, String path, int oflags, long rights, int fdflags) {
        int len = put(SCRATCH + 0x800, path);
        int errno = call("path_open", dirFd, 1, SCRATCH + 0x800, len, oflags, rights,
                Rights.DIRECTORY | Rights.FILE, fdflags, SCRATCH + 0x7F0);
        return errno == Errno.SUCCESS ? i32(SCRATCH + 0x7F0) : -errno;
    }

    /** Calls a {@code path_*} function whose arguments are {@code (fd, path, path_len)}. */
    int pathCall(String name, int dirFd, String path) {
        int len = put(SCRATCH + 0x800, path);
        return call(name, dirFd, SCRATCH + 0x800, len);
    }
}
