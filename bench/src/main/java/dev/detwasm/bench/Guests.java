package dev.detwasm.bench;

import dev.detwasm.host.load.LoadException;
import dev.detwasm.host.load.Program;
import dev.detwasm.host.load.ProgramLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The programs the benchmarks run: small WAT guests written here, and C programs built with
 * the fixture toolchain ({@code bench/build-wasm.sh}, sources in {@code bench/src/main/c}).
 */
public final class Guests {

    /** Collatz steps of 1..{@value #COLLATZ_LIMIT}: integer arithmetic in locals, no memory. */
    public static final int COLLATZ_LIMIT = 10_000;

    /** How many times {@link #SIEVE} sieves the 64 KiB page. */
    public static final int SIEVE_ROUNDS = 10;

    public static final String COLLATZ = """
            (module
              (import "bench" "result" (func $result (param i64)))
              (func $steps (param $limit i32) (result i64)
                (local $i i32) (local $x i64) (local $steps i64)
                (local.set $i (i32.const 1))
                (block $done
                  (loop $next
                    (br_if $done (i32.gt_u (local.get $i) (local.get $limit)))
                    (local.set $x (i64.extend_i32_u (local.get $i)))
                    (block $one
                      (loop $step
                        (br_if $one (i64.le_u (local.get $x) (i64.const 1)))
                        (if (i64.eqz (i64.and (local.get $x) (i64.const 1)))
                          (then (local.set $x (i64.shr_u (local.get $x) (i64.const 1))))
                          (else (local.set $x
                                  (i64.add (i64.mul (local.get $x) (i64.const 3)) (i64.const 1)))))
                        (local.set $steps (i64.add (local.get $steps) (i64.const 1)))
                        (br $step)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (local.get $steps))
              (func (export "_start")
                (call $result (call $steps (i32.const %d)))))
            """.formatted(COLLATZ_LIMIT);

    /**
     * Counts the primes below 65536 with a sieve of Eratosthenes over a shared imported page
     * (as wasm32-wasi-threads programs have), {@value #SIEVE_ROUNDS} times: plain byte loads
     * and stores, each going through detwasm's memory.
     */
    public static final String SIEVE = """
            (module
              (import "bench" "result" (func $result (param i64)))
              (import "env" "memory" (memory 1 1 shared))
              (func $primes (result i32)
                (local $i i32) (local $j i32) (local $count i32)
                (memory.fill (i32.const 0) (i32.const 0) (i32.const 65536))
                (local.set $i (i32.const 2))
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (i32.const 65536)))
                    (if (i32.eqz (i32.load8_u (local.get $i)))
                      (then
                        (local.set $count (i32.add (local.get $count) (i32.const 1)))
                        (local.set $j (i32.mul (local.get $i) (local.get $i)))
                        (block $marked
                          (loop $mark
                            (br_if $marked (i32.ge_u (local.get $j) (i32.const 65536)))
                            (i32.store8 (local.get $j) (i32.const 1))
                            (local.set $j (i32.add (local.get $j) (local.get $i)))
                            (br $mark)))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (local.get $count))
              (func (export "_start")
                (local $round i32) (local $sum i64)
                (loop $again
                  (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (call $primes))))
                  (local.set $round (i32.add (local.get $round) (i32.const 1)))
                  (br_if $again (i32.lt_u (local.get $round) (i32.const %d))))
                (call $result (local.get $sum))))
            """.formatted(SIEVE_ROUNDS);

    /** Does as little as a program can while still touching memory and calling the host. */
    public static final String TRIVIAL = """
            (module
              (import "bench" "result" (func $result (param i64)))
              (memory 1)
              (func (export "_start")
                (i64.store (i32.const 8) (i64.const 42))
                (call $result (i64.load (i32.const 8)))))
            """;

    /** The C hello world (wasi-libc, printf): imports WASI, a shared memory, thread-spawn. */
    public static final String HELLO_WASM = "hello.wasm";

    /** The C Collatz program (33 KB: wasi-libc's printf and strtoull). */
    public static final String COLLATZ_WASM = "collatz.wasm";

    /**
     * The C racy counter: two pthreads each load a shared counter and store it plus one, with
     * an atomic load and an atomic store (two scheduling points, not one read-modify-write).
     */
    public static final String RACY_COUNTER_WASM = "racy_counter.wasm";

    private Guests() {}

    /** What {@link #COLLATZ} reports, computed in Java. */
    public static long collatzSteps() {
        long steps = 0;
        for (long i = 1; i <= COLLATZ_LIMIT; i++) {
            for (long x = i; x > 1; steps++) {
                x = (x & 1) == 0 ? x >>> 1 : 3 * x + 1;
            }
        }
        return steps;
    }

    /** What {@link #SIEVE} reports, computed in Java. */
    public static long sievePrimes() {
        boolean[] composite = new boolean[65536];
        long count = 0;
        for (int i = 2; i < composite.length; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < composite.length; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count * SIEVE_ROUNDS;
    }

    /** Loads WAT text (compiled to a binary by the loader). */
    public static Program wat(String name, String text) {
        return load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads one of the committed C programs. */
    public static Program wasm(String resource) {
        return load(resource, bytes(resource));
    }

    /**
     * The testdata directory of the checkout, from the repository root or from {@code bench/}
     * (where the smoke test runs the benchmarks).
     */
    public static Path testdata() throws IOException {
        for (Path dir : List.of(Path.of("testdata"), Path.of("..", "testdata"))) {
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IOException("no testdata directory (run from the repository root)");
    }

    /** Loads a fixture, {@code <lang>/<name>.wasm} under {@link #testdata()}. */
    public static Program fixture(String module) throws IOException {
        return load(module, Files.readAllBytes(testdata().resolve(module)));
    }

    /** The bytes of one of the committed C programs. */
    public static byte[] bytes(String resource) {
        try (InputStream in = Guests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Program load(String name, byte[] bytes) {
        try {
            return new ProgramLoader().load(name, bytes);
        } catch (LoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
