package dev.detwasm.transform;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Tells, for each plain load and store of one function, whether its address provably points
 * into the running thread's own stack: it is the stack-pointer global's value, read in this
 * function, plus or minus constants, carried on the operand stack or through locals.
 *
 * <p>It abstractly runs the body over the operand stack with one tag per value: a constant
 * ({@code i32.const}), stack-derived, or anything else. {@code global.get $sp} is
 * stack-derived; {@code i32.add} of a stack-derived value and a constant, and {@code i32.sub}
 * of a constant from one, are stack-derived; two constants give a constant; everything else
 * (params, loads, calls, block results) is anything. A local carries a tag only when it is not
 * a param, its first mention in the body is a {@code local.set} or {@code local.tee} at the
 * function's top level (so no read can see its zero initial value), and every value assigned
 * to it has that tag; the locals' tags are found by iterating from the optimistic guess to a
 * fixpoint. Accesses in dead code (after an unconditional branch) are neither: they never run.
 */
final class StackAccesses {
    private static final byte ANY = 0;
    private static final byte CONST = 1;
    private static final byte STACK = 2;
    /** Not known yet: the optimistic start of the fixpoint. */
    private static final byte UNKNOWN = 3;
    private static final int MAX_ROUNDS = 16;

    private final Module module;
    private final int function;
    private final int stackPointer;
    private byte[] localTags;
    private byte[] assigned;

    private byte[] stack = new byte[16];
    private int height;
    private int[] frameHeight = new int[8];
    private int[] frameParams = new int[8];
    private int[] frameResults = new int[8];
    private boolean[] frameLive = new boolean[8];
    private int depth;

    private StackAccesses(Module module, int function, int stackPointer) {
        this.module = module;
        this.function = function;
        this.stackPointer = stackPointer;
    }

    /**
     * Calls {@code shared} with the cursor on each live plain load or store of defined function
     * {@code function} whose address is not provably on the stack ({@code stackPointer} -1: no
     * address is).
     */
    static void forEachShared(Module module, int function, int stackPointer, Consumer<Instruction> shared) {
        StackAccesses a = new StackAccesses(module, function, stackPointer);
        a.localTags = a.candidateLocals();
        for (int round = 0; ; round++) {
            a.assigned = new byte[a.localTags.length];
            Arrays.fill(a.assigned, UNKNOWN);
            a.run(null);
            byte[] next = a.localTags.clone();
            for (int i = 0; i < next.length; i++) {
                if (next[i] != ANY) {
                    next[i] = a.assigned[i];
                }
            }
            if (Arrays.equals(next, a.localTags)) {
                break;
            }
            a.localTags = round < MAX_ROUNDS ? next : new byte[next.length];
        }
        a.run(shared);
    }

    /** UNKNOWN for the locals that may carry a tag, ANY for the others. */
    private byte[] candidateLocals() {
        byte[] tags = new byte[module.localCount(function)];
        boolean[] seen = new boolean[tags.length];
        int params = module.functionType(module.importedFunctionCount() + function, 0).paramCount();
        Arrays.fill(seen, 0, params, true);
        Instruction ins = module.instructions(function);
        int level = 0;
        boolean deadAtTop = false;
        while (!ins.reader().atEnd()) {
            ins.next();
            switch (ins.opcode) {
                case Instruction.BLOCK, Instruction.LOOP, Instruction.IF -> level++;
                case Instruction.END -> level--;
                case Instruction.LOCAL_GET, Instruction.LOCAL_SET, Instruction.LOCAL_TEE -> {
                    int l = local(ins);
                    if (!seen[l]) {
                        seen[l] = true;
                        boolean set = ins.opcode != Instruction.LOCAL_GET;
                        tags[l] = set && level == 0 && !deadAtTop ? UNKNOWN : ANY;
                    }
                }
                default -> {
                    if (level == 0 && endsLiveCode(ins.opcode)) {
                        deadAtTop = true;
                    }
                }
            }
        }
        return tags;
    }

