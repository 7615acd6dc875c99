package dev.detwasm.transform;

/**
 * The contract between the passes and the host that runs their output: the names of the
 * functions the passes import and of the per-thread globals they export. Every guest thread is
 * its own instance, so an exported mutable global is a per-thread counter the host can read and
 * write when it has control (within the limits each global's javadoc gives).
 *
 * <p>All builtins are imported from module {@link #MODULE}. They are appended after the
 * module's own imports, in the order the passes run, each pass adding only those it calls;
 * the module's defined functions shift up by the number added, and every reference to them
 * (calls, {@code ref.func}, exports, start, element segments, the name section) is remapped.
 * The added globals are defined (not imported) after the module's own globals, so no global
 * index shifts.
 *
 * <p>Addresses passed to the host are effective addresses: the i32 operand zero-extended to
 * i64 plus the memarg offset, so an access whose offset overflows 32 bits reaches the host as
 * the out-of-bounds address it is. A builtin is called before the access it stands for (or
 * instead of it, for the atomics), so the host may trap on a bad address as the engine would.
 *
 * <p>"Original function index" means the index of the function in the module given to the
 * rewriter, before any pass of that rewrite added imports.
 */
public final class Builtins {
    /** The import module of every builtin. */
    public static final String MODULE = "detwasm";

    // ---- fuel --------------------------------------------------------------------------------

    /**
     * Pass {@code fuel}: a mutable i64 global, the steps this thread may still take. Its initial
     * value is {@link Long#MAX_VALUE} (no budget: the start function runs without calling the
     * host); the host writes a grant before it calls into the thread.
     *
     * <p>A step is one instruction of the original function body, control instructions
     * ({@code block}, {@code loop}, {@code if}, {@code else}, {@code end}, branches) included.
     * Each basic block (a run of instructions that ends after a {@code loop}, {@code if},
     * {@code else}, {@code end}, {@code br}, {@code br_if}, {@code br_table}, {@code return} or
     * {@code unreachable}) subtracts its whole length when it is entered; a block that can
     * only be reached by falling through an unconditional branch (dead code) subtracts
     * nothing. At each function entry and at each loop header, after that block's own charge,
     * the code checks {@code global < 0} and if so calls {@link #FUEL_DUE}. After the call the
     * thread goes on without checking again, so the host must either write a new grant
     * ({@code >= 0}) or not return (trap, exit, or end the run). The host counts the steps
     * taken as its last grant minus the global's value.
     *
     * <p>A function keeps the count in a local and writes it to the global only before it calls
     * (any call of the original code, and {@link #FUEL_DUE}) and when it returns. So the global
     * is exact inside {@link #FUEL_DUE}, inside every import the original code calls, and once
     * an export has returned; the thread reads it back after each of these. Elsewhere (the
     * builtins of other passes, atomic instructions) it lags behind, and a value the host
     * writes there is lost.
     */
    public static final String FUEL_GLOBAL = "__detwasm_fuel";

    /**
     * {@code (i32 originalFunctionIndex) -> ()}: the thread's fuel went negative at the entry
     * or a loop header of that function; the host decides what happens and refills.
     */
    public static final String FUEL_DUE = "fuel_due";

    // ---- shared-access -----------------------------------------------------------------------

    /**
     * Pass {@code shared-access}: a mutable i32 global, a countdown of the plain memory accesses
     * this thread may make before it calls {@link #ACCESS_DUE}. Every rewritten load or store
     * subtracts 1 and, when the result is exactly 0, calls the host just before the access.
     * Its initial value is {@link Integer#MAX_VALUE} (in effect no call until the host writes
     * a countdown). Writing {@code k >= 1} makes the k-th next rewritten access call the host;
     * the host must write {@code >= 1} before returning from {@link #ACCESS_DUE}, or the next
     * call comes only after the countdown wraps around (2^32 accesses).
     *
     * <p>A module whose memories are all unshared gets the global and the import but no
     * rewritten access: only one thread can touch such a memory.
     */
    public static final String ACCESS_GLOBAL = "__detwasm_access";

    /**
     * {@code (i64 address, i32 info) -> ()}: a plain access is about to happen. {@code info}
     * is {@link #accessInfo}.
     */
    public static final String ACCESS_DUE = "access_due";

    /**
     * Packs what an access is: store or load (bit 0), log2 of its size in bytes (bits 1-4), and
     * the original index of the function it is in (bits 8-31, read back unsigned).
     */
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

    /** The original index of the function the access is in. */
    public static int functionIndex(int info) {
        return info >>> 8;
    }

    // ---- atomics-to-imports ------------------------------------------------------------------

    /**
     * {@code (i64 address, i32 expected, i64 timeout) -> i32}: {@code memory.atomic.wait32},
     * called instead of the instruction with the same operands and the same result (0 ok,
     * 1 not-equal, 2 timed out); the host does the checks the instruction would (alignment,
     * bounds, shared memory) and traps as it would.
     */
    public static final String ATOMIC_WAIT32 = "atomic_wait32";

    /** {@code (i64 address, i64 expected, i64 timeout) -> i32}: {@code memory.atomic.wait64}. */
    public static final String ATOMIC_WAIT64 = "atomic_wait64";

    /** {@code (i64 address, i32 count) -> i32}: {@code memory.atomic.notify}, returns woken. */
    public static final String ATOMIC_NOTIFY = "atomic_notify";

    // ---- wide-addresses ----------------------------------------------------------------------

    /**
     * Pass {@code wide-addresses}: {@code (i64 address, i32 opcode, i64 a, i64 b) -> i64}, the
     * memory instruction {@code opcode} (numbered as {@link Instruction} does; see {@link
     * MemoryAccess}) done by the host at effective address {@code address}, which is 2^31 or
     * more. {@code a} and {@code b} are the operands after the address as i64 bits (i32 and
     * f32 zero-extended, 0 where there is none); the result is the instruction's as i64 bits
     * (an i32 or f32 in the low half; 0 when there is none). Called instead of the
     * instruction; the host traps as the instruction would.
     */
    public static final String WIDE_ACCESS = "wide_access";

    private Builtins() {}
}
