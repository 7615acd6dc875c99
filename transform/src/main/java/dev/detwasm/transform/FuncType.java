package dev.detwasm.transform;

import java.util.Arrays;

/** A function type: value types (binary-format bytes) of the parameters and the results. */
public final class FuncType {
    public static final byte I32 = 0x7f;
    public static final byte I64 = 0x7e;
    public static final byte F32 = 0x7d;
    public static final byte F64 = 0x7c;

    private final byte[] params;
    private final byte[] results;

    public FuncType(byte[] params, byte[] results) {
        this.params = params.clone();
        this.results = results.clone();
    }

    public int paramCount() {
        return params.length;
    }

    public int resultCount() {
        return results.length;
    }

    public byte param(int i) {
        return params[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType t && Arrays.equals(params, t.params) && Arrays.equals(results, t.results);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
    }

    void encode(dev.detwasm.transform.internal.ByteWriter w) {
        w.u8(0x60).u32(params.length).bytes(params).u32(results.length).bytes(results);
    }
}
