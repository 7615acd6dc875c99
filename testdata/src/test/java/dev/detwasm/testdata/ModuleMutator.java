package dev.detwasm.testdata;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes broken variants of a wasm binary, reproducibly from a seed: bit flips, truncation,
 * inserted bytes, and changed section sizes (the LEB128 size of one section rewritten, so the
 * sections after it are read from the wrong place).
 */
final class ModuleMutator {
    /** The kinds of change, one per mutant. */
    enum Kind { BIT_FLIPS, TRUNCATION, INSERTION, SECTION_SIZE }

    private final SplittableRandom random;

    ModuleMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    record Mutant(Kind kind, byte[] bytes) {}

    Mutant mutate(byte[] module) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        byte[] bytes = switch (kind) {
            case BIT_FLIPS -> flipBits(module);
            case TRUNCATION -> Arrays.copyOf(module, random.nextInt(module.length));
            case INSERTION -> insert(module);
            case SECTION_SIZE -> resizeSection(module);
        };
        return new Mutant(kind, bytes);
    }

    private byte[] flipBits(byte[] module) {
        byte[] copy = module.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            // The 8-byte header is left alone most of the time, so most mutants reach the parser.
            int at = 8 + random.nextInt(copy.length - 8);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] insert(byte[] module) {
        int at = random.nextInt(module.length + 1);
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        var out = new ByteArrayOutputStream();
        out.write(module, 0, at);
        out.writeBytes(inserted);
        out.write(module, at, module.length - at);
        return out.toByteArray();
    }

    private byte[] resizeSection(byte[] module) {
        List<int[]> sections = sections(module);
        if (sections.isEmpty()) {
            return flipBits(module);
        }
        int[] s = sections.get(random.nextInt(sections.size()));
        int sizeAt = s[0];
        int sizeEnd = s[1];
        long size = s[2];
        long changed = switch (random.nextInt(4)) {
            case 0 -> size + 1 + random.nextInt(8);
            case 1 -> Math.max(0, size - 1 - random.nextInt(8));
            case 2 -> random.nextLong(1L << 32);
            default -> 0;
        };
        var out = new ByteArrayOutputStream();
        out.write(module, 0, sizeAt);
        writeLeb(out, changed);
        out.write(module, sizeEnd, module.length - sizeEnd);
        return out.toByteArray();
    }

    /** Each section's {size offset, offset after the size, size}. */
    private static List<int[]> sections(byte[] module) {
        List<int[]> result = new ArrayList<>();
        int at = 8;
        while (at < module.length) {
            int sizeAt = at + 1;
            long size = 0;
            int shift = 0;
            int p = sizeAt;
            while (p < module.length && shift < 35) {
                int b = module[p++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            result.add(new int[] {sizeAt, p, (int) size});
            at = (int) Math.min(Integer.MAX_VALUE, p + size);
        }
        return result;
    }

    private static void writeLeb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
