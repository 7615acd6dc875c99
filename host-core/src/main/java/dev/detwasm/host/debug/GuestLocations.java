package dev.detwasm.host.debug;

import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.util.Optional;

/**
 * What a module says about its own code: function names (name section) and source lines
 * (DWARF {@code .debug_line}). A module without them still works: functions are called
 * {@code function N} and have no lines. Debug sections that cannot be read are ignored; {@link
 * #warning()} says so once.
 */
public final class GuestLocations {
    private final NameCustomSection names;
    private final int codeStart;
    private final LineTable lines;
    private final Optional<String> warning;

    public GuestLocations(byte[] wasm, NameCustomSection names) {
        this.names = names;
        ModuleSections sections = new ModuleSections(wasm);
        this.codeStart = sections.codeStart();
        LineTable table = LineTable.EMPTY;
        String problem = null;
        byte[] debugLine = sections.custom(".debug_line");
        if (debugLine != null && codeStart >= 0) {
            try {
                table =
                        LineTable.parse(
                                debugLine,
                                orEmpty(sections.custom(".debug_line_str")),
                                orEmpty(sections.custom(".debug_str")));
            } catch (MalformedDebugInfo | IllegalArgumentException e) {
                problem = "ignoring the module's malformed .debug_line section (" + e.getMessage()
                        + "): no source lines";
            }
        }
        this.lines = table;
        this.warning = Optional.ofNullable(problem);
    }

    /** The function's name, or {@code function N} when the module does not name it. */
    public String functionName(int index) {
        String name = names == null ? null : names.nameOfFunction(index);
        return name == null ? "function " + index : name;
    }

    /** The source line of the instruction at {@code fileOffset} in the module's bytes. */
    public Optional<SourceLine> lineAt(int fileOffset) {
        if (lines.isEmpty() || codeStart < 0 || fileOffset < codeStart) {
            return Optional.empty();
        }
        return lines.at(fileOffset - codeStart);
    }

    /**
     * A frame for function {@code index} at {@code fileOffset}; a negative offset is a host
     * function's frame, which has no instructions.
     */
    public GuestFrame frame(int index, int fileOffset) {
        return fileOffset < 0
                ? new GuestFrame(index, functionName(index), Optional.empty(), true)
                : new GuestFrame(index, functionName(index), lineAt(fileOffset), false);
    }

    /** Whether the module has source lines to give. */
    public boolean hasLines() {
        return !lines.isEmpty();
    }

    /** One line saying which debug section was ignored and why, if one was. */
    public Optional<String> warning() {
        return warning;
    }

    /**
     * Function names only: for a module a pass rewrote, whose code no longer sits where its
     * DWARF says (no lines beat wrong lines).
     */
    public static GuestLocations namesOnly(NameCustomSection names) {
        return new GuestLocations(names, -1, LineTable.EMPTY, Optional.empty());
    }

    private GuestLocations(
            NameCustomSection names, int codeStart, LineTable lines, Optional<String> warning) {
        this.names = names;
        this.codeStart = codeStart;
        this.lines = lines;
        this.warning = warning;
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
