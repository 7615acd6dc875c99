package dev.detwasm.bench;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.detwasm.host.OneThread;
import dev.detwasm.host.memory.SchedulingMemory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plain loads and stores through the {@link Memory} interface, the way Chicory's compiled code
 * makes them (its {@code Shaded.memoryReadByte} and the rest call the interface): detwasm's
 * {@link SchedulingMemory} (chunks allocated on first write) against Chicory's own
 * {@link ByteArrayMemory}, both shared 16-page memories. Each memory kind runs in a fork of its
 * own, so the interface call is monomorphic as in a real run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryAccessBenchmark {
    private static final int PAGES = 16;
    private static final int SIZE = PAGES * Memory.PAGE_SIZE;
    /** The primes below 2^20. */
    private static final int PRIMES = 82_025;

    /** {@code chicory}: ByteArrayMemory; {@code detwasm}: SchedulingMemory. */
    @Param({"chicory", "detwasm"})
    public String memory;

    private Memory bytes;

    @Setup
    public void setUp() {
        MemoryLimits limits = new MemoryLimits(PAGES, PAGES, true);
        bytes = switch (memory) {
            case "chicory" -> new ByteArrayMemory(limits);
            case "detwasm" -> new SchedulingMemory(limits, new OneThread());
            default -> throw new IllegalArgumentException("unknown memory " + memory);
        };
        int primes = byteSieve();
        if (primes != PRIMES) {
            throw new IllegalStateException(memory + " memory: " + primes + " primes, not " + PRIMES);
        }
    }

    /**
     * The primes below 2^20 by a sieve over the memory's bytes: the sieve guest's byte loads and
     * stores (about 3.6 million), without the guest.
     */
    @Benchmark
    public int byteSieve() {
        for (int i = 0; i < SIZE; i++) {
            bytes.writeByte(i, (byte) 0);
        }
        int count = 0;
        for (int i = 2; i < SIZE; i++) {
            if (bytes.read(i) == 0) {
                count++;
                for (long j = (long) i * i; j < SIZE; j += i) {
                    bytes.writeByte((int) j, (byte) 1);
                }
            }
        }
        return count;
    }

    /** Aligned 32-bit stores over the whole memory, then loads summing them. */
    @Benchmark
    public int intStoresThenLoads() {
        for (int addr = 0; addr < SIZE; addr += 4) {
            bytes.writeI32(addr, addr);
        }
        int sum = 0;
        for (int addr = 0; addr < SIZE; addr += 4) {
            sum += bytes.readInt(addr);
        }
        return sum;
    }
}
