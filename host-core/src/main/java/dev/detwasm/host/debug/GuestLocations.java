package dev.detwasm.host.debug;

import com.dylibso.chicory.wasm.types.NameCustomSection;
import dev.detwasm.transform.OffsetMap;
import java.util.Optional;

/**
 * What a module says about its own code: function names (name section) and source lines
 * (DWARF {@code .debug_line}). A module without them still works: functions are called
 * {@code function N} and have no lines. Debug sections that cannot be read are ignored; {@link
 * #warning()} says so once.
 *
 * <p>A module that transform passes rewrote runs code that is not where its DWARF says, and
 * its defined functions moved up past the builtins the passes import: its offsets and function
 * indices are translated to the original module's first ({@link OffsetMap}), so its frames are
 * those of the code it was made from, as a run without the rewrite shows them.
 */
public final class GuestLocations {
    /** The name of a builtin a transform pass imported (no function of the original). */
    static final String BUILTIN = "detwasm builtin";

    private final NameCustomSection names;
    private final OffsetMap offsets;
    private final int codeStart;
    private final LineTable lines;
    private final Optional<String> warning;

    /** The locations of the module {@code wasm}, which runs as it is. */
    public GuestLocations(byte[] wasm, NameCustomSection names) {
        this(wasm, names, null);
    }

    /**
     * The locations of a module a rewrite made from {@code original}, whose name section and
     * DWARF give names and lines; {@code offsets} is the rewrite's map (null: no rewrite).
     */
    public GuestLocations(byte[] original, NameCustomSection names, OffsetMap offsets) {
        this.names = names;
        this.offsets = offsets;
        ModuleSections sections = new ModuleSections(original);
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

    /**
     * The name of the running module's function {@code index}, or {@code function N} (N its
     * index in the original) when the module does not name it.
     */
    public String functionName(int index) {
        int function = original(index);
        if (function < 0) {
            return BUILTIN;
        }
        String name = names == null ? null : names.nameOfFunction(function);
        return name == null ? "function " + function : name;
    }

    private int original(int function) {
        return offsets == null ? function : offsets.originalFunction(function);
    }

    /** The source line of the instruction at {@code fileOffset} in the running module's bytes. */
    public Optional<SourceLine> lineAt(int fileOffset) {
        if (lines.isEmpty() || codeStart < 0) {
            return Optional.empty();
        }
        int at = offsets == null ? fileOffset : offsets.original(fileOffset);
        return at < codeStart ? Optional.empty() : lines.at(at - codeStart);
    }

    /**
     * A frame for the running module's function {@code index} at {@code fileOffset}, numbered
     * as in the original (-1: a builtin); a negative offset is a host function's frame, which
     * has no instructions.
     */
    public GuestFrame frame(int index, int fileOffset) {
        return fileOffset < 0
                ? new GuestFrame(original(index), functionName(index), Optional.empty(), true)
                : new GuestFrame(original(index), functionName(index), lineAt(fileOffset), false);
    }

    /** Whether the module has source lines to give. */
    public boolean hasLines() {
        return !lines.isEmpty();
    }

    /** One line saying which debug section was ignored and why, if one was. */
    public Optional<String> warning() {
        return warning;
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
