package dev.detwasm.host.debug;

import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * What a module says about its own code: function names (name section) and source lines
 * (DWARF {@code .debug_line}). A module without them still works: functions are called
 * {@code function N} and have no lines. Debug sections that cannot be read are ignored; {@link
 * #warning()} says so once.
 *
 * <p>A module that transform passes rewrote runs code that is not where its DWARF says: its
 * offsets are translated to the original module's first ({@link
 * dev.detwasm.transform.OffsetMap}), so its lines are those of the code it was made from.
 */
public final class GuestLocations {
    private final NameCustomSection names;
    private final IntUnaryOperator toOriginal;
    private final int codeStart;
    private final LineTable lines;
    private final Optional<String> warning;

    /** The locations of the module {@code wasm}, which runs as it is. */
    public GuestLocations(byte[] wasm, NameCustomSection names) {
        this(wasm, names, IntUnaryOperator.identity());
    }

    /**
     * The locations of a module made from {@code original}: {@code names} are the running
     * module's (function indices as it numbers them), {@code toOriginal} translates its file
     * offsets to {@code original}'s, whose DWARF gives the lines.
     */
    public GuestLocations(byte[] original, NameCustomSection names, IntUnaryOperator toOriginal) {
        this.names = names;
        this.toOriginal = toOriginal;
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

    /** The function's name, or {@code function N} when the module does not name it. */
    public String functionName(int index) {
        String name = names == null ? null : names.nameOfFunction(index);
        return name == null ? "function " + index : name;
    }

    /** The source line of the instruction at {@code fileOffset} in the running module's bytes. */
    public Optional<SourceLine> lineAt(int fileOffset) {
        if (lines.isEmpty() || codeStart < 0) {
            return Optional.empty();
        }
        int at = toOriginal.applyAsInt(fileOffset);
        return at < codeStart ? Optional.empty() : lines.at(at - codeStart);
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

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
