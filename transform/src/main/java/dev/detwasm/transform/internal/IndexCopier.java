package dev.detwasm.transform.internal;

import dev.detwasm.transform.Instruction;

/**
 * Reads a stretch of the module and, when given a writer, copies it while renumbering every
 * function index in it: the one place where adding imported functions is accounted for.
 * Without a writer it only reads (the decoder uses it to check the structure). Each index is
 * rewritten with at least its original LEB128 width, so padded indices stay padded.
 */
public final class IndexCopier {
    private final ByteReader in;
    private final ByteWriter out;
    private final int importedFunctions;
    private final int shift;
    private int copied;

    public IndexCopier(ByteReader in, ByteWriter out, int importedFunctions, int shift) {
        this.in = in;
        this.out = out;
        this.importedFunctions = importedFunctions;
        this.shift = shift;
        this.copied = in.pos();
    }

    public ByteReader in() {
        return in;
    }

    /** The index a function of the original module has in the rewritten one. */
    public static int remap(int index, int importedFunctions, int shift) {
        return Integer.compareUnsigned(index, importedFunctions) < 0 ? index : index + shift;
    }

    /** Reads a function index, writing it renumbered. */
    public int functionIndex() {
        int at = in.pos();
        int index = in.u32();
        rewriteIndex(at, index);
        return index;
    }

    private void rewriteIndex(int at, int index) {
        if (out != null && shift != 0) {
            flush(at);
            int width = in.pos() - at;
            out.u32(remap(index, importedFunctions, shift), width);
            copied = in.pos();
        }
    }

    /** Reads a constant expression up to and including its {@code end}. */
    public void constantExpression() {
        Instruction ins = new Instruction(in);
        int depth = 0;
        while (true) {
            ins.next();
            if (ins.refersToFunction()) {
                int end = in.pos();
                in.seek(ins.immStart);
                functionIndex();
                in.seek(end);
            } else if (ins.opcode == Instruction.BLOCK || ins.opcode == Instruction.LOOP || ins.opcode == Instruction.IF) {
                depth++;
            } else if (ins.opcode == Instruction.END) {
                if (depth-- == 0) {
                    return;
                }
            }
        }
    }

    /** Copies what was read and not yet written, up to {@code upTo}. */
    public void flush(int upTo) {
        if (out != null && upTo > copied) {
            out.bytes(in.bytes(), copied, upTo);
        }
        copied = Math.max(copied, upTo);
    }

    /** Where input offset {@code at}, not yet copied, will be in the output. */
    public int written(int at) {
        return out.size() + (at - copied);
    }

    /** Drops what was read up to {@code upTo} without writing it (it was replaced). */
    public void skipTo(int upTo) {
        copied = upTo;
    }

    /** Copies the rest of the slice. */
    public void finish() {
        flush(in.limit());
    }
}
