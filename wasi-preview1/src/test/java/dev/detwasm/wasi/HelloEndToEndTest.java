package dev.detwasm.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.detwasm.host.Engine;
import dev.detwasm.host.RunConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HelloEndToEndTest {
    private static final String HELLO = """
            (module
              (import "wasi_snapshot_preview1" "fd_write"
                (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hello\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 6))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $proc_exit (i32.load (i32.const 8)))))
            """;

    private final WatRunner runner = new WatRunner();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void writesToStdoutAndExitsWithTheCodeGiven(Engine engine) {
        var outcome = runner.run(HELLO, RunConfig.builder().engine(engine).traceWasi(true).build());

        assertEquals("hello\n", outcome.stdout());
        assertEquals(6, outcome.exitCode());
        assertEquals("""
                [t0] fd_write(fd=1, iovs=0x0 [1 iovec, 6 bytes "hello\\n"], iovs_len=1, nwritten=0x8 -> 6) -> 0 (success)
                [t0] proc_exit(rval=6)
                """, outcome.diagnostics());
    }
}
