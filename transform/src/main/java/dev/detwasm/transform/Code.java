package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteWriter;

/** Builds a snippet of instructions that a pass inserts into a function body. */
public final class Code {
    private final ByteWriter out = new ByteWriter(32);

    public Code op(int opcode) {
        if (opcode > 0xff) {
            out.u8(opcode >>> 8).u32(opcode & 0xff);
        } else {
            out.u8(opcode);
        }
        return this;
    }

    private Code op(int opcode, int index) {
        out.u8(opcode).u32(index);
        return this;
    }

    public Code localGet(int index) {
        return op(0x20, index);
    }

    public Code localSet(int index) {
        return op(0x21, index);
    }

    public Code localTee(int index) {
        return op(0x22, index);
    }

    public Code globalGet(int index) {
        return op(0x23, index);
    }

    public Code globalSet(int index) {
        return op(0x24, index);
    }

    public Code call(int functionIndex) {
        return op(0x10, functionIndex);
    }

    public Code i32Const(int value) {
        out.u8(0x41).s32(value);
        return this;
    }

    public Code i64Const(long value) {
        out.u8(0x42).s64(value);
        return this;
    }

    /** {@code if} with no params and no results. */
    public Code ifEmpty() {
        out.u8(0x04).u8(0x40);
        return this;
    }

    /** {@code if} with one result of {@code valueType} (a {@link FuncType} constant). */
    public Code ifResult(byte valueType) {
        out.u8(0x04).u8(valueType);
        return this;
    }

    public Code elseBranch() {
        out.u8(0x05);
        return this;
    }

    /** A memarg: alignment exponent (flags) and offset. */
    public Code memarg(int align, long offset) {
        out.u32(align).u32((int) offset);
        return this;
    }

    public Code end() {
        out.u8(0x0b);
        return this;
    }

    /** Turns the i32 address on the stack into the effective i64 address with {@code offset}. */
    public Code effectiveAddress(long offset) {
        op(0xad); // i64.extend_i32_u
        if (offset != 0) {
            i64Const(offset).op(0x7c); // i64.add
        }
        return this;
    }

    /** Appends a snippet built before. */
    public Code code(byte[] snippet) {
        out.bytes(snippet);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
