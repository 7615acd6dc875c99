package dev.detwasm.transform;

/**
 * Pass {@code shared-access}: plain loads and stores that may touch memory another thread sees
 * become potential scheduling points, through a per-thread countdown ({@link
 * Builtins#ACCESS_GLOBAL}) so that an access costs a decrement and a test when no decision is
 * due. Before such a load (its address on the stack) it inserts:
 *
 * <pre>local.tee $addr
 * global.get $count  i32.const 1  i32.sub  global.set $count
 * global.get $count  i32.eqz
 * if  local.get $addr  i64.extend_i32_u  i64.const OFFSET  i64.add  i32.const INFO
 *     call $access_due  end</pre>
 *
 * and before a store, {@code local.set $value} first and {@code local.get $value} last.
 *
 * <p>Skipped: atomics (already scheduling points), {@code memory.copy}, {@code memory.fill}
 * and {@code memory.init} (bulk operations, not points: see docs/DESIGN.md), accesses whose
 * address is provably on the thread's own stack ({@link StackAccesses}), dead code, and every
 * access of a module with no shared memory (only one thread can touch its memory; Go's wasip1
 * modules are such).
 */
public final class SharedAccessPass implements Pass {
    public static final String NAME = "shared-access";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rewrite(Module module) {
        int due = module.addFunctionImport(Builtins.MODULE, Builtins.ACCESS_DUE,
                new FuncType(new byte[] {FuncType.I64, FuncType.I32}, new byte[0]));
        int count = module.addGlobal(FuncType.I32, true, Integer.MAX_VALUE);
        module.addExport(Builtins.ACCESS_GLOBAL, Module.EXPORT_GLOBAL, count);
        if (!module.hasSharedMemory()) {
            return;
        }
        int stackPointer = StackPointer.find(module);
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            int original = module.importedFunctionCount() + f;
            int[] locals = {-1, -1, -1, -1, -1};
            int fn = f;
            StackAccesses.forEachShared(module, f, stackPointer, ins -> {
                BodyEdit edit = module.edit(fn);
                boolean store = ins.isPlainStore();
                int address = local(edit, locals, 0, FuncType.I32);
                Code code = new Code();
                int value = -1;
                if (store) {
                    byte type = storedType(ins.opcode);
                    value = local(edit, locals, 0x80 - type, type);
                    code.localSet(value);
                }
                int info = Builtins.accessInfo(store, MemoryAccess.size(ins.opcode), original);
                code.localTee(address)
                        .globalGet(count).i32Const(1).op(Instruction.I32_SUB).globalSet(count)
                        .globalGet(count).op(0x45).ifEmpty()
                        .localGet(address).effectiveAddress(ins.imm).i32Const(info).call(due)
                        .end();
                if (store) {
                    code.localGet(value);
                }
                edit.insertBefore(ins.start, code.toBytes());
            });
        }
    }

    /** The function's scratch local: slot 0 the address, 1-4 a stored value by type. */
    private static int local(BodyEdit edit, int[] locals, int slot, byte type) {
        if (locals[slot] < 0) {
            locals[slot] = edit.addLocal(type);
        }
        return locals[slot];
    }

    private static byte storedType(int op) {
        return switch (op) {
            case 0x37, 0x3c, 0x3d, 0x3e -> FuncType.I64;
            case 0x38 -> FuncType.F32;
            case 0x39 -> FuncType.F64;
            default -> FuncType.I32;
        };
    }
}
