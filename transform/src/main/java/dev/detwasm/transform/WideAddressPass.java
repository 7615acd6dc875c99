package dev.detwasm.transform;

/**
 * Pass {@code wide-addresses}: makes every memory access work at effective addresses of 2 GiB
 * and above, which Chicory's engines carry as negative Java ints and get wrong (docs/upstream.md).
 * Each load, store and atomic computes its effective address as an i64 (its i32 operand
 * zero-extended plus its offset); below 2^31 the original instruction runs with that address
 * and offset 0, which both engines take as it is; at 2^31 and above, the host builtin {@link
 * Builtins#WIDE_ACCESS} does it. An {@code i32.load offset=K} becomes:
 *
 * <pre>i64.extend_i32_u  i64.const K  i64.add  local.tee $ea  i64.const 0x80000000  i64.lt_u
 * if (result i32)  local.get $ea  i32.wrap_i64  i32.load offset=0
 * else  local.get $ea  i32.const 0x28  i64.const 0  i64.const 0  call $wide_access
 *       i32.wrap_i64  end</pre>
 *
 * The operands after the address are saved in fresh locals first and handed on as the
 * instruction and the builtin take them. {@code memory.copy}, {@code memory.fill} and {@code
 * memory.init} need no rewrite: both engines hand their operands to the memory unchanged, and
 * it reads them unsigned. An instruction a pass before it replaced (the atomics-to-imports
 * builtins take i64 addresses) is left to that pass. The host runs this pass only for a memory
 * that can grow past 2 GiB: any other module pays nothing.
 */
public final class WideAddressPass implements Pass {
    public static final String NAME = "wide-addresses";

    private static final long TWO_GIB = 1L << 31;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rewrite(Module module) {
        int builtin = -1;
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            Instruction ins = module.instructions(f);
            Locals locals = null;
            while (!ins.reader().atEnd()) {
                ins.next();
                if (!MemoryAccess.takesAddress(ins.opcode)
                        || module.edit(f).replaced(ins.start)) {
                    continue;
                }
                if (builtin < 0) {
                    builtin = module.addFunctionImport(Builtins.MODULE, Builtins.WIDE_ACCESS,
                            new FuncType(new byte[] {FuncType.I64, FuncType.I32, FuncType.I64,
                                FuncType.I64}, new byte[] {FuncType.I64}));
                }
                BodyEdit edit = module.edit(f);
                if (locals == null) {
                    locals = new Locals(edit);
                }
                edit.replace(ins.start, access(ins, locals, builtin));
            }
        }
    }

    private static byte[] access(Instruction ins, Locals locals, int builtin) {
        int opcode = ins.opcode;
        byte[] operands = MemoryAccess.operands(opcode);
        byte result = MemoryAccess.result(opcode);
        int[] saved = new int[operands.length];
        Code code = new Code();
        for (int i = operands.length - 1; i >= 0; i--) {
            saved[i] = locals.operand(i, operands[i]);
            code.localSet(saved[i]);
        }
        code.effectiveAddress(ins.imm).localTee(locals.address())
                .i64Const(TWO_GIB).op(0x54); // i64.lt_u
        if (result == 0) {
            code.ifEmpty();
        } else {
            code.ifResult(result);
        }
        code.localGet(locals.address()).op(0xa7); // i32.wrap_i64
        for (int local : saved) {
            code.localGet(local);
        }
        code.op(opcode).memarg(ins.imm2, 0).elseBranch();
        code.localGet(locals.address()).i32Const(opcode);
        for (int i = 0; i < 2; i++) {
            if (i < operands.length) {
                code.localGet(saved[i]);
                toBits(code, operands[i]);
            } else {
                code.i64Const(0);
            }
        }
        code.call(builtin);
        if (result == 0) {
            code.op(0x1a); // drop
        } else {
            fromBits(code, result);
        }
        return code.end().toBytes();
    }

    /** A value of {@code type} on the stack becomes its i64 bits, a 32-bit one zero-extended. */
    private static void toBits(Code code, byte type) {
        switch (type) {
            case FuncType.I32 -> code.op(0xad); // i64.extend_i32_u
            case FuncType.F32 -> code.op(0xbc).op(0xad); // i32.reinterpret_f32
            case FuncType.F64 -> code.op(0xbd); // i64.reinterpret_f64
            default -> { }
        }
    }

    /** i64 bits on the stack become a value of {@code type}. */
    private static void fromBits(Code code, byte type) {
        switch (type) {
            case FuncType.I32 -> code.op(0xa7);
            case FuncType.F32 -> code.op(0xa7).op(0xbe); // f32.reinterpret_i32
            case FuncType.F64 -> code.op(0xbf); // f64.reinterpret_i64
            default -> { }
        }
    }

    /** One function's scratch locals: the effective address, and operands by position and type. */
    private static final class Locals {
        private final BodyEdit edit;
        private int address = -1;
        private final int[][] operands = {{-1, -1, -1, -1}, {-1, -1, -1, -1}};

        Locals(BodyEdit edit) {
            this.edit = edit;
        }

        int address() {
            if (address < 0) {
                address = edit.addLocal(FuncType.I64);
            }
            return address;
        }

        int operand(int position, byte type) {
            int slot = FuncType.I32 - type; // 0x7f..0x7c: i32, i64, f32, f64
            if (operands[position][slot] < 0) {
                operands[position][slot] = edit.addLocal(type);
            }
            return operands[position][slot];
        }
    }
}