    private int local(Instruction ins) {
        if (ins.imm >= module.localCount(function)) {
            throw new MalformedModuleException(ins.start, "local index " + ins.imm + " out of range");
        }
        return (int) ins.imm;
    }

    private static boolean endsLiveCode(int op) {
        return switch (op) {
            case Instruction.UNREACHABLE, Instruction.BR, Instruction.BR_TABLE, Instruction.RETURN,
                    Instruction.RETURN_CALL, Instruction.RETURN_CALL_INDIRECT -> true;
            default -> false;
        };
    }

    private void run(Consumer<Instruction> shared) {
        Instruction ins = module.instructions(function);
        height = 0;
        depth = 0;
        FuncType self = module.functionType(module.importedFunctionCount() + function, 0);
        pushFrame(0, self.resultCount(), true);
        boolean live = true;
        while (!ins.reader().atEnd()) {
            ins.next();
            int op = ins.opcode;
            if (op == Instruction.BLOCK || op == Instruction.LOOP || op == Instruction.IF) {
                int params = 0;
                int results = 0;
                if (live) {
                    if (op == Instruction.IF) {
                        pop(ins);
                    }
                    if (ins.imm >= 0) {
                        FuncType t = module.type(ins.imm, ins.start);
                        params = t.paramCount();
                        results = t.resultCount();
                    } else {
                        results = ins.imm == Instruction.EMPTY_BLOCK ? 0 : 1;
                    }
                    popN(ins, params);
                }
                pushFrame(params, results, live);
                pushAny(params);
                continue;
            }
            if (op == Instruction.ELSE || op == Instruction.END) {
                height = frameHeight[depth - 1];
                live = frameLive[depth - 1];
                if (op == Instruction.ELSE) {
                    pushAny(frameParams[depth - 1]);
                } else {
                    int results = frameResults[--depth];
                    pushAny(results);
                }
                continue;
            }
            if (!live) {
                continue;
            }
            if (endsLiveCode(op)) {
                live = false;
                continue;
            }
            step(ins, shared);
        }
    }

    private void step(Instruction ins, Consumer<Instruction> shared) {
        int op = ins.opcode;
        switch (op) {
            case 0x01 -> {}
            case Instruction.BR_IF, 0x1a, Instruction.GLOBAL_SET -> pop(ins);
            case Instruction.CALL -> call(ins, module.functionType(ins.imm, ins.start));
            case Instruction.CALL_INDIRECT -> {
                pop(ins);
                call(ins, module.type(ins.imm, ins.start));
            }
            case 0x1b, 0x1c -> {
                popN(ins, 3);
                push(ANY);
            }
            case Instruction.LOCAL_GET -> push(localTags[local(ins)]);
            case Instruction.LOCAL_SET -> assign(local(ins), pop(ins));
            case Instruction.LOCAL_TEE -> {
                byte v = pop(ins);
                assign(local(ins), v);
                push(v);
            }
            case Instruction.GLOBAL_GET -> push(ins.imm == stackPointer && stackPointer >= 0 ? STACK : ANY);
            case Instruction.I32_CONST -> push(CONST);
            case Instruction.I32_ADD, Instruction.I32_SUB -> {
                byte b = pop(ins);
                byte a = pop(ins);
                push(arithmetic(op == Instruction.I32_ADD, a, b));
            }
            default -> {
                if (ins.isPlainLoad() || ins.isPlainStore()) {
                    byte address = peek(ins, ins.isPlainLoad() ? 0 : 1);
                    if (shared != null && address != STACK) {
                        shared.accept(ins);
                    }
                }
                effect(ins);
            }
        }
    }

    private static byte arithmetic(boolean add, byte a, byte b) {
        if (a == ANY || b == ANY) {
            return ANY;
        }
        if (a == UNKNOWN || b == UNKNOWN) {
            return UNKNOWN;
        }
        if (a == CONST && b == CONST) {
            return CONST;
        }
        return (a == STACK && b == CONST) || (add && a == CONST && b == STACK) ? STACK : ANY;
    }

