package dev.detwasm.host.debug;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The guest call stacks of one run's threads, for threads running on a {@link
 * TracingInterpreter}. Read by the baton holder while the other threads are stopped. Only
 * explained runs build one.
 */
public final class GuestStacks {
    private final GuestLocations locations;
    private final Map<Integer, TracingInterpreter> machines = new HashMap<>();

    public GuestStacks(GuestLocations locations) {
        this.locations = locations;
    }

    /** Records the instance that runs guest thread {@code thread}. */
    public void register(int thread, Instance instance) {
        if (instance.getMachine() instanceof TracingInterpreter machine) {
            machines.put(thread, machine);
        }
    }

    /** The thread's guest call stack, innermost frame first; empty when unknown. */
    public List<GuestFrame> of(int thread) {
        TracingInterpreter machine = machines.get(thread);
        if (machine == null || !InterpreterFrames.available()) {
            return List.of();
        }
        List<GuestFrame> result = new ArrayList<>();
        for (StackFrame frame : machine.frames()) {
            int address =
                    InterpreterFrames.instruction(frame).map(Instruction::address).orElse(-1);
            result.add(locations.frame(InterpreterFrames.function(frame), address));
        }
        return result;
    }

    /**
     * The wasm instruction the thread's innermost guest frame executes, in text form
     * ({@code i32.atomic.rmw.add}), when known.
     */
    public Optional<String> instruction(int thread) {
        TracingInterpreter machine = machines.get(thread);
        if (machine == null || !InterpreterFrames.available()) {
            return Optional.empty();
        }
        for (StackFrame frame : machine.frames()) {
            Optional<Instruction> instruction = InterpreterFrames.instruction(frame);
            if (instruction.isPresent()) {
                return Optional.of(textName(instruction.get().opcode()));
            }
        }
        return Optional.empty();
    }

    /** {@code I32_ATOMIC_RMW8_ADD_U} -> {@code i32.atomic.rmw8.add_u}. */
    static String textName(OpCode opcode) {
        String[] parts = opcode.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder text = new StringBuilder(parts[0].equals("mem") ? "memory" : parts[0]);
        for (int i = 1; i < parts.length; i++) {
            boolean suffix = parts[i].equals("u") || parts[i].equals("s");
            text.append(suffix ? '_' : '.').append(parts[i]);
        }
        return text.toString();
    }
}
