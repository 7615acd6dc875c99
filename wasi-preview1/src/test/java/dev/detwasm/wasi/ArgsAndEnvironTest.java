package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsAndEnvironTest {

    @Test
    void argvStartsWithTheDefaultProgramName() {
        Guest guest = Guest.preview1(RunConfig.builder().args(List.of("a", "bé")).build());

        assertEquals(Errno.SUCCESS, guest.call("args_sizes_get", 0, 4));
        assertEquals(3, guest.i32(0));
        assertEquals("/main.wasm\0a\0bé\0".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                guest.i32(4));

        assertEquals(Errno.SUCCESS, guest.call("args_get", 0x100, 0x200));
        assertEquals(0x200, guest.i32(0x100));
        assertEquals(0x200 + 11, guest.i32(0x104));
        assertEquals(0x200 + 13, guest.i32(0x108));
        assertEquals("/main.wasm\0a\0bé\0", guest.string(0x200, guest.i32(4)));
    }

    @Test
    void argv0CanBeConfigured() {
        Guest guest = Guest.preview1(RunConfig.builder().argv0("prog").build());

        guest.call("args_sizes_get", 0, 4);
        guest.call("args_get", 0x100, 0x200);

        assertEquals(1, guest.i32(0));
        assertEquals(5, guest.i32(4));
        assertEquals("prog\0", guest.string(0x200, 5));
    }

    @Test
    void environHoldsExactlyTheConfiguredVariablesInOrder() {
        Guest guest = Guest.preview1(
                RunConfig.builder().env("Z", "1").env("A", "x=y").build());

        assertEquals(Errno.SUCCESS, guest.call("environ_sizes_get", 0, 4));
        assertEquals(2, guest.i32(0));
        assertEquals(10, guest.i32(4));
        assertEquals(Errno.SUCCESS, guest.call("environ_get", 0x100, 0x200));
        assertEquals(0x200, guest.i32(0x100));
        assertEquals(0x204, guest.i32(0x104));
        assertEquals("Z=1\0A=x=y\0", guest.string(0x200, 10));
    }

    @Test
    void anEmptyEnvironmentHasNoVariables() {
        Guest guest = Guest.preview1(RunConfig.builder().build());

        assertEquals(Errno.SUCCESS, guest.call("environ_sizes_get", 0, 4));
        assertEquals(0, guest.i32(0));
        assertEquals(0, guest.i32(4));
    }

    @Test
    void pointersOutsideMemoryAreEfaultAndWriteNothing() {
        Guest guest = Guest.preview1(RunConfig.builder().args(List.of("x")).build());

        assertEquals(Errno.EFAULT, guest.call("args_sizes_get", 0, Guest.END - 2));
        assertEquals(0, guest.i32(0));
        assertEquals(Errno.EFAULT, guest.call("args_get", 0x100, Guest.END - 4));
        assertEquals(0, guest.i32(0x100));
        assertEquals(Errno.EFAULT, guest.call("environ_get", -4, 0x200));
        assertEquals(Errno.EFAULT, guest.call("environ_sizes_get", Guest.END, 0));
    }
}
