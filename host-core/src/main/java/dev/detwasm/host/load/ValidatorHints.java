package dev.detwasm.host.load;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;

/**
 * Whether a module parsed without validation runs differently from the validated one. Chicory's
 * validator only checks, except in two places where it writes into the code what execution then
 * reads: the type of the operand that {@code drop} and {@code select} discard when it is a v128,
 * and the heap types of GC casts. A module with no v128 value and no GC instruction carries no
 * such hint, so once its bytes are known to be valid (an entry of the compile cache says so) it
 * can skip validation, which is a third of loading a large module.
 */
final class ValidatorHints {
    private static final int SIMD_PREFIX = 0xFD;
    private static final int GC_PREFIX = 0xFB;

    private ValidatorHints() {}

    static boolean needed(WasmModule module) {
        for (FunctionType type : module.typeSection().types()) {
            if (type != null && (hasV128(type.params()) || hasV128(type.returns()))) {
                return true;
            }
        }
        for (Global global : module.globalSection().globals()) {
            if (global.valueType().equals(ValType.V128)) {
                return true;
            }
        }
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof GlobalImport g && g.type().equals(ValType.V128)) {
                return true;
            }
        }
        for (FunctionBody body : module.codeSection().functionBodies()) {
            if (hasV128(body.localTypes())) {
                return true;
            }
            for (Instruction instruction : body.instructions()) {
                int prefix = instruction.opcode().opcode() >> 8;
                if (prefix == SIMD_PREFIX || prefix == GC_PREFIX) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasV128(List<ValType> types) {
        for (ValType t : types) {
            if (t.equals(ValType.V128)) {
                return true;
            }
        }
        return false;
    }
}
