package dev.detwasm.host.memory;

import com.dylibso.chicory.runtime.TrapException;
import dev.detwasm.transform.Instruction;
import dev.detwasm.transform.MemoryAccess;

/**
 * The memory accesses neither Chicory engine can make: those at an effective address of 2 GiB
 * or more (docs/upstream.md). The {@code wide-addresses} pass routes them here, through the
 * builtin {@link dev.detwasm.transform.Builtins#WIDE_ACCESS}, and the accesses below 2 GiB
 * straight to the engine; both reach the same {@link SchedulingMemory}, so a guest sees one
 * memory, and both engines call this alike.
 */
public final class WideAccesses {
    private WideAccesses() {}

    /**
     * Does what instruction {@code opcode} does at effective address {@code address} (its i32
     * operand zero-extended plus its offset, up to 2^33), trapping as the engines do.
     *
     * @param a the first operand after the address, as i64 bits (i32 and f32 zero-extended)
     * @param b the second operand, likewise
     * @return the result as i64 bits (a narrow load extended as the instruction says); 0 when
     *     the instruction has none
     */
    public static long access(SchedulingMemory memory, long address, int opcode, long a, long b) {
        int size = MemoryAccess.size(opcode);
        boolean atomic = MemoryAccess.isAtomic(opcode);
        if (atomic && opcode != Instruction.ATOMIC_NOTIFY && address % size != 0) {
            throw new TrapException("unaligned atomic");
        }
        if (address + size > (long) memory.pages() * 65536) {
            throw new TrapException("out of bounds memory access");
        }
        int at = (int) address;
        if (!atomic) {
            if (MemoryAccess.isStore(opcode)) {
                memory.writeSized(at, size, a);
                return 0;
            }
            long value = memory.readUnsigned(at, size);
            int unused = 64 - 8 * size;
            return MemoryAccess.signExtends(opcode) ? value << unused >> unused : value;
        }
        return switch (opcode) {
            case Instruction.ATOMIC_NOTIFY -> memory.atomicNotify(at, (int) a);
            case Instruction.ATOMIC_WAIT32 -> memory.atomicWait(at, (int) a, b);
            case Instruction.ATOMIC_WAIT64 -> memory.atomicWait(at, a, b);
            default -> memory.atomicUpdate(at, size, old -> update(opcode, old, a, b, size));
        };
    }

    /** What atomic {@code opcode} stores over {@code old}. */
    private static long update(int opcode, long old, long a, long b, int size) {
        long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        return switch (MemoryAccess.atomicGroup(opcode)) {
            case LOAD -> old;
            case STORE, XCHG -> a;
            case ADD -> old + a;
            case SUB -> old - a;
            case AND -> old & a;
            case OR -> old | a;
            case XOR -> old ^ a;
            case CMPXCHG -> old == (a & mask) ? b : old;
        } & mask;
    }
}
