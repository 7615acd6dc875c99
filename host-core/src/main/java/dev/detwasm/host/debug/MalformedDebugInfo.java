package dev.detwasm.host.debug;

/** A debug section that cannot be read; the module still runs, without what it would say. */
final class MalformedDebugInfo extends RuntimeException {
    MalformedDebugInfo(String message) {
        super(message);
    }
}
