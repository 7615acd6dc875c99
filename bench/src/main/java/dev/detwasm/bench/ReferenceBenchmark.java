package dev.detwasm.bench;

import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yardstick of the regression gate ({@code bench/compare}): plain JVM work that no change to
 * detwasm touches (a checksum of 64 KiB and an integer loop over it), measured in the same run
 * as every other benchmark, so that dividing by it takes out how fast the machine was at the
 * time, and how loaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReferenceBenchmark {
    private final byte[] data = new byte[64 * 1024];

    @Setup
    public void setUp() {
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 7));
        }
    }

    @Benchmark
    public long work() {
        CRC32 crc = new CRC32();
        crc.update(data);
        long sum = 0;
        for (byte b : data) {
            sum = sum * 31 + b;
        }
        return crc.getValue() ^ sum;
    }
}
