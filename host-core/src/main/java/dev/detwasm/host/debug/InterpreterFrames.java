package dev.detwasm.host.debug;

import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.types.Instruction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Reads what Chicory's interpreter keeps private in a {@link StackFrame}: the function index and
 * the instruction being executed (for a caller's frame, its call instruction), whose address is
 * a file offset in the module. Chicory offers no accessor, so this reads the fields; when a
 * Chicory version renames them, {@link #available()} is false and stacks have no frames.
 */
final class InterpreterFrames {
    private static final VarHandle FUNC_ID;
    private static final VarHandle CURRENT;

    static {
        VarHandle funcId = null;
        VarHandle current = null;
        try {
            var lookup = MethodHandles.privateLookupIn(StackFrame.class, MethodHandles.lookup());
            funcId = lookup.findVarHandle(StackFrame.class, "funcId", int.class);
            current =
                    lookup.findVarHandle(
                            StackFrame.class,
                            "currentInstruction",
                            com.dylibso.chicory.wasm.types.AnnotatedInstruction.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            funcId = null;
            current = null;
        }
        FUNC_ID = funcId;
        CURRENT = current;
    }

    private InterpreterFrames() {}

    static boolean available() {
        return FUNC_ID != null && CURRENT != null;
    }

    static int function(StackFrame frame) {
        return (int) FUNC_ID.get(frame);
    }

    /** The instruction the frame executes: absent in a host function's frame. */
    static Optional<Instruction> instruction(StackFrame frame) {
        return Optional.ofNullable((Instruction) CURRENT.get(frame));
    }
}
