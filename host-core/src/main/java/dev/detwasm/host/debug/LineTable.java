package dev.detwasm.host.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The DWARF line tables of a module ({@code .debug_line}, versions 2 to 5 as clang emits them
 * for wasm), flattened to address ranges. In wasm, an address is an offset within the code
 * section's payload. Lookup is a binary search.
 */
public final class LineTable {
    /** lld marks the line programs of functions it dropped with these start addresses. */
    private static final long TOMBSTONE_FLOOR = 0xfffffff0L;

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;

    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;

    private static final int DW_FORM_BLOCK2 = 0x03;
    private static final int DW_FORM_BLOCK4 = 0x04;
    private static final int DW_FORM_DATA2 = 0x05;
    private static final int DW_FORM_DATA4 = 0x06;
    private static final int DW_FORM_DATA8 = 0x07;
    private static final int DW_FORM_STRING = 0x08;
    private static final int DW_FORM_BLOCK = 0x09;
    private static final int DW_FORM_BLOCK1 = 0x0a;
    private static final int DW_FORM_DATA1 = 0x0b;
    private static final int DW_FORM_STRP = 0x0e;
    private static final int DW_FORM_UDATA = 0x0f;
    private static final int DW_FORM_DATA16 = 0x1e;
    private static final int DW_FORM_LINE_STRP = 0x1f;

    public static final LineTable EMPTY = new LineTable(new long[0], new long[0], new SourceLine[0]);

    private final long[] starts;
    private final long[] ends;
    private final SourceLine[] lines;

    private LineTable(long[] starts, long[] ends, SourceLine[] lines) {
        this.starts = starts;
        this.ends = ends;
        this.lines = lines;
    }

    /**
     * Reads every line program of {@code debugLine}; strings of DWARF 5 headers come from
     * {@code lineStr} ({@code .debug_line_str}) and {@code str} ({@code .debug_str}), either
     * possibly empty.
     *
     * @throws MalformedDebugInfo when the section cannot be read
     */
    static LineTable parse(byte[] debugLine, byte[] lineStr, byte[] str) {
        DwarfReader in = new DwarfReader(debugLine);
        DwarfReader lineStrings = new DwarfReader(lineStr);
        DwarfReader strings = new DwarfReader(str);
        List<Range> ranges = new ArrayList<>();
        while (!in.atEnd()) {
            readUnit(in, lineStrings, strings, ranges);
        }
        ranges.sort((a, b) -> Long.compare(a.start, b.start));
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        SourceLine[] lines = new SourceLine[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            starts[i] = ranges.get(i).start;
            ends[i] = ranges.get(i).end;
            lines[i] = ranges.get(i).line;
        }
        return new LineTable(starts, ends, lines);
    }

