package dev.detwasm.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * Pass {@code fuel}: counts the steps a thread takes and calls the host when it runs out, at
 * function entries and loop headers only (see {@link Builtins#FUEL_GLOBAL} for the exact step).
 *
 * <p>Within a function the count lives in a fresh i64 local {@code $f}, which compiles to a
 * JVM local (a register), not in the exported per-thread global, which Chicory reaches
 * through the instance on every access: a global read and write per basic block cost the
 * CPU-bound benchmarks up to 1.9x. The function loads the global on entry and charges its
 * first block, then checks:
 *
 * <pre>global.get $fuel  i64.const COST  i64.sub  local.tee $f  i64.const 0  i64.lt_s
 * if  local.get $f global.set $fuel  i32.const F  call $fuel_due  global.get $fuel local.set $f
 * end</pre>
 *
 * where F is the function's original index. Every other live basic block is charged with
 * {@code local.get $f  i64.const COST  i64.sub  local.set $f}, and the first block of each loop
 * body is checked as above. The global is written back ({@code local.get $f  global.set $fuel})
 * before every call and wherever control leaves the function (return, tail calls, branches to
 * the function's label, its final {@code end}), and read again after a call, lazily: before the
 * next block starts or the local is needed, so consecutive calls share one write-back. Every
 * unbounded execution goes through a loop header or a function entry, so a thread never runs
 * more than one straight-line stretch past its budget.
 */
public final class FuelPass implements Pass {
    public static final String NAME = "fuel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rewrite(Module module) {
        int fuelDue = module.addFunctionImport(Builtins.MODULE, Builtins.FUEL_DUE, new FuncType(new byte[] {FuncType.I32}, new byte[0]));
        int fuel = module.addGlobal(FuncType.I64, true, Long.MAX_VALUE);
        module.addExport(Builtins.FUEL_GLOBAL, Module.EXPORT_GLOBAL, fuel);
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            BodyEdit edit = module.edit(f);
            FuelCode code = new FuelCode(fuel, edit.addLocal(FuncType.I64), fuelDue, module.importedFunctionCount() + f);
            for (Insert insert : inserts(module.instructions(f))) {
                edit.insertBefore(insert.offset, code.of(insert.kind, insert.cost));
            }
        }
    }

    /** Code to insert before the original instruction at {@code offset}. */
    private static final class Insert {
        final int offset;
        final FuelCode.Kind kind;
        int cost;

        Insert(int offset, FuelCode.Kind kind) {
            this.offset = offset;
            this.kind = kind;
        }
    }

    /**
     * One walk over a body: a charge at the start of each live basic block (its cost known when
     * the block ends), and the write-backs and reads of the global between, in body order.
     */
    private static List<Insert> inserts(Instruction ins) {
        List<Insert> inserts = new ArrayList<>();
        Insert block = new Insert(ins.reader().pos(), FuelCode.Kind.ENTRY);
        inserts.add(block);
        boolean live = true;
        // The last call's count is in the global, not yet in the local.
        boolean inGlobal = false;
        int depth = 0;
        while (!ins.reader().atEnd()) {
            ins.next();
            block.cost++;
            boolean exit = switch (ins.opcode) {
                case Instruction.RETURN, Instruction.RETURN_CALL, Instruction.RETURN_CALL_INDIRECT -> true;
                case Instruction.BR -> ins.imm == depth;
                case Instruction.END -> depth == 0;
                default -> false;
            };
            boolean mayExit = ins.opcode == Instruction.BR_IF && ins.imm == depth
                    || ins.opcode == Instruction.BR_TABLE && ins.imm2 == depth;
            boolean calls = ins.opcode == Instruction.CALL || ins.opcode == Instruction.CALL_INDIRECT;
            if (live && !inGlobal && (exit || mayExit || calls)) {
                inserts.add(new Insert(ins.start, FuelCode.Kind.WRITE_BACK));
            } else if (live && inGlobal && !exit && !calls && endsBasicBlock(ins.opcode)) {
                inserts.add(new Insert(ins.start, FuelCode.Kind.READ));
            }
            inGlobal = live && !exit && (calls || inGlobal && !endsBasicBlock(ins.opcode));
            switch (ins.opcode) {
                case Instruction.BLOCK, Instruction.LOOP, Instruction.IF -> depth++;
                case Instruction.END -> depth--;
                default -> {}
            }
            if (endsBasicBlock(ins.opcode)) {
                live = !transfersUnconditionally(ins.opcode);
                block = new Insert(ins.end, ins.opcode == Instruction.LOOP ? FuelCode.Kind.CHECKED_CHARGE : FuelCode.Kind.CHARGE);
                if (live && !ins.reader().atEnd()) {
                    inserts.add(block);
                }
            }
        }
        return inserts;
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
}
