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
import java.util.Arrays;
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
}
