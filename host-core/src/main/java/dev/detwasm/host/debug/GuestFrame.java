package dev.detwasm.host.debug;

import java.util.Optional;

/**
 * One frame of a guest call stack.
 *
 * @param function the wasm function index in the module as loaded (before any rewrite); -1 for a
 *     builtin a transform pass imported
 * @param name the function's name from the name section, or {@code function N}
 * @param line where in the source the frame is, when the module has DWARF line tables and the
 *     engine tells the instruction (the interpreter does; AOT gives the function only)
 * @param imported whether the function is a host function the module imports (a WASI call)
 */
public record GuestFrame(int function, String name, Optional<SourceLine> line, boolean imported) {
    @Override
    public String toString() {
        return line.map(l -> name + " (" + l + ")").orElse(name);
    }
}
