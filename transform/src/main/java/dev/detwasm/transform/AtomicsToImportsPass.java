package dev.detwasm.transform;

/**
 * Pass {@code atomics-to-imports}: {@code memory.atomic.wait32}, {@code memory.atomic.wait64}
 * and {@code memory.atomic.notify} become calls of host builtins ({@link Builtins#ATOMIC_WAIT32},
 * {@link Builtins#ATOMIC_WAIT64}, {@link Builtins#ATOMIC_NOTIFY}), so the module runs on a host
 * with no atomics hook. The operands are saved in fresh locals so the address under them can
 * be turned into the effective i64 address; {@code wait32} becomes:
 *
 * <pre>local.set $timeout  local.set $expected  i64.extend_i32_u  i64.const OFFSET  i64.add
 * local.get $expected  local.get $timeout  call $atomic_wait32</pre>
 *
 * Only the builtins the module uses are imported.
 */
public final class AtomicsToImportsPass implements Pass {
    public static final String NAME = "atomics-to-imports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rewrite(Module module) {
        int[] builtin = {-1, -1, -1};
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            Instruction ins = module.instructions(f);
            int[] locals = {-1, -1, -1};
            while (!ins.reader().atEnd()) {
                ins.next();
                int which = ins.opcode - Instruction.ATOMIC_NOTIFY;
                if (which < 0 || which > 2) {
                    continue;
                }
                if (builtin[which] < 0) {
                    builtin[which] = importBuiltin(module, which);
                }
                BodyEdit edit = module.edit(f);
                Code code = new Code();
                if (which == 0) {
                    int count = local(edit, locals, 0, FuncType.I32);
                    code.localSet(count).effectiveAddress(ins.imm).localGet(count);
                } else {
                    int timeout = local(edit, locals, 1, FuncType.I64);
                    int expected = which == 1 ? local(edit, locals, 0, FuncType.I32) : local(edit, locals, 2, FuncType.I64);
                    code.localSet(timeout).localSet(expected).effectiveAddress(ins.imm).localGet(expected).localGet(timeout);
                }
                edit.replace(ins.start, code.call(builtin[which]).toBytes());
            }
        }
    }

    /** The function's scratch local of a kind (0: i32, 1: i64 timeout, 2: i64 value). */
    private static int local(BodyEdit edit, int[] locals, int kind, byte type) {
        if (locals[kind] < 0) {
            locals[kind] = edit.addLocal(type);
        }
        return locals[kind];
    }

    private static int importBuiltin(Module module, int which) {
        byte[] i32 = {FuncType.I32};
        return switch (which) {
            case 0 -> module.addFunctionImport(Builtins.MODULE, Builtins.ATOMIC_NOTIFY,
                    new FuncType(new byte[] {FuncType.I64, FuncType.I32}, i32));
            case 1 -> module.addFunctionImport(Builtins.MODULE, Builtins.ATOMIC_WAIT32,
                    new FuncType(new byte[] {FuncType.I64, FuncType.I32, FuncType.I64}, i32));
            default -> module.addFunctionImport(Builtins.MODULE, Builtins.ATOMIC_WAIT64,
                    new FuncType(new byte[] {FuncType.I64, FuncType.I64, FuncType.I64}, i32));
        };
    }
}
