package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteReader;

/**
 * A cursor over the instructions of one expression (a function body or a constant
 * expression). {@link #next} decodes one instruction and leaves its opcode, its immediates and
 * its byte range in public fields, so a pass reads them without allocating.
 *
 * <p>Opcodes: one byte for the plain ones; {@code 0xFC00 | sub} and {@code 0xFE00 | sub} for
 * the bulk-memory/saturating and the threads prefixes.
 */
public final class Instruction {
    public static final int UNREACHABLE = 0x00;
    public static final int BLOCK = 0x02;
    public static final int LOOP = 0x03;
    public static final int IF = 0x04;
    public static final int ELSE = 0x05;
    public static final int END = 0x0b;
    public static final int BR = 0x0c;
    public static final int BR_IF = 0x0d;
    public static final int BR_TABLE = 0x0e;
    public static final int RETURN = 0x0f;
    public static final int CALL = 0x10;
    public static final int CALL_INDIRECT = 0x11;
    public static final int RETURN_CALL = 0x12;
    public static final int RETURN_CALL_INDIRECT = 0x13;
    public static final int LOCAL_GET = 0x20;
    public static final int LOCAL_SET = 0x21;
    public static final int LOCAL_TEE = 0x22;
    public static final int GLOBAL_GET = 0x23;
    public static final int GLOBAL_SET = 0x24;
    public static final int I32_CONST = 0x41;
    public static final int I32_ADD = 0x6a;
    public static final int I32_SUB = 0x6b;
    public static final int REF_FUNC = 0xd2;
    public static final int ATOMIC_NOTIFY = 0xfe00;
    public static final int ATOMIC_WAIT32 = 0xfe01;
    public static final int ATOMIC_WAIT64 = 0xfe02;

    /** Block type of a {@code block}, {@code loop} or {@code if} without params or results. */
    public static final long EMPTY_BLOCK = -64;

    private final ByteReader in;


    /** Offset of the instruction's first byte. */
    public int start;
    /** Offset just past the instruction. */
    public int end;
    public int opcode;
    /**
     * The first immediate: an index (function, local, global, label, type, table, data,
     * element), a constant's bits, a memarg's offset, or a block type ({@link #EMPTY_BLOCK},
     * a value type as a negative s33, or a type index).
     */
    public long imm;
    /** Offset of the first immediate (for rewriting an index in place). */
    public int immStart;
    /**
     * The second immediate: the table of {@code call_indirect}, a memarg's alignment; for
     * {@code br_table}, the largest of its labels, the default included.
     */
    public int imm2;

    public Instruction(ByteReader in) {
        this.in = in;
    }

    public ByteReader reader() {
        return in;
    }

    /** Decodes the next instruction; throws at the end of the slice. */
    public void next() {
        start = in.pos();
        int op = in.u8();
        immStart = in.pos();
        imm = 0;
        imm2 = 0;
        switch (op) {
            case 0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1 -> {}
            case 0x02, 0x03, 0x04 -> imm = blockType();
            case 0x0c, 0x0d, 0x10, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xd2 ->
                imm = in.u32() & 0xffffffffL;
            case 0x0e -> {
                int n = in.vecCount(1);
                long deepest = 0;
                for (int i = 0; i < n; i++) {
                    deepest = Math.max(deepest, in.u32() & 0xffffffffL);
                }
                imm = in.u32() & 0xffffffffL;
                imm2 = (int) Math.min(Math.max(deepest, imm), Integer.MAX_VALUE);
            }
            case 0x11, 0x13 -> {
                imm = in.u32() & 0xffffffffL;
                imm2 = in.u32();
            }
            case 0x1c -> {
                int n = in.vecCount(1);
                for (int i = 0; i < n; i++) {
                    valueType(in);
                }
            }
            case 0x3f, 0x40 -> memoryIndex();
            case 0x41 -> imm = in.s32();
            case 0x42 -> imm = in.s64();
            case 0x43 -> in.skip(4);
            case 0x44 -> in.skip(8);
            case 0xd0 -> referenceType(in);
            case 0xfc -> op = 0xfc00 | prefixed0xFC();
            case 0xfe -> op = 0xfe00 | prefixed0xFE();
            default -> {
                if (op >= 0x28 && op <= 0x3e) {
                    memarg();
                } else if (op < 0x45 || op > 0xc4) {
                    throw ByteReader.error(start, "unknown opcode 0x" + Integer.toHexString(op));
                }
            }
        }
        opcode = op;
        end = in.pos();
    }

    private int prefixed0xFC() {
        int at = in.pos();
        int sub = in.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {}
            case 8 -> {
                imm = in.u32() & 0xffffffffL;
                memoryIndex();
            }
            case 9, 13, 15, 16, 17 -> imm = in.u32() & 0xffffffffL;
            case 10 -> {
                memoryIndex();
                memoryIndex();
            }
            case 11 -> memoryIndex();
            case 12, 14 -> {
                imm = in.u32() & 0xffffffffL;
                imm2 = in.u32();
            }
            default -> throw ByteReader.error(at, "unknown opcode 0xfc " + Integer.toUnsignedString(sub));
        }
        return sub;
    }

    private int prefixed0xFE() {
        int at = in.pos();
        int sub = in.u32();
        if (sub == 3) {
            if (in.u8() != 0) {
                throw ByteReader.error(at + 1, "atomic.fence expects a zero byte");
            }
        } else if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) {
            memarg();
        } else {
            throw ByteReader.error(at, "unknown opcode 0xfe " + Integer.toUnsignedString(sub));
        }
        return sub;
    }

    private void memarg() {
        int at = in.pos();
        imm2 = in.u32();
        if (imm2 < 0 || imm2 >= 64) {
            throw ByteReader.error(at, "memarg with a memory index or alignment 2^" + Integer.toUnsignedString(imm2) + " (multiple memories are not supported)");
        }
        imm = in.u32() & 0xffffffffL;
    }

    private void memoryIndex() {
        int at = in.pos();
        if (in.u32() != 0) {
            throw ByteReader.error(at, "memory index other than 0 (multiple memories are not supported)");
        }
    }

    private long blockType() {
        int at = in.pos();
        long t = in.s33();
        if (t < 0 && (in.pos() - at != 1 || (t != EMPTY_BLOCK && !isValueType((int) (t & 0x7f))))) {
            throw ByteReader.error(at, "unknown block type");
        }
        return t;
    }

    public static boolean isValueType(int b) {
        return b == 0x7f || b == 0x7e || b == 0x7d || b == 0x7c || b == 0x7b || b == 0x70 || b == 0x6f;
    }

    public static int valueType(ByteReader in) {
        int at = in.pos();
        int b = in.u8();
        if (!isValueType(b)) {
            throw ByteReader.error(at, "unknown value type 0x" + Integer.toHexString(b));
        }
        return b;
    }

    public static int referenceType(ByteReader in) {
        int at = in.pos();
        int b = in.u8();
        if (b != 0x70 && b != 0x6f) {
            throw ByteReader.error(at, "unknown reference type 0x" + Integer.toHexString(b));
        }
        return b;
    }

    /** Whether the instruction's first immediate is a function index. */
    public boolean refersToFunction() {
        return opcode == CALL || opcode == RETURN_CALL || opcode == REF_FUNC;
    }

    public boolean isPlainLoad() {
        return opcode >= 0x28 && opcode <= 0x35;
    }

    public boolean isPlainStore() {
        return MemoryAccess.isStore(opcode);
    }
}