    /** The source line of the instruction at {@code codeOffset}, if the tables cover it. */
    public Optional<SourceLine> at(long codeOffset) {
        int i = Arrays.binarySearch(starts, codeOffset);
        if (i < 0) {
            i = -i - 2;
        } else {
            // several rows may start at one address: the last one describes it
            while (i + 1 < starts.length && starts[i + 1] == codeOffset) {
                i++;
            }
        }
        if (i < 0 || codeOffset >= ends[i]) {
            return Optional.empty();
        }
        return Optional.of(lines[i]);
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    private record Range(long start, long end, SourceLine line) {}

    private static void readUnit(
            DwarfReader in, DwarfReader lineStrings, DwarfReader strings, List<Range> out) {
        long length = in.u32();
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = in.u64();
            offsetSize = 8;
        }
        long end = in.position() + length;
        int version = in.u16();
        if (version < 2 || version > 5) {
            throw new MalformedDebugInfo("line table version " + version);
        }
        int addressSize = 4;
        if (version >= 5) {
            addressSize = in.u8();
            in.u8(); // segment selector size
        }
        long headerLength = in.unsigned(offsetSize);
        long programStart = in.position() + headerLength;
        int minInstructionLength = in.u8();
        if (version >= 4) {
            in.u8(); // maximum operations per instruction: 1 outside VLIW
        }
        in.u8(); // default is_stmt
        int lineBase = (byte) in.u8();
        int lineRange = in.u8();
        int opcodeBase = in.u8();
        if (lineRange == 0 || opcodeBase == 0) {
            throw new MalformedDebugInfo("line_range or opcode_base is 0");
        }
        int[] argumentCounts = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            argumentCounts[i] = in.u8();
        }
        List<String> files =
                version >= 5
                        ? filesV5(in, lineStrings, strings, offsetSize)
                        : filesV4(in);
        in.seek(programStart);
        new Program(files, version, minInstructionLength, lineBase, lineRange, opcodeBase,
                        argumentCounts, addressSize)
                .run(in, end, out);
        in.seek(end);
    }

    /** DWARF 2-4: include directories, then file entries, each list ending with an empty name. */
    private static List<String> filesV4(DwarfReader in) {
        List<String> dirs = new ArrayList<>();
        dirs.add("");
        for (String dir = in.cstring(); !dir.isEmpty(); dir = in.cstring()) {
            dirs.add(dir);
        }
        List<String> files = new ArrayList<>();
        files.add("");
        for (String name = in.cstring(); !name.isEmpty(); name = in.cstring()) {
            long dir = in.uleb();
            in.uleb(); // modification time
            in.uleb(); // length
            files.add(join(dir < dirs.size() ? dirs.get((int) dir) : "", name));
        }
        return files;
    }

    /** DWARF 5: self-describing directory and file entry formats. */
    private static List<String> filesV5(
            DwarfReader in, DwarfReader lineStrings, DwarfReader strings, int offsetSize) {
        List<String> dirs = new ArrayList<>();
        for (String[] entry : entries(in, lineStrings, strings, offsetSize)) {
            dirs.add(entry[0] == null ? "" : entry[0]);
        }
        List<String> files = new ArrayList<>();
        for (String[] entry : entries(in, lineStrings, strings, offsetSize)) {
            int dir = entry[1] == null ? 0 : Integer.parseInt(entry[1]);
            files.add(join(dir < dirs.size() ? dirs.get(dir) : "", entry[0] == null ? "" : entry[0]));
        }
        return files;
    }

    /** Entries as {path, directory index}. */
    private static List<String[]> entries(
            DwarfReader in, DwarfReader lineStrings, DwarfReader strings, int offsetSize) {
        int formatCount = in.u8();
        long[][] formats = new long[formatCount][2];
        for (int i = 0; i < formatCount; i++) {
            formats[i][0] = in.uleb();
            formats[i][1] = in.uleb();
        }
        long count = in.uleb();
        List<String[]> result = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            String[] entry = new String[2];
            for (long[] format : formats) {
                String value = attribute(in, (int) format[1], lineStrings, strings, offsetSize);
                if (format[0] == DW_LNCT_PATH) {
                    entry[0] = value;
                } else if (format[0] == DW_LNCT_DIRECTORY_INDEX) {
                    entry[1] = value;
                }
            }
            result.add(entry);
        }
        return result;
    }

    /** Reads one attribute value; strings and numbers as text, anything else skipped (null). */
    private static String attribute(
            DwarfReader in, int form, DwarfReader lineStrings, DwarfReader strings,
            int offsetSize) {
        return switch (form) {
            case DW_FORM_STRING -> in.cstring();
            case DW_FORM_LINE_STRP -> lineStrings.cstringAt(in.unsigned(offsetSize));
            case DW_FORM_STRP -> strings.cstringAt(in.unsigned(offsetSize));
            case DW_FORM_UDATA -> Long.toString(in.uleb());
            case DW_FORM_DATA1 -> Long.toString(in.u8());
            case DW_FORM_DATA2 -> Long.toString(in.u16());
            case DW_FORM_DATA4 -> Long.toString(in.u32());
            case DW_FORM_DATA8 -> Long.toString(in.u64());
            case DW_FORM_DATA16 -> skip(in, 16);
            case DW_FORM_BLOCK -> skip(in, in.uleb());
            case DW_FORM_BLOCK1 -> skip(in, in.u8());
            case DW_FORM_BLOCK2 -> skip(in, in.u16());
            case DW_FORM_BLOCK4 -> skip(in, in.u32());
            default -> throw new MalformedDebugInfo("unsupported form 0x" + Integer.toHexString(form));
        };
    }

    private static String skip(DwarfReader in, long n) {
        in.skip(n);
        return null;
    }

    private static String join(String dir, String name) {
        if (name.startsWith("/") || dir.isEmpty() || dir.equals(".")) {
            return stripDot(name);
        }
        return stripDot(dir + "/" + name);
    }

    private static String stripDot(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }

    /** The line-number state machine of one unit. */
    private record Program(
            List<String> files,
            int version,
            int minInstructionLength,
            int lineBase,
            int lineRange,
            int opcodeBase,
            int[] argumentCounts,
            int addressSize) {

        void run(DwarfReader in, long end, List<Range> out) {
            List<String> fileNames = new ArrayList<>(files);
            long address = 0;
            int file = 1;
            long line = 1;
            // the row waiting for the next one's address to end its range
            long rowAddress = -1;
            SourceLine row = null;
            boolean dropped = false;
            while (in.position() < end) {
                int opcode = in.u8();
                boolean emit = false;
                boolean endSequence = false;
                if (opcode >= opcodeBase) {
                    int adjusted = opcode - opcodeBase;
                    address += (long) (adjusted / lineRange) * minInstructionLength;
                    line += lineBase + adjusted % lineRange;
                    emit = true;
                } else if (opcode == 0) {
                    long length = in.uleb();
                    long next = in.position() + length;
                    int sub = length == 0 ? -1 : in.u8();
                    if (sub == DW_LNE_END_SEQUENCE) {
                        emit = true;
                        endSequence = true;
                    } else if (sub == DW_LNE_SET_ADDRESS) {
                        address = in.unsigned(addressSize);
                        dropped = address >= TOMBSTONE_FLOOR;
                    } else if (sub == DW_LNE_DEFINE_FILE) {
                        String name = in.cstring();
                        in.uleb();
                        in.uleb();
                        in.uleb();
                        fileNames.add(stripDot(name));
                    }
                    in.seek(next);
                } else {
                    switch (opcode) {
                        case DW_LNS_COPY -> emit = true;
                        case DW_LNS_ADVANCE_PC -> address += in.uleb() * minInstructionLength;
                        case DW_LNS_ADVANCE_LINE -> line += in.sleb();
                        case DW_LNS_SET_FILE -> file = (int) in.uleb();
                        case DW_LNS_CONST_ADD_PC ->
                                address += (long) ((255 - opcodeBase) / lineRange)
                                        * minInstructionLength;
                        case DW_LNS_FIXED_ADVANCE_PC -> address += in.u16();
                        default -> {
                            for (int i = 0; i < argumentCounts[opcode]; i++) {
                                in.uleb();
                            }
                        }
                    }
                }
                if (!emit) {
                    continue;
                }
                if (row != null && address > rowAddress && !dropped) {
                    out.add(new Range(rowAddress, address, row));
                }
                if (endSequence) {
                    row = null;
                    address = 0;
                    file = 1;
                    line = 1;
                    dropped = false;
                } else {
                    rowAddress = address;
                    row = line > 0 ? new SourceLine(fileName(fileNames, file), (int) line) : null;
                }
            }
        }

        private String fileName(List<String> names, int file) {
            return file >= 0 && file < names.size() ? names.get(file) : "file" + file;
        }
    }
}
