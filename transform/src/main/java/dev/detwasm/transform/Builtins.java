package dev.detwasm.transform;

/**
 * The contract between the passes and the host that runs their output: the names of the
 * functions the passes import and of the per-thread globals they export. Every guest thread is
 * its own instance, so an exported mutable global is a per-thread counter the host can read and
 * write whenever it has control (inside any host call, at any scheduling point).
 *
 * <p>All builtins are imported from module {@link #MODULE}. Addresses passed to the host are
 * effective addresses (the operand plus the memarg offset) as an i64, so an access whose offset
 * overflows 32 bits reaches the host as the out-of-bounds address it is.
 */
public final class Builtins {
    /** The import module of every builtin. */
    public static final String MODULE = "detwasm";

    // ---- fuel --------------------------------------------------------------------------------

    /**
     * Pass {@code fuel}: a mutable i64 global, the steps this thread may still take before it
     * must call {@link #FUEL_DUE}. Each basic block subtracts its cost (its instruction count in
     * the original module) on entry; function entries and loop headers check it and call the
     * host when it is negative. The host reads how far below its last grant the global is to
     * count the steps taken, then writes the next grant.
     */
    public static final String FUEL_GLOBAL = "__detwasm_fuel";

    /** {@code () -> ()}: the thread's fuel ran out; the host decides what happens and refills. */
    public static final String FUEL_DUE = "fuel_due";

    // ---- shared-access -----------------------------------------------------------------------

    /**
     * Pass {@code shared-access}: a mutable i32 global, the plain memory accesses this thread
     * may still make before it must call {@link #ACCESS_DUE}. Every rewritten load or store
     * decrements it and calls the host when it reaches zero, just before the access.
     */
    public static final String ACCESS_GLOBAL = "__detwasm_access";

    /**
     * {@code (i64 address, i32 info) -> ()}: a plain access is about to happen. {@code info}
     * is {@link #accessInfo}.
     */
    public static final String ACCESS_DUE = "access_due";

    /** Packs what an access is: store or load, its size, and the function it is in. */
    public static int accessInfo(boolean store, int sizeBytes, int originalFunctionIndex) {
        int log2 = Integer.numberOfTrailingZeros(sizeBytes);
        return (originalFunctionIndex << 8) | (log2 << 1) | (store ? 1 : 0);
    }

    public static boolean isStore(int info) {
        return (info & 1) != 0;
    }

    public static int sizeBytes(int info) {
        return 1 << ((info >>> 1) & 0xf);
    }

    /** The index of the function in the module before any pass added imports. */
    public static int functionIndex(int info) {
        return info >>> 8;
    }

    // ---- atomics-to-imports ------------------------------------------------------------------

    /** {@code (i64 address, i32 expected, i64 timeout) -> i32}: {@code memory.atomic.wait32}. */
    public static final String ATOMIC_WAIT32 = "atomic_wait32";

    /** {@code (i64 address, i64 expected, i64 timeout) -> i32}: {@code memory.atomic.wait64}. */
    public static final String ATOMIC_WAIT64 = "atomic_wait64";

    /** {@code (i64 address, i32 count) -> i32}: {@code memory.atomic.notify}. */
    public static final String ATOMIC_NOTIFY = "atomic_notify";

    private Builtins() {}
}
