package dev.detwasm.host;

import com.dylibso.chicory.wasm.WasmModule;

/**
 * Finds the wasm function a trap happened in. Chicory's AOT compiler turns function {@code N}
 * into a JVM method {@code func_N}, so the innermost such frame of the exception names it; the
 * interpreter leaves no trace of wasm functions on the JVM stack, so there it is unknown.
 */
final class TrapLocator {
    private static final String PREFIX = "func_";

    private final FunctionNames names;

    TrapLocator(WasmModule module) {
        this.names = new FunctionNames(module);
    }

    /** {@code "$name (function N)"}, {@code "function N"}, or empty when unknown. */
    String functionOf(Throwable trap) {
        for (Throwable t = trap; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String method = frame.getMethodName();
                if (method.startsWith(PREFIX) && isDigits(method, PREFIX.length())) {
                    int index = Integer.parseInt(method.substring(PREFIX.length()));
                    return names.describe(index);
                }
            }
        }
        return "";
    }

    private static boolean isDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