    private void assign(int local, byte v) {
        byte old = assigned[local];
        assigned[local] = old == UNKNOWN ? v : v == UNKNOWN || v == old ? old : ANY;
    }

    private void call(Instruction ins, FuncType t) {
        popN(ins, t.paramCount());
        pushAny(t.resultCount());
    }

    /** Pops and pushes (of untagged values) of every other instruction. */
    private void effect(Instruction ins) {
        int op = ins.opcode;
        int pops;
        int pushes = 1;
        if (op >= 0x28 && op <= 0x35) {
            pops = 1;
        } else if (op >= 0x36 && op <= 0x3e) {
            pops = 2;
            pushes = 0;
        } else if (op == 0x3f || (op >= 0x42 && op <= 0x44) || op == 0xd0 || op == Instruction.REF_FUNC) {
            pops = 0;
        } else if (op == 0x25 || op == 0x40 || op == 0xd1 || isUnary(op)) {
            pops = 1;
        } else if (op == 0x26) {
            pops = 2;
            pushes = 0;
        } else if (op >= 0x45 && op <= 0xc4) {
            pops = 2;
        } else if (op >= 0xfc00 && op <= 0xfc07) {
            pops = 1;
        } else if (op == 0xfc09 || op == 0xfc0d || op == 0xfe03) {
            pops = 0;
            pushes = 0;
        } else if (op == 0xfc0f) {
            pops = 2;
        } else if (op == 0xfc10) {
            pops = 0;
        } else if (op >= 0xfc00 && op <= 0xfc11) {
            pops = 3;
            pushes = 0;
        } else if (op == 0xfe00) {
            pops = 2;
        } else if (op == 0xfe01 || op == 0xfe02 || (op >= 0xfe48 && op <= 0xfe4e)) {
            pops = 3;
        } else if (op >= 0xfe10 && op <= 0xfe16) {
            pops = 1;
        } else if (op >= 0xfe17 && op <= 0xfe1d) {
            pops = 2;
            pushes = 0;
        } else if (op >= 0xfe1e && op <= 0xfe47) {
            pops = 2;
        } else {
            throw new IllegalStateException("no stack effect for opcode 0x" + Integer.toHexString(op));
        }
        popN(ins, pops);
        pushAny(pushes);
    }

    private static boolean isUnary(int op) {
        return op == 0x45 || op == 0x50 || (op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7b)
                || (op >= 0x8b && op <= 0x91) || (op >= 0x99 && op <= 0x9f) || (op >= 0xa7 && op <= 0xc4);
    }

    private void pushFrame(int params, int results, boolean live) {
        if (depth == frameHeight.length) {
            frameHeight = Arrays.copyOf(frameHeight, depth * 2);
            frameParams = Arrays.copyOf(frameParams, depth * 2);
            frameResults = Arrays.copyOf(frameResults, depth * 2);
            frameLive = Arrays.copyOf(frameLive, depth * 2);
        }
        frameHeight[depth] = height;
        frameParams[depth] = params;
        frameResults[depth] = results;
        frameLive[depth] = live;
        depth++;
    }

    private void push(byte tag) {
        if (height == stack.length) {
            stack = Arrays.copyOf(stack, height * 2);
        }
        stack[height++] = tag;
    }

    private void pushAny(int n) {
        for (int i = 0; i < n; i++) {
            push(ANY);
        }
    }

    private byte pop(Instruction ins) {
        if (height <= frameHeight[depth - 1]) {
            throw new MalformedModuleException(ins.start, "operand stack underflow");
        }
        return stack[--height];
    }

    private void popN(Instruction ins, int n) {
        for (int i = 0; i < n; i++) {
            pop(ins);
        }
    }

    private byte peek(Instruction ins, int below) {
        if (height - below <= frameHeight[depth - 1]) {
            throw new MalformedModuleException(ins.start, "operand stack underflow");
        }
        return stack[height - 1 - below];
    }
}
