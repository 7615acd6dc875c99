package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.detwasm.host.RunConfig;
import dev.detwasm.host.spi.HostModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WasiPreview1ModuleTest {

    @Test
    void contributesBothImportModulesAndOneCachePerInjector() {
        Injector injector = Guice.createInjector(new WasiPreview1Module());

        Set<HostModule> modules = injector.getInstance(Key.get(new TypeLiteral<>() {}));
        assertEquals(Set.of(Preview1HostModule.class, WasiHostModule.class),
                modules.stream().map(Object::getClass).collect(Collectors.toSet()));
        assertSame(injector.getInstance(MountLoader.class),
                injector.getInstance(MountLoader.class));
    }

    @Test
    void clocksAndEntropyCanBeOverridden() {
        Injector injector = Guice.createInjector(Modules.override(new WasiPreview1Module())
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(VirtualClocks.class).toInstance(new FixedEpochClocks(1_000));
                        bind(Entropy.class).toInstance(
                                seed -> (bytes, offset, length) ->
                                        Arrays.fill(bytes, offset, offset + length, (byte) seed));
                    }
                }));
        Guest guest = new Guest(new FakeRun(RunConfig.builder().seed(9).build()),
                injector.getInstance(Preview1HostModule.class));

        guest.call("clock_time_get", VirtualClocks.REALTIME, 1, 0x100);
        guest.call("random_get", 0x200, 3);

        assertEquals(1_000, guest.i64(0x100));
        assertEquals(0x090909, guest.i32(0x200) & 0xFFFFFF);
    }

    @Test
    void argumentsStdinSelectAndMustReachCanBeOverridden() {
        List<String> reached = new ArrayList<>();
        Injector injector = Guice.createInjector(Modules.override(new WasiPreview1Module())
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(GuestArguments.class).toInstance(new GuestArguments() {
                            @Override
                            public List<String> argv(RunConfig config) {
                                return List.of("replaced");
                            }

                            @Override
                            public List<String> environ(RunConfig config) {
                                return List.of("A=1", "B=2");
                            }
                        });
                        bind(StdinSource.class).toInstance(run -> new byte[] {7, 8, 9});
                        bind(Select.class).toInstance((run, n) -> n - 1);
                        bind(MustReach.class).toInstance((run, site) -> reached.add(site));
                    }
                }));
        FakeRun run = new FakeRun(RunConfig.builder().args(List.of("x", "y")).build());
        Guest guest = new Guest(run, injector.getInstance(Preview1HostModule.class),
                injector.getInstance(WasiHostModule.class));

        guest.call("args_sizes_get", 0x100, 0x104);
        guest.call("environ_sizes_get", 0x108, 0x10c);
        assertEquals(1, guest.i32(0x100));
        assertEquals("replaced\0".length(), guest.i32(0x104));
        assertEquals(2, guest.i32(0x108));
        guest.memory.writeI32(0x200, 0x300);
        guest.memory.writeI32(0x204, 8);
        guest.call("fd_read", 0, 0x200, 1, 0x208);
        assertEquals(3, guest.i32(0x208));
        assertEquals(0x090807, guest.i32(0x300) & 0xFFFFFF);
        assertEquals(4, guest.call("model_checker_select", 5));
        guest.memory.writeBytes(0x400, "f.c\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        guest.callVoid("must_reach_underlying", 0x400, 3, 4);
        assertEquals(List.of("f.c:3:4"), reached);
    }
}
