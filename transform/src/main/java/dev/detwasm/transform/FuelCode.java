package dev.detwasm.transform;

/** The snippets {@link FuelPass} inserts into one function body (see its javadoc). */
final class FuelCode {
    enum Kind {
        /** Load the global, charge the first block, check. */
        ENTRY,
        /** Charge a block. */
        CHARGE,
        /** Charge a loop's first block, check. */
        CHECKED_CHARGE,
        /** Write the local back to the global. */
        WRITE_BACK,
        /** Read the global into the local after calls. */
        READ
    }

    private static final int I64_SUB = 0x7d;
    private static final int I64_LT_S = 0x53;
    /** Blocks are short: the charges of small costs are built once per function. */
    private static final int CACHED_COSTS = 32;

    private final int fuel;
    private final int local;
    private final byte[] writeBack;
    private final byte[] read;
    private final byte[] due;
    private final byte[][] charges = new byte[CACHED_COSTS][];

    /**
     * @param fuel the global's index
     * @param local the function's counter
     * @param fuelDue the builtin's index
     * @param function the function's original index
     */
    FuelCode(int fuel, int local, int fuelDue, int function) {
        this.fuel = fuel;
        this.local = local;
        writeBack = new Code().localGet(local).globalSet(fuel).toBytes();
        read = new Code().globalGet(fuel).localSet(local).toBytes();
        due = new Code().i64Const(0).op(I64_LT_S).ifEmpty()
                .localGet(local).globalSet(fuel)
                .i32Const(function).call(fuelDue)
                .globalGet(fuel).localSet(local)
                .end().toBytes();
    }

    byte[] of(Kind kind, int cost) {
        return switch (kind) {
            case ENTRY -> checked(new Code().globalGet(fuel), cost);
            case CHARGE -> charge(cost);
            case CHECKED_CHARGE -> checked(new Code().localGet(local), cost);
            case WRITE_BACK -> writeBack;
            case READ -> read;
        };
    }

    private byte[] charge(int cost) {
        if (cost >= CACHED_COSTS) {
            return chargeCode(cost);
        }
        if (charges[cost] == null) {
            charges[cost] = chargeCode(cost);
        }
        return charges[cost];
    }

    private byte[] chargeCode(int cost) {
        return new Code().localGet(local).i64Const(cost).op(I64_SUB).localSet(local).toBytes();
    }

    private byte[] checked(Code count, int cost) {
        return count.i64Const(cost).op(I64_SUB).localTee(local).code(due).toBytes();
    }
}
