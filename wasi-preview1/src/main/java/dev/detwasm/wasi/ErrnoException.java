package dev.detwasm.wasi;

/**
 * Ends a WASI call early with an {@link Errno}: the call returns {@link #errno()} to the guest.
 * It is control flow inside the host, never seen by users, so it carries no stack trace. Host
 * functions built with {@link WasiFunctionTable#errno} may throw it from any depth.
 */
public final class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public ErrnoException(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
