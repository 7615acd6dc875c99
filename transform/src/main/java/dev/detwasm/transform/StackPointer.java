package dev.detwasm.transform;

/**
 * Finds the stack-pointer global: the mutable i32 global through which C, C++ and Rust code
 * (LLVM's {@code __stack_pointer} convention) addresses the running thread's own stack, which
 * wasi-threads gives each thread a private copy of.
 *
 * <p>The rule, first match wins: the global the name section calls {@code __stack_pointer};
 * the imported global {@code env.__stack_pointer}; otherwise the global {@code g} of the first
 * function whose prologue is LLVM's frame allocation: it starts with {@code global.get g} and,
 * within its first eight instructions, has an {@code i32.sub} followed by {@code global.set g}.
 * In every case the global must be a mutable i32.
 */
final class StackPointer {
    static final String NAME = "__stack_pointer";
    private static final int PROLOGUE = 8;

    private StackPointer() {}

    /** The stack-pointer global's index, or -1 when the module has none. */
    static int find(Module module) {
        int named = module.globalNamed(NAME);
        if (module.isMutableI32Global(named)) {
            return named;
        }
        int imported = module.importedGlobal("env", NAME);
        if (module.isMutableI32Global(imported)) {
            return imported;
        }
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            int g = prologueGlobal(module, f);
            if (g >= 0) {
                return g;
            }
        }
        return -1;
    }

    private static int prologueGlobal(Module module, int f) {
        Instruction ins = module.instructions(f);
        ins.next();
        if (ins.opcode != Instruction.GLOBAL_GET || !module.isMutableI32Global(ins.imm)) {
            return -1;
        }
        long g = ins.imm;
        boolean subtracted = false;
        for (int i = 0; i < PROLOGUE && !ins.reader().atEnd(); i++) {
            ins.next();
            subtracted |= ins.opcode == Instruction.I32_SUB;
            if (subtracted && ins.opcode == Instruction.GLOBAL_SET && ins.imm == g) {
                return (int) g;
            }
        }
        return -1;
    }
}
