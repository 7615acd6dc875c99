package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.Engine;
import dev.detwasm.host.RunConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WASI calls whose pointers lie at 2 GiB and above, in a 4 GiB memory, on both engines. */
class WideAddressTest {
    private static final String WAT = """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory 65536)
              (func (export "_start")
                (i32.store (i32.const 0x9000fff0) (i32.const 0x0a216968))
                (i32.store (i32.const 0x80000000) (i32.const 0x9000fff0))
                (i32.store (i32.const 0x80000004) (i32.const 3))
                (i32.store (i32.const 0x80000008) (i32.const 0xfffffffe))
                (i32.store (i32.const 0x8000000c) (i32.const 2))
                (i32.store (i32.const 0xfffffff8) (i32.const 0xfffffffe))
                (i32.store (i32.const 0xfffffffc) (i32.const 3))
                (drop (call $fd_write (i32.const 1) (i32.const 0x80000000) (i32.const 2)
                  (i32.const 0xfffffff0)))
                (if (i32.ne (i32.load (i32.const 0xfffffff0)) (i32.const 5))
                  (then (call $proc_exit (i32.const 90))))
                (call $proc_exit (call $fd_write (i32.const 1) (i32.const 0xfffffff8)
                  (i32.const 1) (i32.const 0xfffffff0)))))
            """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pointersAtTwoGibibytesAndAboveWorkAndOneRunningPastTheEndIsEfault(Engine engine) {
        WatRunner runner = new WatRunner();
        RunConfig config = RunConfig.builder().engine(engine).build();
        for (int run = 0; run < 2; run++) {
            var outcome = runner.run(WAT, config);
            assertEquals("hi!\0\0", outcome.stdout());
            assertEquals(Errno.EFAULT, outcome.exitCode());
        }
    }
}
