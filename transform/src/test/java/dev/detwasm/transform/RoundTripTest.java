package dev.detwasm.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    static Stream<Path> fixtures() {
        return Fixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureComesBackByteForByte(Path fixture) {
        byte[] in = Fixtures.read(fixture);
        assertArrayEquals(in, Rewriter.rewrite(in, List.of()));
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyGeneratedModuleComesBackByteForByte(long seed) {
        byte[] in = new ModuleGenerator(seed).generate();
        assertArrayEquals(in, Rewriter.rewrite(in, List.of()));
    }
}
