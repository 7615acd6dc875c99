package dev.detwasm.transform;

/**
 * Pass {@code fuel}: counts the steps a thread takes in an exported per-thread i64 global and
 * calls the host when it runs out, at function entries and loop headers only (see {@link
 * Builtins#FUEL_GLOBAL} for the exact step). Each live basic block gets, before its first
 * instruction:
 *
 * <pre>global.get $fuel  i64.const COST  i64.sub  global.set $fuel</pre>
 *
 * and a function's first block and each loop's first block then check:
 *
 * <pre>global.get $fuel  i64.const 0  i64.lt_s  if  i32.const F  call $fuel_due  end</pre>
 *
 * where F is the function's original index. Every unbounded execution goes through a loop
 * header or a function entry, so a thread never runs more than one straight-line stretch past
 * its budget.
 */
public final class FuelPass implements Pass {
    public static final String NAME = "fuel";

    /** Blocks are short: the charge code of the small costs is built once per rewrite. */
    private static final int CACHED_COSTS = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rewrite(Module module) {
        int fuelDue = module.addFunctionImport(Builtins.MODULE, Builtins.FUEL_DUE, new FuncType(new byte[] {FuncType.I32}, new byte[0]));
        int fuel = module.addGlobal(FuncType.I64, true, Long.MAX_VALUE);
        module.addExport(Builtins.FUEL_GLOBAL, Module.EXPORT_GLOBAL, fuel);
        byte[][] charges = new byte[CACHED_COSTS][];
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            meter(module, f, fuel, fuelDue, charges);
        }
    }

    private static byte[] charge(int fuel, int cost, byte[][] charges) {
        if (cost >= CACHED_COSTS) {
            return new Code().globalGet(fuel).i64Const(cost).op(0x7d).globalSet(fuel).toBytes();
        }
        if (charges[cost] == null) {
            charges[cost] = new Code().globalGet(fuel).i64Const(cost).op(0x7d).globalSet(fuel).toBytes();
        }
        return charges[cost];
    }

    private static void meter(Module module, int f, int fuel, int fuelDue, byte[][] charges) {
        BodyEdit edit = module.edit(f);
        byte[] check = new Code().globalGet(fuel).i64Const(0).op(0x53).ifEmpty()
                .i32Const(module.importedFunctionCount() + f).call(fuelDue).end().toBytes();
        Instruction ins = module.instructions(f);
        int blockStart = ins.reader().pos();
        int cost = 0;
        boolean live = true;
        boolean checks = true;
        while (!ins.reader().atEnd()) {
            ins.next();
            cost++;
            if (endsBasicBlock(ins.opcode)) {
                if (live) {
                    byte[] charge = charge(fuel, cost, charges);
                    edit.insertBefore(blockStart, checks ? concat(charge, check) : charge);
                }
                live = !transfersUnconditionally(ins.opcode);
                checks = ins.opcode == Instruction.LOOP;
                blockStart = ins.end;
                cost = 0;
            }
        }
    }

    private static boolean endsBasicBlock(int op) {
        return switch (op) {
            case Instruction.LOOP, Instruction.IF, Instruction.ELSE, Instruction.END, Instruction.BR_IF -> true;
            default -> transfersUnconditionally(op);
        };
    }

    private static boolean transfersUnconditionally(int op) {
        return switch (op) {
            case Instruction.UNREACHABLE, Instruction.BR, Instruction.BR_TABLE, Instruction.RETURN,
                    Instruction.RETURN_CALL, Instruction.RETURN_CALL_INDIRECT -> true;
            default -> false;
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
