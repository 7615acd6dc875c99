package dev.detwasm.host.debug;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.StackFrame;
import java.util.List;

/**
 * Chicory's interpreter, with its call stack readable while the thread is stopped at a
 * scheduling point (the stack only changes while the thread runs, and one thread runs at a
 * time). Innermost frame first.
 */
public final class TracingInterpreter extends InterpreterMachine {
    public TracingInterpreter(Instance instance) {
        super(instance);
    }

    List<StackFrame> frames() {
        return List.copyOf(callStack);
    }
}
