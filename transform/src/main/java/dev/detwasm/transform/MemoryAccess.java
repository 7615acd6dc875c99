package dev.detwasm.transform;

/**
 * What a memory instruction with an address operand does, by opcode (as {@link Instruction}
 * numbers them): the plain loads and stores ({@code 0x28}-{@code 0x3e}) and the atomics of the
 * threads proposal ({@code 0xfe00}-{@code 0xfe02}, {@code 0xfe10}-{@code 0xfe4e}). The atomic
 * loads, stores and read-modify-writes come in groups of seven, one per width: i32, i64, i32
 * of 8 and 16 bits, i64 of 8, 16 and 32 bits.
 */
public final class MemoryAccess {
    /** What an atomic instruction does with the value at its address. */
    public enum AtomicGroup { LOAD, STORE, ADD, SUB, AND, OR, XOR, XCHG, CMPXCHG }

    private static final int FIRST_SIZED_ATOMIC = 0xfe10;
    private static final int LAST_SIZED_ATOMIC = 0xfe4e;
    private static final int[] ATOMIC_SIZES = {4, 8, 1, 2, 1, 2, 4};
    private static final byte[] ATOMIC_TYPES =
            {FuncType.I32, FuncType.I64, FuncType.I32, FuncType.I32, FuncType.I64, FuncType.I64,
                FuncType.I64};
    private static final byte[] NONE = {};

    private MemoryAccess() {}

    /** Whether {@code opcode} is a memory instruction with an address operand. */
    public static boolean takesAddress(int opcode) {
        return (opcode >= 0x28 && opcode <= 0x3e)
                || (opcode >= Instruction.ATOMIC_NOTIFY && opcode <= Instruction.ATOMIC_WAIT64)
                || (opcode >= FIRST_SIZED_ATOMIC && opcode <= LAST_SIZED_ATOMIC);
    }

    public static boolean isAtomic(int opcode) {
        return opcode >= Instruction.ATOMIC_NOTIFY;
    }

    /** Whether plain {@code opcode} is a store. */
    public static boolean isStore(int opcode) {
        return opcode >= 0x36 && opcode <= 0x3e;
    }

    /** The bytes {@code opcode} accesses. */
    public static int size(int opcode) {
        return switch (opcode) {
            case Instruction.ATOMIC_NOTIFY, Instruction.ATOMIC_WAIT32 -> 4;
            case Instruction.ATOMIC_WAIT64 -> 8;
            default -> isAtomic(opcode)
                    ? ATOMIC_SIZES[(opcode - FIRST_SIZED_ATOMIC) % 7]
                    : plainSize(opcode);
        };
    }

    private static int plainSize(int opcode) {
        return switch (opcode) {
            case 0x2c, 0x2d, 0x30, 0x31, 0x3a, 0x3c -> 1;
            case 0x2e, 0x2f, 0x32, 0x33, 0x3b, 0x3d -> 2;
            case 0x29, 0x2b, 0x37, 0x39 -> 8;
            default -> 4;
        };
    }

    /** Whether plain load {@code opcode} sign-extends what it reads. */
    public static boolean signExtends(int opcode) {
        return opcode == 0x2c || opcode == 0x2e || opcode == 0x30 || opcode == 0x32
                || opcode == 0x34;
    }

    /** What sized atomic {@code opcode} (not notify or wait) does. */
    public static AtomicGroup atomicGroup(int opcode) {
        return AtomicGroup.values()[(opcode - FIRST_SIZED_ATOMIC) / 7];
    }

    /** The value types of the operands after the address, in stack order. */
    public static byte[] operands(int opcode) {
        switch (opcode) {
            case Instruction.ATOMIC_NOTIFY:
                return new byte[] {FuncType.I32};
            case Instruction.ATOMIC_WAIT32:
                return new byte[] {FuncType.I32, FuncType.I64};
            case Instruction.ATOMIC_WAIT64:
                return new byte[] {FuncType.I64, FuncType.I64};
            default:
                break;
        }
        if (!isAtomic(opcode)) {
            return isStore(opcode) ? new byte[] {plainType(opcode)} : NONE;
        }
        byte type = atomicType(opcode);
        return switch (atomicGroup(opcode)) {
            case LOAD -> NONE;
            case CMPXCHG -> new byte[] {type, type};
            default -> new byte[] {type};
        };
    }

    /** The value type of the result, or 0 when there is none. */
    public static byte result(int opcode) {
        if (opcode <= Instruction.ATOMIC_WAIT64 && isAtomic(opcode)) {
            return FuncType.I32;
        }
        if (!isAtomic(opcode)) {
            return isStore(opcode) ? 0 : plainType(opcode);
        }
        return atomicGroup(opcode) == AtomicGroup.STORE ? 0 : atomicType(opcode);
    }

    private static byte atomicType(int opcode) {
        return ATOMIC_TYPES[(opcode - FIRST_SIZED_ATOMIC) % 7];
    }

    private static byte plainType(int opcode) {
        return switch (opcode) {
            case 0x2a, 0x38 -> FuncType.F32;
            case 0x2b, 0x39 -> FuncType.F64;
            case 0x29, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x37, 0x3c, 0x3d, 0x3e -> FuncType.I64;
            default -> FuncType.I32;
        };
    }
}
