package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteReader;
import dev.detwasm.transform.internal.ByteWriter;
import dev.detwasm.transform.internal.IndexCopier;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded wasm module and the edits the passes make to it. Decoding reads every section of
 * the features detwasm runs (MVP, threads, bulk memory, sign extension, saturating
 * conversions, multi-value, reference types) and every instruction of every body, so bad input
 * fails here with a {@link MalformedModuleException}. {@link #encode} writes the module back:
 * what no edit touched is copied byte for byte, and when imported functions were added, every
 * function index of the original module is renumbered (see {@link IndexCopier}).
 */
public final class Module {
    static final int CUSTOM = 0;
    static final int TYPE = 1;
    static final int IMPORT = 2;
    static final int FUNCTION = 3;
    static final int GLOBAL = 6;
    static final int EXPORT = 7;
    static final int START = 8;
    static final int ELEMENT = 9;
    static final int CODE = 10;
    static final int DATA = 11;
    static final int DATA_COUNT = 12;

    /** Position of each known section id in the required order (0: unknown id). */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    public static final int EXPORT_FUNCTION = 0;
    public static final int EXPORT_GLOBAL = 3;

    record Section(int id, int start, int contentStart, int end, boolean isNameSection) {}

    record FunctionBody(int start, int localsStart, int localGroups, int exprStart, int end, int locals, boolean refersToFunctions) {}

    private final byte[] bytes;
    private final List<Section> sections = new ArrayList<>();
    private final List<FuncType> types = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<Integer> globalTypes = new ArrayList<>();
    private final List<Boolean> globalMutable = new ArrayList<>();
    private final List<String> globalImportNames = new ArrayList<>();
    private final List<FunctionBody> bodies = new ArrayList<>();
    private int importedFunctions;
    private int importedGlobals;
    private int importCount;
    private int globalEntries;
    private int exportEntries;
    private int dataCount = -1;
    private boolean sharedMemory;
    private final java.util.Map<Integer, String> globalNames = new java.util.HashMap<>();

    private final List<FuncType> addedTypes = new ArrayList<>();
    private final ByteWriter addedImports = new ByteWriter(64);
    private int addedFunctionImports;
    private final ByteWriter addedGlobals = new ByteWriter(32);
    private int addedGlobalCount;
    private final ByteWriter addedExports = new ByteWriter(64);
    private int addedExportCount;
    private BodyEdit[] edits;

    private Module(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Decodes {@code wasm}; the array is not copied and must not change while in use. */
    public static Module decode(byte[] wasm) {
        Module m = new Module(wasm);
        m.read();
        m.edits = new BodyEdit[m.bodies.size()];
        return m;
    }

    // ---- what the passes read -----------------------------------------------------------------

    public byte[] bytes() {
        return bytes;
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    /** Functions of the original module, imported and defined. */
    public int functionCount() {
        return importedFunctions + bodies.size();
    }

    public int definedFunctionCount() {
        return bodies.size();
    }

    public int typeCount() {
        return types.size();
    }

    /** The type at {@code index}; a bad index is reported at {@code offset}. */
    public FuncType type(long index, int offset) {
        if (index < 0 || index >= types.size()) {
            throw ByteReader.error(offset, "type index " + index + " out of range");
        }
        return types.get((int) index);
    }

    /** The type of the original function {@code index}; a bad index is reported at {@code offset}. */
    public FuncType functionType(long index, int offset) {
        if (index < 0 || index >= functionTypes.size()) {
            throw ByteReader.error(offset, "function index " + index + " out of range");
        }
        return types.get(functionTypes.get((int) index));
    }

    /** Globals of the original module, imported and defined. */
    public int globalCount() {
        return globalTypes.size();
    }

    public boolean isMutableI32Global(long index) {
        return index >= 0 && index < globalTypes.size() && globalMutable.get((int) index) && globalTypes.get((int) index) == FuncType.I32;
    }

    /** The global the name section names {@code name}, or -1. */
    public int globalNamed(String name) {
        return globalNames.entrySet().stream().filter(e -> e.getValue().equals(name))
                .mapToInt(java.util.Map.Entry::getKey).min().orElse(-1);
    }

    /** The imported global {@code module.name}, or -1. */
    public int importedGlobal(String module, String name) {
        return globalImportNames.indexOf(module + "\0" + name);
    }

    /** Whether a memory, defined or imported, is shared (so several threads may access it). */
    public boolean hasSharedMemory() {
        return sharedMemory;
    }

    /** Number of params and locals of defined function {@code defined} in the original. */
    public int localCount(int defined) {
        return bodies.get(defined).locals();
    }

    /** A cursor over the instructions of defined function {@code defined}, from its first. */
    public Instruction instructions(int defined) {
        FunctionBody b = bodies.get(defined);
        return new Instruction(new ByteReader(bytes, b.exprStart(), b.end()));
    }

    /** Offset just past the last instruction (the final {@code end}) of defined function. */
    public int bodyEnd(int defined) {
        return bodies.get(defined).end();
    }

    // ---- what the passes change ---------------------------------------------------------------

    /** Imports a function; returns its index in the rewritten module. */
    public int addFunctionImport(String module, String name, FuncType type) {
        addedImports.name(module).name(name).u8(0).u32(typeIndex(type));
        return importedFunctions + addedFunctionImports++;
    }

    private int typeIndex(FuncType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        int j = addedTypes.indexOf(type);
        if (j < 0) {
            addedTypes.add(type);
            j = addedTypes.size() - 1;
        }
        return types.size() + j;
    }

    /** Defines a global of a numeric type initialised to a constant; returns its index. */
    public int addGlobal(byte valueType, boolean mutable, long initialValue) {
        addedGlobals.u8(valueType).u8(mutable ? 1 : 0);
        switch (valueType) {
            case FuncType.I32 -> addedGlobals.u8(0x41).s32((int) initialValue);
            case FuncType.I64 -> addedGlobals.u8(0x42).s64(initialValue);
            default -> throw new IllegalArgumentException("only i32 and i64 globals");
        }
        addedGlobals.u8(0x0b);
        return globalTypes.size() + addedGlobalCount++;
    }

    /** Exports {@code index} (in the rewritten module) of {@code kind} under {@code name}. */
    public void addExport(String name, int kind, int index) {
        addedExports.name(name).u8(kind).u32(index);
        addedExportCount++;
    }

    /** The edits of defined function {@code defined}, shared by every pass. */
    public BodyEdit edit(int defined) {
        if (edits[defined] == null) {
            edits[defined] = new BodyEdit(bodies.get(defined).locals());
        }
        return edits[defined];
    }

    // ---- decoding -----------------------------------------------------------------------------

    private void read() {
        if (bytes.length < 8) {
            throw ByteReader.error(bytes.length, "unexpected end of module in its 8-byte header");
        }
        if (bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            throw ByteReader.error(0, "not a wasm binary (no \\0asm magic)");
        }
        if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
            throw ByteReader.error(4, "unsupported wasm version");
        }
        ByteReader r = new ByteReader(bytes, 8, bytes.length);
        int lastOrder = 0;
        int declaredFunctions = 0;
        boolean sawCode = false;
        while (!r.atEnd()) {
            int start = r.pos();
            int id = r.u8();
            int size = r.count();
            int contentStart = r.skip(size);
            if (id >= ORDER.length) {
                throw ByteReader.error(start, "unknown section id " + id);
            }
            if (id != CUSTOM) {
                if (ORDER[id] <= lastOrder) {
                    throw ByteReader.error(start, "section " + id + " out of order or repeated");
                }
                lastOrder = ORDER[id];
            }
            ByteReader s = new ByteReader(bytes, contentStart, contentStart + size);
            boolean isName = false;
            switch (id) {
                case CUSTOM -> isName = readCustom(s);
                case TYPE -> readTypes(s);
                case IMPORT -> readImports(s);
                case FUNCTION -> {
                    int n = s.vecCount(1);
                    for (int i = 0; i < n; i++) {
                        int at = s.pos();
                        type(s.u32() & 0xffffffffL, at);
                        functionTypes.add(readIndexBack(s, at));
                    }
                    declaredFunctions = n;
                }
                case 4 -> {
                    int n = s.vecCount(2);
                    for (int i = 0; i < n; i++) {
                        Instruction.referenceType(s);
                        limits(s, false);
                    }
                }
                case 5 -> {
                    int n = s.vecCount(2);
                    for (int i = 0; i < n; i++) {
                        limits(s, true);
                    }
                }
                case GLOBAL -> {
                    globalEntries = s.vecCount(3);
                    IndexCopier c = new IndexCopier(s, null, 0, 0);
                    for (int i = 0; i < globalEntries; i++) {
                        globalType(s);
                        c.constantExpression();
                    }
                }
                case EXPORT -> {
                    exportEntries = s.vecCount(3);
                    transcodeExports(new IndexCopier(s, null, 0, 0), exportEntries);
                }
                case START -> s.u32();
                case ELEMENT -> transcodeElements(new IndexCopier(s, null, 0, 0));
                case DATA_COUNT -> dataCount = s.count();
                case CODE -> {
                    readCode(s, declaredFunctions);
                    sawCode = true;
                }
                case DATA -> readData(s);
                default -> throw ByteReader.error(start, "unknown section id " + id);
            }
            s.expectEnd("section " + id);
            sections.add(new Section(id, start, contentStart, contentStart + size, isName));
        }
        if (declaredFunctions > 0 && !sawCode) {
            throw ByteReader.error(bytes.length, declaredFunctions + " functions declared but no code section");
        }
    }

    private static int readIndexBack(ByteReader s, int at) {
        int end = s.pos();
        s.seek(at);
        int v = s.u32();
        s.seek(end);
        return v;
    }

    private boolean readCustom(ByteReader s) {
        String name = s.name();
        if (!name.equals("name")) {
            s.seek(s.limit());
            return false;
        }
        while (!s.atEnd()) {
            int id = s.u8();
            int size = s.count();
            int at = s.skip(size);
            ByteReader sub = new ByteReader(bytes, at, at + size);
            if (id == 1 || id == 2 || id == 3 || id == 7) {
                IndexCopier c = new IndexCopier(sub, null, 0, 0);
                if (id == 2 || id == 3) {
                    transcodeIndirectNames(c);
                } else {
                    transcodeNames(c, id == 1, id == 7 ? globalNames : null);
                }
                sub.expectEnd("name subsection " + id);
            }
        }
        return true;
    }

    private void readTypes(ByteReader s) {
        int n = s.vecCount(3);
        for (int i = 0; i < n; i++) {
            int at = s.pos();
            if (s.u8() != 0x60) {
                throw ByteReader.error(at, "type is not a function type (0x60)");
            }
            byte[] params = valueTypes(s);
            byte[] results = valueTypes(s);
            types.add(new FuncType(params, results));
        }
    }

    private static byte[] valueTypes(ByteReader s) {
        int n = s.vecCount(1);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) Instruction.valueType(s);
        }
        return out;
    }

    private void readImports(ByteReader s) {
        importCount = s.vecCount(4);
        for (int i = 0; i < importCount; i++) {
            String module = s.name();
            String name = s.name();
            int at = s.pos();
            int kind = s.u8();
            switch (kind) {
                case 0 -> {
                    int t = s.pos();
                    type(s.u32() & 0xffffffffL, t);
                    functionTypes.add(readIndexBack(s, t));
                    importedFunctions++;
                }
                case 1 -> {
                    Instruction.referenceType(s);
                    limits(s, false);
                }
                case 2 -> limits(s, true);
                case 3 -> {
                    globalType(s);
                    globalImportNames.add(module + "\0" + name);
                    importedGlobals++;
                }
                default -> throw ByteReader.error(at, "unknown import kind " + kind);
            }
        }
    }

    private void limits(ByteReader s, boolean memory) {
        int at = s.pos();
        int flags = s.u8();
        if (flags > (memory ? 3 : 1)) {
            throw ByteReader.error(at, "unsupported limits flags 0x" + Integer.toHexString(flags));
        }
        s.u32();
        if ((flags & 1) != 0) {
            s.u32();
        }
        if ((flags & 2) != 0) {
            sharedMemory = true;
        }
    }

    private void globalType(ByteReader s) {
        globalTypes.add(Instruction.valueType(s));
        int at = s.pos();
        int mut = s.u8();
        if (mut > 1) {
            throw ByteReader.error(at, "global mutability " + mut + " is neither 0 nor 1");
        }
        globalMutable.add(mut == 1);
    }

    private void readCode(ByteReader s, int declaredFunctions) {
        int at = s.pos();
        int n = s.vecCount(2);
        if (n != declaredFunctions) {
            throw ByteReader.error(at, "code section has " + n + " bodies for " + declaredFunctions + " declared functions");
        }
        for (int i = 0; i < n; i++) {
            int start = s.pos();
            int size = s.count();
            int bodyStart = s.skip(size);
            ByteReader b = new ByteReader(bytes, bodyStart, bodyStart + size);
            int groups = b.vecCount(2);
            long locals = type(functionTypes.get(importedFunctions + i), start).paramCount();
            for (int g = 0; g < groups; g++) {
                int countAt = b.pos();
                locals += b.count();
                if (locals > 50_000) {
                    throw ByteReader.error(countAt, "more than 50000 locals");
                }
                Instruction.valueType(b);
            }
            int exprStart = b.pos();
            boolean refs = checkBody(b);
            bodies.add(new FunctionBody(start, bodyStart, groups, exprStart, bodyStart + size, (int) locals, refs));
        }
    }

    /** Reads a body's instructions, checks their nesting; tells whether any names a function. */
    private static boolean checkBody(ByteReader b) {
        Instruction ins = new Instruction(b);
        // One bit per open block: set when it is an if (which may have one else).
        long[] ifs = new long[4];
        int depth = 0;
        boolean refs = false;
        while (true) {
            if (b.atEnd()) {
                throw b.error("function body ends inside a block (missing end)");
            }
            ins.next();
            switch (ins.opcode) {
                case Instruction.BLOCK, Instruction.LOOP, Instruction.IF -> {
                    depth++;
                    if (depth >> 6 >= ifs.length) {
                        ifs = java.util.Arrays.copyOf(ifs, ifs.length * 2);
                    }
                    long bit = 1L << (depth & 63);
                    ifs[depth >> 6] = ins.opcode == Instruction.IF ? ifs[depth >> 6] | bit : ifs[depth >> 6] & ~bit;
                }
                case Instruction.ELSE -> {
                    long bit = 1L << (depth & 63);
                    if (depth == 0 || (ifs[depth >> 6] & bit) == 0) {
                        throw ByteReader.error(ins.start, "else outside an if");
                    }
                    ifs[depth >> 6] &= ~bit;
                }
                case Instruction.END -> {
                    if (depth-- == 0) {
                        if (!b.atEnd()) {
                            throw ByteReader.error(ins.end, "instructions after the function's final end");
                        }
                        return refs;
                    }
                }
                case Instruction.CALL, Instruction.RETURN_CALL, Instruction.REF_FUNC -> refs = true;
                default -> {}
            }
        }
    }

    private void readData(ByteReader s) {
        int at = s.pos();
        int n = s.vecCount(1);
        if (dataCount >= 0 && n != dataCount) {
            throw ByteReader.error(at, "data section has " + n + " segments, data count section says " + dataCount);
        }
        IndexCopier c = new IndexCopier(s, null, 0, 0);
        for (int i = 0; i < n; i++) {
            int flagsAt = s.pos();
            int flags = s.u32();
            switch (flags) {
                case 0 -> c.constantExpression();
                case 1 -> {}
                case 2 -> {
                    s.u32();
                    c.constantExpression();
                }
                default -> throw ByteReader.error(flagsAt, "unknown data segment flags " + Integer.toUnsignedString(flags));
            }
            s.skip(s.count());
        }
    }

    private static void transcodeExports(IndexCopier c, int n) {
        ByteReader s = c.in();
        for (int i = 0; i < n; i++) {
            s.name();
            int at = s.pos();
            int kind = s.u8();
            if (kind > 3) {
                throw ByteReader.error(at, "unknown export kind " + kind);
            }
            if (kind == EXPORT_FUNCTION) {
                c.functionIndex();
            } else {
                s.u32();
            }
        }
    }

    private static void transcodeElements(IndexCopier c) {
        ByteReader s = c.in();
        int n = s.vecCount(1);
        for (int i = 0; i < n; i++) {
            int at = s.pos();
            int flags = s.u32();
            if (flags < 0 || flags > 7) {
                throw ByteReader.error(at, "unknown element segment flags " + Integer.toUnsignedString(flags));
            }
            boolean passiveOrDeclared = (flags & 1) != 0;
            boolean explicitTable = (flags & 2) != 0;
            boolean expressions = (flags & 4) != 0;
            if (!passiveOrDeclared) {
                if (explicitTable) {
                    s.u32();
                }
                c.constantExpression();
            }
            if (passiveOrDeclared || explicitTable) {
                if (expressions) {
                    Instruction.referenceType(s);
                } else {
                    int kindAt = s.pos();
                    if (s.u8() != 0) {
                        throw ByteReader.error(kindAt, "unknown element kind");
                    }
                }
            }
            int m = s.vecCount(1);
            for (int j = 0; j < m; j++) {
                if (expressions) {
                    c.constantExpression();
                } else {
                    c.functionIndex();
                }
            }
        }
    }

    private static void transcodeNames(IndexCopier c, boolean functions, java.util.Map<Integer, String> collect) {
        ByteReader s = c.in();
        int n = s.vecCount(2);
        for (int i = 0; i < n; i++) {
            int index = functions ? c.functionIndex() : s.u32();
            String name = s.name();
            if (collect != null) {
                collect.putIfAbsent(index, name);
            }
        }
    }

    private static void transcodeIndirectNames(IndexCopier c) {
        ByteReader s = c.in();
        int n = s.vecCount(2);
        for (int i = 0; i < n; i++) {
            c.functionIndex();
            transcodeNames(c, false, null);
        }
    }

    // ---- encoding -----------------------------------------------------------------------------

    /** Writes the module with every edit applied. */
    public byte[] encode() {
        return encodeWithOffsets().wasm();
    }

    /** Writes the module with every edit applied, and where its code came from. */
    public Rewritten encodeWithOffsets() {
        OffsetMap.Builder offsets = new OffsetMap.Builder();
        ByteWriter w = new ByteWriter(bytes.length + bytes.length / 8 + 256);
        w.bytes(bytes, 0, 8);
        List<Integer> missing = new ArrayList<>();
        for (int id : new int[] {TYPE, IMPORT, GLOBAL, EXPORT}) {
            if (needs(id) && sections.stream().noneMatch(s -> s.id() == id)) {
                missing.add(id);
            }
        }
        int lastKnown = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id() != CUSTOM) {
                lastKnown = i;
            }
        }
        if (lastKnown < 0) {
            writeMissing(w, missing, Integer.MAX_VALUE);
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.id() != CUSTOM) {
                writeMissing(w, missing, ORDER[s.id()]);
            }
            writeSection(w, s, offsets);
            if (i == lastKnown) {
                writeMissing(w, missing, Integer.MAX_VALUE);
            }
        }
        return new Rewritten(w.toByteArray(), offsets.build(importedFunctions, addedFunctionImports));
    }

    private boolean needs(int id) {
        return switch (id) {
            case TYPE -> !addedTypes.isEmpty();
            case IMPORT -> addedFunctionImports > 0;
            case GLOBAL -> addedGlobalCount > 0;
            case EXPORT -> addedExportCount > 0;
            default -> false;
        };
    }

    private void writeMissing(ByteWriter w, List<Integer> missing, int beforeOrder) {
        while (!missing.isEmpty() && ORDER[missing.getFirst()] < beforeOrder) {
            int id = missing.removeFirst();
            ByteWriter content = new ByteWriter(64);
            switch (id) {
                case TYPE -> appendTypes(content.u32(addedTypes.size()));
                case IMPORT -> content.u32(addedFunctionImports).bytes(addedImports);
                case GLOBAL -> content.u32(addedGlobalCount).bytes(addedGlobals);
                default -> content.u32(addedExportCount).bytes(addedExports);
            }
            w.u8(id).u32(content.size()).bytes(content);
        }
    }

    private void appendTypes(ByteWriter w) {
        for (FuncType t : addedTypes) {
            t.encode(w);
        }
    }

    private void writeSection(ByteWriter w, Section s, OffsetMap.Builder offsets) {
        int shift = addedFunctionImports;
        OffsetMap.Builder code = new OffsetMap.Builder();
        ByteWriter content = switch (s.id()) {
            case TYPE -> addedTypes.isEmpty() ? null : extended(s, types.size() + addedTypes.size(), c -> appendTypes(c));
            case IMPORT -> shift == 0 ? null : extended(s, importCount + shift, c -> c.bytes(addedImports));
            case GLOBAL -> addedGlobalCount == 0 && shift == 0 ? null : rewriteGlobals(s);
            case EXPORT -> addedExportCount == 0 && shift == 0 ? null : rewriteExports(s);
            case START, ELEMENT -> shift == 0 ? null : renumbered(s);
            case CODE -> rewriteCode(s, code);
            case CUSTOM -> s.isNameSection() && shift != 0 ? rewriteNames(s) : null;
            default -> null;
        };
        if (content == null) {
            if (s.id() == CODE) {
                offsets.copied(w.size(), s.start());
            }
            w.bytes(bytes, s.start(), s.end());
        } else {
            w.u8(s.id()).u32(content.size(), ByteWriter.lebWidth(bytes, s.start() + 1));
            offsets.append(code, w.size());
            w.bytes(content);
        }
    }

    /** The section with a new count and {@code append} written after its original entries. */
    private ByteWriter extended(Section s, int newCount, java.util.function.Consumer<ByteWriter> append) {
        ByteReader r = new ByteReader(bytes, s.contentStart(), s.end());
        r.u32();
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + 64);
        c.u32(newCount, r.pos() - s.contentStart()).bytes(bytes, r.pos(), s.end());
        append.accept(c);
        return c;
    }

    private ByteWriter rewriteGlobals(Section s) {
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + 64);
        ByteReader r = new ByteReader(bytes, s.contentStart(), s.end());
        int n = r.u32();
        c.u32(n + addedGlobalCount, r.pos() - s.contentStart());
        IndexCopier copier = new IndexCopier(r, c, importedFunctions, addedFunctionImports);
        for (int i = 0; i < n; i++) {
            r.u8();
            r.u8();
            copier.constantExpression();
        }
        copier.finish();
        return c.bytes(addedGlobals);
    }

    private ByteWriter rewriteExports(Section s) {
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + 64);
        ByteReader r = new ByteReader(bytes, s.contentStart(), s.end());
        int n = r.u32();
        c.u32(n + addedExportCount, r.pos() - s.contentStart());
        IndexCopier copier = new IndexCopier(r, c, importedFunctions, addedFunctionImports);
        transcodeExports(copier, n);
        copier.finish();
        return c.bytes(addedExports);
    }

    private ByteWriter renumbered(Section s) {
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + 16);
        IndexCopier copier = new IndexCopier(new ByteReader(bytes, s.contentStart(), s.end()), c, importedFunctions, addedFunctionImports);
        if (s.id() == START) {
            copier.functionIndex();
        } else {
            transcodeElements(copier);
        }
        copier.finish();
        return c;
    }

    private ByteWriter rewriteNames(Section s) {
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + 16);
        ByteReader r = new ByteReader(bytes, s.contentStart(), s.end());
        r.name();
        c.bytes(bytes, s.contentStart(), r.pos());
        while (!r.atEnd()) {
            int subStart = r.pos();
            int id = r.u8();
            int sizeAt = r.pos();
            int size = r.count();
            int at = r.skip(size);
            // Function names (1), and local (2) and label (3) names, which are per function.
            if (id != 1 && id != 2 && id != 3) {
                c.bytes(bytes, subStart, at + size);
                continue;
            }
            ByteWriter sub = new ByteWriter(size + 16);
            IndexCopier copier = new IndexCopier(new ByteReader(bytes, at, at + size), sub, importedFunctions, addedFunctionImports);
            if (id == 1) {
                transcodeNames(copier, true, null);
            } else {
                transcodeIndirectNames(copier);
            }
            copier.finish();
            c.u8(id).u32(sub.size(), at - sizeAt).bytes(sub);
        }
        return c;
    }

    /** The code section's content, null when no edit or renumbering touches it. */
    private ByteWriter rewriteCode(Section s, OffsetMap.Builder offsets) {
        int shift = addedFunctionImports;
        boolean any = shift != 0;
        for (BodyEdit e : edits) {
            any |= e != null;
        }
        if (!any) {
            return null;
        }
        ByteWriter c = new ByteWriter(s.end() - s.contentStart() + s.end() / 8 + 64);
        ByteReader r = new ByteReader(bytes, s.contentStart(), s.end());
        r.u32();
        c.bytes(bytes, s.contentStart(), r.pos());
        OffsetMap.Builder bodyOffsets = new OffsetMap.Builder();
        for (int i = 0; i < bodies.size(); i++) {
            FunctionBody b = bodies.get(i);
            if (edits[i] == null && (shift == 0 || !b.refersToFunctions())) {
                offsets.copied(c.size(), b.start());
                c.bytes(bytes, b.start(), b.end());
                continue;
            }
            ByteWriter body = new ByteWriter(b.end() - b.localsStart() + 64);
            writeLocals(body, b, edits[i] == null ? new byte[0] : edits[i].newLocalTypes());
            bodyOffsets.clear();
            writeInstructions(body, b, edits[i] == null ? List.of() : edits[i].edits(), bodyOffsets);
            c.u32(body.size(), b.localsStart() - b.start());
            offsets.append(bodyOffsets, c.size());
            c.bytes(body);
        }
        return c;
    }

    private void writeLocals(ByteWriter w, FunctionBody b, byte[] added) {
        if (added.length == 0) {
            w.bytes(bytes, b.localsStart(), b.exprStart());
            return;
        }
        int groups = 1;
        for (int i = 1; i < added.length; i++) {
            groups += added[i] != added[i - 1] ? 1 : 0;
        }
        ByteReader r = new ByteReader(bytes, b.localsStart(), b.exprStart());
        r.u32();
        w.u32(b.localGroups() + groups).bytes(bytes, r.pos(), b.exprStart());
        for (int i = 0; i < added.length; ) {
            int j = i;
            while (j < added.length && added[j] == added[i]) {
                j++;
            }
            w.u32(j - i).u8(added[i]);
            i = j;
        }
    }

    /**
     * Writes the body's instructions with the edits, recording in {@code offsets} where each
     * original instruction and each insertion went (offsets in {@code w}).
     */
    private void writeInstructions(
            ByteWriter w, FunctionBody b, List<BodyEdit.Edit> edits, OffsetMap.Builder offsets) {
        ByteReader r = new ByteReader(bytes, b.exprStart(), b.end());
        IndexCopier copier = new IndexCopier(r, w, importedFunctions, addedFunctionImports);
        Instruction ins = new Instruction(r);
        offsets.copied(w.size(), b.exprStart());
        int next = 0;
        while (!r.atEnd()) {
            ins.next();
            boolean edited = false;
            boolean replaced = false;
            while (next < edits.size() && edits.get(next).offset() <= ins.start) {
                BodyEdit.Edit e = edits.get(next++);
                if (e.offset() == ins.start) {
                    copier.flush(ins.start);
                    offsets.inserted(w.size(), ins.start);
                    w.bytes(e.code());
                    edited = true;
                    replaced |= e.replaces();
                }
            }
            if (replaced) {
                copier.skipTo(ins.end);
                offsets.copied(w.size(), ins.end);
            } else if (edited) {
                offsets.copied(w.size(), ins.start);
            }
            if (!replaced && ins.refersToFunction()) {
                int end = r.pos();
                r.seek(ins.immStart);
                copier.functionIndex();
                r.seek(end);
                // A renumbered index may be wider than it was.
                offsets.copied(copier.written(ins.end), ins.end);
            }
        }
        copier.finish();
    }
}
